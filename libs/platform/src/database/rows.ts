import type { EntityManager } from 'typeorm';

/** A query and its positional parameters, as the SQL builders of the modules produce them. */
export interface SqlText {
  text: string;
  values: unknown[];
}

/**
 * Collects the positional parameters of a query assembled from optional pieces: `add` returns the
 * placeholder of the value it was given, so a piece carries its own number and no `$n` is counted by
 * hand. The one way to build parameters (#18); the feed's and expertise's pure SQL builders use it
 * too, which is why this file imports nothing at run time (the benches transpile it with them).
 */
export class SqlParams {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }

  /**
   * `(columns) < ($a::timestamptz, $b::uuid)`: the keyset condition of a (timestamp, id) cursor,
   * `<` for lists newest first, `>` for oldest first.
   */
  keyset(columns: string, op: '<' | '>', key: readonly [Date | string, string]): string {
    return `(${columns}) ${op} (${this.add(key[0])}::timestamptz, ${this.add(key[1])}::uuid)`;
  }
}

/**
 * Rows of a query run on `db` (a transaction's manager or the data source's). TypeORM answers
 * UPDATE and DELETE with `[rows, rowCount]` and everything else with `rows`: this evens it out.
 */
export async function rows<T>(db: EntityManager, query: SqlText | string, values: unknown[] = []): Promise<T[]> {
  const { text, values: params } = typeof query === 'string' ? { text: query, values } : query;
  const result: unknown = await db.query(text, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
