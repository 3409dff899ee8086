import type { EntityManager } from 'typeorm';
import type { SqlQuery } from './post-sql.js';

/**
 * Rows of a query run on `db` (a transaction's manager or the data source's). TypeORM answers
 * UPDATE and DELETE with `[rows, rowCount]` and everything else with `rows`: this evens it out.
 */
export async function rows<T>(db: EntityManager, query: SqlQuery | string, values: unknown[] = []): Promise<T[]> {
  const { text, values: params } = typeof query === 'string' ? { text: query, values } : query;
  const result: unknown = await db.query(text, params);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}
