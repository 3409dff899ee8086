import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A person's manager (#15), as the company directory says (SCIM's enterprise extension `manager`):
 * on the profile, owned by people. Nobody manages themselves; a manager's account going away
 * leaves the field empty. `profiles_manager_idx` serves "who reports to X".
 */
export class AddProfileManager1795422600200 implements MigrationInterface {
  name = 'AddProfileManager1795422600200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE profiles
        ADD COLUMN manager_id uuid,
        ADD CONSTRAINT profiles_manager_fkey FOREIGN KEY (manager_id) REFERENCES users (id) ON DELETE SET NULL,
        ADD CONSTRAINT profiles_manager_not_self CHECK (manager_id <> user_id)`);
    await q.query('CREATE INDEX profiles_manager_idx ON profiles (manager_id) WHERE manager_id IS NOT NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX profiles_manager_idx');
    await q.query(
      'ALTER TABLE profiles DROP CONSTRAINT profiles_manager_not_self, DROP CONSTRAINT profiles_manager_fkey, DROP COLUMN manager_id',
    );
  }
}
