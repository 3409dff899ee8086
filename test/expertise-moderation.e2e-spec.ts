import { randomUUID } from 'node:crypto';
import { EventBus, toPublishedEvent } from '@ruche/platform';
import {
  queueOf,
  registerModerator,
  report,
  reportBy,
  resolve,
  setSettings,
  setSuspended,
} from './factories/moderation.factory.js';
import { updateProfile } from './factories/people.factory.js';
import { createPost } from './factories/post.factory.js';
import {
  acceptAnswer,
  answerQuestion,
  askQuestion,
  type ExpertBody,
  findExperts,
  voteAnswer,
} from './factories/question.factory.js';
import { registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

type OutboxRow = Parameters<typeof toPublishedEvent>[0];

/**
 * Expertise follows moderation: what a post or an answer earned stops counting while it is held,
 * hidden or removed, and counts again once it is back in sight; events delivered twice or late
 * move nothing. And what anyone may know of another person's mentoring.
 */
describe('expertise: following moderation', () => {
  const t = useTestApp();
  let admin: TestUser, moderator: TestUser;
  let reporters: TestUser[];
  let asker: TestUser;

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Site Admin' });
    moderator = await registerModerator(t, admin, 'Mona Moderator');
    asker = await registerUser(t, { displayName: 'Curious Asker' });
    reporters = await registerUsers(t, 3);
  });

  const experts = (q: string) => findExperts(t, asker, { q });
  const itemOf = (items: ExpertBody[], user: TestUser) => items.find((i) => i.user.id === user.id);
  const expertiseOf = async (user: TestUser, topic: string) => {
    const [row] = await t.sql<{ posts: number; answer_upvotes: number; accepted_answers: number }>(
      'SELECT posts, answer_upvotes, accepted_answers FROM expertise WHERE user_id = $1 AND topic = $2',
      [user.id, topic],
    );
    return row ?? null;
  };
  const outboxRows = (type: string, targetId: string) =>
    t.sql<OutboxRow>(
      `SELECT id, seq, type, payload, audience, subject_type, subject_id, actor_id, created_at
         FROM outbox WHERE type = $1 AND payload->>'targetId' = $2 ORDER BY seq`,
      [type, targetId],
    );
  const redeliver = async (rows: OutboxRow[]) => {
    for (const row of rows) await t.app.get(EventBus).deliver(toPublishedEvent(row));
    await t.settle();
  };

  describe('posts', () => {
    it('a hidden post stops counting (score and reasons); its other posts still count', async () => {
      const author = await registerUser(t, { displayName: 'Paula Poster' });
      const first = await createPost(t, author, 'How we run #Grafana dashboards');
      await createPost(t, author, 'More #grafana alerts tuning');
      await t.settle();
      let item = itemOf(await experts('grafana'), author);
      expect(item?.reasons).toEqual(['2 posts about Grafana']);
      expect(item?.score).toBeCloseTo(Math.log2(3), 2);

      const filed = await report(t, reporters[0], first.id);
      await resolve(t, moderator, filed.id, 'hide');
      await t.settle();
      item = itemOf(await experts('grafana'), author);
      expect(item?.reasons).toEqual(['1 post about Grafana']);
      expect(item?.score).toBeCloseTo(1, 2);
      expect(await expertiseOf(author, 'grafana')).toMatchObject({ posts: 1 });
    });

    it('a removed post that was the only one leaves the person out of the list', async () => {
      const author = await registerUser(t, { displayName: 'Rita Removed' });
      const post = await createPost(t, author, 'Selling #Prometheus licences, DM me');
      await t.settle();
      expect(itemOf(await experts('prometheus'), author)?.reasons).toEqual(['1 post about Prometheus']);
      const filed = await report(t, reporters[0], post.id);
      await resolve(t, moderator, filed.id, 'remove');
      await t.settle();
      expect(itemOf(await experts('prometheus'), author)).toBeUndefined();
      expect(await expertiseOf(author, 'prometheus')).toBeNull();
    });

    it('an auto-hidden post stops counting, and counts again when the reports are dismissed', async () => {
      const author = await registerUser(t, { displayName: 'Mobbed Writer' });
      await updateProfile(t, author, { skills: ['Ansible'] });
      const post = await createPost(t, author, 'Our #Ansible playbooks, the honest version');
      await t.settle();
      const before = itemOf(await experts('ansible'), author);
      expect(before?.reasons).toEqual(['1 post about Ansible', 'Lists Ansible as a skill']);

      const [firstReport] = await reportBy(t, reporters, post.id);
      await t.settle();
      const hidden = itemOf(await experts('ansible'), author);
      expect(hidden?.reasons).toEqual(['Lists Ansible as a skill']);
      expect(hidden?.score).toBe(3);

      await resolve(t, moderator, firstReport.id, 'dismiss', 'Nothing wrong here');
      await t.settle();
      expect(itemOf(await experts('ansible'), author)).toEqual(before);
      expect(await expertiseOf(author, 'ansible')).toMatchObject({ posts: 1 });
    });

    it('an event delivered again, or an older one delivered late, moves nothing', async () => {
      const author = await registerUser(t, { displayName: 'Replay Author' });
      const post = await createPost(t, author, 'Notes on #Vault secrets');
      const [firstReport] = await reportBy(t, reporters, post.id);
      await t.settle();
      await resolve(t, moderator, firstReport.id, 'dismiss');
      await t.settle();
      const [autoHide, dismissal] = await outboxRows('content.moderated', post.id);
      expect(toPublishedEvent(autoHide).payload).toMatchObject({ action: 'auto_hide', state: 'hidden' });
      expect(toPublishedEvent(dismissal).payload).toMatchObject({ action: 'dismiss', state: 'visible' });
      expect(await expertiseOf(author, 'vault')).toMatchObject({ posts: 1 });

      await redeliver([dismissal, dismissal]);
      expect(await expertiseOf(author, 'vault')).toMatchObject({ posts: 1 });
      // The auto-hide arriving after the dismissal (another instance, a retry) is older: ignored.
      await redeliver([autoHide]);
      expect(await expertiseOf(author, 'vault')).toMatchObject({ posts: 1 });
      const created = await t.sql<OutboxRow>(
        `SELECT id, seq, type, payload, audience, subject_type, subject_id, actor_id, created_at
           FROM outbox WHERE type = 'post.created' AND subject_id = $1`,
        [post.id],
      );
      await redeliver(created);
      expect(await expertiseOf(author, 'vault')).toMatchObject({ posts: 1 });
    });

    describe('held by blocked terms', () => {
      beforeAll(() => setSettings(t, moderator, { blockedTerms: ['forbiddenword'] }));
      afterAll(() => setSettings(t, moderator, { blockedTerms: [] }));

      it('a held post does not count until released', async () => {
        const author = await registerUser(t, { displayName: 'Held Harry' });
        const post = await createPost(t, author, 'The forbiddenword way to do #Terraform');
        await t.settle();
        expect(itemOf(await experts('terraform'), author)).toBeUndefined();
        expect(await expertiseOf(author, 'terraform')).toBeNull();
        // Replaying its events changes nothing while it is held.
        await redeliver(await outboxRows('content.held', post.id));
        expect(await expertiseOf(author, 'terraform')).toBeNull();

        const item = (await queueOf(t, moderator)).find((i) => i.target.id === post.id)!;
        expect(item).toMatchObject({ held: true });
        await resolve(t, moderator, item.reportId, 'dismiss');
        await t.settle();
        expect(itemOf(await experts('terraform'), author)?.reasons).toEqual(['1 post about Terraform']);
        expect(await expertiseOf(author, 'terraform')).toMatchObject({ posts: 1 });
      });

      it('a post edited into a blocked term stops counting, and a held post hidden never counts', async () => {
        const author = await registerUser(t, { displayName: 'Edith Editor' });
        const post = await createPost(t, author, 'Getting started with #Kafka');
        await t.settle();
        expect(itemOf(await experts('kafka'), author)?.reasons).toEqual(['1 post about Kafka']);
        await t.http
          .patch(`/api/posts/${post.id}`)
          .set('Authorization', author.auth)
          .send({ body: 'Getting started with #Kafka, the forbiddenword way' })
          .expect(200);
        await t.settle();
        expect(itemOf(await experts('kafka'), author)).toBeUndefined();

        const item = (await queueOf(t, moderator)).find((i) => i.target.id === post.id && i.held)!;
        await resolve(t, moderator, item.reportId, 'hide');
        await t.settle();
        expect(itemOf(await experts('kafka'), author)).toBeUndefined();
        expect(await expertiseOf(author, 'kafka')).toBeNull();
      });
    });
  });

  describe('answers', () => {
    it('a hidden answer stops counting (upvotes and acceptance), and counts again when restored', async () => {
      const expert = await registerUser(t, { displayName: 'Answering Anna' });
      const question = await askQuestion(t, asker, { title: 'How do we size Redis?', topics: ['Redis'] });
      const answer = await answerQuestion(t, expert, question.id, 'Measure the working set first.');
      for (const voter of reporters.slice(0, 2)) await voteAnswer(t, voter, answer.id);
      await acceptAnswer(t, asker, question.id, answer.id);
      await t.settle();
      const before = itemOf(await experts('redis'), expert);
      // Answers' topics are shown as the question's topic keys (like the rest of expertise).
      // The accepted answer also earned the public "First accepted answer" badge (#17): it goes and
      // comes back with the answer.
      expect(before?.reasons).toEqual([
        '1 accepted answer on redis',
        '2 upvotes on answers about redis',
        'Badge: First accepted answer',
      ]);

      const [firstReport] = await reportBy(t, reporters, answer.id, 'answer');
      await t.settle();
      expect(itemOf(await experts('redis'), expert)).toBeUndefined();
      expect(await expertiseOf(expert, 'redis')).toBeNull();
      // Delivered twice: still nothing.
      await redeliver(await outboxRows('content.moderated', answer.id));
      expect(await expertiseOf(expert, 'redis')).toBeNull();

      await resolve(t, moderator, firstReport.id, 'dismiss');
      await t.settle();
      expect(itemOf(await experts('redis'), expert)).toEqual(before);
      expect(await expertiseOf(expert, 'redis')).toMatchObject({ accepted_answers: 1, answer_upvotes: 2 });
    });

    it('an answer hidden by a decision stops counting for good', async () => {
      const expert = await registerUser(t, { displayName: 'Hidden Hugo' });
      const question = await askQuestion(t, asker, { title: 'Which #Elasticsearch shard size?', topics: ['Elasticsearch'] });
      const answer = await answerQuestion(t, expert, question.id, 'Aim for 30 GB.');
      await voteAnswer(t, reporters[0], answer.id);
      await t.settle();
      expect(itemOf(await experts('elasticsearch'), expert)?.reasons).toEqual(['1 upvote on answers about elasticsearch']);
      const filed = await report(t, reporters[1], answer.id, 'answer', 'Plagiarised');
      await resolve(t, moderator, filed.id, 'hide');
      await t.settle();
      expect(itemOf(await experts('elasticsearch'), expert)).toBeUndefined();
    });
  });
});

describe('expertise: what anyone may know of a person’s mentoring', () => {
  const t = useTestApp();
  let admin: TestUser, mentor: TestUser, viewer: TestUser, mentee: TestUser;

  beforeAll(async () => {
    [admin, mentor, viewer, mentee] = await registerUsers(t, ['Site Admin', 'Grace Mentor', 'Victor Viewer', 'Nina Newcomer']);
  });

  const mentoringOf = (userId: string, as: TestUser = viewer) =>
    t.http.get(`/api/users/${userId}/mentoring`).set('Authorization', as.auth);

  it('nothing offered: not available, no skills', async () => {
    const res = await mentoringOf(mentor.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ userId: mentor.id, available: false, topics: [] });
  });

  it('the skills they offer and that they take a mentee now; never their capacity or requests', async () => {
    await t.http
      .put('/api/me/mentoring')
      .set('Authorization', mentor.auth)
      .send({ topics: ['K8s', 'Go'], maxMentees: 1 })
      .expect(200);
    const res = await mentoringOf(mentor.id);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      userId: mentor.id,
      available: true,
      topics: [
        { topic: 'go', label: 'Go' },
        { topic: 'kubernetes', label: 'K8s' },
      ],
    });
  });

  it('full (paired up to their limit) or not taking mentees: not available, skills still shown', async () => {
    const asked = await t.http
      .post('/api/mentoring/requests')
      .set('Authorization', mentee.auth)
      .send({ skill: 'kubernetes', note: 'Private: I am struggling with my team' })
      .expect(201);
    expect(asked.body.status).toBe('paired');
    const full = await mentoringOf(mentor.id);
    expect(full.body).toEqual({ userId: mentor.id, available: false, topics: expect.any(Array) });
    expect(JSON.stringify(full.body)).not.toContain('struggling');
    expect(JSON.stringify(full.body)).not.toContain(mentee.id);

    await t.http.post(`/api/mentoring/requests/${asked.body.id}/close`).set('Authorization', mentee.auth).expect(200);
    expect((await mentoringOf(mentor.id)).body.available).toBe(true);
    await t.http.put('/api/me/mentoring').set('Authorization', mentor.auth).send({ available: false }).expect(200);
    const paused = await mentoringOf(mentor.id);
    expect(paused.body).toMatchObject({ available: false, topics: [{ topic: 'go' }, { topic: 'kubernetes' }] });
    // Their own view through the public path says the same, nothing more.
    expect((await mentoringOf(mentor.id, mentor)).body).toEqual(paused.body);
  });

  it('400 for a malformed id, 404 for an unknown or suspended person, 401 without a token', async () => {
    const bad = await mentoringOf('not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    const unknown = await mentoringOf(randomUUID());
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ statusCode: 404 });

    await setSuspended(t, admin, mentor.id, true);
    try {
      expect((await mentoringOf(mentor.id)).status).toBe(404);
    } finally {
      await setSuspended(t, admin, mentor.id, false);
    }
    expect((await mentoringOf(mentor.id)).status).toBe(200);

    expect((await t.http.get(`/api/users/${mentor.id}/mentoring`)).status).toBe(401);
    expect((await t.http.get(`/api/users/${mentor.id}/mentoring`).set('Authorization', 'Bearer nope')).status).toBe(401);
  });
});
