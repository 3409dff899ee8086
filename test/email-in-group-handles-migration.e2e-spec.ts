import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { migrations } from '../migrations/index.js';
import { AddGroupHandles1795422300000 } from '../migrations/1795422300000-AddGroupHandles.js';

/**
 * The AddGroupHandles migration on a database that already has groups: every group gets a unique
 * handle from its name, oldest first, reserved names and taken ones suffixed, names without a Latin
 * letter or digit giving `group`; the constraints then hold.
 */
describe('migration AddGroupHandles: existing groups get handles from their names', () => {
  const server = process.env.RUCHE_TEST_SERVER_URL!;
  const database = `ruche_handles_${randomBytes(6).toString('hex')}`;
  const url = new URL(server);
  url.pathname = `/${database}`;
  let client: pg.Client;

  /** One statement on the server's maintenance database (creating and dropping this test's own). */
  const onServer = async (sql: string) => {
    const admin = new pg.Client({ connectionString: server });
    await admin.connect();
    try {
      await admin.query(sql);
    } finally {
      await admin.end();
    }
  };

  const dataSource = (list: typeof migrations) =>
    new DataSource({
      type: 'postgres',
      url: url.toString(),
      migrations: list,
      installExtensions: false,
      synchronize: false,
      logging: ['error'],
    });

  beforeAll(async () => {
    await onServer(`CREATE DATABASE ${database}`);
    const before = migrations.slice(0, migrations.indexOf(AddGroupHandles1795422300000));
    const early = await dataSource(before).initialize();
    await early.runMigrations({ transaction: 'each' });
    await early.destroy();
    client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    const names = ['Équipe Data', 'equipe data', 'Admin', 'Postmaster', '设计', 'Ops & Run', 'x'];
    for (const [i, name] of names.entries()) {
      await client.query(
        `INSERT INTO groups (name, visibility, created_at) VALUES ($1, 'public', now() - make_interval(mins => $2))`,
        [name, 100 - i],
      );
    }
    const later = await dataSource(migrations).initialize();
    await later.runMigrations({ transaction: 'each' });
    await later.destroy();
  }, 180_000);

  afterAll(async () => {
    await client?.end();
    await onServer(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  });

  it('backfills unique handles, oldest group first', async () => {
    const { rows } = await client.query<{ name: string; handle: string }>('SELECT name, handle FROM groups ORDER BY created_at');
    expect(rows).toEqual([
      { name: 'Équipe Data', handle: 'equipe-data' },
      { name: 'equipe data', handle: 'equipe-data-2' },
      { name: 'Admin', handle: 'admin-2' },
      { name: 'Postmaster', handle: 'postmaster-2' },
      { name: '设计', handle: 'group' },
      { name: 'Ops & Run', handle: 'ops-run' },
      { name: 'x', handle: 'group-2' },
    ]);
  });

  it('then refuses duplicates, reserved and malformed handles in the database itself', async () => {
    for (const handle of ['ops-run', 'reply', 'Upper', 'a--b']) {
      await expect(
        client.query(`INSERT INTO groups (name, visibility, handle) VALUES ('n', 'public', $1)`, [handle]),
      ).rejects.toThrow(/groups_handle_(key|not_reserved|format)/);
    }
    await expect(client.query(`INSERT INTO groups (name, visibility) VALUES ('n', 'public')`)).rejects.toThrow(/handle/);
  });
});
