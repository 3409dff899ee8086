import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts created by single sign-on have no password (#15): `users.password_hash` may be null,
 * and such an account cannot sign in with a password (login compares against a dummy hash).
 */
export class AllowPasswordlessAccounts1795422700100 implements MigrationInterface {
  name = 'AllowPasswordlessAccounts1795422700100';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE users SET password_hash = '!' WHERE password_hash IS NULL`);
    await q.query('ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL');
  }
}
