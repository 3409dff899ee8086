import { ID_PATTERN, RUCHE_CONFIG, type RucheConfig } from '@ruche/platform';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { Readiness } from '../apps/api/src/health.controller.js';
import { registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { startTestApp, type TestApp, useTestApp } from './support/test-app.js';

/**
 * Holding under load: every wait on the database is bounded (pool acquire, statements, locks,
 * idle transactions), a stuck instance fails readiness and answers 503 + Retry-After instead of
 * hanging, and it recovers by itself once the database does. Also request ids, transport security
 * headers and the per-person write budget shared by instances.
 */

/** A session of its own on the app's database (not the app's pool): the "other party" holding locks. */
async function outsider(t: TestApp): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: t.app.get<RucheConfig>(RUCHE_CONFIG).databaseUrl });
  client.on('error', () => undefined);
  await client.connect();
  return client;
}

/** Every request checks the caller's account: locking `users` makes every authenticated request wait. */
async function lockUsers(client: pg.Client): Promise<void> {
  await client.query('BEGIN');
  await client.query('LOCK TABLE users IN ACCESS EXCLUSIVE MODE');
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: Math.round(performance.now() - started) };
}

/** Polls until `ok` holds, returning how long it took; fails after `limitMs`. */
async function timeUntil(ok: () => Promise<boolean>, limitMs: number): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if (await ok()) return Math.round(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`not recovered within ${limitMs} ms`);
}

describe('ops: an exhausted pool answers 503 + Retry-After, never hangs, and recovers', () => {
  const t = useTestApp({
    DATABASE_POOL_MAX: '2',
    DATABASE_ACQUIRE_TIMEOUT_MS: '300',
    // The requests below must keep their connections while the outsider holds the lock.
    DATABASE_LOCK_TIMEOUT_MS: '0',
    DATABASE_STATEMENT_TIMEOUT_MS: '20000',
    LOG_LEVEL: 'warn',
  });
  let alice: TestUser;

  beforeAll(async () => {
    alice = await registerUser(t);
  });

  it('opens every connection with the configured session bounds', async () => {
    const [settings] = await t.app.get(DataSource).query(
      `SELECT current_setting('statement_timeout') AS statement, current_setting('lock_timeout') AS lock,
              current_setting('idle_in_transaction_session_timeout') AS idle, current_setting('jit') AS jit`,
    );
    // JIT off: compiling a plan cost a search more than running it.
    expect(settings).toEqual({ statement: '20s', lock: '0', idle: '30s', jit: 'off' });
  });

  it('answers 503 with Retry-After within about the acquire timeout, liveness stays up, then recovers', async () => {
    const locker = await outsider(t);
    const writes = process.stdout.write.bind(process.stdout);
    const logged: string[] = [];
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => {
      logged.push(String(chunk));
      return writes(chunk, ...rest);
    }) as typeof process.stdout.write;
    try {
      await lockUsers(locker);
      // Two requests take both pool connections and wait on the lock.
      const stuck = [0, 1].map(() => t.http.get('/api/me').set('Authorization', alice.auth).then((r) => r));
      await new Promise((resolve) => setTimeout(resolve, 200));

      const busy = await timed(() => t.http.get('/api/me').set('Authorization', alice.auth));
      expect(busy.value.status).toBe(503);
      expect(busy.value.headers['retry-after']).toBe('2');
      expect(busy.value.body).toMatchObject({ statusCode: 503, error: 'Service Unavailable', requestId: busy.value.headers['x-request-id'] });
      expect(busy.ms).toBeLessThan(1500);
      // The warning about it names the request.
      const line = logged.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l.msg === 'service unavailable');
      expect(line).toMatchObject({ level: 'warn', requestId: busy.value.body.requestId, url: '/api/me' });

      // Liveness never touches the pool; readiness fails in bounded time.
      const live = await timed(() => t.http.get('/api/health'));
      expect(live.value.status).toBe(200);
      expect(live.ms).toBeLessThan(300);
      const ready = await timed(() => t.http.get('/api/health/ready'));
      expect(ready.value.status).toBe(503);
      expect(ready.ms).toBeLessThan(2000);
      expect((await t.http.get('/api/health')).body).toEqual({ status: 'ok', db: 'down' });

      await locker.query('ROLLBACK');
      const released = performance.now();
      expect((await Promise.all(stuck)).map((r) => r.status)).toEqual([200, 200]);
      await timeUntil(async () => (await t.http.get('/api/health/ready')).status === 200, 3000);
      const post = await t.http.post('/api/posts').set('Authorization', alice.auth).send({ body: 'Back in business' });
      expect(post.status).toBe(201);
      console.log(`ops: pool of 2 recovered ${Math.round(performance.now() - released)} ms after the lock was released`);
      expect((await t.http.get('/api/health')).body).toEqual({ status: 'ok', db: 'up' });
    } finally {
      process.stdout.write = writes;
      await locker.end();
    }
  });

  it('readiness answers 503 as soon as the instance starts shutting down, liveness stays up', async () => {
    const peer = await t.startPeer();
    expect((await peer.http.get('/api/health/ready')).status).toBe(200);
    peer.app.get(Readiness).drain();
    const ready = await peer.http.get('/api/health/ready');
    expect(ready.status).toBe(503);
    expect(ready.body.message).toBe('This instance is shutting down');
    expect((await peer.http.get('/api/health')).status).toBe(200);
    // Requests are still served while the balancer drains it.
    expect((await peer.http.get('/api/me').set('Authorization', alice.auth)).status).toBe(200);
  });
});

describe('ops: graceful shutdown', () => {
  it('finishes a request in flight before the pool closes', async () => {
    const s = await startTestApp();
    const user = await registerUser(s);
    const locker = await outsider(s);
    let closing: Promise<void> | undefined;
    try {
      await lockUsers(locker);
      const inFlight = s.http.get('/api/me').set('Authorization', user.auth).then((r) => r);
      await new Promise((resolve) => setTimeout(resolve, 200));
      // Closing waits for it: the HTTP server closes (and lets it finish) before the pool does.
      closing = s.close();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(s.app.get(Readiness).shuttingDown).toBe(true);
      await locker.query('ROLLBACK');
      const res = await inFlight;
      expect(res.status).toBe(200);
      expect(res.body.id).toBe(user.id);
    } finally {
      await locker.end().catch(() => undefined);
      await (closing ?? s.close());
    }
  });
});

describe('ops: statement, lock and idle-transaction timeouts', () => {
  const t = useTestApp({
    DATABASE_STATEMENT_TIMEOUT_MS: '400',
    DATABASE_LOCK_TIMEOUT_MS: '200',
    DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: '300',
  });
  let alice: TestUser;

  beforeAll(async () => {
    alice = await registerUser(t);
  });

  it('ends a statement that runs past statement_timeout', async () => {
    const { value, ms } = await timed(() => t.app.get(DataSource).query('SELECT pg_sleep(5)').catch((e: unknown) => e));
    expect(value).toMatchObject({ code: '57014' });
    expect(ms).toBeLessThan(2000);
  });

  it('a request queued behind a lock for longer than lock_timeout is a 503 with Retry-After', async () => {
    const locker = await outsider(t);
    try {
      await lockUsers(locker);
      const { value, ms } = await timed(() => t.http.get('/api/me').set('Authorization', alice.auth));
      expect(value.status).toBe(503);
      expect(value.headers['retry-after']).toBeDefined();
      expect(ms).toBeLessThan(2000);
    } finally {
      await locker.query('ROLLBACK');
      await locker.end();
    }
    expect((await t.http.get('/api/me').set('Authorization', alice.auth)).status).toBe(200);
  });

  it('ends a transaction left idle, freeing its connection and locks', async () => {
    const runner = t.app.get(DataSource).createQueryRunner();
    try {
      await runner.startTransaction();
      const [{ pid }] = await runner.query('SELECT pg_backend_pid() AS pid');
      await runner.query('SELECT id FROM users FOR UPDATE');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      // The server ended the session: its row locks are gone, and so is the backend.
      expect(await t.sql('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).toEqual([]);
      expect((await t.http.patch('/api/me').set('Authorization', alice.auth).send({ displayName: 'Alice Again' })).status).toBe(200);
    } finally {
      await runner.release().catch(() => undefined);
    }
  });
});

describe('ops: time to recover from a stuck database (default settings, pool of 20)', () => {
  const t = useTestApp({ LOG_LEVEL: 'error' });
  let people: TestUser[];

  beforeAll(async () => {
    people = await registerUsers(t, 4);
  });

  it('40 requests against a locked table all answer; ready and writing again within a second of the release', async () => {
    const locker = await outsider(t);
    let released: number;
    try {
      await lockUsers(locker);
      // 2 × the pool: 20 wait on the lock holding every connection, 20 wait for a connection.
      const burst = Array.from({ length: 40 }, (_, i) =>
        t.http.get('/api/me').set('Authorization', people[i % people.length].auth).then((r) => r.status),
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      const ready = await timed(() => t.http.get('/api/health/ready'));
      expect(ready.value.status).toBe(503);
      expect(ready.ms).toBeLessThan(2000);
      await new Promise((resolve) => setTimeout(resolve, 1000));
      await locker.query('ROLLBACK');
      released = performance.now();
      // Each one gets an answer: served, or a clear 503 for those that waited past the acquire timeout.
      const statuses = await Promise.all(burst);
      expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
      expect(statuses.filter((s) => s === 200).length).toBeGreaterThanOrEqual(20);
    } finally {
      await locker.end();
    }
    const readyAfter = await timeUntil(async () => (await t.http.get('/api/health/ready')).status === 200, 5000);
    const writeAfter = await timeUntil(
      async () => (await t.http.post('/api/posts').set('Authorization', people[0].auth).send({ body: 'Recovered' })).status === 201,
      5000,
    );
    const total = Math.round(performance.now() - released);
    console.log(`ops: locked users table, 40 requests: ready ${readyAfter} ms, first write ${readyAfter + writeAfter} ms, total ${total} ms after release`);
    expect(total).toBeLessThan(3000);
  });

  it('every app connection terminated by the database: ready and writing again by itself', async () => {
    const killed = await t.sql<{ pid: number }>(
      `SELECT pg_terminate_backend(pid) AS pid FROM pg_stat_activity
        WHERE datname = current_database() AND application_name LIKE 'ruche-%'`,
    );
    expect(killed.length).toBeGreaterThan(0);
    const started = performance.now();
    const readyAfter = await timeUntil(async () => (await t.http.get('/api/health/ready')).status === 200, 5000);
    await timeUntil(
      async () => (await t.http.post('/api/posts').set('Authorization', people[1].auth).send({ body: 'After the purge' })).status === 201,
      5000,
    );
    const total = Math.round(performance.now() - started);
    console.log(`ops: ${killed.length} connections terminated: ready ${readyAfter} ms, writing ${total} ms after`);
    expect(total).toBeLessThan(3000);
  });
});

describe('ops: request ids', () => {
  const t = useTestApp();

  it('gives every response an X-Request-Id and every error body the same requestId', async () => {
    const ok = await t.http.get('/api/health');
    expect(ok.headers['x-request-id']).toMatch(ID_PATTERN);
    const missing = await t.http.get('/api/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.requestId).toBe(missing.headers['x-request-id']);
    expect(missing.body.requestId).toMatch(ID_PATTERN);
    expect(missing.body.requestId).not.toBe(ok.headers['x-request-id']);
  });

  it("keeps a proxy's sane X-Request-Id, replaces anything else", async () => {
    const kept = await t.http.post('/api/auth/login').set('X-Request-Id', 'lb-7f3a.2:9').send({});
    expect(kept.status).toBe(400);
    expect(kept.headers['x-request-id']).toBe('lb-7f3a.2:9');
    expect(kept.body.requestId).toBe('lb-7f3a.2:9');
    for (const hostile of ['x'.repeat(129), 'a b', '{"level":"error"}', '-starts-with-dash']) {
      const res = await t.http.get('/api/health').set('X-Request-Id', hostile);
      expect(res.headers['x-request-id']).toMatch(ID_PATTERN);
    }
  });
});

describe('ops: security headers fit for an intranet served over http', () => {
  const t = useTestApp({ TRUST_PROXY: '1' });

  it('over plain http: no upgrade-insecure-requests, no HSTS', async () => {
    const res = await t.http.get('/api/health');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeUndefined();
  });

  it('over https (as the trusted proxy says): upgrade-insecure-requests and HSTS', async () => {
    const res = await t.http.get('/api/health').set('X-Forwarded-Proto', 'https');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toMatch(/;upgrade-insecure-requests$/);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('an untrusted X-Forwarded-Proto changes nothing; RUCHE_FORCE_HTTPS=1 sends both over http', async () => {
    const untrusting = await t.startPeer({ TRUST_PROXY: '0' });
    const spoofed = await untrusting.http.get('/api/health').set('X-Forwarded-Proto', 'https');
    expect(spoofed.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();

    const forced = await t.startPeer({ TRUST_PROXY: '0', RUCHE_FORCE_HTTPS: '1' });
    const res = await forced.http.get('/api/health');
    expect(res.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(res.headers['strict-transport-security']).toBeDefined();
  });
});

describe('ops: per-person write budget shared by instances', () => {
  const t = useTestApp({ RUCHE_WRITE_RATE_LIMIT: '3' });
  let peer: TestApp;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    peer = await t.startPeer();
    alice = await registerUser(t);
    bob = await registerUser(t);
  });

  it('the 4th write in a minute, on either instance, is a 429 with Retry-After; reads and others go on', async () => {
    // The window is the database's minute: start well inside one so the four writes share it.
    const [{ second }] = await t.sql<{ second: number }>(`SELECT extract(second FROM clock_timestamp())::float AS second`);
    if (second > 45) await new Promise((resolve) => setTimeout(resolve, (61 - second) * 1000));

    const post = (app: TestApp, user: TestUser, body: string) => app.http.post('/api/posts').set('Authorization', user.auth).send({ body });
    expect((await post(t, alice, 'one')).status).toBe(201);
    expect((await post(peer, alice, 'two')).status).toBe(201);
    expect((await post(t, alice, 'three')).status).toBe(201);
    const limited = await post(peer, alice, 'four');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, error: 'Too Many Requests' });
    const retryAfter = Number(limited.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect((await t.http.delete('/api/posts/00000000-0000-4000-8000-000000000000').set('Authorization', alice.auth)).status).toBe(429);
    // Nothing was written by the refused requests.
    expect(await t.sql(`SELECT body FROM posts WHERE author_id = $1 ORDER BY created_at`, [alice.id])).toEqual([
      { body: 'one' },
      { body: 'two' },
      { body: 'three' },
    ]);

    expect((await peer.http.get('/api/me').set('Authorization', alice.auth)).status).toBe(200);
    expect((await post(peer, bob, 'bob is fine')).status).toBe(201);
  }, 60_000);
});
