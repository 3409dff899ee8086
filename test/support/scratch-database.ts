import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource, type DataSourceOptions } from 'typeorm';

export interface ScratchDatabase {
  /** Connection string of the new, empty database. */
  url: string;
  /** A TypeORM data source on it that runs `migrations` (initialise it, run them, destroy it). */
  dataSource(migrations: DataSourceOptions['migrations']): DataSource;
  /** Runs `migrations` on it, each in its own transaction, through a data source closed afterwards. */
  migrate(migrations: DataSourceOptions['migrations']): Promise<void>;
  /** A connected pg client on it, ended by `drop`. */
  connect(): Promise<pg.Client>;
  /** Ends the clients `connect` gave, then drops the database (for `afterAll`). */
  drop(): Promise<void>;
}

/** One statement on the test run's server (creating and dropping a scratch database). */
async function onServer(server: string, sql: string): Promise<void> {
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  try {
    await admin.query(sql);
  } finally {
    await admin.end();
  }
}

/** An empty database of its own on the test run's server, for tests of migrations themselves. */
export async function scratchDatabase(prefix: string): Promise<ScratchDatabase> {
  const server = process.env.RUCHE_TEST_SERVER_URL;
  if (!server) throw new Error('RUCHE_TEST_SERVER_URL is not set: run e2e tests through jest (test/global-setup.mjs)');
  const database = `${prefix}_${randomBytes(6).toString('hex')}`;
  const url = new URL(server);
  url.pathname = `/${database}`;
  await onServer(server, `CREATE DATABASE ${database}`);
  const clients: pg.Client[] = [];
  const dataSource = (migrations: DataSourceOptions['migrations']) =>
    new DataSource({
      type: 'postgres',
      url: url.toString(),
      migrations,
      installExtensions: false,
      synchronize: false,
      logging: ['error'],
    });
  return {
    url: url.toString(),
    dataSource,
    async migrate(migrations) {
      const source = await dataSource(migrations).initialize();
      try {
        await source.runMigrations({ transaction: 'each' });
      } finally {
        await source.destroy();
      }
    },
    async connect() {
      const client = new pg.Client({ connectionString: url.toString() });
      clients.push(client);
      await client.connect();
      return client;
    },
    async drop() {
      await Promise.all(clients.splice(0).map((client) => client.end()));
      await onServer(server, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
}
