import type { EntityManager } from 'typeorm';

/**
 * Serialises work on one key across transactions and instances until the transaction ends
 * (`shared`: many shared holders at once, each excluding an exclusive one). Transaction-scoped on
 * purpose: COMMIT or ROLLBACK releases it, so nothing can leak it, and it holds through PgBouncer in
 * transaction mode (a session lock would not).
 */
export async function lockKey(db: EntityManager, key: string, mode: 'exclusive' | 'shared' = 'exclusive'): Promise<void> {
  const lock = mode === 'shared' ? 'pg_advisory_xact_lock_shared' : 'pg_advisory_xact_lock';
  await db.query(`SELECT ${lock}(hashtext($1))`, [key]);
}
