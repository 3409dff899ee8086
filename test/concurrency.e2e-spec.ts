import { performance } from 'node:perf_hooks';
import { jest } from '@jest/globals';
import type { Test } from 'supertest';
import { addMember, createGroup, setRole } from './factories/group.factory.js';
import { openCampaign, registerCrowd, registerInnovator, submitIdea } from './factories/idea.factory.js';
import { grantRoles, report, setSettings } from './factories/moderation.factory.js';
import { comment } from './factories/notification.factory.js';
import { updateProfile } from './factories/people.factory.js';
import { createPost } from './factories/post.factory.js';
import { answerQuestion, askQuestion } from './factories/question.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

/**
 * The concurrency tier: every write endpoint takes a burst of at least twice the pool's size
 * (20 connections by default) at the same instant, from one person and from many. Before the
 * unit of work used one connection, 40 comments on one post left every connection "idle in
 * transaction" and the instance never answered again. Here each request must get an answer (a
 * 2xx, a clear 4xx, or a 503 that says when to retry), the counters must equal the rows they
 * count, no connection may be left inside a transaction, and readiness must answer within 2 s.
 */

/** At least twice the default pool (DATABASE_POOL_MAX = 20). */
const N = 40;
/** Longer than the pool's acquire timeout (5 s) and its lock timeout: a request still waiting after this hung. */
const ANSWER_WITHIN_MS = 30_000;
const READY_WITHIN_MS = 2_000;

interface Answer {
  status: number;
  ms: number;
  body: Record<string, unknown>;
  retryAfter?: string;
  /** Why there was no HTTP answer at all (timeout, reset). */
  failure?: string;
}

describe('concurrency tier: bursts on every write endpoint', () => {
  jest.setTimeout(180_000);
  const t = useTestApp({}, 180_000);
  let admin: TestUser;
  let crowd: TestUser[];
  let innovator: TestUser;
  let moderators: TestUser[];

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Site Admin' });
    crowd = await registerCrowd(t, 80);
    innovator = await registerInnovator(t, admin);
    moderators = await Promise.all([
      grantRoles(t, admin, await registerUser(t, { displayName: 'Moderator One' }), ['moderator']),
      grantRoles(t, admin, await registerUser(t, { displayName: 'Moderator Two' }), ['moderator']),
    ]);
  }, 180_000);

  /** Fires every request at once; each one answers or is recorded as a failure (never a hang). */
  async function burst(calls: (() => Test)[]): Promise<Answer[]> {
    return Promise.all(
      calls.map(async (call) => {
        const started = performance.now();
        try {
          const res = await call().timeout({ response: ANSWER_WITHIN_MS, deadline: ANSWER_WITHIN_MS });
          return {
            status: res.status,
            ms: performance.now() - started,
            body: res.body as Record<string, unknown>,
            retryAfter: res.headers['retry-after'] as string | undefined,
          };
        } catch (error) {
          return { status: 0, ms: performance.now() - started, body: {}, failure: (error as Error).message };
        }
      }),
    );
  }

  /** `{ 201: 40 }`: how many answers had each status, after checking every one is a clear answer. */
  function tally(answers: Answer[]): Record<number, number> {
    const unclear = answers.filter(
      (a) => a.status === 0 || (a.status >= 500 && !(a.status === 503 && a.retryAfter !== undefined)),
    );
    if (unclear.length > 0) {
      const sample = unclear
        .slice(0, 3)
        .map((a) => `${a.status || 'no answer'} after ${Math.round(a.ms)} ms: ${a.failure ?? JSON.stringify(a.body)}`);
      throw new Error(`${unclear.length} of ${answers.length} requests got no clear answer, e.g.\n${sample.join('\n')}`);
    }
    const counts: Record<number, number> = {};
    for (const a of answers) counts[a.status] = (counts[a.status] ?? 0) + 1;
    return counts;
  }

  /**
   * After the burst the instance is healthy: readiness answers 200 in time (a pool left holding
   * stuck transactions fails it), and no connection of this database sits inside a transaction.
   */
  async function expectHealthy(): Promise<void> {
    const started = performance.now();
    let res = await t.http.get('/api/health/ready').timeout(READY_WITHIN_MS + 500);
    if (res.status === 404) res = await t.http.get('/api/health').timeout(READY_WITHIN_MS + 500);
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeLessThan(READY_WITHIN_MS);
    await t.settle();
    expect(await stuckInTransaction()).toBe(0);
  }

  /** Connections of this database idle inside a transaction; a moment to let a commit in flight finish. */
  async function stuckInTransaction(): Promise<number> {
    let stuck = 0;
    for (let attempt = 0; attempt < 10; attempt++) {
      const [{ n }] = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND state LIKE 'idle in transaction%' AND pid <> pg_backend_pid()`,
      );
      stuck = n;
      if (stuck === 0) return 0;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return stuck;
  }

  const as = (user: TestUser, test: Test) => test.set('Authorization', user.auth);

  /** Each stored counter, and the rows it counts: [table, counter column, rows' table, rows' key, which rows]. */
  const COUNTERS = {
    postComments: ['posts', 'comment_count', 'post_comments', 'post_id', 'true'],
    postLikes: ['posts', 'like_count', 'post_reactions', 'post_id', "kind = 'like'"],
    ideaVotes: ['ideas', 'vote_count', 'idea_votes', 'idea_id', 'true'],
    ideaComments: ['ideas', 'comment_count', 'idea_comments', 'idea_id', 'true'],
    ideaReviews: ['ideas', 'review_count', 'idea_reviews', 'idea_id', 'true'],
    answers: ['questions', 'answer_count', 'answers', 'question_id', 'true'],
    answerVotes: ['answers', 'vote_count', 'answer_votes', 'answer_id', 'true'],
    members: ['groups', 'member_count', 'group_memberships', 'group_id', "role <> 'pending'"],
  } as const;

  /** A stored counter next to the rows it counts, as `{ counter, rows }`. */
  async function counted(what: keyof typeof COUNTERS, id: string): Promise<{ counter: number; rows: number }> {
    const [table, counter, rowsTable, key, which] = COUNTERS[what];
    const [row] = await t.sql<{ counter: number; rows: number }>(
      `SELECT ${counter} AS counter, (SELECT count(*)::int FROM ${rowsTable} WHERE ${key} = $1 AND ${which}) AS rows FROM ${table} WHERE id = $1`,
      [id],
    );
    return row;
  }

  const count = async (text: string, params: unknown[]) => (await t.sql<{ n: number }>(text, params))[0].n;
  const people = (n: number, from = 0) => crowd.slice(from, from + n);

  describe('feed', () => {
    it(`${N} people posting at once, and one person posting ${N} times at once: every post stored once`, async () => {
      const author = crowd[0];
      const answers = await burst([
        ...people(N).map((user, i) => () => as(user, t.http.post('/api/posts')).send({ body: `Burst post ${i}` })),
        ...Array.from({ length: N }, (_, i) => () => as(author, t.http.post('/api/posts')).send({ body: `Solo post ${i}` })),
      ]);
      expect(tally(answers)).toEqual({ 201: 2 * N });
      expect(await count(`SELECT count(*)::int AS n FROM posts WHERE body LIKE 'Burst post %'`, [])).toBe(N);
      expect(
        await count(`SELECT count(*)::int AS n FROM posts WHERE author_id = $1 AND body LIKE 'Solo post %'`, [author.id]),
      ).toBe(N);
      await expectHealthy();
    });

    it(`${N} members posting into one group at once`, async () => {
      const owner = crowd[1];
      const group = await createGroup(t, owner);
      const members = people(N, 2);
      await Promise.all(members.map((user) => as(user, t.http.post(`/api/groups/${group.id}/join`)).expect(200)));
      const answers = await burst(
        members.map(
          (user, i) => () => as(user, t.http.post('/api/posts')).send({ body: `In the group ${i}`, groupId: group.id }),
        ),
      );
      expect(tally(answers)).toEqual({ 201: N });
      expect(await count('SELECT count(*)::int AS n FROM posts WHERE group_id = $1', [group.id])).toBe(N);
      await expectHealthy();
    });

    it(`${N} people commenting on one post at once (this hung the whole instance): comment count exact`, async () => {
      const post = await createPost(t, crowd[0], 'A popular post');
      const answers = await burst(
        people(N, 1).map(
          (user, i) => () => as(user, t.http.post(`/api/posts/${post.id}/comments`)).send({ body: `Comment ${i}` }),
        ),
      );
      expect(tally(answers)).toEqual({ 201: N });
      const rows = await count('SELECT count(*)::int AS n FROM post_comments WHERE post_id = $1', [post.id]);
      expect(rows).toBe(N);
      const read = await as(crowd[5], t.http.get(`/api/posts/${post.id}`)).expect(200);
      expect(read.body.commentCount).toBe(rows);
      // Every comment.created event carried its own exact count: 1..N, each once.
      const announced = await t.sql<{ n: number }>(
        `SELECT (payload->>'commentCount')::int AS n FROM outbox WHERE type = 'comment.created' AND subject_id = $1`,
        [post.id],
      );
      expect(announced.map((e) => e.n).sort((a, b) => a - b)).toEqual(Array.from({ length: N }, (_, i) => i + 1));
      await expectHealthy();
    });

    it(`one person commenting ${N} times on one post at once`, async () => {
      const post = await createPost(t, crowd[0], 'A post one person keeps commenting on');
      const answers = await burst(
        Array.from(
          { length: N },
          (_, i) => () => as(crowd[1], t.http.post(`/api/posts/${post.id}/comments`)).send({ body: `Again ${i}` }),
        ),
      );
      expect(tally(answers)).toEqual({ 201: N });
      expect(await counted('postComments', post.id)).toEqual({ counter: N, rows: N });
      await expectHealthy();
    });

    it('80 people reacting to one post at once: every reaction counted once', async () => {
      const post = await createPost(t, crowd[0], 'Everyone likes this');
      const answers = await burst(crowd.map((user) => () => as(user, t.http.put(`/api/posts/${post.id}/reactions/like`))));
      expect(tally(answers)).toEqual({ 200: crowd.length });
      expect(await counted('postLikes', post.id)).toEqual({ counter: crowd.length, rows: crowd.length });
      const read = await as(crowd[3], t.http.get(`/api/posts/${post.id}`)).expect(200);
      expect(read.body.reactions.like).toBe(crowd.length);
      await expectHealthy();
    });

    it('one person toggling reaction kinds 50 times at once: counts equal the rows, kind by kind', async () => {
      const post = await createPost(t, crowd[0], 'One person cannot make up their mind');
      const kinds = ['like', 'celebrate', 'insightful', 'support'];
      const user = crowd[2];
      const answers = await burst(
        Array.from({ length: 50 }, (_, i) => {
          const path = `/api/posts/${post.id}/reactions/${kinds[i % kinds.length]}`;
          return () => as(user, i % 3 === 2 ? t.http.delete(path) : t.http.put(path));
        }),
      );
      expect(tally(answers)).toEqual({ 200: 50 });
      const [stored] = await t.sql<Record<string, number>>(
        `SELECT like_count, celebrate_count, insightful_count, support_count FROM posts WHERE id = $1`,
        [post.id],
      );
      for (const kind of kinds) {
        const rows = await count('SELECT count(*)::int AS n FROM post_reactions WHERE post_id = $1 AND kind = $2', [
          post.id,
          kind,
        ]);
        expect(rows).toBeLessThanOrEqual(1);
        expect(stored[`${kind}_count`]).toBe(rows);
      }
      await expectHealthy();
    });

    it(`the author editing one post ${N} times at once: every edit answered, the last one written wins`, async () => {
      const author = crowd[3];
      const post = await createPost(t, author, 'Draft wording');
      const answers = await burst(
        Array.from(
          { length: N },
          (_, i) => () => as(author, t.http.patch(`/api/posts/${post.id}`)).send({ body: `Wording ${i}` }),
        ),
      );
      expect(tally(answers)).toEqual({ 200: N });
      const [stored] = await t.sql<{ body: string }>('SELECT body FROM posts WHERE id = $1', [post.id]);
      // The events are in commit order: the last announced text is the one stored.
      const events = await t.sql<{ body: string }>(
        `SELECT payload->'post'->>'body' AS body FROM outbox WHERE type = 'post.updated' AND subject_id = $1 ORDER BY id`,
        [post.id],
      );
      expect(events).toHaveLength(N);
      expect(events[N - 1].body).toBe(stored.body);
      await expectHealthy();
    });

    it(`${N} deletes of one post at once: deleted once, the others find nothing`, async () => {
      const author = crowd[4];
      const post = await createPost(t, author, 'Posted by mistake');
      const answers = await burst(Array.from({ length: N }, () => () => as(author, t.http.delete(`/api/posts/${post.id}`))));
      expect(tally(answers)).toEqual({ 204: 1, 404: N - 1 });
      expect(
        await count(`SELECT count(*)::int AS n FROM outbox WHERE type = 'post.deleted' AND subject_id = $1`, [post.id]),
      ).toBe(1);
      await expectHealthy();
    });

    it('comments, reactions, edits and a delete racing on one post: counts exact whatever came first', async () => {
      const author = crowd[5];
      const post = await createPost(t, author, 'Busy post');
      const answers = await burst([
        ...people(N, 10).map((user) => () => as(user, t.http.post(`/api/posts/${post.id}/comments`)).send({ body: 'Racing' })),
        ...people(N, 40).map((user) => () => as(user, t.http.put(`/api/posts/${post.id}/reactions/support`))),
        ...Array.from(
          { length: 10 },
          (_, i) => () => as(author, t.http.patch(`/api/posts/${post.id}`)).send({ body: `Busy ${i}` }),
        ),
        () => as(author, t.http.delete(`/api/posts/${post.id}`)),
      ]);
      const statuses = tally(answers);
      expect(statuses[204]).toBe(1);
      // Whatever ran after the delete found no post.
      expect(Object.keys(statuses).sort()).toEqual(expect.arrayContaining(['204']));
      expect(Object.keys(statuses).every((s) => ['200', '201', '204', '404'].includes(s))).toBe(true);
      const [stored] = await t.sql<{ comment_count: number; support_count: number; comments: number; reactions: number }>(
        `SELECT comment_count, support_count,
                (SELECT count(*)::int FROM post_comments WHERE post_id = $1) AS comments,
                (SELECT count(*)::int FROM post_reactions WHERE post_id = $1 AND kind = 'support') AS reactions
           FROM posts WHERE id = $1`,
        [post.id],
      );
      expect(stored.comment_count).toBe(stored.comments);
      expect(stored.support_count).toBe(stored.reactions);
      expect(stored.comments).toBe(answers.slice(0, N).filter((a) => a.status === 201).length);
      expect(stored.reactions).toBe(answers.slice(N, 2 * N).filter((a) => a.status === 200).length);
      await expectHealthy();
    });
  });

  describe('ideas', () => {
    it(`votes: 80 people at once, one person ${N} times at once, votes and retractions racing`, async () => {
      const campaign = await openCampaign(t, innovator, [admin]);
      const [everyone, solo, racing] = await Promise.all([
        submitIdea(t, innovator, campaign.id),
        submitIdea(t, innovator, campaign.id),
        submitIdea(t, innovator, campaign.id),
      ]);
      await Promise.all(people(N).map((user) => as(user, t.http.put(`/api/ideas/${racing.id}/vote`)).expect(200)));
      const answers = await burst([
        ...crowd.map((user) => () => as(user, t.http.put(`/api/ideas/${everyone.id}/vote`))),
        ...Array.from({ length: N }, () => () => as(crowd[1], t.http.put(`/api/ideas/${solo.id}/vote`))),
        ...crowd.map(
          (user, i) => () =>
            as(user, i % 2 ? t.http.delete(`/api/ideas/${racing.id}/vote`) : t.http.put(`/api/ideas/${racing.id}/vote`)),
        ),
      ]);
      expect(tally(answers)).toEqual({ 200: 2 * crowd.length + N });
      const stored = (id: string) => counted('ideaVotes', id);
      expect(await stored(everyone.id)).toEqual({ counter: crowd.length, rows: crowd.length });
      expect(await stored(solo.id)).toEqual({ counter: 1, rows: 1 });
      // Even-numbered people voted (again, or for the first time), odd-numbered people retracted.
      expect(await stored(racing.id)).toEqual({ counter: crowd.length / 2, rows: crowd.length / 2 });
      await expectHealthy();
    });

    it(`${N} people commenting on one idea at once`, async () => {
      const campaign = await openCampaign(t, innovator, [admin]);
      const idea = await submitIdea(t, crowd[0], campaign.id);
      const answers = await burst(
        people(N, 1).map(
          (user, i) => () => as(user, t.http.post(`/api/ideas/${idea.id}/comments`)).send({ body: `Idea comment ${i}` }),
        ),
      );
      expect(tally(answers)).toEqual({ 201: N });
      expect(await counted('ideaComments', idea.id)).toEqual({ counter: N, rows: N });
      await expectHealthy();
    });

    it(`${N} people submitting ideas to one campaign at once`, async () => {
      const campaign = await openCampaign(t, innovator, [admin]);
      const answers = await burst(
        people(N).map(
          (user, i) => () =>
            as(user, t.http.post(`/api/campaigns/${campaign.id}/ideas`)).send({
              title: `Burst idea ${i}`,
              body: 'Why it matters',
            }),
        ),
      );
      expect(tally(answers)).toEqual({ 201: N });
      const rows = await count('SELECT count(*)::int AS n FROM ideas WHERE campaign_id = $1', [campaign.id]);
      expect(rows).toBe(N);
      const read = await as(crowd[0], t.http.get(`/api/campaigns/${campaign.id}`)).expect(200);
      expect(read.body.ideaCount).toBe(rows);
      await expectHealthy();
    });
  });

  describe('questions', () => {
    it(`${N} people asking at once, and ${N} answering one question at once: answer count exact`, async () => {
      const asked = await burst(
        people(N).map(
          (user, i) => () =>
            as(user, t.http.post('/api/questions')).send({
              title: `Burst question ${i}?`,
              body: 'Details.',
              topics: ['general'],
            }),
        ),
      );
      expect(tally(asked)).toEqual({ 201: N });
      expect(await count(`SELECT count(*)::int AS n FROM questions WHERE title LIKE 'Burst question %'`, [])).toBe(N);

      const question = await askQuestion(t, crowd[0]);
      const answers = await burst(
        people(N, 1).map(
          (user, i) => () => as(user, t.http.post(`/api/questions/${question.id}/answers`)).send({ body: `Answer ${i}` }),
        ),
      );
      expect(tally(answers)).toEqual({ 201: N });
      expect(await counted('answers', question.id)).toEqual({ counter: N, rows: N });
      await expectHealthy();
    });

    it(`answer votes: 80 people at once, one person ${N} times at once`, async () => {
      const question = await askQuestion(t, crowd[0]);
      const [popular, solo] = [await answerQuestion(t, crowd[1], question.id), await answerQuestion(t, crowd[2], question.id)];
      const answers = await burst([
        ...crowd.map((user) => () => as(user, t.http.put(`/api/answers/${popular.id}/vote`))),
        ...Array.from({ length: N }, () => () => as(crowd[3], t.http.put(`/api/answers/${solo.id}/vote`))),
      ]);
      const statuses = tally(answers);
      // Nobody votes for their own answer: the answer's author gets a 4xx, everyone else 200.
      expect(statuses[200]).toBe(crowd.length - 1 + N);
      const stored = (id: string) => counted('answerVotes', id);
      expect(await stored(popular.id)).toEqual({ counter: crowd.length - 1, rows: crowd.length - 1 });
      expect(await stored(solo.id)).toEqual({ counter: 1, rows: 1 });
      await expectHealthy();
    });

    it(`the asker accepting ${N} different answers at once: exactly one is accepted, the rest are 409`, async () => {
      const asker = crowd[0];
      const question = await askQuestion(t, asker);
      const candidates = await Promise.all(people(N, 1).map((user) => answerQuestion(t, user, question.id)));
      const answers = await burst(
        candidates.map(
          (answer) => () => as(asker, t.http.post(`/api/questions/${question.id}/accept`)).send({ answerId: answer.id }),
        ),
      );
      expect(tally(answers)).toEqual({ 200: 1, 409: N - 1 });
      expect(await count('SELECT count(*)::int AS n FROM answers WHERE question_id = $1 AND accepted', [question.id])).toBe(1);
      expect(
        await count(`SELECT count(*)::int AS n FROM outbox WHERE type = 'question.answer_accepted' AND subject_id = $1`, [
          question.id,
        ]),
      ).toBe(1);

      // Accepting the accepted answer again, many times at once, changes nothing.
      const [accepted] = await t.sql<{ id: string }>('SELECT id FROM answers WHERE question_id = $1 AND accepted', [question.id]);
      const again = await burst(
        Array.from(
          { length: N },
          () => () => as(asker, t.http.post(`/api/questions/${question.id}/accept`)).send({ answerId: accepted.id }),
        ),
      );
      expect(tally(again)).toEqual({ 200: N });
      await expectHealthy();
    });
  });

  describe('people', () => {
    it(`${N} people following one person at once, and one person following and unfollowing ${N} times at once`, async () => {
      const [star, fickle, other] = [crowd[0], crowd[1], crowd[2]];
      const answers = await burst([
        ...people(N, 3).map((user) => () => as(user, t.http.put(`/api/users/${star.id}/follow`))),
        ...Array.from(
          { length: N },
          (_, i) => () =>
            as(fickle, i % 2 ? t.http.delete(`/api/users/${other.id}/follow`) : t.http.put(`/api/users/${other.id}/follow`)),
        ),
      ]);
      expect(tally(answers)).toEqual({ 204: 2 * N });
      const followers = await count('SELECT count(*)::int AS n FROM follows WHERE followee_id = $1', [star.id]);
      expect(followers).toBe(N);
      const profile = await as(crowd[70], t.http.get(`/api/users/${star.id}`)).expect(200);
      expect(profile.body.followers).toBe(followers);
      expect(
        await count('SELECT count(*)::int AS n FROM follows WHERE follower_id = $1 AND followee_id = $2', [fickle.id, other.id]),
      ).toBeLessThanOrEqual(1);
      await expectHealthy();
    });

    it(`${N} people endorsing one skill at once, and one person endorsing it ${N} times at once`, async () => {
      const expert = crowd[10];
      await updateProfile(t, expert, { skills: ['Kubernetes'] });
      const path = `/api/users/${expert.id}/skills/${encodeURIComponent('Kubernetes')}/endorsement`;
      const answers = await burst([
        ...people(N, 20).map((user) => () => as(user, t.http.put(path))),
        ...Array.from({ length: N }, () => () => as(crowd[11], t.http.put(path))),
      ]);
      expect(tally(answers)).toEqual({ 204: 2 * N });
      const rows = await count('SELECT count(*)::int AS n FROM skill_endorsements WHERE user_id = $1', [expert.id]);
      expect(rows).toBe(N + 1);
      const profile = await as(crowd[70], t.http.get(`/api/users/${expert.id}`)).expect(200);
      expect(profile.body.skills.find((s: { name: string }) => s.name === 'Kubernetes').endorsements).toBe(rows);
      await expectHealthy();
    });

    it(`one person saving their profile ${N} times at once`, async () => {
      const user = crowd[12];
      const answers = await burst(
        Array.from(
          { length: N },
          (_, i) => () => as(user, t.http.patch('/api/me')).send({ title: `Title ${i}`, skills: [`Skill ${i % 5}`, 'Go'] }),
        ),
      );
      expect(tally(answers)).toEqual({ 200: N });
      expect(await count('SELECT count(*)::int AS n FROM user_skills WHERE user_id = $1', [user.id])).toBe(2);
      await expectHealthy();
    });
  });

  describe('groups', () => {
    const memberCount = (groupId: string) => counted('members', groupId);

    it(`${N} people joining one public group at once, and one person joining it ${N} times at once`, async () => {
      const group = await createGroup(t, crowd[0], { visibility: 'public' });
      const answers = await burst([
        ...people(N, 1).map((user) => () => as(user, t.http.post(`/api/groups/${group.id}/join`))),
        ...Array.from({ length: N }, () => () => as(crowd[60], t.http.post(`/api/groups/${group.id}/join`))),
      ]);
      expect(tally(answers)).toEqual({ 200: 2 * N });
      expect(answers.every((a) => a.body.myRole === 'member')).toBe(true);
      expect(await memberCount(group.id)).toEqual({ counter: N + 2, rows: N + 2 });
      await expectHealthy();
    });

    it(`${N} people asking to join a private group at once, then the owner and an admin approving them all at once`, async () => {
      const [owner, admin2] = [crowd[0], crowd[1]];
      const group = await createGroup(t, owner, { visibility: 'private' });
      await addMember(t, owner, group.id, admin2);
      await setRole(t, owner, group.id, admin2.id, 'admin');
      const requesters = people(N, 2);
      const asked = await burst(requesters.map((user) => () => as(user, t.http.post(`/api/groups/${group.id}/join`))));
      expect(tally(asked)).toEqual({ 200: N });
      expect(asked.every((a) => a.body.myRole === 'pending')).toBe(true);
      // Both managers approve everyone: each request is approved once, the second approval finds it settled.
      const approved = await burst(
        [owner, admin2].flatMap((manager) =>
          requesters.map((user) => () => as(manager, t.http.post(`/api/groups/${group.id}/requests/${user.id}/approve`))),
        ),
      );
      expect(tally(approved)).toEqual({ 200: N, 404: N });
      expect(await memberCount(group.id)).toEqual({ counter: N + 2, rows: N + 2 });
      expect(
        await count(`SELECT count(*)::int AS n FROM outbox WHERE type = 'group.member_approved' AND subject_id = $1`, [group.id]),
      ).toBe(N + 1);
      await expectHealthy();
    });

    it(`${N} members leaving one group at once while ${N} others join it`, async () => {
      const group = await createGroup(t, crowd[0], { visibility: 'public' });
      const [leavers, joiners] = [people(N, 1), crowd.slice(N + 1)];
      await Promise.all(leavers.map((user) => as(user, t.http.post(`/api/groups/${group.id}/join`)).expect(200)));
      const answers = await burst([
        ...leavers.map((user) => () => as(user, t.http.delete(`/api/groups/${group.id}/members/${user.id}`))),
        ...joiners.map((user) => () => as(user, t.http.post(`/api/groups/${group.id}/join`))),
      ]);
      expect(tally(answers)).toEqual({ 204: leavers.length, 200: joiners.length });
      expect(await memberCount(group.id)).toEqual({ counter: 1 + joiners.length, rows: 1 + joiners.length });
      await expectHealthy();
    });
  });

  describe('campaigns, reviews and decisions', () => {
    it(`each phase change sent ${N} times at once applies once; a reviewer reviewing ${N} times at once counts once`, async () => {
      const reviewers = [admin, moderators[0]];
      const campaign = await as(innovator, t.http.post('/api/campaigns'))
        .send({
          title: 'Burst campaign',
          description: 'Raced',
          criteria: [{ name: 'Impact', weight: 1 }],
          reviewerIds: reviewers.map((r) => r.id),
          advanceTopN: 1,
        })
        .expect(201);
      const id = campaign.body.id as string;
      const edits = await burst(
        Array.from(
          { length: N },
          (_, i) => () => as(innovator, t.http.patch(`/api/campaigns/${id}`)).send({ title: `Burst campaign ${i}` }),
        ),
      );
      expect(tally(edits)).toEqual({ 200: N });
      const transitions = async (status: string) =>
        count('SELECT count(*)::int AS n FROM campaign_transitions WHERE campaign_id = $1 AND to_status = $2', [id, status]);

      // Repeating a transition that already happened answers the current state: every one is a 200, one applies.
      const opened = await burst(Array.from({ length: N }, () => () => as(innovator, t.http.post(`/api/campaigns/${id}/open`))));
      expect(tally(opened)).toEqual({ 200: N });
      expect(await transitions('open')).toBe(1);

      const idea = await submitIdea(t, crowd[0], id);
      await submitIdea(t, crowd[1], id);
      await Promise.all(people(10, 2).map((user) => as(user, t.http.put(`/api/ideas/${idea.id}/vote`)).expect(200)));
      const advanced = await burst(
        Array.from({ length: N }, () => () => as(innovator, t.http.post(`/api/campaigns/${id}/advance`))),
      );
      expect(tally(advanced)).toEqual({ 200: N });
      expect(await transitions('review')).toBe(1);
      expect(await count(`SELECT count(*)::int AS n FROM ideas WHERE campaign_id = $1 AND status = 'in_review'`, [id])).toBe(1);

      const reviewed = await burst(
        reviewers.flatMap((reviewer) =>
          Array.from(
            { length: N / 2 },
            () => () =>
              as(reviewer, t.http.post(`/api/ideas/${idea.id}/reviews`)).send({ scores: { Impact: 4 }, comment: 'Worth doing' }),
          ),
        ),
      );
      expect(tally(reviewed)).toEqual({ 201: 2, 409: N - 2 });
      expect(await counted('ideaReviews', idea.id)).toEqual({ counter: 2, rows: 2 });

      const decided = await burst(
        Array.from(
          { length: N },
          () => () =>
            as(innovator, t.http.post(`/api/ideas/${idea.id}/decision`)).send({ status: 'selected', rationale: 'Best value' }),
        ),
      );
      const decisions = tally(decided);
      expect(decisions[200]).toBeGreaterThanOrEqual(1);
      expect(Object.keys(decisions).every((s) => ['200', '409'].includes(s))).toBe(true);
      expect(
        await count(
          `SELECT count(*)::int AS n FROM outbox WHERE type = 'idea.status' AND subject_id = $1 AND payload->>'status' = 'selected'`,
          [idea.id],
        ),
      ).toBe(1);

      const tracked = await burst(
        Array.from(
          { length: N },
          (_, i) => () => as(innovator, t.http.patch(`/api/ideas/${idea.id}/implementation`)).send({ progress: i % 101 }),
        ),
      );
      expect(tally(tracked)).toEqual({ 200: N });

      const closed = await burst(Array.from({ length: N }, () => () => as(innovator, t.http.post(`/api/campaigns/${id}/close`))));
      expect(tally(closed)).toEqual({ 200: N });
      expect(await transitions('closed')).toBe(1);
      await expectHealthy();
    });
  });

  describe('question claims', () => {
    it(`${N} people claiming one question at once: one holds it, the others are told someone is on it`, async () => {
      const question = await askQuestion(t, crowd[0]);
      const answers = await burst(people(N, 1).map((user) => () => as(user, t.http.post(`/api/questions/${question.id}/claim`))));
      expect(tally(answers)).toEqual({ 200: 1, 409: N - 1 });
      const [holder] = await t.sql<{ claimed_by: string }>('SELECT claimed_by FROM questions WHERE id = $1', [question.id]);
      expect(answers.find((a) => a.status === 200)!.body.claim).toMatchObject({ user: { id: holder.claimed_by } });
      await expectHealthy();
    });
  });

  describe('group management', () => {
    it(`an owner and an admin banning the same member ${N} times at once: one ban, the membership gone once`, async () => {
      const [owner, manager, target] = [crowd[0], crowd[1], crowd[2]];
      const group = await createGroup(t, owner, { visibility: 'public' });
      for (const user of [manager, target]) await as(user, t.http.post(`/api/groups/${group.id}/join`)).expect(200);
      await as(owner, t.http.put(`/api/groups/${group.id}/members/${manager.id}`))
        .send({ role: 'admin' })
        .expect(200);
      const renamed = await burst([
        ...Array.from(
          { length: N / 2 },
          (_, i) => () => as(owner, t.http.patch(`/api/groups/${group.id}`)).send({ description: `About ${i}` }),
        ),
        ...Array.from(
          { length: N / 2 },
          (_, i) => () =>
            as(owner, t.http.put(`/api/groups/${group.id}/members/${manager.id}`)).send({ role: i % 2 ? 'member' : 'admin' }),
        ),
      ]);
      expect(tally(renamed)).toEqual({ 200: N });
      await as(owner, t.http.put(`/api/groups/${group.id}/members/${manager.id}`))
        .send({ role: 'admin' })
        .expect(200);

      const banned = await burst(
        [owner, manager].flatMap((actor) =>
          Array.from(
            { length: N / 2 },
            () => () => as(actor, t.http.post(`/api/groups/${group.id}/bans`)).send({ userId: target.id, reason: 'Spam' }),
          ),
        ),
      );
      const statuses = tally(banned);
      expect(statuses[201]).toBeGreaterThanOrEqual(1);
      expect(Object.keys(statuses).every((s) => ['201', '409'].includes(s))).toBe(true);
      expect(
        await count('SELECT count(*)::int AS n FROM group_bans WHERE group_id = $1 AND user_id = $2', [group.id, target.id]),
      ).toBe(1);
      expect(await counted('members', group.id)).toEqual({ counter: 2, rows: 2 });

      const lifted = await burst(
        Array.from({ length: N }, () => () => as(owner, t.http.delete(`/api/groups/${group.id}/bans/${target.id}`))),
      );
      const liftedStatuses = tally(lifted);
      expect(liftedStatuses[204]).toBeGreaterThanOrEqual(1);
      expect(Object.keys(liftedStatuses).every((s) => ['204', '404'].includes(s))).toBe(true);
      await expectHealthy();
    });
  });

  describe('the other write endpoints', () => {
    it(`one person creating ${N} groups at once, and an admin approving while the owner rejects the same ${N} requests`, async () => {
      const [owner, manager] = [crowd[20], crowd[21]];
      const created = await burst(
        Array.from(
          { length: N },
          (_, i) => () => as(owner, t.http.post('/api/groups')).send({ name: `Burst group ${i}`, visibility: 'private' }),
        ),
      );
      expect(tally(created)).toEqual({ 201: N });
      const group = created[0].body as { id: string };
      expect(await count('SELECT count(*)::int AS n FROM group_memberships WHERE group_id = $1', [group.id])).toBe(1);

      await addMember(t, owner, group.id, manager);
      await setRole(t, owner, group.id, manager.id, 'admin');
      const requesters = people(N, 22);
      await Promise.all(requesters.map((user) => as(user, t.http.post(`/api/groups/${group.id}/join`)).expect(200)));
      const decided = await burst([
        ...requesters.map((user) => () => as(manager, t.http.post(`/api/groups/${group.id}/requests/${user.id}/approve`))),
        ...requesters.map((user) => () => as(owner, t.http.post(`/api/groups/${group.id}/requests/${user.id}/reject`))),
      ]);
      // Each request is decided once: approved or rejected, the other decision finds nothing to decide.
      expect(tally(decided)).toEqual({ 200: N, 404: N });
      const approved = decided.slice(0, N).filter((a) => a.status === 200).length;
      expect(await counted('members', group.id)).toEqual({ counter: 2 + approved, rows: 2 + approved });
      expect(
        await count(`SELECT count(*)::int AS n FROM group_memberships WHERE group_id = $1 AND role = 'pending'`, [group.id]),
      ).toBe(0);
      await expectHealthy();
    });

    it(`${N} votes on an idea while it is merged into another: both counts equal their rows`, async () => {
      const campaign = await openCampaign(t, innovator, [admin]);
      const [duplicate, into] = [await submitIdea(t, crowd[0], campaign.id), await submitIdea(t, crowd[1], campaign.id)];
      const voters = people(N, 2);
      await Promise.all(
        voters.slice(0, N / 2).map((user) => as(user, t.http.put(`/api/ideas/${duplicate.id}/vote`)).expect(200)),
      );
      const answers = await burst([
        ...voters.slice(N / 2).map((user) => () => as(user, t.http.put(`/api/ideas/${duplicate.id}/vote`))),
        () => as(innovator, t.http.post(`/api/ideas/${duplicate.id}/merge`)).send({ intoId: into.id }),
        () => as(innovator, t.http.post(`/api/ideas/${into.id}/merge`)).send({ intoId: duplicate.id }),
        ...Array.from(
          { length: N / 2 },
          (_, i) => () => as(crowd[1], t.http.patch(`/api/ideas/${into.id}`)).send({ body: `Refined ${i}` }),
        ),
      ]);
      const statuses = tally(answers);
      const merges = answers.slice(N / 2, N / 2 + 2).map((a) => a.status);
      // The two opposite merges serialise: one applies, the other finds a merged idea.
      expect(merges.filter((s) => s === 200)).toHaveLength(1);
      expect(Object.keys(statuses).every((s) => ['200', '409'].includes(s))).toBe(true);
      const stored = await t.sql<{ id: string; status: string; vote_count: number; rows: number }>(
        `SELECT i.id, i.status, i.vote_count, (SELECT count(*)::int FROM idea_votes v WHERE v.idea_id = i.id) AS rows
           FROM ideas i WHERE i.id = ANY($1::uuid[])`,
        [[duplicate.id, into.id]],
      );
      for (const idea of stored) expect(idea.vote_count).toBe(idea.rows);
      expect(stored.filter((i) => i.status === 'merged')).toHaveLength(1);
      await expectHealthy();
    });

    it(`mentoring: ${N} people asking one mentor with room for 2 at once, one person asking ${N} times at once`, async () => {
      const mentor = crowd[60];
      await as(mentor, t.http.put('/api/me/mentoring'))
        .send({ topics: ['Erlang'], available: true, maxMentees: 2 })
        .expect(200);
      const answers = await burst([
        ...people(N, 10).map((user) => () => as(user, t.http.post('/api/mentoring/requests')).send({ skill: 'Erlang' })),
        ...Array.from({ length: N }, () => () => as(crowd[61], t.http.post('/api/mentoring/requests')).send({ skill: 'Erlang' })),
      ]);
      expect(tally(answers)).toEqual({ 201: N + 1, 409: N - 1 });
      expect(
        await count(`SELECT count(*)::int AS n FROM mentoring_requests WHERE mentor_id = $1 AND status = 'paired'`, [mentor.id]),
      ).toBe(2);
      const mine = answers.slice(N).find((a) => a.status === 201)!.body as { id: string };
      const closed = await burst(
        Array.from({ length: N }, () => () => as(crowd[61], t.http.post(`/api/mentoring/requests/${mine.id}/close`))),
      );
      expect(tally(closed)).toEqual({ 200: N });
      const synonyms = await burst(
        Array.from(
          { length: N / 2 },
          (_, i) => () =>
            as(admin, t.http.put('/api/admin/skill-synonyms')).send({ synonyms: [{ alias: `erl${i}`, canonical: 'erlang' }] }),
        ),
      );
      expect(tally(synonyms)).toEqual({ 200: N / 2 });
      expect(await count('SELECT count(*)::int AS n FROM skill_synonyms', [])).toBe(1);
      await expectHealthy();
    });

    it(`answer votes withdrawn, claims released and sessions ended ${N} times at once`, async () => {
      const question = await askQuestion(t, crowd[0]);
      const answer = await answerQuestion(t, crowd[1], question.id);
      const voters = people(N, 2);
      await Promise.all(voters.map((user) => as(user, t.http.put(`/api/answers/${answer.id}/vote`)).expect(200)));
      await as(crowd[2], t.http.post(`/api/questions/${question.id}/claim`)).expect(200);
      const session = await registerUser(t);
      const answers = await burst([
        ...voters.map((user) => () => as(user, t.http.delete(`/api/answers/${answer.id}/vote`))),
        ...Array.from({ length: N }, () => () => as(crowd[2], t.http.delete(`/api/questions/${question.id}/claim`))),
        ...Array.from(
          { length: N },
          () => () => as(session, t.http.post('/api/auth/logout')).send({ refreshToken: session.refreshToken }),
        ),
        ...Array.from(
          { length: N },
          () => () => t.http.post('/api/auth/login').send({ email: session.email, password: session.password }),
        ),
      ]);
      const logouts = answers.slice(2 * N, 3 * N);
      expect(tally([...answers.slice(0, 2 * N), ...answers.slice(3 * N)])).toEqual({ 200: 2 * N, 204: N });
      // The first logout to commit ends the session, so its access token is refused from then on
      // (#15: logout takes effect on the next request): the others get a 204 or a 401, never a 5xx.
      const loggedOut = tally(logouts);
      expect(Object.keys(loggedOut).filter((status) => status !== '204' && status !== '401')).toEqual([]);
      expect(loggedOut[204]).toBeGreaterThanOrEqual(1);
      await t.http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken }).expect(401);
      expect(await counted('answerVotes', answer.id)).toEqual({ counter: 0, rows: 0 });
      await expectHealthy();
    });
  });

  describe('accounts', () => {
    it(`the same email registered ${N} times at once: one account, the others 409`, async () => {
      const email = `burst.${Date.now().toString(36)}@corp.example`;
      const answers = await burst(
        Array.from(
          { length: N },
          () => () => t.http.post('/api/auth/register').send({ email, password: 'correct horse battery', displayName: 'Burst' }),
        ),
      );
      expect(tally(answers)).toEqual({ 201: 1, 409: N - 1 });
      expect(await count('SELECT count(*)::int AS n FROM users WHERE email = $1', [email])).toBe(1);
      await expectHealthy();
    });

    it(`one refresh token spent ${N} times at once: exactly one new session`, async () => {
      const user = await registerUser(t);
      const answers = await burst(
        Array.from({ length: N }, () => () => t.http.post('/api/auth/refresh').send({ refreshToken: user.refreshToken })),
      );
      expect(tally(answers)).toEqual({ 200: 1, 401: N - 1 });
      await expectHealthy();
    });

    it(`an admin changing roles and suspensions ${N} times at once`, async () => {
      const target = crowd[79];
      const answers = await burst([
        ...Array.from(
          { length: N / 2 },
          (_, i) => () =>
            as(admin, t.http.put(`/api/admin/users/${target.id}/roles`)).send({ roles: i % 2 ? ['innovation'] : [] }),
        ),
        ...Array.from(
          { length: N / 2 },
          (_, i) => () =>
            as(admin, t.http.put(`/api/admin/users/${target.id}/suspension`)).send({ suspended: i % 2 === 0, reason: 'Burst' }),
        ),
      ]);
      expect(tally(answers)).toEqual({ 200: N });
      await as(admin, t.http.put(`/api/admin/users/${target.id}/suspension`))
        .send({ suspended: false, reason: 'Done' })
        .expect(200);
      await expectHealthy();
    });
  });

  describe('moderation and notifications', () => {
    it(`${N} people reporting one post at once: one case, auto-hidden exactly once`, async () => {
      await setSettings(t, moderators[0], { autoHideThreshold: 5 });
      const post = await createPost(t, crowd[0], 'Something many find offensive');
      const answers = await burst(
        people(N, 1).map(
          (user) => () =>
            as(user, t.http.post('/api/reports')).send({ targetType: 'post', targetId: post.id, reason: 'Offensive' }),
        ),
      );
      const statuses = tally(answers);
      // Reports that arrive once the post is hidden find nothing to report.
      expect(Object.keys(statuses).every((s) => ['201', '404'].includes(s))).toBe(true);
      expect(statuses[201]).toBeGreaterThanOrEqual(5);
      const reports = await count(`SELECT count(*)::int AS n FROM reports WHERE target_type = 'post' AND target_id = $1`, [
        post.id,
      ]);
      expect(reports).toBe(statuses[201]);
      const [kase] = await t.sql<{ report_count: number; cases: number }>(
        `SELECT max(report_count)::int AS report_count, count(*)::int AS cases FROM moderation_cases WHERE target_type = 'post' AND target_id = $1`,
        [post.id],
      );
      expect(kase).toEqual({ report_count: reports, cases: 1 });
      const hides = await t.sql(
        `SELECT 1 FROM outbox WHERE type = 'content.moderated' AND payload->>'targetId' = $1 AND payload->>'action' = 'auto_hide'`,
        [post.id],
      );
      expect(hides).toHaveLength(1);
      await setSettings(t, moderators[0], { autoHideThreshold: 3 });
      await expectHealthy();
    });

    it('two moderators resolving the same 20 reports at once: each case resolved once, the loser gets 409', async () => {
      const author = crowd[30];
      const posts = await Promise.all(Array.from({ length: 20 }, (_, i) => createPost(t, author, `Borderline ${i}`)));
      const reports = await Promise.all(posts.map((post, i) => report(t, crowd[31 + i], post.id)));
      const answers = await burst(
        moderators.flatMap((moderator, m) =>
          reports.map(
            (r) => () =>
              as(moderator, t.http.post(`/api/moderation/reports/${r.id}/resolve`)).send({
                action: m === 0 ? 'hide' : 'dismiss',
              }),
          ),
        ),
      );
      expect(tally(answers)).toEqual({ 200: 20, 409: 20 });
      for (let i = 0; i < reports.length; i++) {
        expect([answers[i].status, answers[reports.length + i].status].sort()).toEqual([200, 409]);
      }
      expect(
        await count(`SELECT count(*)::int AS n FROM moderation_cases WHERE target_id = ANY($1::uuid[]) AND status = 'resolved'`, [
          posts.map((p) => p.id),
        ]),
      ).toBe(20);
      await expectHealthy();
    });

    it(`one person marking notifications read ${N} times at once, while new ones arrive`, async () => {
      const reader = crowd[50];
      const post = await createPost(t, reader, 'Read my notifications');
      await Promise.all(people(20, 51).map((user) => comment(t, user, post.id)));
      await t.settle();
      const ids = (await t.sql<{ id: string }>('SELECT id FROM notifications WHERE recipient_id = $1', [reader.id])).map(
        (r) => r.id,
      );
      expect(ids.length).toBeGreaterThan(0);
      const answers = await burst([
        ...Array.from(
          { length: N },
          (_, i) => () =>
            as(reader, t.http.post('/api/notifications/read')).send(
              i % 2 ? { all: true } : { ids: ids.slice(0, 1 + (i % ids.length)) },
            ),
        ),
        ...people(N / 2, 10).map((user) => () => as(user, t.http.put(`/api/posts/${post.id}/reactions/like`))),
      ]);
      expect(tally(answers)).toEqual({ 204: N, 200: N / 2 });
      await t.settle();
      await as(reader, t.http.post('/api/notifications/read')).send({ all: true }).expect(204);
      const unread = await as(reader, t.http.get('/api/notifications/unread-count')).expect(200);
      expect(unread.body.count).toBe(0);
      await expectHealthy();
    });

    it(`settings, mutes and guidelines written ${N} times at once`, async () => {
      const user = crowd[40];
      const post = await createPost(t, crowd[41], 'Mute me');
      const answers = await burst([
        ...Array.from(
          { length: N / 4 },
          (_, i) => () =>
            as(
              user,
              i % 2
                ? t.http.delete(`/api/notifications/mutes/post/${post.id}`)
                : t.http.put(`/api/notifications/mutes/post/${post.id}`),
            ),
        ),
        ...Array.from(
          { length: N / 4 },
          (_, i) => () =>
            as(user, t.http.put('/api/notifications/preferences')).send({
              preferences: [{ kind: 'reaction', enabled: i % 2 === 0 }],
            }),
        ),
        ...Array.from(
          { length: N / 4 },
          (_, i) => () => as(moderators[1], t.http.put('/api/moderation/settings')).send({ autoHideThreshold: 3 + (i % 3) }),
        ),
        ...Array.from(
          { length: N / 4 },
          (_, i) => () => as(admin, t.http.put('/api/guidelines')).send({ body: `Be kind, version ${i}` }),
        ),
      ]);
      const statuses = tally(answers);
      expect(statuses).toEqual({ 204: N / 4, 200: (3 * N) / 4 });
      // Each publication is its own version: N/4 distinct, consecutive numbers.
      const versions = answers.slice((3 * N) / 4).map((a) => a.body.version as number);
      expect(new Set(versions).size).toBe(N / 4);
      const latest = Math.max(...versions);
      const accepted = await burst(
        people(N, 1).map((person) => () => as(person, t.http.post('/api/guidelines/accept')).send({ version: latest })),
      );
      expect(tally(accepted)).toEqual({ 204: N });
      await expectHealthy();
    });
  });
});
