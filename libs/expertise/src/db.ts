import type { EntityManager } from 'typeorm';

/**
 * Rows of a query run on `db` (a transaction's manager or the data source's). TypeORM answers
 * UPDATE and DELETE with `[rows, rowCount]` and everything else with `rows`: this evens it out.
 */
export async function rows<T>(db: EntityManager, text: string, values: unknown[] = []): Promise<T[]> {
  const result: unknown = await db.query(text, values);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

/** Serialises work on one key across transactions and instances, until the transaction ends. */
export async function lockKey(db: EntityManager, key: string): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (id: unknown): id is string => typeof id === 'string' && UUID.test(id);
