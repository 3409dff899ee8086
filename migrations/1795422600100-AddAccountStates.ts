import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account states (#15): active, suspended (an admin), deactivated (an admin or SCIM; reversible),
 * erased (final; reserved here, erasure itself comes later). Suspension and deactivation are two
 * independent facts, so SCIM reactivating someone never lifts an admin's suspension:
 * `suspended_at` and `deactivated_at` hold them, and `status` is the one the hot paths read
 * (`status = 'active'`), derived from them; `users_status_derived` keeps the two in step.
 * `external_id` is the identity provider's id for the person (SCIM `externalId`).
 */
export class AddAccountStates1795422600100 implements MigrationInterface {
  name = 'AddAccountStates1795422600100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN suspended_at timestamptz(3),
        ADD COLUMN deactivated_at timestamptz(3),
        ADD COLUMN external_id text`);
    await q.query(`UPDATE users SET suspended_at = now() WHERE status = 'suspended'`);
    await q.query('ALTER TABLE users DROP CONSTRAINT users_status_known');
    await q.query(`
      ALTER TABLE users
        ADD CONSTRAINT users_status_known CHECK (status IN ('active', 'suspended', 'deactivated', 'erased')),
        ADD CONSTRAINT users_status_derived CHECK (
          status = 'erased' OR status = CASE WHEN deactivated_at IS NOT NULL THEN 'deactivated'
                                             WHEN suspended_at IS NOT NULL THEN 'suspended'
                                             ELSE 'active' END),
        ADD CONSTRAINT users_external_id_length CHECK (length(external_id) BETWEEN 1 AND 256),
        ADD CONSTRAINT users_external_id_unique UNIQUE (external_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        DROP CONSTRAINT users_external_id_unique,
        DROP CONSTRAINT users_external_id_length,
        DROP CONSTRAINT users_status_derived,
        DROP CONSTRAINT users_status_known`);
    await q.query(`UPDATE users SET status = 'suspended' WHERE status IN ('deactivated', 'erased')`);
    await q.query(`ALTER TABLE users ADD CONSTRAINT users_status_known CHECK (status IN ('active', 'suspended'))`);
    await q.query('ALTER TABLE users DROP COLUMN external_id, DROP COLUMN deactivated_at, DROP COLUMN suspended_at');
  }
}
