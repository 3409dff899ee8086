import type { EntityManager } from 'typeorm';

/** A query and its positional parameters, as the SQL builders of the modules produce them. */
export interface SqlText {
  text: string;
  values: unknown[];
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
