import type { EntityManager } from 'typeorm';
import { canonicalIdSet } from '../validation/ids.js';
import { rows, type SqlText } from './rows.js';

/**
 * Which of `candidates` a query still finds (it selects `id`): the set-based "which of these may
 * the viewer see" checks. Invalid ids are dropped and duplicates merged first; with none left,
 * nothing runs (nor what `query` looks up to build its statement).
 */
export async function foundIds(
  db: EntityManager,
  candidates: Iterable<unknown>,
  query: (ids: string[]) => SqlText | Promise<SqlText>,
): Promise<Set<string>> {
  const ids = canonicalIdSet(candidates);
  if (ids.length === 0) return new Set();
  const found = await rows<{ id: string }>(db, await query(ids));
  return new Set(found.map((row) => row.id));
}
