import { registerUsers, type TestUser } from './factories/user.factory.js';
import { quietPeriod, socketsFor } from './support/socket-client.js';
import { useTestApp } from './support/test-app.js';

/** Feed events over a real Socket.IO connection: who hears what, and replay after a reconnect. */
describe('feed realtime', () => {
  const t = useTestApp();
  let author: TestUser, follower: TestUser, stranger: TestUser;

  beforeAll(async () => {
    [author, follower, stranger] = await registerUsers(t, ['Author', 'Follower', 'Stranger']);
    await t.http.put(`/api/users/${author.id}/follow`).set('Authorization', follower.auth).expect(204);
  });

  const connect = socketsFor(() => t);
  const post = async (user: TestUser, body: string) => {
    const res = await t.http.post('/api/posts').set('Authorization', user.auth).send({ body });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };

  it('a follower receives post.created; a non-follower does not', async () => {
    const followerSocket = await connect(follower);
    const strangerSocket = await connect(stranger);
    const created = await post(author, 'Hello followers');
    const event = await followerSocket.waitFor('post.created', (p) => (p.post as { id: string }).id === created.id);
    expect(event.post).toMatchObject({ id: created.id, body: 'Hello followers', author: { id: author.id } });
    expect(typeof event.eventId).toBe('number');
    await quietPeriod();
    expect(strangerSocket.received.filter((r) => r.event === 'post.created')).toEqual([]);
  });

  it('a mentioned non-follower receives the post', async () => {
    const strangerSocket = await connect(stranger);
    const created = await post(author, `Thoughts, @${stranger.handle}?`);
    await strangerSocket.waitFor('post.created', (p) => (p.post as { id: string }).id === created.id);
  });

  it('a stranger who subscribes to nothing receives nothing', async () => {
    // Earlier tests mentioned the stranger: let their notifications go out before listening.
    await t.settle();
    const strangerSocket = await connect(stranger);
    const created = await post(author, 'Quiet news');
    await t.http.post(`/api/posts/${created.id}/comments`).set('Authorization', follower.auth).send({ body: 'Nice' }).expect(201);
    await t.http.put(`/api/posts/${created.id}/reactions/like`).set('Authorization', follower.auth).expect(200);
    await t.settle();
    await quietPeriod();
    expect(strangerSocket.received.map((r) => r.event)).toEqual(['ready']);
  });

  it('a subscriber to post:<id> receives comments and reaction counts live', async () => {
    const created = await post(author, 'Discuss here');
    const watcher = await connect(stranger);
    expect(await watcher.subscribe(`post:${created.id}`)).toEqual({ ok: true });
    await t.http.post(`/api/posts/${created.id}/comments`).set('Authorization', follower.auth).send({ body: 'First!' }).expect(201);
    const comment = await watcher.waitFor('comment.created');
    expect(comment.comment).toMatchObject({ postId: created.id, body: 'First!', author: { id: follower.id } });
    expect(comment.commentCount).toBe(1);
    await t.http.put(`/api/posts/${created.id}/reactions/celebrate`).set('Authorization', follower.auth).expect(200);
    const reaction = await watcher.waitFor('reaction.updated');
    expect(reaction).toMatchObject({ postId: created.id, reactions: { celebrate: 1, like: 0 } });
  });

  it('edits and deletions reach the post room and the followers', async () => {
    const created = await post(author, 'Draft thought');
    const followerSocket = await connect(follower);
    await t.http.patch(`/api/posts/${created.id}`).set('Authorization', author.auth).send({ body: 'Final thought' }).expect(200);
    const updated = await followerSocket.waitFor('post.updated');
    expect(updated.post).toMatchObject({ id: created.id, body: 'Final thought' });
    await t.http.delete(`/api/posts/${created.id}`).set('Authorization', author.auth).expect(204);
    expect(await followerSocket.waitFor('post.deleted')).toMatchObject({ postId: created.id });
  });

  it('refuses to subscribe to a deleted post', async () => {
    const created = await post(author, 'Short-lived');
    await t.http.delete(`/api/posts/${created.id}`).set('Authorization', author.auth).expect(204);
    const socket = await connect(stranger);
    expect(await socket.subscribe(`post:${created.id}`)).toEqual({ ok: false, error: 'not found' });
  });

  it('reconnecting with lastEventId replays exactly the missed posts, in order, minus deleted ones', async () => {
    const first = await connect(follower);
    const before = await post(author, 'Seen live');
    const seen = await first.waitFor('post.created', (p) => (p.post as { id: string }).id === before.id);
    first.close();

    const missed1 = await post(author, 'Missed one');
    const gone = await post(author, 'Missed but deleted');
    const missed2 = await post(author, 'Missed two');
    await t.http.delete(`/api/posts/${gone.id}`).set('Authorization', author.auth).expect(204);
    await post(stranger, 'Not for the follower');
    await t.settle();

    const back = await connect(follower, seen.eventId as number);
    const replayed = await back.waitForCount('post.created', 2);
    expect(replayed.map((p) => (p.post as { id: string }).id)).toEqual([missed1.id, missed2.id]);
    // The deletion notice itself is replayed (it reveals only an id the follower already had).
    await back.waitFor('post.deleted', (p) => p.postId === gone.id);
    await quietPeriod();
    const createdIds = back.received.filter((r) => r.event === 'post.created').map((r) => (r.payload.post as { id: string }).id);
    expect(createdIds).toEqual([missed1.id, missed2.id]);
    const ids = back.received.filter((r) => r.event !== 'ready').map((r) => r.payload.eventId as number);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });
});
