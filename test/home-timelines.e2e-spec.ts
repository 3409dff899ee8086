import pg from 'pg';
import { HomeTimelines } from '@ruche/feed';
import { RUCHE_CONFIG, type RucheConfig } from '@ruche/platform';
import { follow } from './factories/people.factory.js';
import { createGroup, joinGroup } from './factories/group.factory.js';
import { createPost, createPosts, ids, listAll, listPage, type PostBody } from './factories/post.factory.js';
import { registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { statementsOf } from './support/statements.js';
import { useTestApp } from './support/test-app.js';

/**
 * Home timelines written on fan-out (libs/feed/src/home-timelines.ts), with a trim of 5 entries
 * and big authors from 4 followers so every path shows with a handful of posts. The timeline is
 * a cache of candidates: every read must give the same posts as the computed home feed.
 */
describe('home timelines: written on fan-out, read as a cache of candidates', () => {
  const MAX = 5;
  const t = useTestApp({ RUCHE_TIMELINE_MAX: String(MAX), RUCHE_TIMELINE_BIG_AUTHOR_FOLLOWERS: '4' });

  const home = (viewer: TestUser) => listAll(t, viewer, '/api/feed');
  const entries = async (reader: TestUser) =>
    (
      await t.sql<{ post_id: string }>('SELECT post_id FROM home_timelines WHERE user_id = $1 ORDER BY post_created_at DESC, post_id DESC', [
        reader.id,
      ])
    ).map((r) => r.post_id);

  /** A reader whose timeline is built: they read their home feed once, and the rebuild ran. */
  async function activeReader(): Promise<TestUser> {
    const reader = await registerUser(t);
    await home(reader);
    await t.settle();
    const [state] = await t.sql<{ built_at: Date | null }>('SELECT built_at FROM home_timeline_readers WHERE user_id = $1', [reader.id]);
    expect(state.built_at).not.toBeNull();
    return reader;
  }

  /** Every page of the home feed by cursor, `limit` at a time. */
  async function pages(viewer: TestUser, limit: number): Promise<PostBody[]> {
    const seen: PostBody[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: PostBody[]; nextCursor: string | null } = await listPage(t, viewer, `/api/feed?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      expect(page.items.length).toBeLessThanOrEqual(limit);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  }

  it('writes a post into the timelines of active followers only; the others get the same page computed', async () => {
    const author = await registerUser(t);
    const active = await activeReader();
    const neverRead = await registerUser(t);
    const away = await activeReader();
    for (const reader of [active, neverRead, away]) await follow(t, reader, author);
    await t.sql("UPDATE home_timeline_readers SET last_read_at = now() - interval '31 days' WHERE user_id = $1", [away.id]);

    const post = await createPost(t, author, 'Fanned out');
    await t.settle();
    expect(await entries(active)).toEqual([post.id]);
    expect(await entries(neverRead)).toEqual([]);
    expect(await entries(away)).toEqual([]);

    // Everyone sees it: from the timeline, or computed while the timeline is (re)built.
    for (const reader of [active, neverRead, away]) expect(ids(await home(reader))).toEqual([post.id]);
    await t.settle();
    // The returning reader's timeline was rebuilt from the people they follow.
    expect(await entries(away)).toEqual([post.id]);
    expect(await entries(neverRead)).toEqual([post.id]);
    expect(ids(await home(away))).toEqual([post.id]);
  });

  const unfollow = (follower: TestUser, followee: TestUser) =>
    t.http.delete(`/api/users/${followee.id}/follow`).set('Authorization', follower.auth).expect(204);

  /** Until `n` backends of this database wait on a lock (a fan-out or an unfollow blocked). */
  async function lockWaiters(n: number): Promise<void> {
    for (let i = 0; i < 500; i++) {
      const [{ count }] = await t.sql<{ count: number }>(
        "SELECT count(*)::int AS count FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'",
      );
      if (count >= n) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error(`never saw ${n} backend(s) waiting on a lock`);
  }

  it('backfills a new followee’s recent posts, and an unfollow hides their entries at once', async () => {
    const author = await registerUser(t);
    const reader = await activeReader();
    const old = await createPosts(t, author, 2, 'Before the follow');
    await follow(t, reader, author);
    await t.settle();
    expect(new Set(await entries(reader))).toEqual(new Set(ids(old)));
    expect(ids(await home(reader))).toEqual(ids(old).reverse());

    await unfollow(reader, author);
    // Gone in the unfollow's own transaction: the read does not re-check the follow.
    expect(await entries(reader)).toEqual([]);
    expect(await home(reader)).toEqual([]);
  });

  /*
   * The writers that read the follows after commit race an unfollow. Here the writer has read the
   * follow and is held (by a test transaction's uncommitted entry with the same key) before it
   * writes; the unfollow comes meanwhile. Without the writer's FOR KEY SHARE on the follow, the
   * unfollow commits, finds nothing to remove, and the writer then writes an entry of someone no
   * longer followed. With it, the unfollow waits for the writer and removes what it wrote.
   */
  it.each([
    ['fan-out', (h: HomeTimelines, reader: TestUser, author: TestUser, postId: string) => h.fanOut(postId, author.id)],
    ['follow backfill', (h: HomeTimelines, reader: TestUser, author: TestUser) => h.backfill(reader.id, author.id)],
    ['rebuild', (h: HomeTimelines, reader: TestUser) => h.rebuild(reader.id)],
  ])('an unfollow during a %s waits for it and removes what it wrote', async (_name, write) => {
    const author = await registerUser(t);
    const reader = await activeReader();
    await follow(t, reader, author);
    const post = await createPost(t, author, 'Racing the unfollow');
    await t.settle();
    const [entry] = await t.sql<{ post_created_at: Date }>('SELECT post_created_at FROM home_timelines WHERE user_id = $1 AND post_id = $2', [
      reader.id,
      post.id,
    ]);
    await t.sql('DELETE FROM home_timelines WHERE user_id = $1', [reader.id]);

    const holder = new pg.Client({ connectionString: t.app.get<RucheConfig>(RUCHE_CONFIG).databaseUrl });
    await holder.connect();
    try {
      await holder.query('BEGIN');
      await holder.query('INSERT INTO home_timelines (user_id, post_created_at, post_id) VALUES ($1, $2, $3)', [
        reader.id,
        entry.post_created_at,
        post.id,
      ]);
      const writing = write(t.app.get(HomeTimelines), reader, author, post.id);
      await lockWaiters(1);
      const unfollowing = unfollow(reader, author);
      // With the lock the unfollow queues behind the writer; without it, it is done already.
      await Promise.race([unfollowing, lockWaiters(2)]);
      await holder.query('ROLLBACK');
      await Promise.all([writing, unfollowing]);
    } finally {
      await holder.end();
    }
    expect(await entries(reader)).toEqual([]);
    expect(await home(reader)).toEqual([]);
  });

  it('follows, posts and unfollows at once, 20 rounds: the timeline never keeps an author no longer followed', async () => {
    const reader = await activeReader();
    const authors = await registerUsers(t, 20);
    const written: string[] = [];
    for (const [round, author] of authors.entries()) {
      written.push((await createPost(t, author, `Before round ${round}`)).id);
      // Follow then unfollow, while the author posts again and the listeners (backfill, fan-out)
      // run alongside; every other round lets them run between the follow and the unfollow.
      const [, post] = await Promise.all([
        follow(t, reader, author)
          .then(() => (round % 2 === 0 ? t.settle() : undefined))
          .then(() => unfollow(reader, author)),
        createPost(t, author, `During round ${round}`),
        t.settle(),
      ]);
      written.push(post.id);
    }
    await t.settle();

    const stray = await t.sql('SELECT t.post_id FROM home_timelines t WHERE t.user_id = $1 AND t.post_id = ANY($2::uuid[])', [
      reader.id,
      written,
    ]);
    expect(stray).toEqual([]);
    expect(await home(reader)).toEqual([]);
  });

  it('trims to the maximum and computes the pages below it: every page by cursor, no gap, no duplicate', async () => {
    const author = await registerUser(t);
    const other = await registerUser(t);
    const reader = await activeReader();
    await follow(t, reader, author);
    await follow(t, reader, other);
    const written: PostBody[] = [];
    for (let i = 0; i < 6; i++) {
      written.push(await createPost(t, author, `A${i}`));
      written.push(await createPost(t, other, `B${i}`));
    }
    await t.settle();
    expect(await entries(reader)).toHaveLength(MAX);
    const [state] = await t.sql<{ trimmed_before: Date | null }>('SELECT trimmed_before FROM home_timeline_readers WHERE user_id = $1', [
      reader.id,
    ]);
    expect(state.trimmed_before).not.toBeNull();

    const newestFirst = ids(written).reverse();
    for (const limit of [1, 2, 3, 5, 20]) expect([limit, ids(await pages(reader, limit))]).toEqual([limit, newestFirst]);
  });

  it('merges big authors at read time instead of writing into every follower’s timeline', async () => {
    const star = await registerUser(t);
    const fans = await Promise.all([activeReader(), activeReader(), activeReader(), activeReader()]);
    for (const fan of fans) await follow(t, fan, star);
    await t.settle();
    const post = await createPost(t, star, 'To my many fans');
    await t.settle();
    expect((await t.sql('SELECT 1 FROM home_timeline_big_authors WHERE author_id = $1', [star.id])).length).toBe(1);
    expect((await t.sql('SELECT 1 FROM home_timelines WHERE post_id = $1', [post.id])).length).toBe(0);
    for (const fan of fans) expect(ids(await home(fan))).toEqual([post.id]);
    // Their next post is there at once, with no fan-out to wait for.
    const next = await createPost(t, star, 'Again');
    expect(ids(await home(fans[0]))).toEqual([next.id, post.id]);
  });

  it('pages a timeline interleaved with big authors, group posts and mentions read live: every page by cursor, no gap, no duplicate', async () => {
    // The live branches read nothing older than the last timeline entry of a full page: what they
    // skip on one page must still come on the next.
    const regular = await registerUser(t);
    const star = await registerUser(t);
    const reader = await activeReader();
    const fans = [reader, ...(await Promise.all([activeReader(), activeReader(), activeReader()]))];
    for (const fan of fans) await follow(t, fan, star);
    await follow(t, reader, regular);
    const group = await createGroup(t, regular);
    await joinGroup(t, reader, group.id);
    const stranger = await registerUser(t);
    const written: PostBody[] = [await createPost(t, star, 'Now big')];
    await t.settle();
    expect((await t.sql('SELECT 1 FROM home_timeline_big_authors WHERE author_id = $1', [star.id])).length).toBe(1);
    const inGroup = async (body: string) =>
      (await t.http.post('/api/posts').set('Authorization', regular.auth).send({ body, groupId: group.id }).expect(201)).body as PostBody;
    for (let i = 0; i < 4; i++) {
      written.push(await createPost(t, regular, `R${i}a`), await createPost(t, regular, `R${i}b`));
      written.push(await createPost(t, star, `S${i}`));
      if (i % 2 === 0) written.push(await inGroup(`G${i}`));
      if (i === 1) written.push(await createPost(t, stranger, `Hello @${reader.handle}`));
    }
    await t.settle();
    const newestFirst = ids(written).reverse();
    for (const limit of [1, 2, 3, 4, 20]) expect([limit, ids(await pages(reader, limit))]).toEqual([limit, newestFirst]);
  });

  it('never shows from the cache a post deleted, hidden or moved out of sight, nor a group post after leaving', async () => {
    const author = await registerUser(t);
    const reader = await activeReader();
    await follow(t, reader, author);
    const [deleted, hidden, kept] = await createPosts(t, author, 3, 'Cached');
    await t.settle();
    expect(await entries(reader)).toHaveLength(3);

    await t.http.delete(`/api/posts/${deleted.id}`).set('Authorization', author.auth).expect(204);
    await t.sql("UPDATE posts SET moderation_state = 'hidden' WHERE id = $1", [hidden.id]);
    expect(ids(await home(reader))).toEqual([kept.id]);

    // Group posts are never written into timelines: read live, under the reader's membership now.
    const group = await createGroup(t, author, { visibility: 'private' });
    const inGroup = await createGroup(t, author);
    await joinGroup(t, reader, inGroup.id);
    const groupPost = (
      await t.http.post('/api/posts').set('Authorization', author.auth).send({ body: 'In the group', groupId: inGroup.id }).expect(201)
    ).body as PostBody;
    const secret = (
      await t.http.post('/api/posts').set('Authorization', author.auth).send({ body: 'Members only', groupId: group.id }).expect(201)
    ).body as PostBody;
    await t.settle();
    expect((await t.sql('SELECT 1 FROM home_timelines WHERE post_id = ANY($1::uuid[])', [[groupPost.id, secret.id]])).length).toBe(0);
    expect(ids(await home(reader))).toEqual([groupPost.id, kept.id]);
    await t.http.delete(`/api/groups/${inGroup.id}/members/${reader.id}`).set('Authorization', reader.auth).expect(204);
    expect(ids(await home(reader))).toEqual([kept.id]);
  });

  it('answers a home page in 1 statement, caller check included, however many people the reader follows', async () => {
    const authors = await registerUsers(t, 12);
    const reader = await activeReader();
    const group = await createGroup(t, authors[0]);
    await joinGroup(t, reader, group.id);
    for (const a of authors) {
      await follow(t, reader, a);
      const post = await createPost(t, a, `Hi @${reader.handle} from ${a.handle}`);
      await t.http.put(`/api/posts/${post.id}/reactions/like`).set('Authorization', reader.auth).expect(200);
    }
    await t.settle();
    await home(reader);
    await t.settle();

    const first = await listPage(t, reader, '/api/feed?limit=1');
    // Within the timeline (5 entries kept here): page 1, and page 2 by cursor.
    for (const path of ['/api/feed?limit=3', `/api/feed?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`]) {
      const { result: res, statements } = await statementsOf((requestId) =>
        t.http.get(path).set('Authorization', reader.auth).set('X-Request-Id', requestId).expect(200),
      );
      expect(res.body.items.length).toBeGreaterThan(0);
      expect(res.body.items.every((p: PostBody) => p.myReactions.includes('like'))).toBe(true);
      expect(res.body.items.every((p: PostBody) => p.mentionedUsers.some((u) => u.id === reader.id))).toBe(true);
      // One statement: the caller check (session and account), the page, its mentions, reactions and people.
      expect([path, statements.length]).toEqual([path, 1]);
    }
  });
});
