import type { Page } from 'playwright-core';
import { createCampaign, grantInnovation, openCampaign, submitIdea, transition, vote } from '../factories/idea.factory.js';
import { registerUser, type TestUser } from '../factories/user.factory.js';
import { postByText, publish, snap, useBrowserHarness, waitLive } from './harness.js';

/**
 * Groups, the people directory and idea campaigns in the browser, against the real api: private
 * group membership end to end (request, approval, live posts), @mention suggestions from the
 * directory, and idea votes that move live in another person's browser.
 */

const h = useBrowserHarness();
const { scenario, signedInPage } = h;

let admin: TestUser;
beforeAll(async () => {
  admin = await registerUser(h.t, { displayName: 'Site Admin' }); // the first account: admin
});

/** The id at the end of the current /groups/:id or /campaigns/:id address. */
function idFromUrl(page: Page): string {
  const id = new URL(page.url()).pathname.split('/')[2];
  if (!id) throw new Error(`no id in ${page.url()}`);
  return id;
}

describe('groups, people and ideas (browser)', () => {
  it('runs a private group: request, approval, live posts, and "not found" for outsiders', () =>
    scenario('private-group', async () => {
      const owner = await registerUser(h.t, { displayName: 'Ada Owner' });
      const asker = await registerUser(h.t, { displayName: 'Bea Asker' });
      const outsider = await registerUser(h.t, { displayName: 'Cyd Outsider' });

      const ownerPage = await signedInPage(owner);
      await ownerPage.getByRole('link', { name: 'Groups', exact: true }).click();
      await ownerPage.getByRole('link', { name: 'Create a group' }).click();
      await ownerPage.getByLabel('Group name').fill('Quantum lab');
      await ownerPage.getByLabel('Description').fill('Where the <b>qubits</b> live');
      await ownerPage.getByRole('radio', { name: /^Private/ }).check();
      await snap(ownerPage, 'group-create');
      await ownerPage.getByRole('button', { name: 'Create group' }).click();
      await ownerPage.getByRole('heading', { level: 1, name: 'Quantum lab' }).waitFor();
      const groupId = idFromUrl(ownerPage);
      // The description is text: the markup shows as typed.
      await ownerPage.getByText('Where the <b>qubits</b> live').waitFor();
      expect(await ownerPage.getByRole('region', { name: 'Quantum lab' }).locator('b').count()).toBe(0);

      // Someone holding the link asks to join; the group stays hidden until approved.
      const askerPage = await signedInPage(asker);
      await waitLive(askerPage);
      await askerPage.goto(`/groups/${groupId}`);
      await askerPage.getByRole('heading', { name: 'Group not found or private' }).waitFor();
      await askerPage.getByRole('button', { name: 'Ask to join' }).click();
      await askerPage.getByText('Your request is sent.').waitFor();
      await waitLive(askerPage);

      // An outsider sees the same "not found", and nothing of the group.
      const outsiderPage = await signedInPage(outsider);
      await outsiderPage.goto(`/groups/${groupId}`);
      await outsiderPage.getByRole('heading', { name: 'Group not found or private' }).waitFor();
      expect(await outsiderPage.getByText('Quantum lab').count()).toBe(0);
      await snap(outsiderPage, 'group-unavailable');

      // The owner approves from the requests tab.
      await ownerPage.getByRole('link', { name: 'Join requests' }).click();
      await ownerPage.getByRole('button', { name: 'Approve Bea Asker' }).click();
      await ownerPage.getByText('No pending requests.').waitFor();
      await ownerPage.getByText('2 members').waitFor();

      // The new member's page turns into the group, live, and they post in it.
      await askerPage.getByRole('heading', { level: 1, name: 'Quantum lab' }).waitFor();
      await ownerPage.getByRole('link', { name: 'Posts', exact: true }).click();
      await ownerPage.getByText('No posts yet. Start the conversation!').waitFor();
      await waitLive(ownerPage);
      await publish(askerPage, 'Hello lab, glad to be here', 'Post in Quantum lab');
      await postByText(askerPage, 'Hello lab, glad to be here').waitFor();

      // The owner sees it arrive live, behind the pill.
      const pill = ownerPage.getByRole('button', { name: '1 new post' });
      await pill.waitFor();
      await pill.click();
      await postByText(ownerPage, 'Hello lab, glad to be here').waitFor();
      await snap(ownerPage, 'group-feed');

      // On the home feed (behind its own pill), the post names its group, linked.
      await ownerPage.getByRole('link', { name: 'Home', exact: true }).click();
      await ownerPage.getByRole('button', { name: '1 new post' }).click();
      const onHome = postByText(ownerPage, 'Hello lab, glad to be here');
      await onHome.getByRole('link', { name: 'Quantum lab' }).waitFor();

      await ownerPage.goto(`/groups/${groupId}/members`);
      await ownerPage.getByRole('combobox', { name: 'Role of Bea Asker' }).waitFor();
      await snap(ownerPage, 'group-members');
      await ownerPage.getByRole('link', { name: 'Groups', exact: true }).click();
      await ownerPage.getByRole('link', { name: 'Quantum lab' }).waitFor();
      await snap(ownerPage, 'groups');
    }));

  it('suggests a colleague from the directory for an @mention, and finds people by name', () =>
    scenario('mentions-people', async () => {
      const writer = await registerUser(h.t, { displayName: 'Pierre Writer' });
      const colleague = await registerUser(h.t, { displayName: 'Marie Curie', email: `marie.curie.${Date.now()}@corp.example` });
      const page = await signedInPage(writer);

      // Nobody has been seen in this tab yet: the suggestion can only come from GET /api/users.
      const composer = page.getByRole('textbox', { name: 'Share something with your colleagues' });
      await composer.pressSequentially('Thanks @Cur', { delay: 20 });
      const option = page.getByRole('option', { name: /Marie Curie/ });
      await option.waitFor();
      await page.keyboard.press('Enter');
      expect(await composer.inputValue()).toBe(`Thanks @${colleague.handle} `);
      await page.getByRole('button', { name: 'Post', exact: true }).click();
      const post = postByText(page, `Thanks @${colleague.handle}`);
      await post.getByRole('link', { name: `@${colleague.handle}` }).waitFor();

      await page.getByRole('link', { name: 'People', exact: true }).click();
      await page.getByLabel('Search people by name or @handle').fill('curie');
      await page.getByRole('link', { name: 'Marie Curie' }).waitFor();
      await snap(page, 'people');
      await page.getByRole('link', { name: 'Marie Curie' }).click();
      await page.getByRole('heading', { level: 1, name: /Marie Curie/ }).waitFor();
      expect(page.url()).toContain(`/people/${colleague.id}`);
    }));

  it('creates and opens a campaign, suggests similar ideas, and shows a vote live in another browser', () =>
    scenario('campaign-votes', async () => {
      const innovator = await grantInnovation(h.t, admin, await registerUser(h.t, { displayName: 'Ines Innovation' }));
      const expert = await registerUser(h.t, { displayName: 'Rosalind Franklin' });
      const author = await registerUser(h.t, { displayName: 'Otto Author' });
      const voter = await registerUser(h.t, { displayName: 'Vera Voter' });
      const watcher = await registerUser(h.t, { displayName: 'Walt Watcher' });

      const innovatorPage = await signedInPage(innovator);
      await innovatorPage.getByRole('link', { name: 'Ideas', exact: true }).click();
      await innovatorPage.getByRole('link', { name: 'New campaign' }).click();
      await innovatorPage.getByLabel('Title').fill('Greener commutes');
      await innovatorPage.getByLabel('The question asked').fill('How could we travel less and meet better?');
      await innovatorPage.getByLabel('Add topic').fill('Mobility');
      await innovatorPage.keyboard.press('Enter');
      await innovatorPage.getByRole('textbox', { name: 'Criterion 1', exact: true }).fill('Impact');
      await innovatorPage.getByRole('spinbutton', { name: 'Weight of criterion 1' }).fill('3');
      await innovatorPage.getByRole('button', { name: 'Add a criterion' }).click();
      await innovatorPage.getByRole('textbox', { name: 'Criterion 2', exact: true }).fill('Feasibility');
      await innovatorPage.getByRole('searchbox', { name: 'Search by name or @handle' }).fill('Rosalind');
      await innovatorPage.getByRole('button', { name: 'Add Rosalind Franklin' }).click();
      await innovatorPage.getByRole('listitem').filter({ hasText: 'Rosalind Franklin' }).waitFor();
      await snap(innovatorPage, 'campaign-create');
      await innovatorPage.getByRole('button', { name: 'Create draft' }).click();
      await innovatorPage.getByRole('heading', { level: 1, name: 'Greener commutes' }).waitFor();
      await innovatorPage.getByText('Draft', { exact: true }).waitFor();
      await snap(innovatorPage, 'campaign-draft');
      await innovatorPage.getByRole('button', { name: 'Open the campaign' }).click();
      await innovatorPage.getByRole('alertdialog').getByRole('button', { name: 'Open the campaign' }).click();
      // The badge (a polite live region also announces the change with the same words, for a moment).
      await innovatorPage.locator('#main').getByText('Open for ideas', { exact: true }).waitFor();
      const campaignId = idFromUrl(innovatorPage);
      const shown = await h.t.http.get(`/api/campaigns/${campaignId}`).set('Authorization', expert.auth).expect(200);
      expect(shown.body).toMatchObject({
        status: 'open',
        reviewerIds: [expert.id],
        criteria: [
          { name: 'Impact', weight: 3 },
          { name: 'Feasibility', weight: 1 },
        ],
      });

      const idea = await submitIdea(h.t, author, campaignId, { title: 'Bike sheds at every office', body: 'Covered and safe.' });

      const watcherPage = await signedInPage(watcher);
      await watcherPage.goto(`/campaigns/${campaignId}`);
      await watcherPage.getByRole('button', { name: '0 · Vote for “Bike sheds at every office”' }).waitFor();
      await waitLive(watcherPage);

      const voterPage = await signedInPage(voter);
      await voterPage.goto(`/campaigns/${campaignId}`);
      // The page leads with the ideas; the form opens from its button. Typing a title close to an
      // existing idea suggests it.
      await voterPage.getByRole('button', { name: 'Submit an idea' }).click();
      await voterPage.getByLabel('Title').fill('Bike sheds');
      await voterPage.getByText('Similar ideas already submitted').waitFor();
      await voterPage
        .getByRole('list', { name: 'Similar ideas already submitted' })
        .getByRole('link', { name: 'Bike sheds at every office' })
        .waitFor();
      await snap(voterPage, 'campaign-open');

      const button = voterPage.getByRole('button', { name: /Voted? for “Bike sheds at every office”/ });
      await button.click();
      await voterPage.getByRole('button', { name: '1 · Voted for “Bike sheds at every office”' }).waitFor();
      expect(await button.getAttribute('aria-pressed')).toBe('true');

      // The watcher's count moves without a reload.
      await watcherPage.getByRole('button', { name: '1 · Vote for “Bike sheds at every office”' }).waitFor();
      expect(await watcherPage.getByRole('button', { name: /Vote for “Bike sheds/ }).getAttribute('aria-pressed')).toBe('false');

      // And back: unvoting brings it to 0 on both sides.
      await button.click();
      await watcherPage.getByRole('button', { name: '0 · Vote for “Bike sheds at every office”' }).waitFor();
      expect(idea.voteCount).toBe(0);
    }));

  it('lets a reviewer fill the scorecard and the innovation team decide, with the rationale shown', () =>
    scenario('review-decide', async () => {
      const innovator = await grantInnovation(h.t, admin, await registerUser(h.t, { displayName: 'Ivan Innovation' }));
      const expert = await registerUser(h.t, { displayName: 'Erin Expert' });
      const author = await registerUser(h.t, { displayName: 'Alma Author' });
      const campaign = await openCampaign(h.t, innovator, [expert], { title: 'Fewer meetings', advanceTopN: 1 });
      const idea = await submitIdea(h.t, author, campaign.id, {
        title: 'No-meeting Wednesdays',
        body: 'One **focus** day a week.',
      });
      await vote(h.t, expert, idea.id);
      await transition(h.t, innovator, campaign.id, 'advance');
      await createCampaign(h.t, innovator, [expert], { title: 'Still a draft' });

      const expertPage = await signedInPage(expert);
      await expertPage.goto(`/ideas/${idea.id}`);
      await expertPage.getByRole('heading', { level: 1, name: 'No-meeting Wednesdays' }).waitFor();
      await expertPage.getByText('In expert review', { exact: true }).first().waitFor();
      await expertPage.getByRole('button', { name: 'Send review' }).click();
      await expertPage.getByText('Give a score for: Impact, Feasibility.').waitFor();
      await expertPage
        .getByRole('group', { name: /^Impact/ })
        .getByRole('radio', { name: '4' })
        .check();
      await expertPage
        .getByRole('group', { name: /^Feasibility/ })
        .getByRole('radio', { name: '3' })
        .check();
      await expertPage.getByLabel('Comment', { exact: true }).fill('Cheap to try, big effect on focus.');
      await snap(expertPage, 'idea-scorecard');
      await expertPage.getByRole('button', { name: 'Send review' }).click();
      // (4×3 + 3×1) / 4 = 3.75
      await expertPage.getByText('Review score 3.8/5 (1 review)').waitFor();
      expect(await expertPage.getByRole('button', { name: 'Send review' }).count()).toBe(0);

      const innovatorPage = await signedInPage(innovator);
      await innovatorPage.goto(`/ideas/${idea.id}`);
      await innovatorPage.getByText('Cheap to try, big effect on focus.').waitFor();
      await innovatorPage.getByRole('radio', { name: 'Selected' }).check();
      await innovatorPage.getByLabel('Rationale').fill('Pilot with two teams in March.');
      await innovatorPage.getByRole('button', { name: 'Record decision' }).click();
      await innovatorPage.getByText('Pilot with two teams in March.').waitFor();
      // The author reads the decision and its rationale; the idea's Markdown is shown rendered (#14).
      const authorPage = await signedInPage(author);
      await authorPage.goto(`/ideas/${idea.id}`);
      await authorPage.getByText('Pilot with two teams in March.').waitFor();
      await authorPage.locator('strong', { hasText: 'focus' }).first().waitFor();
      expect(await authorPage.getByText('One **focus** day a week.').count()).toBe(0);
      await snap(authorPage, 'idea-page');

      // Drafts are for the innovation team only.
      await authorPage.getByRole('link', { name: 'Idea campaigns' }).first().click();
      await authorPage.getByRole('link', { name: 'Fewer meetings' }).waitFor();
      expect(await authorPage.getByText('Still a draft').count()).toBe(0);
      await snap(authorPage, 'campaigns');
    }));
});
