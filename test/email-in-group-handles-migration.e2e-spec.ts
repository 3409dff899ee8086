import pg from 'pg';
import { migrations } from '../migrations/index.js';
import { AddGroupHandles1795422300000 } from '../migrations/1795422300000-AddGroupHandles.js';
import { scratchDatabase, type ScratchDatabase } from './support/scratch-database.js';

/**
 * The AddGroupHandles migration on a database that already has groups: every group gets a unique
 * handle from its name, oldest first, reserved names and taken ones suffixed, names without a Latin
 * letter or digit giving `group`; the constraints then hold.
 */
describe('migration AddGroupHandles: existing groups get handles from their names', () => {
  let scratch: ScratchDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    scratch = await scratchDatabase('ruche_handles');
    await scratch.migrate(migrations.slice(0, migrations.indexOf(AddGroupHandles1795422300000)));
    client = await scratch.connect();
    const names = ['Équipe Data', 'equipe data', 'Admin', 'Postmaster', '设计', 'Ops & Run', 'x'];
    for (const [i, name] of names.entries()) {
      await client.query(
        `INSERT INTO groups (name, visibility, created_at) VALUES ($1, 'public', now() - make_interval(mins => $2))`,
        [name, 100 - i],
      );
    }
    await scratch.migrate(migrations);
  }, 180_000);

  afterAll(() => scratch?.drop());

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
