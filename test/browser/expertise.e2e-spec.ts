import { updateProfile } from '../factories/people.factory.js';
import { registerUser, type TestUser } from '../factories/user.factory.js';
import { expectVisible, snap, useBrowserHarness, waitLive } from './harness.js';

/**
 * Expertise in the browser, against the real api: the people directory without typing (filters,
 * "show more"), mentoring (offer a skill, ask for a guide, see the pairing on both sides live,
 * close it), and the admin's skill synonym table.
 */

const h = useBrowserHarness();

/** Waits until `check` holds (what the api stored after a click), failing after `ms`. */
async function until(check: () => Promise<boolean>, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
const { scenario, signedInPage } = h;

let admin: TestUser;
beforeAll(async () => {
  admin = await registerUser(h.t, { displayName: 'Site Admin' }); // the first account: admin
});

describe('expertise: directory, mentoring, skill synonyms (browser)', () => {
  it('browses the people directory without typing, filters it by place and shows more', () =>
    scenario('people-directory', async () => {
      const viewer = await registerUser(h.t, { displayName: 'Amélie Viewer' });
      const chloe = await registerUser(h.t, { displayName: 'Chloé Ingénieure' });
      const eric = await registerUser(h.t, { displayName: 'Éric Engineer' });
      await updateProfile(h.t, chloe, { title: 'Staff engineer', department: 'Ingénierie', location: 'Lyon' });
      await updateProfile(h.t, eric, { department: 'INGENIERIE', location: 'Paris' });
      // Enough people that the directory needs a second page (20 per page); they sort last.
      for (let n = 1; n <= 21; n++) await registerUser(h.t, { displayName: `Zed Person ${String(n).padStart(2, '0')}` });

      const page = await signedInPage(viewer);
      await page.getByRole('link', { name: 'People', exact: true }).click();
      const directory = page.getByRole('region', { name: 'Everyone, by name' });
      await directory.getByRole('link', { name: 'Chloé Ingénieure' }).waitFor();
      await directory.getByText('Staff engineer · Ingénierie · Lyon').waitFor();
      expect(await page.getByLabel('Search people by name or @handle').inputValue()).toBe('');
      expect(await directory.getByRole('link', { name: 'Zed Person 21' }).count()).toBe(0);
      await snap(page, 'people-directory');

      await directory.getByRole('button', { name: 'Show more people' }).click();
      await directory.getByRole('link', { name: 'Zed Person 21' }).waitFor();
      expect(await directory.getByRole('button', { name: 'Show more people' }).count()).toBe(0);

      // Case and accents do not matter in the filters.
      await page.getByLabel('Department').fill('ingenierie');
      await directory.getByRole('link', { name: 'Zed Person 01' }).waitFor({ state: 'detached' });
      await directory.getByRole('link', { name: 'Éric Engineer' }).waitFor();
      expect(await directory.getByRole('link', { name: 'Chloé Ingénieure' }).count()).toBe(1);
      await page.getByLabel('Location').fill('PARIS');
      await directory.getByRole('link', { name: 'Chloé Ingénieure' }).waitFor({ state: 'detached' });
      expect(await directory.getByRole('link', { name: 'Éric Engineer' }).count()).toBe(1);
      expect(page.url()).toContain('department=ingenierie');

      // Typing switches to the search, still within the place; emptying the box brings the directory back.
      await page.getByLabel('Search people by name or @handle').fill('chlo');
      await page.getByText('Nobody matches “chlo”.').waitFor();
      await page.getByLabel('Location').fill('');
      await page.getByRole('region', { name: 'Search results' }).getByRole('link', { name: 'Chloé Ingénieure' }).waitFor();
      await page.getByLabel('Search people by name or @handle').fill('');
      await directory.getByRole('link', { name: 'Éric Engineer' }).waitFor();
    }));

  it('pairs a mentee with a colleague who mentors on the skill, live on both sides, and closes it', () =>
    scenario('mentoring', async () => {
      const mentor = await registerUser(h.t, { displayName: 'Grace Mentor' });
      const mentee = await registerUser(h.t, { displayName: 'Nina Newcomer' });

      // The mentor offers Kubernetes on the Mentoring page.
      const mentorPage = await signedInPage(mentor);
      await mentorPage.getByRole('link', { name: 'Mentoring', exact: true }).click();
      await mentorPage.getByRole('heading', { level: 1, name: 'Mentoring' }).waitFor();
      await mentorPage.getByLabel('Add skill').fill('Kubernetes');
      await mentorPage.getByLabel('Add skill').press('Enter');
      await mentorPage.getByRole('button', { name: 'Remove Kubernetes' }).waitFor();
      expect(await mentorPage.getByLabel('I take new mentees now').isChecked()).toBe(true);
      await mentorPage.getByLabel('Mentees at once').fill('0');
      await mentorPage.getByRole('button', { name: 'Save my mentoring' }).click();
      await mentorPage.getByText('Enter a whole number from 1 to 20.').waitFor();
      await mentorPage.getByLabel('Mentees at once').fill('2');
      await mentorPage.getByRole('button', { name: 'Save my mentoring' }).click();
      await until(
        async () => (await h.t.http.get('/api/me/mentoring').set('Authorization', mentor.auth)).body.topics?.length === 1,
      );
      await mentorPage.getByText('People I mentor').waitFor();
      await mentorPage.getByText('Nobody has been paired with you yet.').waitFor();
      await waitLive(mentorPage);

      // Their own profile says so.
      await mentorPage.getByRole('link', { name: /My profile/ }).click();
      await mentorPage
        .getByRole('list', { name: 'You mentor on' })
        .getByText(/kubernetes/i)
        .waitFor();
      await mentorPage.getByRole('link', { name: 'Manage my mentoring' }).click();
      await mentorPage.getByRole('heading', { level: 1, name: 'Mentoring' }).waitFor();

      // The mentee asks with a synonym, and sees who they are paired with.
      const menteePage = await signedInPage(mentee);
      await menteePage.getByRole('link', { name: 'Mentoring', exact: true }).click();
      await menteePage.getByLabel('Skill you want a guide on').fill('k8s');
      await menteePage.getByLabel('What you would like help with (optional)').fill('Helm charts <b>please</b>');
      await menteePage.getByRole('button', { name: 'Ask for a mentor' }).click();
      // In the form: the same sentence is also announced to screen readers, outside it.
      const form = menteePage.getByRole('form', { name: 'Find a mentor' });
      await form.getByText(/Your mentor for “.+”:/).waitFor();
      await form.getByRole('link', { name: 'Grace Mentor' }).waitFor();
      expect(await menteePage.getByLabel('Skill you want a guide on').inputValue()).toBe('');
      const mine = menteePage.getByRole('region', { name: 'My requests' });
      await mine.getByText('Paired').waitFor();
      // The note is text, never markup.
      await mine.getByText('Helm charts <b>please</b>').waitFor();
      await snap(menteePage, 'mentoring');

      // The mentor's page shows the new mentee live.
      const mentoring = mentorPage.getByRole('region', { name: 'People I mentor' });
      await mentoring.getByRole('link', { name: 'Nina Newcomer' }).waitFor();

      // Asking again on the same skill is refused; what was typed stays.
      await menteePage.getByLabel('Skill you want a guide on').fill('Kubernetes');
      await menteePage.getByRole('button', { name: 'Ask for a mentor' }).click();
      await menteePage.getByRole('alert').filter({ hasText: 'already have an open mentoring request' }).waitFor();
      expect(await menteePage.getByLabel('Skill you want a guide on').inputValue()).toBe('Kubernetes');

      // Nobody mentors on Cobol: a clear message, the request waits.
      await menteePage.getByLabel('Skill you want a guide on').fill('Cobol');
      await menteePage.getByRole('button', { name: 'Ask for a mentor' }).click();
      await form.getByText(/Nobody is available to mentor on “.+” right now/).waitFor();
      await mine.getByText('Waiting for a mentor').waitFor();

      // The mentee closes the pairing; the mentor sees it closed live.
      await mine.getByRole('button', { name: 'Close the request on “k8s”' }).click();
      await mentoring.getByText('Closed').waitFor();
      expect(await mentoring.getByRole('button', { name: /Close the request/ }).count()).toBe(0);
    }));

  it('lets an admin add and remove a skill synonym, showing the api’s validation errors', () =>
    scenario('skill-synonyms', async () => {
      const page = await signedInPage(admin);
      await page.getByRole('link', { name: 'Manage' }).click();
      await page.getByRole('link', { name: 'Skill synonyms' }).click();
      await page.waitForURL('**/manage/skills');
      const table = page.getByRole('table', { name: 'Synonyms' });
      await table.getByRole('row', { name: /k8s\s+kubernetes/ }).waitFor();

      await page.getByLabel('Alias').fill('pg');
      await page.getByLabel('Means the skill').fill('PostgreSQL');
      await page.getByRole('button', { name: 'Add synonym' }).click();
      await table.getByRole('row', { name: /^pg\s+postgresql/ }).waitFor();
      expect(await page.getByLabel('Alias').inputValue()).toBe('');
      const stored = await h.t.http.get('/api/admin/skill-synonyms').set('Authorization', admin.auth);
      expect(stored.body.items).toContainEqual({ alias: 'pg', canonical: 'postgresql' });
      await snap(page, 'skill-synonyms');

      // A synonym of itself is refused by the api: its reason is shown, the typed text stays.
      await page.getByLabel('Alias').fill('Docker');
      await page.getByLabel('Means the skill').fill('docker');
      await page.getByRole('button', { name: 'Add synonym' }).click();
      await page.getByRole('alert').filter({ hasText: 'is the same skill as' }).waitFor();
      expect(await page.getByLabel('Alias').inputValue()).toBe('Docker');
      expect(await page.getByLabel('Means the skill').inputValue()).toBe('docker');

      // Both fields are required before anything is sent.
      await page.getByLabel('Alias').fill('');
      await page.getByRole('button', { name: 'Add synonym' }).click();
      await page.getByText('Alias is required.').waitFor();

      await page.getByRole('button', { name: 'Remove “pg” = “postgresql”' }).click();
      await table.getByRole('row', { name: /^pg\s+postgresql/ }).waitFor({ state: 'detached' });
      await expectVisible(page, table.getByRole('row', { name: /k8s\s+kubernetes/ }));
      const after = await h.t.http.get('/api/admin/skill-synonyms').set('Authorization', admin.auth);
      expect(after.body.items).not.toContainEqual({ alias: 'pg', canonical: 'postgresql' });
    }));
});
