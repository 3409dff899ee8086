import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The people directory (GET /api/users without q) pages active people alphabetically by folded
 * name, then id: this index serves that order and its keyset condition without sorting the table.
 */
export class AddPeopleDirectoryIndex1795421001000 implements MigrationInterface {
  name = 'AddPeopleDirectoryIndex1795421001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX users_directory_idx ON users (ruche_fold(display_name), id) WHERE status = 'active'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX users_directory_idx');
  }
}
