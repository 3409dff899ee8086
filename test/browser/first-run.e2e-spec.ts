import type { Page } from 'playwright-core';
import { createGroup, joinGroup } from '../factories/group.factory.js';
import { openCampaign, registerInnovator, submitIdea } from '../factories/idea.factory.js';
import { publishGuidelines } from '../factories/moderation.factory.js';
import { updateProfile } from '../factories/people.factory.js';
import { createPost } from '../factories/post.factory.js';
import { firstRunSteps, publishOnboardingPath } from '../factories/training.factory.js';
import { actingAs, registerUser, type TestUser } from '../factories/user.factory.js';
import { PHONE, postByText, snap, useBrowserHarness } from './harness.js';

/**
 * First run (#16) in the browser: a new employee holding nothing but an invitation link creates
 * their account and is guided (skills, colleagues, groups, guidelines) to a home feed with posts,
 * then asks a question and votes in a campaign, all by clicks; at phone width, the screen works,
 * can be skipped, and the empty feed says what to do next.
 */

const h = useBrowserHarness();
const { newPage, scenario } = h;

let admin: TestUser;
let pete: TestUser;
let platformId: string;
let pathId: string;
beforeAll(async () => {
  admin = await registerUser(h.t, { displayName: 'Site Admin' }); // the first account: admin
  const innovator = await registerInnovator(h.t, admin, 'Ines Innovation');
  pete = await registerUser(h.t, { displayName: 'Pete Platform' });
  const fred = await registerUser(h.t, { displayName: 'Fred Ops' });
  await updateProfile(h.t, pete, { department: 'Engineering', skills: ['TypeScript'] });
  await updateProfile(h.t, fred, { department: 'Engineering', skills: ['Kubernetes'] });
  platformId = (await createGroup(h.t, fred, { name: 'Platform guild' })).id;
  await joinGroup(h.t, pete, platformId);
  await createPost(h.t, pete, 'Welcome to the platform team, newcomers!');
  await actingAs(h.t, fred).post('/api/posts', { body: 'Deploys are frozen on Fridays.', groupId: platformId }).expect(201);
  const campaign = await openCampaign(h.t, innovator, [fred], { title: 'Greener offices' });
  await submitIdea(h.t, pete, campaign.id, { title: 'Bike sheds at every office' });

  await publishGuidelines(h.t, admin, 'Be kind and stay on topic.');
  pathId = (await publishOnboardingPath(h.t, admin, firstRunSteps(platformId))).id;
});

/** How wide the page's content is (wider than the viewport: it scrolls sideways). */
const pageWidth = (page: Page) =>
  page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);

const next = (page: Page) => page.getByRole('button', { name: 'Continue' }).click();

describe('first run (browser)', () => {
  it('takes a new employee from the invitation link to a feed with posts, a question asked and a vote cast', () =>
    scenario('first-run-desktop', async () => {
      const invited = await actingAs(h.t, admin).post('/api/admin/invitations', { email: 'nora@corp.example' });
      expect(invited.status).toBe(201);
      const link = new URL(invited.body.link);

      const page = await newPage();
      await page.goto(link.pathname + link.search);
      await page.getByLabel('Full name').fill('Nora Newcomer');
      if (!(await page.getByLabel('Work email').inputValue())) await page.getByLabel('Work email').fill('nora@corp.example');
      await page.getByLabel('Password').fill('correct horse battery');
      await page.getByRole('button', { name: 'Create account' }).click();

      // First sign-in: the first-run screen, not the feed.
      await page.getByRole('heading', { level: 1, name: 'Welcome to Ruche' }).waitFor();
      await page.waitForURL('**/welcome');
      const skills = page.getByRole('region', { name: 'What do you know?' });
      await skills.getByLabel('Your department').fill('Engineering');
      await skills.getByRole('button', { name: 'Add the skill TypeScript' }).click();
      await snap(page, 'first-run-skills');
      await skills.getByRole('button', { name: 'Save and continue' }).click();

      const colleagues = page.getByRole('region', { name: 'Follow the people you work with' });
      const followPete = colleagues.getByRole('button', { name: 'Follow Pete Platform' });
      await followPete.click();
      await colleagues.getByRole('button', { name: 'Follow Pete Platform', pressed: true }).waitFor();
      await snap(page, 'first-run-colleagues');
      await next(page);

      const groups = page.getByRole('region', { name: 'Join groups' });
      await groups.getByText('2 colleagues of your department').waitFor();
      await groups.getByRole('button', { name: 'Join Platform guild' }).click();
      await groups.getByRole('button', { name: 'Join Platform guild', disabled: true }).waitFor();
      await next(page);

      await page.getByText('Be kind and stay on topic.').waitFor();
      await page.getByRole('button', { name: 'I accept' }).click();
      await page.getByText('You have accepted the community guidelines.').waitFor();
      await next(page);

      await page.getByRole('heading', { name: 'You are all set' }).waitFor();
      await page.getByRole('button', { name: 'Go to my feed' }).click();
      await page.waitForURL((url) => url.pathname === '/');
      await postByText(page, 'Welcome to the platform team, newcomers!').waitFor();
      await postByText(page, 'Deploys are frozen on Fridays.').waitFor();

      // Everything first run did is on the onboarding path, now complete; it will not greet her again.
      const nora = await h.t.http.post('/api/auth/login').send({ email: 'nora@corp.example', password: 'correct horse battery' }).expect(200);
      const as = (path: string) => h.t.http.get(path).set('Authorization', `Bearer ${nora.body.accessToken}`);
      await h.t.settle();
      const onboarding = (await as('/api/me/training')).body.items.find((p: { id: string }) => p.id === pathId);
      expect(onboarding.steps.map((s: { done: boolean }) => s.done)).toEqual([true, true, true, true]);
      expect((await as('/api/me/first-run')).body).toMatchObject({ due: false, outcome: 'finished' });
      expect((await as(`/api/users/${nora.body.user.id}`)).body).toMatchObject({
        department: 'Engineering',
        skills: [expect.objectContaining({ name: 'TypeScript' })],
      });

      // A question, by clicks.
      await page.getByRole('link', { name: 'Questions' }).first().click();
      await page.getByRole('link', { name: 'Ask a question' }).first().click();
      await page.getByLabel('Your question').fill('Who approves a deploy on a Friday?');
      await page.getByRole('textbox', { name: 'Add topic' }).fill('deploys');
      await page.getByRole('textbox', { name: 'Add topic' }).press('Enter');
      await page.getByRole('button', { name: 'Ask', exact: true }).click();
      await page.getByText('Your question is asked.').waitFor();

      // A vote in the open campaign, by clicks.
      await page.getByRole('link', { name: 'Ideas' }).first().click();
      await page.getByRole('link', { name: 'Greener offices' }).click();
      await page.getByRole('button', { name: '0 · Vote for “Bike sheds at every office”' }).click();
      await page.getByRole('button', { name: '1 · Voted for “Bike sheds at every office”', pressed: true }).waitFor();
    }));

  it('works at phone width, can be skipped, and the empty feed then says what to do next', () =>
    scenario('first-run-phone', async () => {
      const newbie = await registerUser(h.t, { displayName: 'Phil Phone' });
      const page = await newPage();
      await page.setViewportSize(PHONE);
      await page.goto('/signin');
      await page.getByLabel('Work email').fill(newbie.email);
      await page.getByLabel('Password').fill(newbie.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.getByRole('heading', { level: 1, name: 'Welcome to Ruche' }).waitFor();
      await page.getByRole('region', { name: 'What do you know?' }).waitFor();
      // Nothing wider than the phone.
      expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
      await snap(page, 'first-run-phone');
      await page.getByRole('button', { name: 'Skip for now' }).click();

      await page.waitForURL((url) => url.pathname === '/');
      const nextSteps = page.getByRole('region', { name: 'What next?' });
      await nextSteps.getByRole('link', { name: 'Vote on ideas in “Greener offices”' }).waitFor();
      await nextSteps.getByRole('link', { name: 'Ask a question' }).waitFor();
      await snap(page, 'empty-feed-next-steps');
      expect((await actingAs(h.t, newbie).get('/api/me/first-run')).body).toMatchObject({ due: false, outcome: 'skipped' });

      // Reachable after: back to the suggestions, one click follows.
      await nextSteps.getByRole('link', { name: 'Follow colleagues and join groups' }).click();
      await page.getByRole('region', { name: 'What do you know?' }).getByRole('button', { name: 'Save and continue' }).click();
      const colleagues = page.getByRole('region', { name: 'Follow the people you work with' });
      await colleagues.getByRole('button', { name: /^Follow / }).first().click();
      await colleagues.getByRole('button', { pressed: true }).waitFor();
      expect(await pageWidth(page)).toBeLessThanOrEqual(PHONE.width);
    }));
});
