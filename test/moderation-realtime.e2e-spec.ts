import { queueOf, registerModerator, report, resolve, setSettings } from './factories/moderation.factory.js';
import { follow } from './factories/people.factory.js';
import { createPost, ids, listAll, type PostBody } from './factories/post.factory.js';
import { registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { quietPeriod, socketsFor, type TestSocket } from './support/socket-client.js';
import { useTestApp } from './support/test-app.js';

/**
 * Moderation over real Socket.IO: live clients drop hidden content (`post.hidden`), subscriptions
 * and replay agree with the REST read paths, held content reaches nobody but its author until it
 * is released, and reporters and authors hear about decisions (`report.resolved`).
 */
describe('moderation: realtime', () => {
  const t = useTestApp();
  let admin: TestUser, moderator: TestUser, author: TestUser, follower: TestUser, reporter: TestUser;

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Admin' });
    moderator = await registerModerator(t, admin);
    [author, follower, reporter] = await registerUsers(t, ['Author', 'Follower', 'Reporter']);
    await follow(t, follower, author);
  });

  const connect = socketsFor(() => t);
  const createdIds = (socket: TestSocket) =>
    socket.received.filter((r) => r.event === 'post.created').map((r) => (r.payload.post as { id: string }).id);
  const hide = async (post: PostBody, action: 'hide' | 'remove' = 'hide') => {
    await resolve(t, moderator, (await report(t, reporter, post.id)).id, action);
    await t.settle();
  };

  it('live clients are told to drop a post when it is hidden', async () => {
    const socket = await connect(follower);
    const post = await createPost(t, author, 'Soon hidden');
    await socket.waitFor('post.created', (p) => (p.post as { id: string }).id === post.id);
    await hide(post, 'remove');
    const hidden = await socket.waitFor('post.hidden', (p) => p.postId === post.id);
    expect(hidden).toEqual({ postId: post.id, state: 'removed', eventId: expect.any(Number) });
  });

  it('subscribing to a hidden post is refused to others and allowed to moderators', async () => {
    const post = await createPost(t, author, 'Subscribe target');
    const before = await connect(follower);
    expect(await before.subscribe(`post:${post.id}`)).toEqual({ ok: true });
    await hide(post);
    const later = await connect(follower);
    expect(await later.subscribe(`post:${post.id}`)).toEqual({ ok: false, error: 'not found' });
    const mod = await connect(moderator);
    expect(await mod.subscribe(`post:${post.id}`)).toEqual({ ok: true });
  });

  it('a post subscriber no longer gets its comments once it is hidden', async () => {
    const post = await createPost(t, author, 'Busy thread');
    const watcher = await connect(follower);
    expect(await watcher.subscribe(`post:${post.id}`)).toEqual({ ok: true });
    await hide(post);
    await watcher.waitFor('post.hidden', (p) => p.postId === post.id);
    // Moderators may still comment; nobody else hears of it.
    await t.http
      .post(`/api/posts/${post.id}/comments`)
      .set('Authorization', moderator.auth)
      .send({ body: 'Mod note' })
      .expect(201);
    await quietPeriod();
    expect(watcher.received.filter((r) => r.event === 'comment.created')).toEqual([]);
  });

  it('replay after a reconnect leaves out posts hidden meanwhile, and says they were hidden', async () => {
    const first = await connect(follower);
    const seen = await createPost(t, author, 'Seen live');
    const { eventId } = await first.waitFor('post.created', (p) => (p.post as { id: string }).id === seen.id);
    first.close();

    const hiddenMeanwhile = await createPost(t, author, 'Missed, then hidden');
    const kept = await createPost(t, author, 'Missed, still there');
    await hide(hiddenMeanwhile);

    const back = await connect(follower, eventId as number);
    await back.waitFor('post.created', (p) => (p.post as { id: string }).id === kept.id);
    await back.waitFor('post.hidden', (p) => p.postId === hiddenMeanwhile.id);
    await quietPeriod();
    expect(createdIds(back)).toEqual([kept.id]);
    // The moderator, replaying the same window, is no follower: nothing of the author's.
    expect(ids(await listAll(t, follower, '/api/feed'))).not.toContain(hiddenMeanwhile.id);
  });

  it('the reporters and the author hear about the decision, with the note', async () => {
    const post = await createPost(t, author, 'Decision announced');
    const [reporterSocket, authorSocket, followerSocket] = await Promise.all([
      connect(reporter),
      connect(author),
      connect(follower),
    ]);
    const filed = await report(t, reporter, post.id);
    await resolve(t, moderator, filed.id, 'hide', 'Please keep it civil');
    const toReporter = await reporterSocket.waitFor('report.resolved', (p) => p.targetId === post.id);
    expect(toReporter).toMatchObject({ recipient: 'reporter', action: 'hide', state: 'hidden', note: 'Please keep it civil' });
    const toAuthor = await authorSocket.waitFor('report.resolved', (p) => p.targetId === post.id);
    expect(toAuthor).toMatchObject({ recipient: 'author', action: 'hide', note: 'Please keep it civil' });
    // Nothing names the reporter to the author.
    expect(JSON.stringify(toAuthor)).not.toContain(reporter.id);
    await quietPeriod();
    expect(followerSocket.received.filter((r) => r.event === 'report.resolved')).toEqual([]);
  });

  describe('held content (blocked terms)', () => {
    beforeAll(() => setSettings(t, moderator, { blockedTerms: ['forbiddenword'] }));
    afterAll(() => setSettings(t, moderator, { blockedTerms: [] }));

    it('reaches nobody but its author, live or in feeds, until a reviewer releases it', async () => {
      const [followerSocket, authorSocket] = await Promise.all([connect(follower), connect(author)]);
      const res = await t.http
        .post('/api/posts')
        .set('Authorization', author.auth)
        .send({ body: 'This has a ForbiddenWord in it' });
      expect(res.status).toBe(201);
      expect(res.body.moderation).toEqual({ state: 'held' });
      const held: PostBody = res.body;
      await authorSocket.waitFor('post.created', (p) => (p.post as { id: string }).id === held.id);
      await quietPeriod();
      expect(createdIds(followerSocket)).not.toContain(held.id);
      expect(ids(await listAll(t, follower, '/api/feed'))).not.toContain(held.id);
      expect(ids(await listAll(t, author, '/api/feed'))).toContain(held.id);
      expect((await t.http.get(`/api/posts/${held.id}`).set('Authorization', moderator.auth)).body.moderation).toEqual({
        state: 'held',
      });

      // In the queue as a case of its own, with the terms; a reviewer releases it.
      const item = (await queueOf(t, moderator)).find((i) => i.target.id === held.id)!;
      expect(item).toMatchObject({ held: true, heldTerms: ['forbiddenword'], reportCount: 0, target: { state: 'held' } });
      expect(item.reports).toEqual([expect.objectContaining({ automatic: true, reporter: null })]);
      await resolve(t, moderator, item.reportId, 'dismiss', 'False positive');
      const released = await followerSocket.waitFor('post.created', (p) => (p.post as { id: string }).id === held.id);
      expect((released.post as { moderation?: unknown }).moderation).toBeUndefined();
      expect(ids(await listAll(t, follower, '/api/feed'))).toContain(held.id);
    });

    it('an edit that brings in a blocked term takes the post back out of sight', async () => {
      const post = await createPost(t, author, 'Clean at first');
      const followerSocket = await connect(follower);
      const edit = await t.http
        .patch(`/api/posts/${post.id}`)
        .set('Authorization', author.auth)
        .send({ body: 'Now with forbiddenword' });
      expect(edit.status).toBe(200);
      expect(edit.body.moderation).toEqual({ state: 'held' });
      const hidden = await followerSocket.waitFor('post.hidden', (p) => p.postId === post.id);
      expect(hidden.state).toBe('held');
      await quietPeriod();
      // The new text never reached the follower.
      expect(JSON.stringify(followerSocket.received)).not.toContain('forbiddenword');
      expect((await t.http.get(`/api/posts/${post.id}`).set('Authorization', follower.auth)).status).toBe(404);
    });
  });
});
