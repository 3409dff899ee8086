import { askQuestion, answerQuestion } from './factories/question.factory.js';
import { openCampaign, registerInnovator, submitIdea } from './factories/idea.factory.js';
import { createGroup, joinGroup } from './factories/group.factory.js';
import { grantRoles } from './factories/moderation.factory.js';
import { createPost } from './factories/post.factory.js';
import { publishOnboardingPath } from './factories/training.factory.js';
import { follow, updateProfile } from './factories/people.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { expectDocumentedAnswer, type OpenApiDocument } from './support/api-types.js';
import { type TestApp, useTestApp } from './support/test-app.js';

/**
 * Issue #16: what the content routes (people, feed, questions, ideas, topics, notifications,
 * training, mentoring, recognition, analytics) really answer has exactly the fields their OpenAPI schema
 * documents, so the web app's generated types tell the truth about them.
 */
describe('API types: content routes answer what they document (#16)', () => {
  const t = useTestApp();
  let document: OpenApiDocument;
  let admin: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    document = (await t.http.get('/api/docs-json')).body as OpenApiDocument;
    admin = await registerUser(t, { displayName: 'Ada Admin' });
    bob = await registerUser(t, { displayName: 'Bob' });
  });

  const answer = (route: string, response: { status: number; body: unknown }) =>
    expectDocumentedAnswer(document, route, response);
  const as = (who: TestUser, request: ReturnType<TestApp['http']['get']>) => request.set('Authorization', who.auth);

  it('people, feed and topics', async () => {
    await follow(t, admin, bob);
    answer('PATCH /api/me', await as(bob, t.http.patch('/api/me').send({ title: 'Engineer', skills: ['Kubernetes'] })));
    answer('GET /api/users/{id}', await as(admin, t.http.get(`/api/users/${bob.id}`)));
    answer('GET /api/users/{id}', await as(bob, t.http.get(`/api/users/${bob.id}`)));
    answer('GET /api/users', await as(admin, t.http.get('/api/users')));
    answer('GET /api/users', await as(admin, t.http.get('/api/users?q=bo')));
    answer('GET /api/users/{id}/org', await as(admin, t.http.get(`/api/users/${bob.id}/org`)));
    answer(
      'PUT /api/admin/users/{id}/manager',
      await as(admin, t.http.put(`/api/admin/users/${bob.id}/manager`).send({ managerId: admin.id })),
    );
    answer('GET /api/users/{id}/reports', await as(admin, t.http.get(`/api/users/${admin.id}/reports`)));
    answer('GET /api/users/{id}/followers', await as(admin, t.http.get(`/api/users/${bob.id}/followers`)));
    answer('GET /api/users/{id}/following', await as(admin, t.http.get(`/api/users/${admin.id}/following`)));

    const post = await createPost(t, bob, 'Hello #kubernetes @' + admin.handle);
    answer('GET /api/posts/{id}', await as(admin, t.http.get(`/api/posts/${post.id}`)));
    answer(
      'POST /api/posts/{id}/comments',
      await as(admin, t.http.post(`/api/posts/${post.id}/comments`).send({ body: 'Nice' })),
    );
    answer('GET /api/posts/{id}/comments', await as(admin, t.http.get(`/api/posts/${post.id}/comments`)));
    answer('PUT /api/posts/{id}/reactions/{kind}', await as(admin, t.http.put(`/api/posts/${post.id}/reactions/like`)));
    answer('GET /api/feed', await as(admin, t.http.get('/api/feed')));
    answer('GET /api/users/{id}/posts', await as(admin, t.http.get(`/api/users/${bob.id}/posts`)));
    const search = await as(admin, t.http.get('/api/search?q=kubernetes'));
    answer('GET /api/search', search);
    // The marked ranges are [start, end) pairs, as the generated tuple type says.
    const hits = (search.body as { items: { highlights: number[][]; titleHighlights?: number[][] }[] }).items;
    const ranges = hits.flatMap((hit) => [...hit.highlights, ...(hit.titleHighlights ?? [])]);
    expect(ranges.length).toBeGreaterThan(0);
    for (const range of ranges) expect(range).toEqual([expect.any(Number), expect.any(Number)]);
    answer('GET /api/topics/{topic}', await as(admin, t.http.get('/api/topics/kubernetes')));
    answer('PUT /api/topics/{topic}/helper', await as(admin, t.http.put('/api/topics/kubernetes/helper').send({ weeklyCap: 3 })));
    answer('GET /api/me/topics', await as(admin, t.http.get('/api/me/topics')));
    answer('GET /api/admin/skill-synonyms', await as(admin, t.http.get('/api/admin/skill-synonyms')));
    answer(
      'PUT /api/admin/skill-synonyms',
      await as(admin, t.http.put('/api/admin/skill-synonyms').send({ synonyms: [{ alias: 'k8s', canonical: 'kubernetes' }] })),
    );
  });

  it('questions, ideas and the rest', async () => {
    const question = await askQuestion(t, bob, { topics: ['kubernetes'] });
    await answerQuestion(t, admin, question.id);
    answer('GET /api/questions/{id}', await as(admin, t.http.get(`/api/questions/${question.id}`)));
    answer('POST /api/questions/{id}/claim', await as(admin, t.http.post(`/api/questions/${question.id}/claim`)));
    // An edit may leave the title out (the document says it is optional).
    answer(
      'PATCH /api/questions/{id}',
      await as(bob, t.http.patch(`/api/questions/${question.id}`).send({ body: 'Edited, title kept' })),
    );

    const innovator = await registerInnovator(t, admin);
    const campaign = await openCampaign(t, innovator, [admin]);
    const idea = await submitIdea(t, bob, campaign.id);
    answer('GET /api/campaigns', await as(bob, t.http.get('/api/campaigns')));
    answer('GET /api/campaigns/{id}/ideas', await as(admin, t.http.get(`/api/campaigns/${campaign.id}/ideas`)));
    answer(
      'GET /api/campaigns/{id}/ideas/similar',
      await as(admin, t.http.get(`/api/campaigns/${campaign.id}/ideas/similar?title=Idea`)),
    );
    answer('GET /api/ideas/{id}', await as(admin, t.http.get(`/api/ideas/${idea.id}`)));
    answer('PUT /api/ideas/{id}/vote', await as(admin, t.http.put(`/api/ideas/${idea.id}/vote`)));
    answer('GET /api/campaigns/{id}/summary', await as(innovator, t.http.get(`/api/campaigns/${campaign.id}/summary`)));

    // Bob was followed and his post commented on: notifications with a context and what they are about.
    const notifications = await as(bob, t.http.get('/api/notifications'));
    answer('GET /api/notifications', notifications);
    expect((notifications.body as { items: unknown[] }).items).not.toHaveLength(0);
    answer('GET /api/notifications/unread-count', await as(bob, t.http.get('/api/notifications/unread-count')));
    answer('GET /api/notifications/mutes', await as(bob, t.http.get('/api/notifications/mutes')));
    answer('GET /api/me/mentoring', await as(bob, t.http.get('/api/me/mentoring')));
    answer('GET /api/mentoring/requests', await as(bob, t.http.get('/api/mentoring/requests')));
    answer('GET /api/me/recognition', await as(bob, t.http.get('/api/me/recognition')));
    answer('GET /api/training/paths', await as(bob, t.http.get('/api/training/paths')));
    answer('GET /api/me/exports', await as(bob, t.http.get('/api/me/exports')));
    answer(
      'PUT /api/push/quiet-hours',
      await as(bob, t.http.put('/api/push/quiet-hours').send({ start: '22:00', end: '07:00' })),
    );
    answer('GET /api/push', await as(bob, t.http.get('/api/push')));
    answer('GET /api/moderation/settings', await as(admin, t.http.get('/api/moderation/settings')));
  });

  it('analytics: the overview and a group health, nested figures and all', async () => {
    const group = await createGroup(t, bob);
    // An unanswered post, so the health's list of them is not empty.
    await as(bob, t.http.post('/api/posts').send({ body: 'In the group', groupId: group.id })).expect(201);
    answer('GET /api/analytics/overview', await as(admin, t.http.get('/api/analytics/overview')));
    answer('GET /api/analytics/departments', await as(admin, t.http.get('/api/analytics/departments')));
    answer('GET /api/groups/{id}/health', await as(bob, t.http.get(`/api/groups/${group.id}/health`)));
  });

  it('moderation: a reported kudos reaches the queue as documented', async () => {
    const post = await createPost(t, bob, 'Thanks to everyone');
    const kudos = await as(
      admin,
      t.http.post('/api/kudos').send({ targetType: 'post', targetId: post.id, message: 'Great post' }),
    );
    expect(kudos.status).toBe(201);
    const reported = await as(
      bob,
      t.http.post('/api/reports').send({ targetType: 'kudos', targetId: kudos.body.id, reason: 'Sarcastic' }),
    );
    answer('POST /api/reports', reported);
    const moderator = await grantRoles(t, admin, await registerUser(t, { displayName: 'Mo' }), ['moderator']);
    const queue = await as(moderator, t.http.get('/api/moderation/queue'));
    answer('GET /api/moderation/queue', queue);
    expect((queue.body as { items: { target: { type: string } }[] }).items.map((i) => i.target.type)).toContain('kudos');
  });

  it('the digest, with news of one of my groups', async () => {
    const group = await createGroup(t, bob);
    await joinGroup(t, admin, group.id);
    await as(bob, t.http.post('/api/posts').send({ body: 'News of the group', groupId: group.id })).expect(201);
    const digest = await as(admin, t.http.get('/api/digest'));
    answer('GET /api/digest', digest);
    expect((digest.body as { groups: unknown[] }).groups).not.toHaveLength(0);
  });

  it('a private group: its member gets the guidelines, a pending requester the card only', async () => {
    const group = await createGroup(t, bob, { visibility: 'private', guidelines: 'Be kind' });
    expect(await joinGroup(t, admin, group.id)).toBe('pending');
    const member = await as(bob, t.http.get(`/api/groups/${group.id}`));
    answer('GET /api/groups/{id}', member);
    expect(member.body).toMatchObject({ guidelines: 'Be kind' });
    const pending = await as(admin, t.http.get(`/api/groups/${group.id}`));
    answer('GET /api/groups/{id}', pending);
    expect(pending.body).not.toHaveProperty('guidelines');
  });

  it('a training path and its progress', async () => {
    const path = await publishOnboardingPath(t, admin, [{ kind: 'read', title: 'Read the charter', body: 'Be kind' }]);
    answer('POST /api/training/paths/{id}/enroll', await as(bob, t.http.post(`/api/training/paths/${path.id}/enroll`)));
    answer('GET /api/training/paths/{id}', await as(bob, t.http.get(`/api/training/paths/${path.id}`)));
    answer('GET /api/training/paths/{id}/progress', await as(admin, t.http.get(`/api/training/paths/${path.id}/progress`)));
  });

  it("first run: a newcomer's suggestions (a colleague, a group, a skill) and the state before and after", async () => {
    const [carol, nick] = [await registerUser(t, { displayName: 'Carol' }), await registerUser(t, { displayName: 'Nick' })];
    await updateProfile(t, carol, { department: 'Support', skills: ['Kafka'] });
    await updateProfile(t, nick, { department: 'Support' });
    await createGroup(t, carol);
    const suggestions = await as(nick, t.http.get('/api/me/suggestions'));
    answer('GET /api/me/suggestions', suggestions);
    for (const list of ['colleagues', 'groups', 'skills']) expect(suggestions.body[list]).not.toHaveLength(0);
    const before = await as(nick, t.http.get('/api/me/first-run'));
    answer('GET /api/me/first-run', before);
    expect(before.body).toMatchObject({ outcome: null, finishedAt: null });
    answer('PUT /api/me/first-run', await as(nick, t.http.put('/api/me/first-run').send({ outcome: 'skipped' })));
  });

  it('an announcement: as published, pinned, read, and its receipts', async () => {
    const published = await as(admin, t.http.post('/api/announcements').send({ title: 'Read me', body: 'Important.' }));
    answer('POST /api/announcements', published);
    answer('GET /api/announcements', await as(bob, t.http.get('/api/announcements?pinned=true')));
    answer('POST /api/announcements/{id}/ack', await as(bob, t.http.post(`/api/announcements/${published.body.id}/ack`)));
    const receipts = await as(admin, t.http.get(`/api/announcements/${published.body.id}/receipts?list=read`));
    answer('GET /api/announcements/{id}/receipts', receipts);
    expect((receipts.body as { items: unknown[] }).items).not.toHaveLength(0);
  });
});
