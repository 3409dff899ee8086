import { createHash } from 'node:crypto';
import { type EntityManager, QueryFailedError } from 'typeorm';
import type { SqlText } from './rows.js';

/**
 * Named prepared statements for the hot paths. An unnamed statement (what TypeORM and `db.query`
 * send) is parsed and planned on every call: on the home feed page that was ~1.4 ms of its 2.2 ms.
 * A named one is parsed once per connection and, after five executions, PostgreSQL may keep a
 * generic plan for it, so later calls skip planning altogether.
 *
 * Behind PgBouncer in transaction mode this needs PgBouncer 1.21 or later with
 * `max_prepared_statements` above zero: it tracks protocol-level prepared statements (which is what
 * node-postgres sends: Parse with a name, no SQL `PREPARE`) and prepares them on whichever server
 * connection a transaction lands on. Nothing else relies on session state.
 *
 * A name stands for one text for the life of the process. node-postgres only notices a clash on a
 * connection that already holds the other text, so a clash would surface at random under load; the
 * registry refuses it on the first call instead. Texts must never inline values (every variant is a
 * statement kept on every connection): use {@link statementName} for builders whose text has a few
 * variants.
 */
const texts = new Map<string, string>();

export class PreparedStatementConflictError extends Error {
  constructor(name: string) {
    super(`prepared statement "${name}" was already used with a different text: one name, one statement (see statementName)`);
    this.name = 'PreparedStatementConflictError';
  }
}

/**
 * A statement name for a text built in a few variants (with or without a cursor, a moderator's
 * filter): `label` for the operator reading `pg_prepared_statements`, a digest of the text so each
 * variant gets its own name.
 */
export function statementName(label: string, text: string): string {
  // Remembered: the feed builds its ~4 KB text on every request, and hashing it again each time
  // was 3% of the api under the feed load. Bounded like the texts themselves (a few variants each).
  let named = names.get(label);
  if (!named) names.set(label, (named = new Map()));
  let name = named.get(text);
  if (name === undefined) named.set(text, (name = `${label}.${createHash('sha1').update(text).digest('base64url').slice(0, 12)}`));
  return name;
}

const names = new Map<string, Map<string, string>>();

interface PgClient {
  query: (config: { name: string; text: string; values: unknown[] }) => Promise<{ rows: unknown[] }>;
}

/**
 * Runs `query` as the prepared statement `name` on `manager`'s connection: a transaction's own
 * (its query runner is connected), or else a connection lent by the pool of `manager`'s data
 * source (the primary's or a replica's) for the one statement, as `manager.query` would. Errors are TypeORM's
 * `QueryFailedError`, like every other query's, so the error filter and the transaction retry
 * treat them the same. Answers the rows, whatever the command.
 */
export async function runPrepared<T>(manager: EntityManager, name: string, query: SqlText): Promise<T[]> {
  const known = texts.get(name);
  if (known === undefined) texts.set(name, query.text);
  else if (known !== query.text) throw new PreparedStatementConflictError(name);
  const runner = manager.queryRunner;
  const client = (runner ? await runner.connect() : (manager.dataSource.driver as unknown as { master: PgClient }).master) as PgClient;
  try {
    return (await client.query({ name, text: query.text, values: query.values })).rows as T[];
  } catch (error) {
    throw new QueryFailedError(query.text, query.values, error as Error);
  }
}
