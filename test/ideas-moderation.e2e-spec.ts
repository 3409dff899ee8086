import type { IdeaView } from '@ruche/contracts';
import { openCampaign, registerInnovator, submitIdea, transition, vote } from './factories/idea.factory.js';
import {
  acceptGuidelines,
  registerModerator,
  publishGuidelines,
  queueOf,
  report,
  reportBy,
  resolve,
  setSettings,
} from './factories/moderation.factory.js';
import { actingAs, registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

/**
 * Moderation of ideas, end to end: ideas are reportable content, enough reporters hide one, and a
 * hidden idea leaves every read path (detail, campaign lists, similar suggestions, summary, votes
 * and comments) for everyone but moderators, who see it marked. Blocked terms hold a submitted
 * idea for its author and moderators; the company guidelines gate submissions.
 */
describe('ideas moderation', () => {
  const t = useTestApp();
  let admin: TestUser;
  let innovator: TestUser;
  let moderator: TestUser;
  let author: TestUser;
  let employee: TestUser;
  let reporters: TestUser[];
  let reviewer: TestUser;
  let campaignId: string;

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Site admin' });
    innovator = await registerInnovator(t, admin);
    moderator = await registerModerator(t, admin);
    author = await registerUser(t, { displayName: 'Author' });
    employee = await registerUser(t, { displayName: 'Employee' });
    reporters = await registerUsers(t, 3);
    reviewer = await registerUser(t, { displayName: 'Reviewer' });
    campaignId = (await openCampaign(t, innovator, [reviewer])).id;
  });

  const as = (user: TestUser) => actingAs(t, user);
  const stateOf = async (ideaId: string) =>
    (await t.sql<{ moderation_state: string }>('SELECT moderation_state FROM ideas WHERE id = $1', [ideaId]))[0].moderation_state;
  const listIds = async (viewer: TestUser) => {
    const res = await as(viewer).get(`/api/campaigns/${campaignId}/ideas?sort=new&limit=100`);
    expect(res.status).toBe(200);
    return (res.body.items as IdeaView[]).map((i) => i.id);
  };
  const similarIds = async (viewer: TestUser, title: string) => {
    const res = await as(viewer).get(`/api/campaigns/${campaignId}/ideas/similar?title=${encodeURIComponent(title)}`);
    expect(res.status).toBe(200);
    return (res.body.items as { id: string }[]).map((i) => i.id);
  };
  const leaderboardIds = async (viewer: TestUser) => {
    const res = await as(viewer).get(`/api/campaigns/${campaignId}/summary`);
    expect(res.status).toBe(200);
    return (res.body.leaderboard as { id: string }[]).map((i) => i.id);
  };

  it('reporting an idea works (201) and it appears in the moderator queue with its title', async () => {
    const idea = await submitIdea(t, author, campaignId, { title: 'Reportable idea about parking' });
    const res = await as(reporters[0]).post('/api/reports', { targetType: 'idea', targetId: idea.id, reason: 'Spam' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ targetType: 'idea', targetId: idea.id, status: 'open' });
    const item = (await queueOf(t, moderator)).find((i) => i.target.id === idea.id);
    expect(item).toMatchObject({
      reportCount: 1,
      target: {
        type: 'idea',
        groupId: null,
        excerpt: 'Reportable idea about parking',
        state: 'visible',
        author: { id: author.id },
      },
    });
  });

  it('404 for reporting an unknown idea', async () => {
    const res = await as(reporters[0]).post('/api/reports', {
      targetType: 'idea',
      targetId: '00000000-0000-4000-8000-000000000000',
      reason: 'Bad',
    });
    expect(res.status).toBe(404);
  });

  it('three reporters hide an idea automatically', async () => {
    const idea = await submitIdea(t, author, campaignId, { title: 'Controversial idea' });
    await reportBy(t, reporters.slice(0, 2), idea.id, 'idea');
    await t.settle();
    expect(await stateOf(idea.id)).toBe('visible');
    expect((await as(employee).get(`/api/ideas/${idea.id}`)).status).toBe(200);
    await report(t, reporters[2], idea.id, 'idea');
    await t.settle();
    expect(await stateOf(idea.id)).toBe('hidden');
    expect((await as(employee).get(`/api/ideas/${idea.id}`)).status).toBe(404);
    const item = (await queueOf(t, moderator)).find((i) => i.target.id === idea.id)!;
    expect(item).toMatchObject({ reportCount: 3, autoHidden: true, target: { state: 'hidden' } });
  });

  it('a hidden idea leaves every read path for employees; a moderator still sees it, marked', async () => {
    const idea = await submitIdea(t, author, campaignId, { title: 'Teleportation pods for commuting' });
    const kept = await submitIdea(t, author, campaignId, { title: 'Teleportation lessons for staff' });
    expect(await similarIds(employee, 'teleportation')).toEqual(expect.arrayContaining([idea.id, kept.id]));
    const filed = await report(t, reporters[0], idea.id, 'idea');
    await resolve(t, moderator, filed.id, 'hide', 'Off-topic');
    await t.settle();
    expect(await stateOf(idea.id)).toBe('hidden');

    // An employee (and the author): 404, gone from lists, suggestions and the leaderboard.
    for (const viewer of [employee, author]) {
      expect((await as(viewer).get(`/api/ideas/${idea.id}`)).status).toBe(404);
      expect(await listIds(viewer)).not.toContain(idea.id);
      expect(await listIds(viewer)).toContain(kept.id);
      const similar = await similarIds(viewer, 'teleportation');
      expect(similar).not.toContain(idea.id);
      expect(similar).toContain(kept.id);
      expect(await leaderboardIds(viewer)).not.toContain(idea.id);
    }
    expect((await as(employee).put(`/api/ideas/${idea.id}/vote`)).status).toBe(404);
    expect((await as(employee).get(`/api/ideas/${idea.id}/comments`)).status).toBe(404);
    expect((await as(employee).post(`/api/ideas/${idea.id}/comments`, { body: 'Hello?' })).status).toBe(404);

    // A moderator sees it, marked; visible ideas carry no marker.
    const seen = await as(moderator).get(`/api/ideas/${idea.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.moderation).toEqual({ state: 'hidden' });
    expect(await listIds(moderator)).toContain(idea.id);
    expect(await similarIds(moderator, 'teleportation')).toContain(idea.id);
    const listed = (await as(moderator).get(`/api/campaigns/${campaignId}/ideas?sort=new&limit=100`)).body.items as IdeaView[];
    expect(listed.find((i) => i.id === idea.id)).toMatchObject({ moderation: { state: 'hidden' } });
    expect(listed.find((i) => i.id === kept.id)).not.toHaveProperty('moderation');
  });

  it('a hidden idea does not compete in the advance, however many votes it had', async () => {
    const campaign = await openCampaign(t, innovator, [reviewer], { advanceTopN: 1 });
    const popular = await submitIdea(t, author, campaign.id, { title: 'Popular but off-topic' });
    const modest = await submitIdea(t, author, campaign.id, { title: 'Modest and on-topic' });
    for (const voter of reporters) await vote(t, voter, popular.id);
    await vote(t, employee, modest.id);
    await resolve(t, moderator, (await report(t, reporters[0], popular.id, 'idea')).id, 'hide', 'Off-topic');
    await t.settle();
    await transition(t, innovator, campaign.id, 'advance');
    const statuses = await t.sql<{ id: string; status: string }>('SELECT id, status FROM ideas WHERE campaign_id = $1', [
      campaign.id,
    ]);
    expect(Object.fromEntries(statuses.map((r) => [r.id, r.status]))).toEqual({
      [popular.id]: 'not_selected',
      [modest.id]: 'in_review',
    });
  });

  describe('blocked terms', () => {
    beforeAll(() => setSettings(t, moderator, { blockedTerms: ['forbiddenword'] }));
    afterAll(() => setSettings(t, moderator, { blockedTerms: [] }));

    it('hold a submitted idea: its author and moderators see it, other employees do not', async () => {
      const res = await as(author).post(`/api/campaigns/${campaignId}/ideas`, {
        title: 'A perfectly normal title',
        body: 'But the body has a ForbiddenWord in it',
      });
      expect(res.status).toBe(201);
      expect(res.body.moderation).toEqual({ state: 'held' });
      const held: IdeaView = res.body;
      await t.settle();
      expect(await stateOf(held.id)).toBe('held');

      expect((await as(author).get(`/api/ideas/${held.id}`)).body.moderation).toEqual({ state: 'held' });
      expect(await listIds(author)).toContain(held.id);
      expect((await as(moderator).get(`/api/ideas/${held.id}`)).status).toBe(200);
      expect((await as(employee).get(`/api/ideas/${held.id}`)).status).toBe(404);
      expect(await listIds(employee)).not.toContain(held.id);

      const item = (await queueOf(t, moderator)).find((i) => i.target.id === held.id);
      expect(item).toMatchObject({ held: true, heldTerms: ['forbiddenword'], target: { type: 'idea', state: 'held' } });

      // Released by a moderator: everyone sees it.
      await resolve(t, moderator, item!.reportId, 'dismiss');
      await t.settle();
      expect(await stateOf(held.id)).toBe('visible');
      expect((await as(employee).get(`/api/ideas/${held.id}`)).status).toBe(200);
      expect(await listIds(employee)).toContain(held.id);
    });

    it('hold an idea edited into a blocked title', async () => {
      const idea = await submitIdea(t, author, campaignId, { title: 'Fine for now' });
      const res = await t.http
        .patch(`/api/ideas/${idea.id}`)
        .set('Authorization', author.auth)
        .send({ title: 'Now with forbiddenword' });
      expect(res.status).toBe(200);
      expect(res.body.moderation).toEqual({ state: 'held' });
      expect((await as(employee).get(`/api/ideas/${idea.id}`)).status).toBe(404);
    });
  });

  it('403 on submission until the current guidelines are accepted', async () => {
    await publishGuidelines(t, admin, '# Be kind\n\nNo harassment.');
    const before = await t.sql('SELECT id FROM ideas');
    const refused = await as(employee).post(`/api/campaigns/${campaignId}/ideas`, { title: 'Not yet', body: 'Guidelines first' });
    expect(refused.status).toBe(403);
    expect(await t.sql('SELECT id FROM ideas')).toHaveLength(before.length);
    await acceptGuidelines(t, employee, 1);
    expect((await as(employee).post(`/api/campaigns/${campaignId}/ideas`, { title: 'Now I may', body: 'Accepted' })).status).toBe(
      201,
    );
  });
});
