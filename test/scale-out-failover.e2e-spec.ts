import type { Server as HttpServer } from 'node:http';
import type { Socket as NetSocket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { RealtimeGateway } from '@ruche/realtime';
import { follow } from './factories/people.factory.js';
import { createPost } from './factories/post.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { connectSocket, quietPeriod, type TestSocket } from './support/socket-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const REDIS_URL = process.env.RUCHE_TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';

/**
 * Losing an instance: api instances on one database, clients on two of them; instance A dies without
 * a goodbye (its TCP connections cut, then it stops). Clients of B carry on; A's clients reconnect
 * to B with their `lastEventId` and get what they missed, in order, nothing lost or twice. Run
 * without Redis (delivery through the outbox alone) and with the Redis streams adapter.
 */
describe.each([
  { mode: 'without Redis', redis: false },
  { mode: 'with the Redis streams adapter', redis: true },
])('scale-out failover ($mode)', ({ redis }) => {
  let main: TestApp;
  let a: TestApp;
  let b: TestApp;
  let killA: () => Promise<void>;
  let author: TestUser;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    // A prefix of its own: test files running at once share the Redis server.
    const env: Record<string, string> = redis ? { REDIS_URL, REDIS_PREFIX: `ruche-test-${randomBytes(6).toString('hex')}` } : {};
    main = await startTestApp(env);
    // Passport keeps one 'jwt' strategy per process, the last app's: in this one process the
    // instance that dies must not be the last one started, or the survivors' requests would
    // authenticate through its closed pool (separate processes share no such thing).
    a = await main.startPeer();
    b = await main.startPeer();
    killA = killable(a);
    author = await registerUser(b, { displayName: 'Author' });
  });
  afterAll(async () => {
    for (const s of sockets) s.close();
    await main.close();
  });

  const reader = async (instance: TestApp) => {
    const user = await registerUser(b);
    await follow(b, user, author);
    const socket = await connectSocket(instance.url, user.accessToken);
    sockets.push(socket);
    return { user, socket };
  };
  const postIds = (socket: TestSocket) =>
    socket.received.filter((r) => r.event === 'post.created').map((r) => (r.payload.post as { id: string }).id);
  const lastEventId = (socket: TestSocket) => Math.max(0, ...socket.received.map((r) => Number(r.payload.eventId ?? 0)));

  it(`server-wide socket operations ${redis ? 'reach' : 'do not reach'} another instance's sockets`, async () => {
    const { user, socket } = await reader(a);
    const seenFromB = await b.app.get(RealtimeGateway).server.in(`user:${user.id}`).fetchSockets();
    expect(seenFromB).toHaveLength(redis ? 1 : 0);
    if (!redis) return;
    const gone = new Promise<string>((resolve) => socket.socket.once('disconnect', resolve));
    b.app.get(RealtimeGateway).server.in(`user:${user.id}`).disconnectSockets(true);
    await expect(gone).resolves.toBe('io server disconnect');
  });

  it("a killed instance's clients reconnect to another and miss nothing; the other's clients are unaffected", async () => {
    const onA = [await reader(a), await reader(a)];
    const onB = [await reader(b), await reader(b)];
    const first = await createPost(b, author, 'Before the crash');
    for (const { socket } of [...onA, ...onB])
      await socket.waitFor('post.created', (p) => (p.post as { id: string }).id === first.id);
    let bDisconnects = 0;
    for (const { socket } of onB) socket.socket.on('disconnect', () => bDisconnects++);

    // Committed through A just before it dies: whoever stamps it, it is delivered.
    await createPost(a, author, 'Written through A as it dies');
    const lost = onA.map(({ socket }) => new Promise<string>((resolve) => socket.socket.once('disconnect', resolve)));
    await killA();
    expect(await Promise.all(lost)).toEqual(['transport close', 'transport close']);

    // Written while A's clients are away, then while they come back.
    await createPost(b, author, 'While away 1');
    await createPost(b, author, 'While away 2');
    const [back] = await Promise.all([
      Promise.all(
        onA.map(async ({ user, socket }) => {
          const again = await connectSocket(b.url, user.accessToken, lastEventId(socket));
          sockets.push(again);
          return again;
        }),
      ),
      (async () => {
        for (const body of ['Coming back 1', 'Coming back 2', 'Coming back 3']) await createPost(b, author, body);
      })(),
    ]);
    await b.settle();
    const expected = (
      await b.sql<{ id: string }>(
        `SELECT payload->'post'->>'id' AS id FROM outbox WHERE type = 'post.created' AND actor_id = $1 ORDER BY seq`,
        [author.id],
      )
    ).map((r) => r.id);
    expect(expected).toHaveLength(7);

    for (const socket of back)
      await socket.waitForCount('post.created', expected.length - postIds(onA[back.indexOf(socket)].socket).length);
    for (const { socket } of onB) await socket.waitForCount('post.created', expected.length);
    await quietPeriod();
    onA.forEach(({ socket }, i) => expect([...postIds(socket), ...postIds(back[i])]).toEqual(expected));
    for (const { socket } of onB) {
      expect(postIds(socket)).toEqual(expected);
      expect(socket.socket.connected).toBe(true);
    }
    expect(bDisconnects).toBe(0);
    // B still takes new clients and delivers to everyone.
    const after = await createPost(b, author, 'After the recovery');
    for (const socket of [...back, ...onB.map((r) => r.socket)]) {
      await socket.waitFor('post.created', (p) => (p.post as { id: string }).id === after.id);
    }
  });
});

/**
 * Cuts every TCP connection of the instance at once (no Socket.IO or WebSocket close handshake: its
 * clients see what a crash or a lost host looks like), then stops it so it delivers nothing more.
 */
function killable(instance: TestApp): () => Promise<void> {
  const server = instance.app.getHttpServer() as HttpServer;
  const connections = new Set<NetSocket>();
  server.on('connection', (connection: NetSocket) => {
    connections.add(connection);
    connection.once('close', () => connections.delete(connection));
  });
  return async () => {
    for (const connection of connections) connection.destroy();
    const stop = instance.close;
    // Closed here: the test app's own cleanup must not close it again.
    instance.close = async () => undefined;
    await stop();
  };
}
