import { execFile, execFileSync } from 'node:child_process';
import { appendFileSync, chmodSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const run = promisify(execFile);

/**
 * A PostgreSQL primary and a streaming hot standby, from the machine's PostgreSQL binaries, in a
 * temporary directory on free loopback ports. Why not the embedded PostgreSQL the other tests use:
 * its npm packages ship no `pg_basebackup`. As root, the servers run as the `postgres` OS user
 * (PostgreSQL refuses root), as the embedded one does.
 */
export interface ReplicaCluster {
  /** Superuser URL of the primary's `postgres` database. */
  primaryUrl: string;
  /** The same on the standby (read-only: it replays the primary's WAL). */
  standbyUrl: string;
  /** Stops replaying WAL on the standby (it keeps serving what it has), to make staleness visible. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Stops the standby at once (as a crash would), leaving the primary running. */
  killStandby(): Promise<void>;
  /** Waits until the standby has replayed everything the primary had written when this was called. */
  caughtUp(): Promise<void>;
  stop(): Promise<void>;
}

/** The newest directory of PostgreSQL binaries that has what a streaming standby needs, if any. */
export function findPostgresBinaries(): string | undefined {
  const candidates = process.env.PG_BIN ? [process.env.PG_BIN] : [];
  const root = '/usr/lib/postgresql';
  if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    candidates.push(...versions.map((v) => join(root, v, 'bin')));
  }
  return candidates.find((dir) => ['initdb', 'pg_ctl', 'postgres', 'pg_basebackup'].every((tool) => existsSync(join(dir, tool))));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export async function startReplicaCluster(bin: string): Promise<ReplicaCluster> {
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(tmpdir(), 'ruche-replicas-'));
  chmodSync(dir, 0o777);
  const primaryDir = join(dir, 'primary');
  const standbyDir = join(dir, 'standby');
  const [primaryPort, standbyPort] = [await freePort(), await freePort()];
  const tool = (name: string, args: string[]) =>
    asRoot ? run('runuser', ['-u', 'postgres', '--', join(bin, name), ...args]) : run(join(bin, name), args);
  const pgCtlSync = (dataDir: string) => {
    const args = ['-D', dataDir, '-m', 'immediate', 'stop'];
    try {
      if (asRoot) execFileSync('runuser', ['-u', 'postgres', '--', join(bin, 'pg_ctl'), ...args], { stdio: 'ignore' });
      else execFileSync(join(bin, 'pg_ctl'), args, { stdio: 'ignore' });
    } catch {
      // Not running.
    }
  };
  // A test run killed before its afterAll must not leave two postgres servers behind.
  const onExit = () => {
    pgCtlSync(standbyDir);
    pgCtlSync(primaryDir);
  };
  process.once('exit', onExit);

  const settings = (port: number) =>
    [
      `port = ${port}`,
      `listen_addresses = '127.0.0.1'`,
      `unix_socket_directories = ''`,
      'wal_level = replica',
      'max_wal_senders = 5',
      'hot_standby = on',
      'max_connections = 200',
      // Disposable test data: durability traded for speed (the WAL still streams).
      'fsync = off',
      'synchronous_commit = off',
      // Long queries on the standby are not cancelled by replay in the middle of a test.
      'max_standby_streaming_delay = -1',
      '',
    ].join('\n');

  await tool('initdb', ['-D', primaryDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--no-sync']);
  appendFileSync(join(primaryDir, 'postgresql.conf'), settings(primaryPort));
  await tool('pg_ctl', ['-D', primaryDir, '-l', join(dir, 'primary.log'), '-w', 'start']);
  // `initdb --auth=trust` already lets loopback replication connections in (pg_hba.conf).
  await tool('pg_basebackup', ['-h', '127.0.0.1', '-p', String(primaryPort), '-U', 'postgres', '-D', standbyDir, '-R', '-X', 'stream']);
  appendFileSync(join(standbyDir, 'postgresql.conf'), settings(standbyPort));
  await tool('pg_ctl', ['-D', standbyDir, '-l', join(dir, 'standby.log'), '-w', 'start']);

  const primaryUrl = `postgres://postgres@127.0.0.1:${primaryPort}/postgres`;
  const standbyUrl = `postgres://postgres@127.0.0.1:${standbyPort}/postgres`;
  const onStandby = async <T>(text: string): Promise<T[]> => {
    const client = new pg.Client({ connectionString: standbyUrl });
    await client.connect();
    try {
      return (await client.query(text)).rows as T[];
    } finally {
      await client.end();
    }
  };
  const [{ recovery }] = await onStandby<{ recovery: boolean }>('SELECT pg_is_in_recovery() AS recovery');
  if (!recovery) throw new Error('the standby is not in recovery: not a replica');

  return {
    primaryUrl,
    standbyUrl,
    pauseReplay: async () => {
      await onStandby('SELECT pg_wal_replay_pause()');
    },
    resumeReplay: async () => {
      await onStandby('SELECT pg_wal_replay_resume()');
    },
    killStandby: async () => {
      await tool('pg_ctl', ['-D', standbyDir, '-m', 'immediate', '-w', 'stop']);
    },
    caughtUp: async () => {
      const client = new pg.Client({ connectionString: primaryUrl });
      await client.connect();
      const [{ lsn }] = (await client.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn')).rows;
      await client.end();
      for (let i = 0; i < 200; i++) {
        const [{ done }] = await onStandby<{ done: boolean }>(`SELECT pg_last_wal_replay_lsn() >= '${lsn}'::pg_lsn AS done`);
        if (done) return;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
      throw new Error(`the standby did not replay up to ${lsn} within 5 s`);
    },
    stop: async () => {
      await tool('pg_ctl', ['-D', standbyDir, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
      await tool('pg_ctl', ['-D', primaryDir, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
      process.removeListener('exit', onExit);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
