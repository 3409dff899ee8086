import { SubjectVisibility } from '@ruche/platform';
import { follow } from './factories/people.factory.js';
import { createPost, listAll, listPage, type PostBody } from './factories/post.factory.js';
import { actingAs, registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { eventsAbout } from './support/outbox.js';
import { useTestApp } from './support/test-app.js';

const NO_REACTIONS = { like: 0, celebrate: 0, insightful: 0, support: 0 };
const MISSING = '00000000-0000-4000-8000-000000000000';

interface OutboxPayload {
  post?: PostBody;
  postId?: string;
  userIds?: string[];
  reactions?: PostBody['reactions'];
  comment?: unknown;
}

describe('feed: posts, comments, reactions', () => {
  const t = useTestApp();
  let admin: TestUser, alice: TestUser, bob: TestUser;

  beforeAll(async () => {
    admin = await registerUser(t, { email: 'root@corp.example', displayName: 'Root' });
    alice = await registerUser(t, { email: 'alice@corp.example', displayName: 'Alice Martin' });
    bob = await registerUser(t, { email: 'bob@corp.example', displayName: 'Bob Stone' });
  });

  const count = async (table: string) => {
    // Listeners (notifications) add outbox rows after earlier requests: let them finish first.
    if (table === 'outbox') await t.settle();
    return Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  };
  const postRow = async (id: string) =>
    (
      await t.sql<{ body: string; deleted_at: Date | null; like_count: number; comment_count: number }>(
        'SELECT * FROM posts WHERE id = $1',
        [id],
      )
    )[0];
  const events = (type: string, subjectId: string) => eventsAbout<OutboxPayload>(t, type, subjectId);
  const as = (user: TestUser) => actingAs(t, user);

  describe('POST /api/posts', () => {
    it('publishes a post: trimmed body, author, zero counts, all four reaction kinds', async () => {
      const res = await as(alice).post('/api/posts', { body: '  Hello, company!  ' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        author: { id: alice.id, handle: 'alice', displayName: 'Alice Martin' },
        body: 'Hello, company!',
        bodyHtml: '<p>Hello, company!</p>\n',
        groupId: null,
        createdAt: expect.any(String),
        updatedAt: res.body.createdAt,
        mentions: [],
        mentionedUsers: [],
        commentCount: 0,
        reactions: NO_REACTIONS,
        myReactions: [],
        linkPreviews: [],
        attachments: [],
        poll: null,
      });
      expect(new Date(res.body.createdAt).toISOString()).toBe(res.body.createdAt);
      expect((await postRow(res.body.id)).body).toBe('Hello, company!');
    });

    it('stores the text as written (no HTML processing) and accepts exactly 10,000 characters', async () => {
      const html = '<script>alert(1)</script> & <b>bold</b>';
      expect((await as(alice).post('/api/posts', { body: html })).body.body).toBe(html);
      const long = await as(alice).post('/api/posts', { body: 'x'.repeat(10_000) });
      expect(long.status).toBe(201);
      expect(long.body.body).toHaveLength(10_000);
    });

    it('resolves @mentions: case-insensitive, deduplicated, unknown handles and emails ignored', async () => {
      const res = await as(alice).post('/api/posts', {
        body: 'Thanks @BOB and @bob, cc @root. Not @nobody_here, not alice@corp.example.',
      });
      expect(res.status).toBe(201);
      expect([...res.body.mentions].sort()).toEqual([admin.id, bob.id].sort());
      expect(res.body.mentionedUsers).toEqual(
        expect.arrayContaining([
          { id: bob.id, handle: 'bob', displayName: 'Bob Stone' },
          { id: admin.id, handle: 'root', displayName: 'Root' },
        ]),
      );
      const rows = await t.sql<{ user_id: string }>('SELECT user_id FROM post_mentions WHERE post_id = $1', [res.body.id]);
      expect(rows.map((r) => r.user_id).sort()).toEqual([admin.id, bob.id].sort());
      // The same answer on read.
      const read = await as(bob).get(`/api/posts/${res.body.id}`);
      expect(read.body.mentions).toEqual(res.body.mentions);
    });

    it('answers 404 "Group not found" for any group (groups do not exist yet) and writes nothing', async () => {
      const before = await count('posts');
      const res = await as(alice).post('/api/posts', { body: 'In a group', groupId: MISSING });
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found', message: 'Group not found' });
      expect(await count('posts')).toBe(before);
      // An explicit null is company-wide.
      const company = await as(alice).post('/api/posts', { body: 'Company-wide', groupId: null });
      expect(company.status).toBe(201);
      expect(company.body.groupId).toBeNull();
    });

    it.each([
      ['missing body', {}],
      ['empty body', { body: '' }],
      ['blank body', { body: '   \n\t ' }],
      ['body of 10,001 characters', { body: 'x'.repeat(10_001) }],
      ['NUL character', { body: 'a\u0000b' }],
      ['unknown field', { body: 'hi', pinned: true }],
      ['author smuggled in', { body: 'hi', authorId: MISSING }],
      ['number body', { body: 42 }],
      ['array body', { body: ['hi'] }],
      ['object body', { body: { text: 'hi' } }],
      ['groupId not a UUID', { body: 'hi', groupId: 'general' }],
      ['groupId of the wrong type', { body: 'hi', groupId: 7 }],
    ])('rejects %s with 400 and writes nothing', async (_name, body) => {
      const before = [await count('posts'), await count('outbox')];
      const res = await as(alice).post('/api/posts', body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.message).toBeDefined();
      expect([await count('posts'), await count('outbox')]).toEqual(before);
    });
  });

  describe('authentication', () => {
    it.each([
      ['post', '/api/posts'],
      ['get', `/api/posts/${MISSING}`],
      ['patch', `/api/posts/${MISSING}`],
      ['delete', `/api/posts/${MISSING}`],
      ['post', `/api/posts/${MISSING}/comments`],
      ['get', `/api/posts/${MISSING}/comments`],
      ['put', `/api/posts/${MISSING}/reactions/like`],
      ['delete', `/api/posts/${MISSING}/reactions/like`],
      ['get', '/api/feed'],
      ['get', '/api/feed?scope=company'],
      ['get', `/api/users/${MISSING}/posts`],
    ] as const)('%s %s without a token is 401', async (method, path) => {
      const req = t.http[method](path);
      const res = method === 'get' || method === 'delete' ? await req : await req.send({ body: 'x' });
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    });

    it('writes nothing for an unauthenticated post', async () => {
      const before = await count('posts');
      await t.http.post('/api/posts').set('Authorization', 'Bearer not.a.token').send({ body: 'sneaky' }).expect(401);
      expect(await count('posts')).toBe(before);
    });
  });

  describe('GET /api/posts/:id', () => {
    it('returns the post with the caller’s own reactions', async () => {
      const post = await createPost(t, alice, 'Readable');
      await as(bob).put(`/api/posts/${post.id}/reactions/celebrate`).expect(200);
      const forBob = await as(bob).get(`/api/posts/${post.id}`);
      expect(forBob.status).toBe(200);
      expect(forBob.body).toMatchObject({
        id: post.id,
        body: 'Readable',
        reactions: { ...NO_REACTIONS, celebrate: 1 },
        myReactions: ['celebrate'],
      });
      const forAlice = await as(alice).get(`/api/posts/${post.id}`);
      expect(forAlice.body.myReactions).toEqual([]);
    });

    it('is 404 for an unknown post and 400 for a malformed id', async () => {
      expect((await as(alice).get(`/api/posts/${MISSING}`)).status).toBe(404);
      const bad = await as(alice).get('/api/posts/not-a-uuid');
      expect(bad.status).toBe(400);
      expect(bad.body).toMatchObject({ statusCode: 400 });
    });
  });

  describe('PATCH /api/posts/:id', () => {
    it('lets the author edit: body, updatedAt, mentions resolved again', async () => {
      const post = await createPost(t, alice, 'First draft for @bob');
      expect(post.mentions).toEqual([bob.id]);
      await new Promise((r) => setTimeout(r, 5));
      const res = await as(alice).patch(`/api/posts/${post.id}`, { body: '  Final: @root only ' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: post.id, body: 'Final: @root only', mentions: [admin.id], createdAt: post.createdAt });
      expect(new Date(res.body.updatedAt).getTime()).toBeGreaterThan(new Date(post.updatedAt).getTime());
      const rows = await t.sql<{ user_id: string }>('SELECT user_id FROM post_mentions WHERE post_id = $1', [post.id]);
      expect(rows.map((r) => r.user_id)).toEqual([admin.id]);
      expect((await as(bob).get(`/api/posts/${post.id}`)).body.body).toBe('Final: @root only');
    });

    it('refuses everyone else with 403 and changes nothing (even moderators and admins)', async () => {
      const post = await createPost(t, alice, 'Mine');
      for (const other of [bob, admin]) {
        const res = await as(other).patch(`/api/posts/${post.id}`, { body: 'Hijacked' });
        expect(res.status).toBe(403);
        expect(res.body).toMatchObject({ statusCode: 403, error: 'Forbidden' });
      }
      expect((await postRow(post.id)).body).toBe('Mine');
      expect(await events('post.updated', post.id)).toEqual([]);
    });

    it.each([
      ['blank body', { body: '  ' }],
      ['body of 10,001 characters', { body: 'y'.repeat(10_001) }],
      ['NUL character', { body: '\u0000' }],
      ['unknown field', { body: 'ok', groupId: MISSING }],
      ['wrong type', { body: false }],
      ['missing body', {}],
    ])('rejects %s with 400 and changes nothing', async (_name, body) => {
      const post = await createPost(t, alice, 'Stable');
      expect((await as(alice).patch(`/api/posts/${post.id}`, body)).status).toBe(400);
      expect((await postRow(post.id)).body).toBe('Stable');
    });

    it('is 404 for unknown posts and 400 for malformed ids', async () => {
      expect((await as(alice).patch(`/api/posts/${MISSING}`, { body: 'x' })).status).toBe(404);
      expect((await as(alice).patch('/api/posts/123', { body: 'x' })).status).toBe(400);
    });
  });

  describe('DELETE /api/posts/:id', () => {
    it('refuses another employee with 403 and keeps the post', async () => {
      const post = await createPost(t, alice, 'Keep me');
      const res = await as(bob).delete(`/api/posts/${post.id}`);
      expect(res.status).toBe(403);
      expect((await postRow(post.id)).deleted_at).toBeNull();
      expect((await as(bob).get(`/api/posts/${post.id}`)).status).toBe(200);
    });

    it('lets the author delete: 204, then 404 on every path to it', async () => {
      const post = await createPost(t, alice, 'Short-lived');
      expect((await as(alice).delete(`/api/posts/${post.id}`)).status).toBe(204);
      expect((await postRow(post.id)).deleted_at).toBeInstanceOf(Date);
      for (const res of [
        await as(alice).get(`/api/posts/${post.id}`),
        await as(bob).get(`/api/posts/${post.id}`),
        await as(alice).patch(`/api/posts/${post.id}`, { body: 'again' }),
        await as(alice).delete(`/api/posts/${post.id}`),
        await as(bob).post(`/api/posts/${post.id}/comments`, { body: 'hello?' }),
        await as(bob).get(`/api/posts/${post.id}/comments`),
        await as(bob).put(`/api/posts/${post.id}/reactions/like`),
        await as(bob).delete(`/api/posts/${post.id}/reactions/like`),
      ]) {
        expect(res.status).toBe(404);
        expect(res.body).toMatchObject({ statusCode: 404, message: 'Post not found' });
      }
      expect(await count(`post_comments WHERE post_id = '${post.id}'`)).toBe(0);
      expect(await count(`post_reactions WHERE post_id = '${post.id}'`)).toBe(0);
    });

    it('lets a moderator delete anyone’s post; admin alone is not enough', async () => {
      const moderator = await registerUser(t);
      await t.http
        .put(`/api/admin/users/${moderator.id}/roles`)
        .set('Authorization', admin.auth)
        .send({ roles: ['moderator'] })
        .expect(200);
      const post = await createPost(t, alice, 'Off-topic');
      expect((await as(admin).delete(`/api/posts/${post.id}`)).status).toBe(403);
      expect((await as(moderator).delete(`/api/posts/${post.id}`)).status).toBe(204);
      expect((await as(alice).get(`/api/posts/${post.id}`)).status).toBe(404);
      const [row] = await t.sql<{ deleted_by: string }>('SELECT deleted_by FROM posts WHERE id = $1', [post.id]);
      expect(row.deleted_by).toBe(moderator.id);
    });
  });

  describe('comments', () => {
    it('adds a comment and counts it on the post', async () => {
      const post = await createPost(t, alice, 'Discuss');
      const res = await as(bob).post(`/api/posts/${post.id}/comments`, { body: '  Agreed!  ' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        postId: post.id,
        author: { id: bob.id, handle: 'bob', displayName: 'Bob Stone' },
        body: 'Agreed!',
        bodyHtml: '<p>Agreed!</p>\n',
        createdAt: expect.any(String),
        editedAt: null,
        attachments: [],
        linkPreviews: [],
      });
      expect((await as(alice).get(`/api/posts/${post.id}`)).body.commentCount).toBe(1);
    });

    it('lists comments oldest first, page by page', async () => {
      const post = await createPost(t, alice, 'Thread');
      for (let i = 1; i <= 5; i++)
        await as(i % 2 ? bob : alice)
          .post(`/api/posts/${post.id}/comments`, { body: `c${i}` })
          .expect(201);
      const first = await listPage<{ body: string; author: { id: string } }>(t, alice, `/api/posts/${post.id}/comments?limit=2`);
      expect(first.items.map((c) => c.body)).toEqual(['c1', 'c2']);
      expect(first.items[0].author.id).toBe(bob.id);
      expect(first.nextCursor).toEqual(expect.any(String));
      const all = await listAll<{ body: string }>(t, alice, `/api/posts/${post.id}/comments`, 2);
      expect(all.map((c) => c.body)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
      const last = await listPage(t, alice, `/api/posts/${post.id}/comments?limit=5`);
      expect(last.nextCursor).toBeNull();
    });

    it.each([
      ['blank body', { body: ' ' }],
      ['body of 10,001 characters', { body: 'c'.repeat(10_001) }],
      ['NUL character', { body: 'x\u0000' }],
      ['unknown field', { body: 'ok', postId: MISSING }],
      ['wrong type', { body: 1 }],
    ])('rejects %s with 400 and writes nothing', async (_name, body) => {
      const post = await createPost(t, alice);
      const res = await as(bob).post(`/api/posts/${post.id}/comments`, body);
      expect(res.status).toBe(400);
      expect(await count(`post_comments WHERE post_id = '${post.id}'`)).toBe(0);
      expect((await postRow(post.id)).comment_count).toBe(0);
    });

    it('is 404 on an unknown post, 400 on bad ids, cursors and limits', async () => {
      expect((await as(bob).post(`/api/posts/${MISSING}/comments`, { body: 'x' })).status).toBe(404);
      expect((await as(bob).get(`/api/posts/${MISSING}/comments`)).status).toBe(404);
      expect((await as(bob).post('/api/posts/nope/comments', { body: 'x' })).status).toBe(400);
      const post = await createPost(t, alice);
      for (const query of [
        'limit=0',
        'limit=101',
        'limit=abc',
        'limit=2.5',
        'cursor=garbage',
        `cursor=${Buffer.from('["x","y"]').toString('base64url')}`,
        'sort=new',
      ]) {
        const res = await as(bob).get(`/api/posts/${post.id}/comments?${query}`);
        expect([query, res.status]).toEqual([query, 400]);
      }
    });

    it('counts concurrent comments exactly', async () => {
      const post = await createPost(t, alice, 'Busy thread');
      const people = await registerUsers(t, 10);
      const results = await Promise.all(
        people.map((u) => as(u).post(`/api/posts/${post.id}/comments`, { body: `from ${u.handle}` })),
      );
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
      expect((await postRow(post.id)).comment_count).toBe(10);
      expect((await listAll(t, alice, `/api/posts/${post.id}/comments`)).length).toBe(10);
    });
  });

  describe('reactions', () => {
    it('reacts idempotently and reports the counts and my reactions', async () => {
      const post = await createPost(t, alice, 'React to me');
      const path = `/api/posts/${post.id}/reactions`;
      const first = await as(bob).put(`${path}/like`);
      expect(first.status).toBe(200);
      expect(first.body).toEqual({ reactions: { ...NO_REACTIONS, like: 1 }, myReactions: ['like'] });
      const again = await as(bob).put(`${path}/like`);
      expect(again.body).toEqual(first.body);
      const other = await as(bob).put(`${path}/support`);
      expect(other.body).toEqual({ reactions: { ...NO_REACTIONS, like: 1, support: 1 }, myReactions: ['like', 'support'] });
      const alices = await as(alice).put(`${path}/like`);
      expect(alices.body).toEqual({ reactions: { ...NO_REACTIONS, like: 2, support: 1 }, myReactions: ['like'] });

      const removed = await as(bob).delete(`${path}/like`);
      expect(removed.status).toBe(200);
      expect(removed.body).toEqual({ reactions: { ...NO_REACTIONS, like: 1, support: 1 }, myReactions: ['support'] });
      const removedAgain = await as(bob).delete(`${path}/like`);
      expect(removedAgain.body).toEqual(removed.body);
      expect(await count(`post_reactions WHERE post_id = '${post.id}'`)).toBe(2);
    });

    it('is 400 for an unknown kind or a bad id, 404 for an unknown post, and writes nothing', async () => {
      const post = await createPost(t, alice);
      const before = await count('post_reactions');
      for (const kind of ['love', 'LIKE', 'like%20', '%00', 'constructor', '__proto__']) {
        const res = await as(bob).put(`/api/posts/${post.id}/reactions/${kind}`);
        expect([kind, res.status]).toEqual([kind, 400]);
      }
      const love = await as(bob).delete(`/api/posts/${post.id}/reactions/love`);
      expect(love.status).toBe(400);
      expect(love.body.message).toBe('kind must be one of like, celebrate, insightful, support');
      expect((await as(bob).put('/api/posts/xyz/reactions/like')).status).toBe(400);
      expect((await as(bob).put(`/api/posts/${MISSING}/reactions/like`)).status).toBe(404);
      expect((await as(bob).delete(`/api/posts/${MISSING}/reactions/like`)).status).toBe(404);
      expect(await count('post_reactions')).toBe(before);
    });

    it('counts 20 concurrent reactions from 20 people as exactly 20', async () => {
      const post = await createPost(t, alice, 'Popular');
      const crowd = await registerUsers(t, 20);
      const results = await Promise.all(crowd.map((u) => as(u).put(`/api/posts/${post.id}/reactions/like`)));
      expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
      expect(Math.max(...results.map((r) => r.body.reactions.like))).toBe(20);
      expect((await as(alice).get(`/api/posts/${post.id}`)).body.reactions.like).toBe(20);
      expect((await postRow(post.id)).like_count).toBe(20);
      expect(await count(`post_reactions WHERE post_id = '${post.id}'`)).toBe(20);
      // Each change published its count once, in order.
      const counts = (await events('reaction.updated', post.id)).map((e) => e.payload.reactions?.like);
      expect(counts).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    });

    it('ends exact after concurrent react/unreact storms', async () => {
      const post = await createPost(t, alice, 'Contested');
      const crowd = await registerUsers(t, 8);
      const path = (kind: string) => `/api/posts/${post.id}/reactions/${kind}`;
      // Each person sends, all at once: like on, like off, like on, celebrate on/off, and duplicates.
      await Promise.all(
        crowd.flatMap((u) => [
          as(u).put(path('like')),
          as(u).delete(path('like')),
          as(u).put(path('like')),
          as(u).put(path('like')),
          as(u).put(path('celebrate')),
          as(u).delete(path('celebrate')),
        ]),
      );
      const [row] = await t.sql<{ like_count: number; celebrate_count: number }>(
        'SELECT like_count, celebrate_count FROM posts WHERE id = $1',
        [post.id],
      );
      const actual = await t.sql<{ kind: string; n: string }>(
        'SELECT kind, count(*) AS n FROM post_reactions WHERE post_id = $1 GROUP BY kind',
        [post.id],
      );
      const byKind = Object.fromEntries(actual.map((r) => [r.kind, Number(r.n)]));
      expect(row.like_count).toBe(byKind.like ?? 0);
      expect(row.celebrate_count).toBe(byKind.celebrate ?? 0);
      // Settle every user to a known state and check the count once more.
      await Promise.all(crowd.map((u, i) => (i % 2 ? as(u).put(path('like')) : as(u).delete(path('like')))));
      await Promise.all(crowd.map((u) => as(u).delete(path('celebrate'))));
      const final = (await as(alice).get(`/api/posts/${post.id}`)).body.reactions;
      expect(final).toEqual({ ...NO_REACTIONS, like: 4 });
      expect(await count(`post_reactions WHERE post_id = '${post.id}'`)).toBe(4);
    });
  });

  describe('events', () => {
    it('post.created reaches the author, the followers room and mentioned people; post.mentioned is separate', async () => {
      const fan = await registerUser(t);
      const stranger = await registerUser(t);
      await follow(t, fan, alice);
      const post = await createPost(t, alice, `Hi @bob and @${stranger.handle}`);
      const [created] = await events('post.created', post.id);
      expect(created).toMatchObject({ subject_type: 'post', subject_id: post.id, actor_id: alice.id });
      expect(created.audience.sort()).toEqual(
        // Followers are one room, however many there are (the fan's sockets are in it).
        [`user:${alice.id}`, `followers:${alice.id}`, `user:${bob.id}`, `user:${stranger.id}`].sort(),
      );
      expect(created.payload.post).toMatchObject({ id: post.id, body: post.body, myReactions: [], reactions: NO_REACTIONS });
      const [mentioned] = await events('post.mentioned', post.id);
      expect(mentioned.audience).toEqual([]);
      expect(mentioned.payload).toEqual({ postId: post.id, userIds: expect.arrayContaining([bob.id, stranger.id]) });
      expect(mentioned.payload.userIds).toHaveLength(2);
    });

    it('does not tell authors they mentioned themselves, nor emit post.mentioned without mentions', async () => {
      const self = await createPost(t, alice, 'Note to @alice');
      expect(self.mentions).toEqual([alice.id]);
      expect(await events('post.mentioned', self.id)).toEqual([]);
    });

    it('post.updated and post.deleted go to the post room and the same people; new mentions only once', async () => {
      const carol = await registerUser(t);
      const fan = await registerUser(t);
      await follow(t, fan, carol);
      const post = await createPost(t, carol, 'Ping @bob');
      await as(carol).patch(`/api/posts/${post.id}`, { body: 'Ping @root instead' }).expect(200);
      const [updated] = await events('post.updated', post.id);
      expect(updated.audience.sort()).toEqual(
        [`post:${post.id}`, `user:${carol.id}`, `followers:${carol.id}`, `user:${bob.id}`, `user:${admin.id}`].sort(),
      );
      expect(updated.payload.post).toMatchObject({
        id: post.id,
        body: 'Ping @root instead',
        mentions: [admin.id],
        myReactions: [],
      });
      expect((await events('post.mentioned', post.id)).map((e) => e.payload.userIds)).toEqual([[bob.id], [admin.id]]);

      await as(carol).delete(`/api/posts/${post.id}`).expect(204);
      const [deleted] = await events('post.deleted', post.id);
      expect(deleted.payload).toEqual({ postId: post.id });
      expect(deleted.audience.sort()).toEqual(
        [`post:${post.id}`, `user:${carol.id}`, `followers:${carol.id}`, `user:${admin.id}`].sort(),
      );
    });

    it('comment.created goes to the post room and the post author; reaction.updated only on a change', async () => {
      const post = await createPost(t, alice, 'Eventful');
      const comment = await as(bob).post(`/api/posts/${post.id}/comments`, { body: 'Nice' });
      const [created] = await events('comment.created', post.id);
      expect(created.payload).toEqual({ comment: comment.body, commentCount: 1 });
      expect(created.audience.sort()).toEqual([`post:${post.id}`, `user:${alice.id}`].sort());
      expect(created.actor_id).toBe(bob.id);

      await as(bob).put(`/api/posts/${post.id}/reactions/insightful`).expect(200);
      await as(bob).put(`/api/posts/${post.id}/reactions/insightful`).expect(200);
      await as(bob).delete(`/api/posts/${post.id}/reactions/like`).expect(200);
      const reactions = await events('reaction.updated', post.id);
      expect(reactions).toHaveLength(1);
      expect(reactions[0]).toMatchObject({
        audience: [`post:${post.id}`],
        payload: { postId: post.id, reactions: { ...NO_REACTIONS, insightful: 1 } },
      });
    });

    it('writes no event when a change is refused', async () => {
      const post = await createPost(t, alice, 'Quiet');
      const before = await count('outbox');
      await as(bob).patch(`/api/posts/${post.id}`, { body: 'no' }).expect(403);
      await as(bob).delete(`/api/posts/${post.id}`).expect(403);
      await as(bob).post(`/api/posts/${post.id}/comments`, { body: '' }).expect(400);
      await as(bob).put(`/api/posts/${post.id}/reactions/wow`).expect(400);
      expect(await count('outbox')).toBe(before);
    });

    it('registers post visibility for realtime subscriptions and replay', async () => {
      const subjects = t.app.get(SubjectVisibility);
      const post: PostBody = await createPost(t, alice, 'Subscribable');
      expect(await subjects.canSee(bob.id, 'post', post.id)).toBe(true);
      expect(await subjects.canSee(bob.id, 'post', MISSING)).toBe(false);
      await as(alice).delete(`/api/posts/${post.id}`).expect(204);
      expect(await subjects.canSee(bob.id, 'post', post.id)).toBe(false);
    });
  });
});
