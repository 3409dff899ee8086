import { addMember, createGroup } from './factories/group.factory.js';
import { follow } from './factories/people.factory.js';
import { createPost } from './factories/post.factory.js';
import { registerUser } from './factories/user.factory.js';
import { quietPeriod, socketsFor, type TestSocket } from './support/socket-client.js';
import { useTestApp } from './support/test-app.js';

/**
 * Audiences by room: a company-wide post goes to `followers:<author>`, which followers' sockets
 * join at connect and follow or leave live with follows and unfollows, so an outbox row names one
 * room however many people follow its author.
 */
describe('realtime: followers rooms', () => {
  const t = useTestApp();

  const connect = socketsFor(() => t);
  const audienceOf = async (postId: string) => {
    await t.settle();
    const [row] = await t.sql<{ audience: string[] }>(
      `SELECT audience FROM outbox WHERE type = 'post.created' AND payload->'post'->>'id' = $1`,
      [postId],
    );
    return row.audience;
  };
  const createdIds = (socket: TestSocket) =>
    socket.received.filter((r) => r.event === 'post.created').map((r) => (r.payload.post as { id: string }).id);

  it("an event's audience does not grow with the author's followers", async () => {
    const author = await registerUser(t);
    const followers = await Promise.all(Array.from({ length: 12 }, () => registerUser(t)));
    for (const f of followers) await follow(t, f, author);
    const post = await createPost(t, author, 'Read by a dozen');
    expect(await audienceOf(post.id)).toEqual([`followers:${author.id}`, `user:${author.id}`]);
    // Each follower's socket is in the room from the moment it connects.
    const [first, second] = await Promise.all(followers.slice(0, 2).map((f) => connect(f)));
    const next = await createPost(t, author, 'Second');
    for (const socket of [first, second]) await socket.waitFor('post.created', (p) => (p.post as { id: string }).id === next.id);
  });

  it('a live socket starts hearing an author when its user follows them, and stops when they unfollow', async () => {
    const author = await registerUser(t);
    const reader = await registerUser(t);
    const socket = await connect(reader);
    const before = await createPost(t, author, 'Before the follow');
    await follow(t, reader, author);
    const during = await createPost(t, author, 'While following');
    await socket.waitFor('post.created', (p) => (p.post as { id: string }).id === during.id);
    await t.http.delete(`/api/users/${author.id}/follow`).set('Authorization', reader.auth).expect(204);
    // Unfollowing twice changes nothing and says nothing twice.
    await t.http.delete(`/api/users/${author.id}/follow`).set('Authorization', reader.auth).expect(204);
    const after = await createPost(t, author, 'After the unfollow');
    await t.settle();
    await quietPeriod();
    expect(createdIds(socket)).toEqual([during.id]);
    expect(createdIds(socket)).not.toContain(before.id);
    expect(createdIds(socket)).not.toContain(after.id);
    const unfollowed = await t.sql(`SELECT 1 FROM outbox WHERE type = 'user.unfollowed' AND actor_id = $1`, [reader.id]);
    expect(unfollowed).toHaveLength(1);
  });

  it("a follower who reconnects with lastEventId gets the posts they missed through the author's room", async () => {
    const author = await registerUser(t);
    const reader = await registerUser(t);
    await follow(t, reader, author);
    const first = await connect(reader);
    const seen = await createPost(t, author, 'Seen live');
    const live = await first.waitFor('post.created', (p) => (p.post as { id: string }).id === seen.id);
    first.close();
    const missed = [await createPost(t, author, 'Missed one'), await createPost(t, author, 'Missed two')];
    await t.settle();
    const back = await connect(reader, live.eventId as number);
    const replayed = await back.waitForCount('post.created', 2);
    expect(replayed.map((p) => (p.post as { id: string }).id)).toEqual(missed.map((p) => p.id));
  });

  it("a group post goes to the group's room, never to followers who are not members", async () => {
    const author = await registerUser(t);
    const member = await registerUser(t);
    const outsider = await registerUser(t);
    await follow(t, outsider, author);
    await follow(t, member, author);
    const group = await createGroup(t, author, { visibility: 'private' });
    await addMember(t, author, group.id, member);
    const [memberSocket, outsiderSocket] = [await connect(member), await connect(outsider)];
    const res = await t.http
      .post('/api/posts')
      .set('Authorization', author.auth)
      .send({ body: 'Members only', groupId: group.id });
    expect(res.status).toBe(201);
    expect(await audienceOf(res.body.id)).toEqual([`group:${group.id}`, `user:${author.id}`]);
    await memberSocket.waitFor('post.created', (p) => (p.post as { id: string }).id === res.body.id);
    await quietPeriod();
    expect(createdIds(outsiderSocket)).toEqual([]);
    // Nor does a later replay give it to the outsider, who is in the author's followers room.
    const replay = await connect(outsider, 0);
    await quietPeriod();
    expect(createdIds(replay)).not.toContain(res.body.id);
  });
});
