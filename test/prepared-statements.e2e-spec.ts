import { QueryFailedError } from 'typeorm';
import { Database, PreparedStatementConflictError, statementName, Transactions } from '@ruche/platform';
import { useTestApp } from './support/test-app.js';

type Session = { pid: number; names: string[] | null; runs: number };

/**
 * A statement that says which connection ran it, which statements that connection has prepared, and
 * how many times the statement named `name` has run there (this run included).
 */
const whoAmI = (name: string) => ({
  text: `SELECT pg_backend_pid() AS pid,
                (SELECT array_agg(name::text ORDER BY name) FROM pg_prepared_statements) AS names,
                (SELECT (generic_plans + custom_plans)::int FROM pg_prepared_statements WHERE name = '${name}') AS runs`,
  values: [],
});

/**
 * Database.prepared: the hot paths' named statements run on the unit of work's connection (a
 * transaction's, else one the pool lends), are prepared there under their name, and a name cannot
 * stand for two texts.
 */
describe('prepared statements', () => {
  const t = useTestApp({ DATABASE_POOL_MAX: '4' });
  let db: Database;
  let transactions: Transactions;

  beforeAll(async () => {
    db = t.app.get(Database);
    transactions = t.app.get(Transactions);
    await t.sql('CREATE TABLE IF NOT EXISTS prepared_probe (id int PRIMARY KEY, note text NOT NULL)');
  });

  it('inside a transaction: runs on its connection, sees its uncommitted writes, and is prepared there', async () => {
    await transactions.run(async (tx) => {
      const [own] = (await tx.manager.query('SELECT pg_backend_pid() AS pid')) as { pid: number }[];
      await tx.manager.query(`INSERT INTO prepared_probe VALUES (1, 'uncommitted')`);
      const found = await db.prepared<{ note: string }>('probe.read', { text: 'SELECT note FROM prepared_probe WHERE id = $1', values: [1] });
      // Only the transaction's own connection can see a row it has not committed.
      expect(found).toEqual([{ note: 'uncommitted' }]);
      const [session] = await db.prepared<Session>('probe.session.tx', whoAmI('probe.session.tx'));
      expect(session.pid).toBe(own.pid);
      expect(session.names).toEqual(expect.arrayContaining(['probe.read', 'probe.session.tx']));
      throw new Error('roll back');
    }).catch((error: Error) => expect(error.message).toBe('roll back'));
    expect(await t.sql('SELECT * FROM prepared_probe')).toEqual([]);
  });

  it('outside a transaction: a pooled connection runs it, prepared under its name, and a second run reuses it', async () => {
    const sessions: Session[] = [];
    for (let i = 0; i < 8; i++) sessions.push((await db.prepared<Session>('probe.session.pool', whoAmI('probe.session.pool')))[0]);
    for (const session of sessions) expect(session.names).toContain('probe.session.pool');
    // Parsed once per connection, then executed again: on each connection the runs count up from 1,
    // and the 8 runs are spread over at most 4 connections.
    const runsByPid = new Map<number, number[]>();
    for (const s of sessions) runsByPid.set(s.pid, [...(runsByPid.get(s.pid) ?? []), s.runs]);
    expect(runsByPid.size).toBeLessThanOrEqual(4);
    for (const runs of runsByPid.values()) expect(runs).toEqual(runs.map((_, i) => i + 1));
  });

  it('does not join a transaction that has ended: work it started runs on the pool afterwards', async () => {
    let later: Promise<{ n: number }[]> | undefined;
    await transactions.run(async (tx) => {
      await tx.manager.query(`INSERT INTO prepared_probe VALUES (2, 'committed')`);
      later = new Promise((r) => setTimeout(r, 50)).then(() =>
        db.prepared<{ n: number }>('probe.count', { text: 'SELECT count(*)::int AS n FROM prepared_probe WHERE id = $1', values: [2] }),
      );
    });
    expect(await later).toEqual([{ n: 1 }]);
  });

  it('a failing statement is a QueryFailedError with the driver error, as any other query', async () => {
    await t.sql(`INSERT INTO prepared_probe VALUES (3, 'taken') ON CONFLICT DO NOTHING`);
    const insert = { text: 'INSERT INTO prepared_probe (id, note) VALUES ($1, $2)', values: [3, 'again'] };
    const outside = await db.prepared('probe.insert', insert).catch((e: unknown) => e);
    expect(outside).toBeInstanceOf(QueryFailedError);
    expect((outside as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('23505');
    const inside = await transactions.run(() => db.prepared('probe.insert', insert)).catch((e: unknown) => e);
    expect((inside as QueryFailedError & { driverError: { code: string } }).driverError.code).toBe('23505');
  });

  it('a name already used with another text is refused before anything is sent', async () => {
    await db.prepared('probe.clash', { text: 'SELECT 1 AS one', values: [] });
    const write = { text: `INSERT INTO prepared_probe VALUES (4, 'must not be written') RETURNING id`, values: [] };
    await expect(db.prepared('probe.clash', write)).rejects.toThrow(PreparedStatementConflictError);
    await expect(transactions.run(() => db.prepared('probe.clash', write))).rejects.toThrow(/"probe\.clash" was already used with a different text/);
    expect(await t.sql('SELECT * FROM prepared_probe WHERE id = 4')).toEqual([]);
    // The same text under its name still runs.
    expect(await db.prepared('probe.clash', { text: 'SELECT 1 AS one', values: [] })).toEqual([{ one: 1 }]);
  });

  it('statementName gives each variant of a built text its own stable name', () => {
    const a = statementName('feed.home', 'SELECT 1');
    expect(statementName('feed.home', 'SELECT 1')).toBe(a);
    expect(statementName('feed.home', 'SELECT 2')).not.toBe(a);
    expect(a).toMatch(/^feed\.home\.[\w-]{12}$/);
  });
});
