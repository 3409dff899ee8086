import { DataSource } from 'typeorm';
import { Database, SecondConnectionError, Transactions } from '@ruche/platform';
import { useTestApp } from './support/test-app.js';

const pid = async (db: { query: (text: string) => Promise<unknown> }) =>
  ((await db.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[])[0].pid;

/** A unit of work uses one connection: what it reads joins it; asking the pool for more fails loudly. */
describe('unit of work', () => {
  const t = useTestApp({ DATABASE_POOL_MAX: '4' });
  let transactions: Transactions;
  let db: Database;
  let dataSource: DataSource;

  beforeAll(async () => {
    transactions = t.app.get(Transactions);
    db = t.app.get(Database);
    dataSource = t.app.get(DataSource);
  });

  it('reads made through Database inside a transaction run on its connection, and see its writes', async () => {
    await transactions.run(async (tx) => {
      const own = await pid(tx.manager);
      expect(await pid(db)).toBe(own);
      await tx.manager.query(`CREATE TEMP TABLE uow_probe (n int) ON COMMIT DROP`);
      await tx.manager.query(`INSERT INTO uow_probe VALUES (42)`);
      // A temp table exists only on its own connection: seeing it proves the read joined.
      expect(await db.query('SELECT n FROM uow_probe')).toEqual([{ n: 42 }]);
      // Queries in parallel still share the one connection.
      const pids = await Promise.all(Array.from({ length: 5 }, () => pid(db)));
      expect(new Set(pids)).toEqual(new Set([own]));
    });
  });

  it('a nested run joins the outer transaction and rolls back with it', async () => {
    await expect(
      transactions.run(async (outer) => {
        const own = await pid(outer.manager);
        await transactions.run(async (inner) => {
          expect(await pid(inner.manager)).toBe(own);
          await inner.manager.query(`INSERT INTO outbox (type, payload, audience) VALUES ('probe.nested', '{}', '{}')`);
        });
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    expect(await t.sql(`SELECT 1 FROM outbox WHERE type = 'probe.nested'`)).toEqual([]);
  });

  it('the pool refuses a second connection to code running inside a transaction', async () => {
    await expect(transactions.run(() => dataSource.query('SELECT 1'))).rejects.toBeInstanceOf(SecondConnectionError);
    // Outside a transaction the pool serves as usual.
    expect(await dataSource.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('work started inside a transaction but running after it ends uses the pool', async () => {
    let later: Promise<unknown> | undefined;
    await transactions.run(async (tx) => {
      await tx.manager.query(`INSERT INTO outbox (type, payload, audience) VALUES ('probe.later', '{}', '{}')`);
      // Not the ended transaction's connection (released by then): the pool, seeing the commit.
      later = new Promise((r) => setTimeout(r, 50)).then(() => db.query(`SELECT count(*)::int AS n FROM outbox WHERE type = 'probe.later'`));
    });
    expect(await later).toEqual([{ n: 1 }]);
  });

  it('50 writers on a pool of 4 all finish: nothing inside a transaction waits for a second connection', async () => {
    await t.sql('CREATE TABLE IF NOT EXISTS uow_counter (id int PRIMARY KEY, n int NOT NULL)');
    await t.sql('INSERT INTO uow_counter VALUES (1, 0) ON CONFLICT (id) DO UPDATE SET n = 0');
    await Promise.all(
      Array.from({ length: 50 }, () =>
        transactions.run(async (tx) => {
          await tx.manager.query('SELECT n FROM uow_counter WHERE id = 1 FOR UPDATE');
          // A read another module would make on the transaction's behalf.
          await db.query('SELECT count(*) FROM outbox');
          await tx.manager.query('UPDATE uow_counter SET n = n + 1 WHERE id = 1');
        }),
      ),
    );
    expect(await t.sql('SELECT n FROM uow_counter WHERE id = 1')).toEqual([{ n: 50 }]);
  });

  it('a deadlock victim is run again instead of failing', async () => {
    await t.sql('CREATE TABLE IF NOT EXISTS uow_pair (id int PRIMARY KEY, n int NOT NULL)');
    await t.sql('INSERT INTO uow_pair VALUES (1, 0), (2, 0) ON CONFLICT (id) DO UPDATE SET n = 0');
    let attempts = 0;
    const both = { count: 0, wake: () => undefined as void };
    const barrier = () =>
      new Promise<void>((resolve) => {
        both.count++;
        if (both.count === 2) {
          resolve();
          both.wake();
        } else {
          both.wake = resolve;
        }
      });
    // Two transactions lock the same rows in opposite orders, meeting in the middle: one is the victim.
    const writer = (first: number, second: number) =>
      transactions.run(async (tx) => {
        attempts++;
        await tx.manager.query('UPDATE uow_pair SET n = n + 1 WHERE id = $1', [first]);
        if (attempts <= 2) await barrier();
        await tx.manager.query('UPDATE uow_pair SET n = n + 1 WHERE id = $1', [second]);
      });
    await Promise.all([writer(1, 2), writer(2, 1)]);
    expect(attempts).toBe(3);
    expect(await t.sql('SELECT id, n FROM uow_pair ORDER BY id')).toEqual([
      { id: 1, n: 2 },
      { id: 2, n: 2 },
    ]);
  });
});
