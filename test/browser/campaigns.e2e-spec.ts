import { addMember, createGroup } from '../factories/group.factory.js';
import { ideaOf, openCampaign, registerInnovator, submitIdea, transition, vote } from '../factories/idea.factory.js';
import { registerModerator, report, resolve } from '../factories/moderation.factory.js';
import { registerUser, type TestUser } from '../factories/user.factory.js';
import { snap, useBrowserHarness, waitForValue, waitLive } from './harness.js';

/**
 * The innovation team's campaign tools and live moderation of ideas, in the browser against the
 * real api: a duplicate idea is merged into the one kept, the selected idea's implementation is
 * tracked and another person sees it move live; an idea hidden by a moderator leaves another
 * person's open campaign page (and its own page) without a reload; a group owner reads the
 * group's health.
 */

const h = useBrowserHarness();
const { scenario, signedInPage } = h;

let admin: TestUser;
let innovator: TestUser;
let reviewer: TestUser;
beforeAll(async () => {
  admin = await registerUser(h.t, { displayName: 'Site Admin' }); // the first account: admin
  innovator = await registerInnovator(h.t, admin, 'Ines Innovation');
  reviewer = await registerUser(h.t, { displayName: 'Rex Reviewer' });
});

describe('campaign tools and live moderation of ideas (browser)', () => {
  it('merges a duplicate into the idea kept, then tracks its implementation, seen live by another person', () =>
    scenario('campaign-merge-implementation', async () => {
      const first = await registerUser(h.t, { displayName: 'Fay First' });
      const second = await registerUser(h.t, { displayName: 'Sam Second' });
      const voter = await registerUser(h.t, { displayName: 'Val Voter' });
      const reader = await registerUser(h.t, { displayName: 'Rae Reader' });
      const campaign = await openCampaign(h.t, innovator, [reviewer], { title: 'Travel less', advanceTopN: 1 });
      const kept = await submitIdea(h.t, first, campaign.id, { title: 'Car-pool board for the Lyon office' });
      const duplicate = await submitIdea(h.t, second, campaign.id, { title: 'Car-pool board for Lyon <b>now</b>' });
      await vote(h.t, voter, duplicate.id);
      await vote(h.t, reader, kept.id);

      const page = await signedInPage(innovator);
      await page.goto(`/ideas/${duplicate.id}`);
      await page.getByRole('heading', { level: 1, name: 'Car-pool board for Lyon <b>now</b>' }).waitFor();
      await page.getByRole('button', { name: 'Merge into another idea' }).click();
      await page.getByRole('radio', { name: /^Car-pool board for the Lyon office/ }).check();
      await snap(page, 'idea-merge');
      await page.getByRole('button', { name: 'Merge', exact: true }).click();
      await page.getByText('This idea was merged into a similar one').waitFor();
      const survivor = await ideaOf(h.t, reader, kept.id);
      expect(survivor.voteCount).toBe(2);
      expect((await ideaOf(h.t, reader, duplicate.id)).status).toBe('merged');

      // The campaign summary counts the merge and ranks the survivor first.
      await page.goto(`/campaigns/${campaign.id}`);
      const summary = page.getByRole('region', { name: 'Campaign at a glance' });
      await summary.getByText('1 duplicate merged into other ideas.').waitFor();
      await summary.getByRole('link', { name: 'Car-pool board for the Lyon office' }).waitFor();
      await snap(page, 'campaign-summary');

      // Expert review, then the innovation team selects it: implementation can be tracked.
      await transition(h.t, innovator, campaign.id, 'advance');
      const decided = await h.t.http
        .post(`/api/ideas/${kept.id}/decision`)
        .set('Authorization', innovator.auth)
        .send({ status: 'selected', rationale: 'Cheap and quick' });
      expect(decided.status).toBe(200);

      const readerPage = await signedInPage(reader);
      await readerPage.goto(`/ideas/${kept.id}`);
      await readerPage.getByRole('heading', { level: 1, name: 'Car-pool board for the Lyon office' }).waitFor();
      expect(await readerPage.getByRole('button', { name: 'Update the implementation' }).count()).toBe(0);
      await waitLive(readerPage);

      await page.goto(`/ideas/${kept.id}`);
      const implementation = page.getByRole('region', { name: 'Implementation' });
      await implementation.getByText('Not started yet.').waitFor();
      await implementation.getByRole('button', { name: 'Update the implementation' }).click();
      // A wrong progress is refused in place, and what was typed stays.
      await implementation.getByLabel('Progress').fill('140');
      await implementation.getByRole('button', { name: 'Add a milestone' }).click();
      await implementation.getByLabel('Milestone 1', { exact: true }).fill('Pilot with <i>20</i> people');
      await implementation.getByLabel('Date of milestone 1').fill('2030-03-31');
      await implementation.getByRole('button', { name: 'Save', exact: true }).click();
      await implementation.getByText('Progress is a whole number from 0 to 100.').waitFor();
      expect(await implementation.getByLabel('Milestone 1', { exact: true }).inputValue()).toBe('Pilot with <i>20</i> people');
      await implementation.getByLabel('Progress').fill('40');
      await implementation.getByRole('checkbox', { name: 'Milestone 1 done' }).check();
      await snap(page, 'implementation-form');
      await implementation.getByRole('button', { name: 'Save', exact: true }).click();
      await implementation.getByText('40 %').waitFor();

      // The other person sees it without a reload.
      const seen = readerPage.getByRole('region', { name: 'Implementation' });
      await seen.getByText('40 %').waitFor();
      await seen.getByText('Pilot with <i>20</i> people').waitFor();
      const stored = await ideaOf(h.t, reader, kept.id);
      expect(stored.implementation).toMatchObject({
        progress: 40,
        milestones: [{ title: 'Pilot with <i>20</i> people', date: '2030-03-31', done: true }],
      });
      await snap(readerPage, 'implementation');

      // The discussion under the idea: a comment is sent, shown as text, and arrives live on the other page.
      const discussion = readerPage.getByRole('region', { name: 'Comments' });
      await discussion.getByRole('textbox', { name: 'Write a comment' }).fill('Count me in <b>Mondays</b>');
      await discussion.getByRole('button', { name: 'Comment', exact: true }).click();
      // In the list of comments (the composer may still hold the same words until the request answers).
      await discussion.getByRole('listitem').getByText('Count me in <b>Mondays</b>').waitFor();
      await waitForValue(discussion.getByRole('textbox', { name: 'Write a comment' }), '');
      await page.getByRole('region', { name: 'Comments' }).getByRole('listitem').getByText('Count me in <b>Mondays</b>').waitFor();
    }));

  it('edits a draft campaign', () =>
    scenario('campaign-edit-draft', async () => {
      const created = await h.t.http
        .post('/api/campaigns')
        .set('Authorization', innovator.auth)
        .send({
          title: 'Greener offices',
          description: 'What would make our offices greener?',
          criteria: [{ name: 'Impact', weight: 2 }],
          reviewerIds: [reviewer.id],
          advanceTopN: 3,
        });
      expect(created.status).toBe(201);
      const page = await signedInPage(innovator);
      await page.goto(`/campaigns/${created.body.id}`);
      await page.getByRole('button', { name: 'Edit the draft' }).click();
      await page.getByLabel('Title', { exact: true }).fill('Greener and quieter offices');
      await page.getByRole('button', { name: 'Save the draft' }).click();
      await page.getByRole('heading', { level: 1, name: 'Greener and quieter offices' }).waitFor();
      const res = await h.t.http.get(`/api/campaigns/${created.body.id}`).set('Authorization', innovator.auth);
      expect(res.body).toMatchObject({ title: 'Greener and quieter offices', advanceTopN: 3, status: 'draft' });
    }));

  it('a moderator hides a reported idea: it leaves another person’s open campaign page and idea page live', () =>
    scenario('campaign-hide-idea', async () => {
      const author = await registerUser(h.t, { displayName: 'Al Author' });
      const reporter = await registerUser(h.t, { displayName: 'Rob Reporter' });
      const reader = await registerUser(h.t, { displayName: 'Rita Reader' });
      const moderator = await registerModerator(h.t, admin, 'Mo Derator');
      const campaign = await openCampaign(h.t, innovator, [reviewer], { title: 'Better meetings' });
      const spam = await submitIdea(h.t, author, campaign.id, { title: 'Buy cheap watches here' });
      await submitIdea(h.t, reviewer, campaign.id, { title: 'No-meeting Fridays' });
      await report(h.t, reporter, spam.id, 'idea', 'Spam');

      const readerPage = await signedInPage(reader);
      await readerPage.goto(`/campaigns/${campaign.id}`);
      const card = readerPage.getByRole('article').filter({ hasText: 'Buy cheap watches here' });
      await card.waitFor();
      await waitLive(readerPage);
      const ideaPage = await signedInPage(reader);
      await ideaPage.goto(`/ideas/${spam.id}`);
      await ideaPage.getByRole('heading', { level: 1, name: 'Buy cheap watches here' }).waitFor();
      await waitLive(ideaPage);

      const modPage = await signedInPage(moderator);
      await modPage.goto('/manage/queue');
      const item = modPage.getByRole('listitem').filter({ hasText: 'Buy cheap watches here' });
      await item.getByRole('radio', { name: /^Hide/ }).check();
      await item.getByRole('button', { name: 'Hide the content' }).click();

      await card.waitFor({ state: 'detached' });
      await readerPage.getByRole('article').filter({ hasText: 'No-meeting Fridays' }).waitFor();
      await ideaPage.getByText('This idea is no longer available.').waitFor();
      await snap(ideaPage, 'idea-unavailable');
      // The moderator still sees it, marked.
      await modPage.goto(`/campaigns/${campaign.id}`);
      await modPage
        .getByRole('article')
        .filter({ hasText: 'Buy cheap watches here' })
        .getByText('Hidden by moderation')
        .waitFor();
    }));

  it('a hidden answer, then a hidden question, leave a reader’s open question page live', () =>
    scenario('question-hide', async () => {
      const asker = await registerUser(h.t, { displayName: 'Ann Asker' });
      const answerer = await registerUser(h.t, { displayName: 'Andy Answerer' });
      const reader = await registerUser(h.t, { displayName: 'Rui Reader' });
      const moderator = await registerModerator(h.t, admin, 'Meg Moderator');
      const asked = await h.t.http
        .post('/api/questions')
        .set('Authorization', asker.auth)
        .send({ title: 'Where is the VPN guide?', body: 'I cannot find it.', topics: ['vpn'] });
      expect(asked.status).toBe(201);
      const answered = await h.t.http
        .post(`/api/questions/${asked.body.id}/answers`)
        .set('Authorization', answerer.auth)
        .send({ body: 'Visit my shop for cheap VPNs' });
      expect(answered.status).toBe(201);

      const page = await signedInPage(reader);
      await page.goto(`/questions/${asked.body.id}`);
      await page.getByText('Visit my shop for cheap VPNs').waitFor();
      await waitLive(page);

      await resolve(h.t, moderator, (await report(h.t, reader, answered.body.id, 'answer', 'Spam')).id, 'hide');
      await page.getByText('Visit my shop for cheap VPNs').waitFor({ state: 'detached' });
      await page.getByRole('heading', { level: 1, name: 'Where is the VPN guide?' }).waitFor();

      await resolve(h.t, moderator, (await report(h.t, answerer, asked.body.id, 'question', 'Off-topic')).id, 'hide');
      await page.getByText('This question is no longer available.').waitFor();
    }));

  it('a group owner reads the group’s health; a member has no such tab', () =>
    scenario('group-health', async () => {
      const owner = await registerUser(h.t, { displayName: 'Olga Owner' });
      const member = await registerUser(h.t, { displayName: 'Max Member' });
      const group = await createGroup(h.t, owner, { name: 'Data guild' });
      await addMember(h.t, owner, group.id, member);
      const post = await h.t.http
        .post('/api/posts')
        .set('Authorization', member.auth)
        .send({ body: 'Which warehouse for the events?', groupId: group.id });
      expect(post.status).toBe(201);

      const memberPage = await signedInPage(member);
      await memberPage.goto(`/groups/${group.id}`);
      await memberPage.getByRole('link', { name: 'Members', exact: true }).waitFor();
      expect(await memberPage.getByRole('link', { name: 'Health' }).count()).toBe(0);

      const page = await signedInPage(owner);
      await page.goto(`/groups/${group.id}`);
      await page.getByRole('link', { name: 'Health' }).click();
      await page.getByText('Community health').waitFor();
      await page.getByText(/^\d{1,3} \/ 100$/).waitFor();
      await page.getByText('Participation (40 % of the score)').waitFor();
      await page.getByRole('term').filter({ hasText: 'Active members' }).waitFor();
      await page.getByRole('link', { name: /^Post of / }).waitFor();
      await snap(page, 'group-health');
      await page.getByLabel('Period', { exact: true }).selectOption('12');
      await page.getByText('Participation (40 % of the score)').waitFor();
    }));
});
