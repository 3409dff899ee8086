import { rows } from '@ruche/platform';
import type { EntityManager } from 'typeorm';

// One helper for every module's raw queries (see @ruche/platform).
export { rows };

/** Serialises work on one key across transactions and instances, until the transaction ends. */
export async function lockKey(db: EntityManager, key: string): Promise<void> {
  await db.query('SELECT pg_advisory_xact_lock(hashtext($1))', [key]);
}
