import { addMember, createGroup, type GroupBody } from './factories/group.factory.js';
import { auditOf, grantRoles, queueOf, registerModerator, report, reportBy, resolve, setSettings } from './factories/moderation.factory.js';
import { follow } from './factories/people.factory.js';
import { createPost, ids, listAll, type PostBody } from './factories/post.factory.js';
import { actingAs, registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

/**
 * Reports and decisions, end to end: duplicates are one report, enough reporters hide content
 * automatically, and hidden or removed content leaves every read path for everyone but moderators,
 * who see it marked. (Realtime, holds, guidelines, suspension and the audit log have their own files.)
 */
describe('moderation: reports and decisions', () => {
  const t = useTestApp();
  let admin: TestUser, moderator: TestUser, author: TestUser, follower: TestUser;
  let reporters: TestUser[];
  let group: GroupBody;

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Site admin' });
    moderator = await registerModerator(t, admin);
    [author, follower] = await registerUsers(t, ['Author', 'Follower']);
    reporters = await registerUsers(t, 4);
    await follow(t, follower, author);
    group = await createGroup(t, admin, { name: 'Open group', visibility: 'public' });
    await addMember(t, admin, group.id, author);
    await addMember(t, admin, group.id, follower);
  });

  const as = (user: TestUser) => actingAs(t, user);
  const caseOf = async (targetId: string) =>
    (
      await t.sql<{ status: string; state: string; report_count: number }>(
        'SELECT status, state, report_count FROM moderation_cases WHERE target_id = $1 ORDER BY opened_at DESC LIMIT 1',
        [targetId],
      )
    )[0];
  const stateOf = async (postId: string) =>
    (await t.sql<{ moderation_state: string }>('SELECT moderation_state FROM posts WHERE id = $1', [postId]))[0].moderation_state;

  describe('reporting', () => {
    it('the home feed shows hidden content by the reader’s roles as they are now: a moderator once granted, no more once revoked', async () => {
    // The home feed reads the caller's roles in its own statement (one round trip): a role change applies on the next read.
    const reader = await registerUser(t, { displayName: 'Later moderator' });
    await follow(t, reader, author);
    const post = await createPost(t, author, 'Soon hidden');
    await t.sql("UPDATE posts SET moderation_state = 'hidden' WHERE id = $1", [post.id]);
    const home = async () => ids(await listAll(t, reader, '/api/feed'));
    expect(await home()).not.toContain(post.id);
    await grantRoles(t, admin, reader, ['employee', 'moderator']);
    expect(await home()).toContain(post.id);
    await grantRoles(t, admin, reader, ['employee']);
    expect(await home()).not.toContain(post.id);
  });

  it('a second report by the same person is the same report (200), one row', async () => {
      const post = await createPost(t, author, 'Reported twice by one person');
      const first = await as(reporters[0]).post('/api/reports', { targetType: 'post', targetId: post.id, reason: 'Spam' });
      expect(first.status).toBe(201);
      expect(first.body).toMatchObject({ targetType: 'post', targetId: post.id, reason: 'Spam', status: 'open' });
      const again = await as(reporters[0]).post('/api/reports', { targetType: 'post', targetId: post.id, reason: 'Still spam' });
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
      const rows = await t.sql('SELECT id FROM reports WHERE target_id = $1', [post.id]);
      expect(rows).toHaveLength(1);
      expect(await caseOf(post.id)).toEqual({ status: 'open', state: 'visible', report_count: 1 });
    });

    it('lists the caller’s own reports, newest first', async () => {
      const post = await createPost(t, author, 'For my reports');
      const mine = await report(t, reporters[3], post.id);
      const list = await listAll<{ id: string }>(t, reporters[3], '/api/reports');
      expect(list[0].id).toBe(mine.id);
      expect(await listAll(t, author, '/api/reports')).toEqual([]);
    });

    it.each([
      ['an unknown post', 'post', '00000000-0000-4000-8000-000000000000'],
      ['an unknown comment', 'comment', '00000000-0000-4000-8000-000000000000'],
      ['an unknown question', 'question', '00000000-0000-4000-8000-000000000000'],
      ['an unknown answer', 'answer', '00000000-0000-4000-8000-000000000000'],
      ['an unknown idea', 'idea', '00000000-0000-4000-8000-000000000000'],
    ])('404 for %s', async (_name, targetType, targetId) => {
      const res = await as(reporters[0]).post('/api/reports', { targetType, targetId, reason: 'Bad' });
      expect(res.status).toBe(404);
    });

    it('404 for content the reporter cannot see (a private group’s post), nothing written', async () => {
      const secret = await createGroup(t, admin, { name: 'Secret', visibility: 'private' });
      await addMember(t, admin, secret.id, author);
      const res = await as(author).post('/api/posts', { body: 'Members only', groupId: secret.id });
      const before = await t.sql('SELECT id FROM reports');
      const refused = await as(reporters[0]).post('/api/reports', { targetType: 'post', targetId: res.body.id, reason: 'Bad' });
      expect(refused.status).toBe(404);
      expect(refused.body.message).toBe('Content not found');
      expect(await t.sql('SELECT id FROM reports')).toHaveLength(before.length);
    });

    it('400 for reporting one’s own content', async () => {
      const post = await createPost(t, author, 'Mine');
      const res = await as(author).post('/api/reports', { targetType: 'post', targetId: post.id, reason: 'Oops' });
      expect(res.status).toBe(400);
    });
  });

  describe('automatic hiding', () => {
    it('two reporters do not hide a post; the third does, pending review', async () => {
      const post = await createPost(t, author, 'Controversial take');
      await reportBy(t, reporters.slice(0, 2), post.id);
      await t.settle();
      expect((await as(follower).get(`/api/posts/${post.id}`)).status).toBe(200);
      expect(await stateOf(post.id)).toBe('visible');

      await report(t, reporters[2], post.id);
      await t.settle();
      expect(await stateOf(post.id)).toBe('hidden');
      expect((await as(follower).get(`/api/posts/${post.id}`)).status).toBe(404);
      const seen = await as(moderator).get(`/api/posts/${post.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body.moderation).toEqual({ state: 'hidden' });

      const item = (await queueOf(t, moderator)).find((i) => i.target.id === post.id)!;
      expect(item).toMatchObject({ reportCount: 3, autoHidden: true, held: false, target: { state: 'hidden', available: true } });
      expect(item.reasons).toHaveLength(3);
      const audit = await auditOf(t, moderator, `?action=moderation.auto_hide&targetId=${post.id}`);
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({ actor: null, targetType: 'post', targetId: post.id });
    });

    it('duplicates do not count: one person reporting three times is one reporter', async () => {
      const post = await createPost(t, author, 'Reported thrice by one');
      for (let i = 0; i < 3; i++) await report(t, reporters[0], post.id);
      await t.settle();
      expect(await stateOf(post.id)).toBe('visible');
    });

    it('the threshold is configurable', async () => {
      await setSettings(t, moderator, { autoHideThreshold: 2 });
      try {
        const post = await createPost(t, author, 'Two is enough now');
        await reportBy(t, reporters.slice(0, 2), post.id);
        await t.settle();
        expect(await stateOf(post.id)).toBe('hidden');
      } finally {
        await setSettings(t, moderator, { autoHideThreshold: 3 });
      }
    });

    it('dismissing the reports of an auto-hidden post shows it again', async () => {
      const post = await createPost(t, author, 'Wrongly mobbed');
      const [first] = await reportBy(t, reporters.slice(0, 3), post.id);
      await t.settle();
      expect(await stateOf(post.id)).toBe('hidden');
      const decision = await resolve(t, moderator, first.id, 'dismiss', 'Nothing wrong here');
      expect(decision).toMatchObject({ action: 'dismiss', state: 'visible', reportCount: 3 });
      await t.settle();
      expect(await stateOf(post.id)).toBe('visible');
      expect((await as(follower).get(`/api/posts/${post.id}`)).body.moderation).toBeUndefined();
      // Everyone's report is resolved.
      const rows = await t.sql<{ status: string }>('SELECT status FROM reports WHERE target_id = $1', [post.id]);
      expect(rows.map((r) => r.status)).toEqual(['resolved', 'resolved', 'resolved']);
    });
  });

  describe('decisions', () => {
    /** Every path a non-moderator could read `post` by, each answering "is it there". */
    const readPaths = (viewer: TestUser, post: PostBody) => ({
      detail: async () => (await as(viewer).get(`/api/posts/${post.id}`)).status === 200,
      home: async () => ids(await listAll(t, viewer, '/api/feed')).includes(post.id),
      company: async () => ids(await listAll(t, viewer, '/api/feed?scope=company')).includes(post.id),
      author: async () => ids(await listAll(t, viewer, `/api/users/${post.author.id}/posts`)).includes(post.id),
      comments: async () => (await as(viewer).get(`/api/posts/${post.id}/comments`)).status === 200,
      react: async () =>
        (await t.http.put(`/api/posts/${post.id}/reactions/like`).set('Authorization', viewer.auth)).status === 200,
    });
    const seenBy = async (viewer: TestUser, post: PostBody) => {
      // Followers' written home timelines are filled right after the commit, by a listener.
      await t.settle();
      const paths = readPaths(viewer, post);
      const result: Record<string, boolean> = {};
      for (const [name, check] of Object.entries(paths)) result[name] = await check();
      return result;
    };
    const everywhere = { detail: true, home: true, company: true, author: true, comments: true, react: true };
    const nowhere = { detail: false, home: false, company: false, author: false, comments: false, react: false };

    it.each(['hide', 'remove'] as const)('%s: gone from every read path for others, marked for moderators', async (action) => {
      const post = await createPost(t, author, `About to be ${action}d`);
      expect(await seenBy(follower, post)).toEqual(everywhere);
      const filed = await report(t, reporters[0], post.id);
      const decision = await resolve(t, moderator, filed.id, action, 'Breaks the guidelines');
      expect(decision).toMatchObject({ action, state: action === 'hide' ? 'hidden' : 'removed', note: 'Breaks the guidelines' });
      await t.settle();

      expect(await seenBy(follower, post)).toEqual(nowhere);
      // The author too: hidden content is for moderators only.
      expect((await as(author).get(`/api/posts/${post.id}`)).status).toBe(404);
      const marked = await as(moderator).get(`/api/posts/${post.id}`);
      expect(marked.body.moderation).toEqual({ state: decision.state });
      const company = await listAll<PostBody & { moderation?: unknown }>(t, moderator, '/api/feed?scope=company');
      expect(company.find((p) => p.id === post.id)?.moderation).toEqual({ state: decision.state });
    });

    it('hides a group post from the group feed too', async () => {
      const res = await as(author).post('/api/posts', { body: 'In the group', groupId: group.id });
      const post: PostBody = res.body;
      const groupFeed = (viewer: TestUser) => listAll<PostBody>(t, viewer, `/api/groups/${group.id}/feed`);
      expect(ids(await groupFeed(follower))).toContain(post.id);
      await resolve(t, moderator, (await report(t, reporters[0], post.id)).id, 'hide');
      await t.settle();
      expect(ids(await groupFeed(follower))).not.toContain(post.id);
      expect(ids(await listAll(t, follower, '/api/feed'))).not.toContain(post.id);
      expect(ids(await groupFeed(moderator))).toContain(post.id);
    });

    it('a decided report is 409; the case id from the queue works as well as a report id', async () => {
      const post = await createPost(t, author, 'Decide me');
      const filed = await report(t, reporters[1], post.id);
      const item = (await queueOf(t, moderator)).find((i) => i.target.id === post.id)!;
      expect(item.reportId).toBe(filed.id);
      await resolve(t, moderator, item.id, 'dismiss');
      const again = await as(moderator).post(`/api/moderation/reports/${filed.id}/resolve`, { action: 'hide' });
      expect(again.status).toBe(409);
      expect(
        (await as(moderator).post('/api/moderation/reports/00000000-0000-4000-8000-000000000000/resolve', { action: 'hide' }))
          .status,
      ).toBe(404);
      // A later report on the same content opens a new case.
      const later = await report(t, reporters[2], post.id);
      expect(later.id).not.toBe(filed.id);
      expect((await queueOf(t, moderator)).filter((i) => i.target.id === post.id)).toHaveLength(1);
    });

    it('dismissing a report about content hidden by an earlier decision keeps it hidden', async () => {
      const post = await createPost(t, author, 'Hidden for good');
      await resolve(t, moderator, (await report(t, reporters[0], post.id)).id, 'hide');
      await t.settle();
      // Only moderators still see it, so only a moderator can report it again.
      const second = await report(t, moderator, post.id);
      await resolve(t, moderator, second.id, 'dismiss');
      await t.settle();
      expect(await stateOf(post.id)).toBe('hidden');
    });
  });

  describe('comments', () => {
    const comment = async (user: TestUser, postId: string, body: string) => {
      const res = await as(user).post(`/api/posts/${postId}/comments`, { body });
      expect(res.status).toBe(201);
      return res.body as { id: string };
    };
    const commentIds = async (viewer: TestUser, postId: string) =>
      ids(await listAll<{ id: string }>(t, viewer, `/api/posts/${postId}/comments`));
    const countOf = async (viewer: TestUser, postId: string) => (await as(viewer).get(`/api/posts/${postId}`)).body.commentCount;

    it('a hidden comment leaves the list and the count for others; moderators see it marked', async () => {
      const post = await createPost(t, author, 'Comment section');
      const fine = await comment(follower, post.id, 'Nice');
      const rude = await comment(reporters[3], post.id, 'Rude words');
      expect(await countOf(follower, post.id)).toBe(2);

      await resolve(t, moderator, (await report(t, reporters[0], rude.id, 'comment')).id, 'remove');
      await t.settle();
      expect(await commentIds(follower, post.id)).toEqual([fine.id]);
      expect(await countOf(follower, post.id)).toBe(1);
      const forModerator = await listAll<{ id: string; moderation?: unknown }>(t, moderator, `/api/posts/${post.id}/comments`);
      expect(forModerator.map((c) => [c.id, c.moderation])).toEqual([
        [fine.id, undefined],
        [rude.id, { state: 'removed' }],
      ]);
      const [counter] = await t.sql<{ comment_count: number }>('SELECT comment_count FROM posts WHERE id = $1', [post.id]);
      expect(counter.comment_count).toBe(1);
    });

    it('an auto-hidden comment comes back with its count when the reports are dismissed', async () => {
      const post = await createPost(t, author, 'Another comment section');
      const target = await comment(follower, post.id, 'Unpopular opinion');
      const [first] = await reportBy(t, reporters.slice(0, 3), target.id, 'comment');
      await t.settle();
      expect(await commentIds(author, post.id)).toEqual([]);
      expect(await countOf(author, post.id)).toBe(0);
      await resolve(t, moderator, first.id, 'dismiss');
      await t.settle();
      expect(await commentIds(author, post.id)).toEqual([target.id]);
      expect(await countOf(author, post.id)).toBe(1);
    });

    it('comments of a hidden post cannot be reported by those who no longer see it', async () => {
      const post = await createPost(t, author, 'Post to hide with comments');
      const c = await comment(follower, post.id, 'A comment');
      await resolve(t, moderator, (await report(t, reporters[0], post.id)).id, 'hide');
      await t.settle();
      const res = await as(reporters[1]).post('/api/reports', { targetType: 'comment', targetId: c.id, reason: 'x' });
      expect(res.status).toBe(404);
    });
  });

  describe('the queue', () => {
    it('groups reports by target, with the count and the reasons; reporters named to moderators only', async () => {
      const g = await createGroup(t, reporters[3], { name: 'Queue group', visibility: 'public' });
      await addMember(t, reporters[3], g.id, author);
      const res = await as(author).post('/api/posts', { body: 'Group content', groupId: g.id });
      await report(t, reporters[0], res.body.id, 'post', 'Spam');
      await report(t, reporters[1], res.body.id, 'post', 'Insulting');

      const forModerator = (await queueOf(t, moderator)).find((i) => i.target.id === res.body.id)!;
      expect(forModerator).toMatchObject({
        reportCount: 2,
        reasons: ['Spam', 'Insulting'],
        target: { type: 'post', groupId: g.id, author: { id: author.id }, excerpt: 'Group content', state: 'visible' },
      });
      expect(forModerator.reports.map((r) => r.reporter?.id)).toEqual([reporters[0].id, reporters[1].id]);

      // The group's owner sees the case, anonymously, and only cases about their group.
      const forOwner = await queueOf(t, reporters[3]);
      expect(forOwner.map((i) => i.target.id)).toEqual([res.body.id]);
      expect(forOwner[0].reports.map((r) => r.reporter)).toEqual([null, null]);
      expect(await queueOf(t, reporters[3], `?groupId=${g.id}`)).toHaveLength(1);
      expect((await as(reporters[3]).get(`/api/moderation/queue?groupId=${group.id}`)).status).toBe(403);
      // And decides on it.
      await resolve(t, reporters[3], forOwner[0].reportId, 'hide', 'Not for this group');
      expect(await queueOf(t, reporters[3])).toEqual([]);
    });

    it('pages with opaque cursors, oldest first', async () => {
      const posts: PostBody[] = [];
      for (let i = 0; i < 3; i++) posts.push(await createPost(t, author, `Queue page ${i}`));
      for (const p of posts) await report(t, reporters[2], p.id);
      const all = await listAll<{ target: { id: string } }>(t, moderator, '/api/moderation/queue', 1);
      const order = all.map((i) => i.target.id).filter((id) => posts.some((p) => p.id === id));
      expect(order).toEqual(posts.map((p) => p.id));
    });
  });
});
