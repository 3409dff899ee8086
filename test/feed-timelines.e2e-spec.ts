import { FeedVisibility } from '@ruche/feed';
import { follow } from './factories/people.factory.js';
import { createPost, createPosts, ids, listAll, listPage, type PostBody } from './factories/post.factory.js';
import { registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { statementsOf } from './support/statements.js';
import { useTestApp } from './support/test-app.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

/** Newest first by (createdAt, id), the order every feed promises. */
function expectNewestFirst(posts: PostBody[]): void {
  for (let i = 1; i < posts.length; i++) {
    const [a, b] = [posts[i - 1], posts[i]];
    expect(a.createdAt > b.createdAt || (a.createdAt === b.createdAt && a.id > b.id)).toBe(true);
  }
}

describe('feed: home, company and per-person timelines', () => {
  const t = useTestApp();
  let ann: TestUser;
  let ben: TestUser;
  let cat: TestUser;
  let dan: TestUser;

  beforeAll(async () => {
    [ann, ben, cat, dan] = await Promise.all(
      ['ann', 'ben', 'cat', 'dan'].map((name) =>
        registerUser(t, { email: `${name}@corp.example`, displayName: name.toUpperCase() }),
      ),
    );
  });

  const home = (viewer: TestUser) => listAll(t, viewer, '/api/feed');
  const company = (viewer: TestUser) => listAll(t, viewer, '/api/feed?scope=company');
  const byAuthor = (viewer: TestUser, author: TestUser) => listAll(t, viewer, `/api/users/${author.id}/posts`);

  describe('home feed', () => {
    it('shows my own posts, newest first', async () => {
      const mine = await createPosts(t, ann, 3, 'Ann says');
      const feed = await home(ann);
      expect(ids(feed)).toEqual(ids(mine).reverse());
      expectNewestFirst(feed);
      expect(feed[0].author).toEqual({ id: ann.id, handle: 'ann', displayName: 'ANN' });
    });

    it('shows posts of people I follow, not of people I do not follow', async () => {
      await follow(t, ben, ann);
      const annPost = await createPost(t, ann, 'For my followers');
      const catPost = await createPost(t, cat, 'Ben does not follow me');
      const feed = ids(await home(ben));
      expect(feed).toContain(annPost.id);
      expect(feed).not.toContain(catPost.id);
      // Following is one way: Ann does not see Ben's posts.
      const benPost = await createPost(t, ben, 'Ben speaks');
      expect(ids(await home(ann))).not.toContain(benPost.id);
      expect(ids(await home(ben))).toContain(benPost.id);
    });

    it('shows posts that mention me even when I follow nobody', async () => {
      const mention = await createPost(t, cat, 'Hey @dan, look at this');
      const other = await createPost(t, cat, 'Not for dan');
      const feed = ids(await home(dan));
      expect(feed).toContain(mention.id);
      expect(feed).not.toContain(other.id);
      // Editing the mention away takes it out of Dan's feed; editing it back brings it back.
      await t.http.patch(`/api/posts/${mention.id}`).set('Authorization', cat.auth).send({ body: 'Never mind' }).expect(200);
      expect(ids(await home(dan))).not.toContain(mention.id);
      await t.http.patch(`/api/posts/${mention.id}`).set('Authorization', cat.auth).send({ body: 'Hey @DAN again' }).expect(200);
      expect(ids(await home(dan))).toContain(mention.id);
    });

    it('shows who a post mentions as its edits leave them (posts.has_mentions kept with the text)', async () => {
      const fan = await registerUser(t);
      await follow(t, fan, cat);
      const post = await createPost(t, cat, 'Ask @dan');
      const mentioned = async () => (await home(fan)).find((p) => p.id === post.id)!.mentionedUsers.map((u) => u.handle);
      expect(await mentioned()).toEqual(['dan']);
      await t.http.patch(`/api/posts/${post.id}`).set('Authorization', cat.auth).send({ body: 'Ask nobody' }).expect(200);
      expect(await mentioned()).toEqual([]);
      await t.http.patch(`/api/posts/${post.id}`).set('Authorization', cat.auth).send({ body: 'Ask @ann and @dan' }).expect(200);
      expect((await mentioned()).sort()).toEqual(['ann', 'dan']);
    });

    it('lists a post once even when it qualifies twice (followed author who mentions me)', async () => {
      const eve = await registerUser(t);
      await follow(t, eve, cat);
      const post = await createPost(t, cat, `Thanks @${eve.handle}`);
      const feed = ids(await home(eve));
      expect(feed.filter((id) => id === post.id)).toHaveLength(1);
    });

    it('carries each viewer’s own reactions and the live counts', async () => {
      const post = await createPost(t, ann, 'Rate this');
      await t.http.put(`/api/posts/${post.id}/reactions/insightful`).set('Authorization', ben.auth).expect(200);
      await t.http.post(`/api/posts/${post.id}/comments`).set('Authorization', ben.auth).send({ body: 'Good' }).expect(201);
      const forBen = (await home(ben)).find((p) => p.id === post.id)!;
      const forAnn = (await home(ann)).find((p) => p.id === post.id)!;
      expect(forBen).toMatchObject({
        myReactions: ['insightful'],
        commentCount: 1,
        reactions: { like: 0, celebrate: 0, insightful: 1, support: 0 },
      });
      expect(forAnn.myReactions).toEqual([]);
      expect(forAnn.reactions.insightful).toBe(1);
    });
  });

  describe('company feed and per-person posts', () => {
    it('company scope shows every visible post, newest first, whoever I follow', async () => {
      const stranger = await registerUser(t);
      const post = await createPost(t, stranger, 'Hello from a newcomer');
      const all = await company(dan);
      expect(all[0].id).toBe(post.id);
      expectNewestFirst(all);
      const inDb = await t.sql<{ id: string }>('SELECT id FROM posts WHERE deleted_at IS NULL ORDER BY created_at DESC, id DESC');
      expect(ids(all)).toEqual(inDb.map((r) => r.id));
    });

    it('GET /api/users/:id/posts lists that person’s posts only', async () => {
      const posts = await createPosts(t, dan, 2, 'Dan writes');
      const list = await byAuthor(ann, dan);
      expect(list.every((p) => p.author.id === dan.id)).toBe(true);
      expect(ids(list).slice(0, 2)).toEqual(ids(posts).reverse());
      const inDb = await t.sql<{ n: string }>('SELECT count(*) AS n FROM posts WHERE author_id = $1 AND deleted_at IS NULL', [
        dan.id,
      ]);
      expect(list).toHaveLength(Number(inDb[0].n));
    });

    it('is 404 for an unknown person and 400 for a malformed id', async () => {
      expect((await t.http.get(`/api/users/${MISSING}/posts`).set('Authorization', ann.auth)).status).toBe(404);
      expect((await t.http.get('/api/users/ann/posts').set('Authorization', ann.auth)).status).toBe(400);
      const nobody = await registerUser(t);
      expect(await byAuthor(ann, nobody)).toEqual([]);
    });
  });

  describe('pagination', () => {
    const lists = (author: TestUser) =>
      [
        ['home', '/api/feed'],
        ['company', '/api/feed?scope=company'],
        ['author', `/api/users/${author.id}/posts`],
      ] as const;

    it.each(['home', 'company', 'author'] as const)(
      '%s: pages continue without gaps or duplicates while new posts arrive',
      async (which) => {
        const author = await registerUser(t);
        const reader = await registerUser(t);
        await follow(t, reader, author);
        const path = lists(author).find(([name]) => name === which)![1];
        const sep = path.includes('?') ? '&' : '?';
        const before = await listAll(t, reader, path);
        await createPosts(t, author, 5, 'Old');
        // A follower's home timeline is written after commit (fan-out): let it run.
        await t.settle();
        const expected = await listAll(t, reader, path);
        expect(expected.length).toBe(before.length + 5);

        const page1 = await listPage(t, reader, `${path}${sep}limit=2`);
        expect(page1.items).toHaveLength(2);
        expect(page1.nextCursor).toEqual(expect.any(String));
        const fresh = await createPosts(t, author, 3, 'New');
        await t.settle();
        const seen = [...page1.items];
        let cursor = page1.nextCursor;
        while (cursor) {
          const page = await listPage(t, reader, `${path}${sep}limit=2&cursor=${encodeURIComponent(cursor)}`);
          expect(page.items.length).toBeLessThanOrEqual(2);
          seen.push(...page.items);
          cursor = page.nextCursor;
        }
        expect(ids(seen)).toEqual(ids(expected));
        expect(new Set(ids(seen)).size).toBe(seen.length);
        // The new posts are on a fresh first page.
        expect(ids((await listPage(t, reader, `${path}${sep}limit=3`)).items)).toEqual(ids(fresh).reverse());
      },
    );

    it('honours limit (default 20, at most 100) and ends with nextCursor null', async () => {
      const author = await registerUser(t);
      await createPosts(t, author, 22, 'Bulk');
      const path = `/api/users/${author.id}/posts`;
      const first = await listPage(t, ann, path);
      expect(first.items).toHaveLength(20);
      const last = await listPage(t, ann, `${path}?cursor=${encodeURIComponent(first.nextCursor!)}`);
      expect(last.items).toHaveLength(2);
      expect(last.nextCursor).toBeNull();
      expect((await listPage(t, ann, `${path}?limit=100`)).items).toHaveLength(22);
      expect((await listPage(t, ann, `${path}?limit=1`)).items).toHaveLength(1);
    });

    const tamperedCursor = Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', 'not-a-uuid'])).toString('base64url');
    const badDateCursor = Buffer.from(JSON.stringify(['yesterday', MISSING])).toString('base64url');
    it.each(['/api/feed', '/api/feed?scope=company', `/api/users/${MISSING}/posts`])(
      '%s rejects bad paging input with 400',
      async (path) => {
        const sep = path.includes('?') ? '&' : '?';
        for (const query of [
          'limit=0',
          'limit=101',
          'limit=abc',
          'limit=-1',
          'cursor=%%%',
          'cursor=bm9wZQ',
          `cursor=${tamperedCursor}`,
          `cursor=${badDateCursor}`,
          `cursor=${'x'.repeat(600)}`,
          'unknown=1',
        ]) {
          const res = await t.http.get(`${path}${sep}${query}`).set('Authorization', ann.auth);
          expect([query, res.status]).toEqual([query, 400]);
          expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
        }
      },
    );

    it('rejects an unknown scope with 400', async () => {
      const res = await t.http.get('/api/feed?scope=everything').set('Authorization', ann.auth);
      expect(res.status).toBe(400);
      expect(res.body.message).toEqual(['scope must be one of home, company']);
    });
  });

  describe('deleted posts', () => {
    it('disappear from every list and every read, for everyone', async () => {
      const fan = await registerUser(t);
      const mentioned = await registerUser(t);
      const author = await registerUser(t);
      await follow(t, fan, author);
      const doomed = await createPost(t, author, `Soon gone, @${mentioned.handle}`);
      const kept = await createPost(t, author, 'Still here');
      for (const viewer of [author, fan, mentioned]) expect(ids(await home(viewer))).toContain(doomed.id);

      await t.http.delete(`/api/posts/${doomed.id}`).set('Authorization', author.auth).expect(204);
      for (const viewer of [author, fan, mentioned, dan]) {
        const lists = [await home(viewer), await company(viewer), await byAuthor(viewer, author)];
        for (const list of lists) expect(ids(list)).not.toContain(doomed.id);
        expect((await t.http.get(`/api/posts/${doomed.id}`).set('Authorization', viewer.auth)).status).toBe(404);
      }
      expect(ids(await byAuthor(dan, author))).toEqual([kept.id]);
      expect(ids(await home(fan))).toContain(kept.id);
    });
  });

  it('agrees with FeedVisibility: every listed post is visible, and no invisible post is listed', async () => {
    const author = await registerUser(t);
    const gone = await createPost(t, author, 'Deleted before the check');
    await t.http.delete(`/api/posts/${gone.id}`).set('Authorization', author.auth).expect(204);
    const visibility = t.app.get(FeedVisibility);
    const everyPost = (await t.sql<{ id: string }>('SELECT id FROM posts')).map((r) => r.id);
    for (const viewer of [ann, ben, cat, dan, author]) {
      const visible = await visibility.visiblePostIds(viewer.id, everyPost);
      const listed = new Set([...ids(await home(viewer)), ...ids(await company(viewer))]);
      for (const id of listed) expect(visible.has(id)).toBe(true);
      // Company scope lists every visible company-wide post (no groups yet: all of them).
      expect([...visible].sort()).toEqual(ids(await company(viewer)).sort());
      expect(visible.has(gone.id)).toBe(false);
    }
  });

  it('answers a page of 20 posts by 20 authors in 1 statement, the caller check included (no N+1)', async () => {
    const authors = await registerUsers(t, 20);
    const reader = await registerUser(t);
    for (const a of authors) {
      await follow(t, reader, a);
      const post = await createPost(t, a, `Hi @${reader.handle} from ${a.handle}`);
      await t.http.put(`/api/posts/${post.id}/reactions/like`).set('Authorization', reader.auth).expect(200);
    }
    // Listeners (notifications, expertise, analytics, the timeline's fan-out) react to the setup
    // after commit, and a first home read starts the reader's timeline: let them finish.
    await listPage(t, reader, '/api/feed?limit=20');
    await t.settle();
    for (const fromTimeline of [true, false]) {
      // Computed (the reader's timeline is not built) or read from the timeline: the same statements.
      if (!fromTimeline) await t.sql('UPDATE home_timeline_readers SET built_at = NULL WHERE user_id = $1', [reader.id]);
      const { result, statements } = await statementsOf((requestId) =>
        t.http.get('/api/feed?limit=20').set('Authorization', reader.auth).set('X-Request-Id', requestId).expect(200),
      );
      const page = result.body as { items: PostBody[] };
      expect(page.items).toHaveLength(20);
      expect(new Set(page.items.map((p) => p.author.id)).size).toBe(20);
      expect(page.items.every((p) => p.mentions.includes(reader.id) && p.mentionedUsers.some((u) => u.id === reader.id))).toBe(
        true,
      );
      expect(page.items.every((p) => p.myReactions.includes('like'))).toBe(true);
      // The people come with the page: each author's and the reader's own name, not placeholders.
      const names = new Map([...authors, reader].map((u) => [u.id, u.handle]));
      expect(page.items.every((p) => p.author.handle === names.get(p.author.id))).toBe(true);
      expect(page.items.every((p) => p.mentionedUsers.every((u) => u.handle === names.get(u.id)))).toBe(true);
      // One statement: the caller check (the token's session and account), the page with its
      // mentions, the reader's reactions and the people it shows (authors and mentioned people).
      expect([fromTimeline, statements.length]).toEqual([fromTimeline, 1]);
    }
  });
});
