import { OutboxRetention } from '@ruche/platform';
import { RealtimeDelivery } from '@ruche/realtime';
import { follow } from './factories/people.factory.js';
import { createPost } from './factories/post.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { connectError, connectSocket, type TestSocket } from './support/socket-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Realtime as operators run it: a replay that cannot be complete says so (events pruned by the
 * outbox retention, or more than one replay holds), and a worker process serves no sockets.
 */
describe('realtime operations', () => {
  let t: TestApp;
  let author: TestUser;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    author = await registerUser(t, { displayName: 'Author' });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await t.close();
  });

  const connect = async (user: TestUser, lastEventId?: number) => {
    const socket = await connectSocket(t.url, user.accessToken, lastEventId);
    sockets.push(socket);
    return socket;
  };
  const ready = (socket: TestSocket) => socket.received.find((r) => r.event === 'ready')!.payload;
  const lastSeq = async () => Number((await t.sql<{ last: string }>('SELECT coalesce(max(seq), 0) AS last FROM outbox'))[0].last);
  /** Settled, and delivered by this instance: a connection now replays all of it (nothing comes live). */
  const delivered = async () => {
    await t.settle();
    const last = await lastSeq();
    const delivery = t.app.get(RealtimeDelivery);
    for (let waited = 0; delivery.lastDeliveredId < last; waited += 20) {
      if (waited > 10_000) throw new Error(`delivery stuck at ${delivery.lastDeliveredId}, outbox at ${last}`);
      await new Promise((r) => setTimeout(r, 20));
    }
    return last;
  };
  const postIds = (socket: TestSocket) =>
    socket.received.filter((r) => r.event === 'post.created').map((r) => (r.payload.post as { id: string }).id);

  it('keeps delivering live after its LISTEN connection is lost (the poll reads on the pool), in order, and listens again', async () => {
    const follower = await registerUser(t);
    await follow(t, follower, author);
    const socket = await connect(follower);
    const ended = await t.sql<{ ended: boolean }>(
      "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = 'ruche-realtime' AND datname = current_database()",
    );
    expect(ended).toEqual([{ ended: true }]);
    const posts = [];
    for (const text of ['After the loss 1', 'After the loss 2']) posts.push(await createPost(t, author, text));
    await delivered();
    for (let waited = 0; postIds(socket).length < 2; waited += 20) {
      if (waited > 5_000) throw new Error(`got ${postIds(socket).length} of 2 posts`);
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(postIds(socket)).toEqual(posts.map((p) => p.id));
    // And it listens again (after a second), so delivery is woken by NOTIFY, not the poll, again.
    for (let waited = 0; ; waited += 100) {
      const [{ n }] = await t.sql<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'ruche-realtime' AND datname = current_database()",
      );
      if (n === 1) break;
      if (waited > 10_000) throw new Error('the LISTEN session was not opened again within 10 s');
      await new Promise((r) => setTimeout(r, 100));
    }
  });

  it('a replay longer than the replay limit sends the first 5,000 events, in order, and says it was cut short', async () => {
    const reader = await registerUser(t);
    await t.settle();
    const before = await lastSeq();
    await t.sql(
      `INSERT INTO outbox (type, payload, audience)
       SELECT 'test.filler', jsonb_build_object('n', g), ARRAY['user:' || $1::text] FROM generate_series(1, 5001) g ORDER BY g`,
      [reader.id],
    );
    await delivered();

    const behind = await connect(reader, before);
    const fillers = behind.received.filter((r) => r.event === 'test.filler').map((r) => r.payload.n);
    expect(fillers).toEqual(Array.from({ length: 5000 }, (_, i) => i + 1));
    expect(ready(behind)).toMatchObject({ replayTruncated: true });
    behind.close();

    // Exactly as many as the limit: complete, not flagged.
    const justBehind = await connect(reader, before + 1);
    expect(justBehind.received.filter((r) => r.event === 'test.filler')).toHaveLength(5000);
    expect(ready(justBehind)).toMatchObject({ replayTruncated: false });
    justBehind.close();
  });

  it('a client back from before the retention window is told its replay is incomplete; one after it is not', async () => {
    const reader = await registerUser(t);
    await follow(t, reader, author);
    const first = await connect(reader);
    expect(ready(first)).toMatchObject({ replayTruncated: false });
    const seen = await createPost(t, author, 'Seen live');
    const { eventId: seenId } = await first.waitFor('post.created', (p) => (p.post as { id: string }).id === seen.id);
    first.close();

    // While the reader is away: two posts, then a week passes and the outbox retention prunes them.
    await createPost(t, author, 'Pruned 1');
    await createPost(t, author, 'Pruned 2');
    await t.settle();
    const retention = t.app.get(OutboxRetention);
    expect(await retention.prune(new Date(Date.now() + 8 * 86_400_000))).toBeGreaterThan(0);
    const prunedThrough = await retention.prunedThrough();
    expect(prunedThrough).toBeGreaterThan(seenId as number);
    const kept = await createPost(t, author, 'Still in the outbox');
    const last = await delivered();
    // The outbox was emptied, yet ids go on from where they were: none is handed out twice.
    expect(last).toBeGreaterThan(prunedThrough);

    // Replays what is left, and says it is not all.
    const back = await connect(reader, seenId as number);
    expect(postIds(back)).toEqual([kept.id]);
    expect(ready(back)).toMatchObject({ replayTruncated: true, lastEventId: last });

    // From the pruned point on, nothing was lost.
    const recent = await connect(reader, prunedThrough);
    expect(postIds(recent)).toEqual([kept.id]);
    expect(ready(recent)).toMatchObject({ replayTruncated: false });

    // Up to date, or fresh: nothing to replay, nothing missing.
    expect(ready(await connect(reader, last))).toMatchObject({ replayTruncated: false });
    expect(ready(await connect(reader))).toMatchObject({ replayTruncated: false });
  });

  // Last: the worker started here is the newest instance in this process.
  it('a worker (RUCHE_ROLE=worker) refuses socket connections and follows no outbox', async () => {
    const worker = await t.startPeer({ RUCHE_ROLE: 'worker' });
    const user = await registerUser(t);

    // Socket.IO is not on the worker's HTTP server: a handshake is an ordinary request, a 404.
    const message = await connectError(worker.url, { token: user.accessToken });
    expect(message).not.toBe('unauthorized');
    const polling = await worker.http.get('/socket.io/?EIO=4&transport=polling');
    expect(polling.status).toBe(404);
    expect(polling.body.message).toContain('RUCHE_ROLE=worker');
    // The api instance takes the same client.
    await connect(user);
    await t.http.get('/socket.io/?EIO=4&transport=polling').expect(200);

    // No delivery loop there: no LISTEN session of its own, no cursor moving.
    const delivery = worker.app.get(RealtimeDelivery);
    await createPost(t, author, 'Delivered by the api instance only');
    await t.settle();
    expect(delivery.lastDeliveredId).toBe(0);
    const listeners = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'ruche-realtime'`,
    );
    expect(listeners[0].n).toBe(1);
  });
});
