import type { EntityManager } from 'typeorm';

/**
 * Rows of a query. TypeORM answers UPDATE and DELETE with `[rows, rowCount]` and everything else
 * with `rows`: this evens it out.
 */
export async function rows<T>(db: EntityManager, text: string, values: unknown[] = []): Promise<T[]> {
  const result: unknown = await db.query(text, values);
  if (Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number') {
    return result[0] as T[];
  }
  return result as T[];
}

export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
