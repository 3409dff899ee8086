import { type ChildProcess, fork } from 'node:child_process';
import type { Server as HttpServer } from 'node:http';
import type { Socket as NetSocket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import request from 'supertest';
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

  it(`server-wide socket operations ${redis ? 'reach' : 'do not reach'} another instance's sockets`, async () => {
    const { user, socket } = await reader(b, author, a.url, sockets);
    const seenFromB = await b.app.get(RealtimeGateway).server.in(`user:${user.id}`).fetchSockets();
    expect(seenFromB).toHaveLength(redis ? 1 : 0);
    if (!redis) return;
    const gone = new Promise<string>((resolve) => socket.socket.once('disconnect', resolve));
    b.app.get(RealtimeGateway).server.in(`user:${user.id}`).disconnectSockets(true);
    await expect(gone).resolves.toBe('io server disconnect');
  });

  it("a killed instance's clients reconnect to another and miss nothing; the other's clients are unaffected", async () => {
    await loseAnInstance({ a, b, kill: killA, author, sockets });
  });
});

/**
 * The same loss, for real: instance A is the api in a child process (`bench/app.mjs`, the sources
 * transpiled for plain Node, as they run in production) killed with SIGKILL, so nothing of it runs
 * a shutdown hook, closes a socket or ends a transaction: the kernel closes its connections, and
 * PostgreSQL rolls back whatever it had open. B is the in-process survivor.
 */
describe('scale-out failover (an api process killed with SIGKILL)', () => {
  let b: TestApp;
  let a: ChildInstance | undefined;
  let author: TestUser;
  const sockets: TestSocket[] = [];
  // Its own build folder: a benchmark transpiling the app at the same time must not rewrite the
  // files this child is loading (and two test runs must not either).
  const buildDir = `node_modules/.cache/ruche-test-app-${randomBytes(6).toString('hex')}`;

  beforeAll(async () => {
    b = await startTestApp();
    const [{ database }] = await b.sql<{ database: string }>('SELECT current_database() AS database');
    const url = new URL(process.env.RUCHE_TEST_SERVER_URL!);
    url.pathname = `/${database}`;
    // An api instance (no jobs: a job it held when killed would wait out its expiry before a retry).
    a = await startChild(url.toString(), buildDir, { RUCHE_ROLE: 'api' });
    author = await registerUser(b, { displayName: 'Author' });
  }, 120_000);
  afterAll(async () => {
    for (const s of sockets) s.close();
    // Whatever happened above: no api process left running, no database, no build folder.
    await a?.kill();
    await b?.close();
    rmSync(join(process.cwd(), buildDir), { recursive: true, force: true });
  });

  it("the killed process's clients reconnect to the survivor and get exactly what they missed, in order; the survivor's clients notice nothing", async () => {
    const child = a!;
    await loseAnInstance({ a: child, b, kill: async () => expect(await child.kill()).toBe('SIGKILL'), author, sockets });
  });
});

/** An api instance reached over HTTP: in this process (TestApp) or in a child. */
interface Instance {
  url: string;
  http: ReturnType<typeof request>;
}

/** A follower of `author` whose socket is on the instance at `url`. */
async function reader(b: TestApp, author: TestUser, url: string, sockets: TestSocket[]) {
  const user = await registerUser(b);
  await follow(b, user, author);
  const socket = await connectSocket(url, user.accessToken);
  sockets.push(socket);
  return { user, socket };
}

const postIds = (socket: TestSocket) =>
  socket.received.filter((r) => r.event === 'post.created').map((r) => (r.payload.post as { id: string }).id);
const lastEventId = (socket: TestSocket) => Math.max(0, ...socket.received.map((r) => Number(r.payload.eventId ?? 0)));
const ready = (socket: TestSocket) => socket.received.find((r) => r.event === 'ready')!.payload;

/**
 * Two clients on A, two on B; a post written through A just before `kill`, posts written while A's
 * clients are away and while they reconnect to B. A's clients get exactly what they missed, in
 * order; B's are never disconnected and get everything once; B goes on taking clients.
 */
async function loseAnInstance({
  a,
  b,
  kill,
  author,
  sockets,
}: {
  a: Instance;
  b: TestApp;
  kill: () => Promise<void>;
  author: TestUser;
  sockets: TestSocket[];
}) {
  const onA = [await reader(b, author, a.url, sockets), await reader(b, author, a.url, sockets)];
  const onB = [await reader(b, author, b.url, sockets), await reader(b, author, b.url, sockets)];
  const first = await createPost(b, author, 'Before the crash');
  for (const { socket } of [...onA, ...onB])
    await socket.waitFor('post.created', (p) => (p.post as { id: string }).id === first.id);
  let bDisconnects = 0;
  for (const { socket } of onB) socket.socket.on('disconnect', () => bDisconnects++);

  // Committed through A just before it dies: whoever stamps it, it is delivered.
  await a.http.post('/api/posts').set('Authorization', author.auth).send({ body: 'Written through A as it dies' }).expect(201);
  const lost = onA.map(({ socket }) => new Promise<string>((resolve) => socket.socket.once('disconnect', resolve)));
  await kill();
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

  for (const [i, socket] of back.entries())
    await socket.waitForCount('post.created', expected.length - postIds(onA[i].socket).length);
  for (const { socket } of onB) await socket.waitForCount('post.created', expected.length);
  await quietPeriod();
  onA.forEach(({ socket }, i) => {
    expect([...postIds(socket), ...postIds(back[i])]).toEqual(expected);
    expect(ready(back[i])).toMatchObject({ replayTruncated: false });
  });
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
}

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

interface ChildInstance extends Instance {
  /** SIGKILL, then waits for the exit; answers the signal that ended it (null: it had already gone). */
  kill(): Promise<NodeJS.Signals | null>;
}

/**
 * The real api in a child process (`node bench/app.mjs <databaseUrl> <settings>`), configured like
 * the test instances, listening on a free port. Fails with what the child wrote if it dies first.
 * The child exits by itself if this process dies (bench/app.mjs leaves when its IPC channel closes).
 */
async function startChild(databaseUrl: string, buildDir: string, settings: Record<string, string>): Promise<ChildInstance> {
  const child: ChildProcess = fork(
    join(process.cwd(), 'bench/app.mjs'),
    [
      databaseUrl,
      JSON.stringify({
        JWT_SECRET: 'test-secret-that-is-long-enough-to-be-accepted',
        RUCHE_STRICT_UNIT_OF_WORK: '1',
        RUCHE_DATA_DIR: '/tmp/ruche-test-data',
        LOG_LEVEL: 'error',
        ...settings,
      }),
    ],
    // Plain Node, not jest's VM modules; its own build folder (bench/support.mjs transpile).
    { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], env: { ...process.env, NODE_OPTIONS: '', RUCHE_APP_BUILD_DIR: buildDir } },
  );
  let output = '';
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-4000));
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return null;
    child.kill('SIGKILL');
    return exited;
  };
  try {
    const port = await new Promise<number>((resolve, reject) => {
      child.once('message', (message: { port?: number }) =>
        message.port ? resolve(message.port) : reject(new Error('no port')),
      );
      void exited.then((signal) =>
        reject(new Error(`the api child exited (${signal ?? child.exitCode}) before listening:\n${output}`)),
      );
    });
    const url = `http://127.0.0.1:${port}`;
    return { url, http: request(url), kill };
  } catch (error) {
    await kill();
    throw error;
  }
}
