import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { loadConfig, OutboxPublisher } from '@ruche/platform';
import { createApp } from '../../apps/api/src/bootstrap.js';

export interface TestApp {
  app: NestFastifyApplication;
  /** Base URL of the listening server (for Socket.IO clients and browsers). */
  url: string;
  http: ReturnType<typeof request>;
  /** Direct SQL on this test's database, for asserting what was (not) written. */
  sql<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Waits until every committed event has been stamped and handed to listeners. */
  settle(): Promise<void>;
  /** Another api instance on the same database, as behind a load balancer (closed with this one). */
  startPeer(env?: Record<string, string>): Promise<TestApp>;
  close(): Promise<void>;
}

function serverUrl(): string {
  const url = process.env.RUCHE_TEST_SERVER_URL;
  if (!url) throw new Error('RUCHE_TEST_SERVER_URL is not set: run e2e tests through jest (test/global-setup.mjs)');
  return url;
}

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

export interface TestServers {
  /** The PostgreSQL server to create the test database on (default: the test run's). */
  serverUrl?: string;
  /** Streaming replicas of that server: the app reads from them (`DATABASE_REPLICA_URLS`). */
  replicaUrls?: string[];
}

/** A fresh database, migrated by the app on start, and the real api listening on a free port. */
export async function startTestApp(env: Record<string, string> = {}, servers: TestServers = {}): Promise<TestApp> {
  const database = `ruche_test_${randomBytes(6).toString('hex')}`;
  const server = servers.serverUrl ?? serverUrl();
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const peers: TestApp[] = [];
  const replicas = (servers.replicaUrls ?? []).map((url) => withDatabase(url, database)).join(',');
  const main = await startInstance(database, replicas ? { DATABASE_REPLICA_URLS: replicas, ...env } : env, peers, server);
  return {
    ...main,
    close: async () => {
      for (const peer of peers) await peer.close();
      await main.close();
      const cleanup = new pg.Client({ connectionString: server });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

async function startInstance(database: string, env: Record<string, string>, peers: TestApp[], server: string): Promise<TestApp> {
  const databaseUrl = withDatabase(server, database);
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'test-secret-that-is-long-enough-to-be-accepted',
    RUCHE_RATE_LIMIT: '0',
    // Write budgets are tested on their own (ops.e2e-spec); bursts elsewhere must not hit them.
    RUCHE_WRITE_RATE_LIMIT: '0',
    // Login throttling per account and address is tested on its own (passwords.e2e-spec).
    RUCHE_LOGIN_FAILURES_PER_ACCOUNT: '0',
    RUCHE_LOGIN_FAILURES_PER_ADDRESS: '0',
    RUCHE_DEMO: '0',
    LOG_LEVEL: 'error',
    RUCHE_DATA_DIR: '/tmp/ruche-test-data',
    // A second pooled connection taken inside a transaction fails the request: tests find them all.
    RUCHE_STRICT_UNIT_OF_WORK: '1',
    ...env,
  });
  const app = await createApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address();
  const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // Dropping the database at the end terminates idle connections (57P01): expected, not a failure.
  pool.on('error', () => undefined);

  return {
    app,
    url,
    http: request(app.getHttpServer()),
    sql: async (text, params) => (await pool.query(text, params)).rows,
    settle: () => app.get(OutboxPublisher).flush(),
    startPeer: async (peerEnv = {}) => {
      const peer = await startInstance(database, { ...env, ...peerEnv }, peers, server);
      peers.push(peer);
      return peer;
    },
    close: async () => {
      await app.close();
      await pool.end();
    },
  };
}

/**
 * The enclosing describe's test app: started in its first beforeAll, closed in afterAll. The value
 * returned stands for it from then on (read it inside hooks and tests, not at describe time), so
 * specs need no `let t` and start/close pair of their own.
 */
export function useTestApp(env: Record<string, string> = {}, timeoutMs?: number): TestApp {
  let started: TestApp | undefined;
  beforeAll(async () => {
    started = await startTestApp(env);
  }, timeoutMs);
  afterAll(() => started?.close());
  return new Proxy({} as TestApp, {
    get(_, key) {
      if (!started) throw new Error('the test app is not started: use it inside hooks and tests');
      return started[key as keyof TestApp];
    },
  });
}
