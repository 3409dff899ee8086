import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The monthly "who helped" digest (issue #17), owned by recognition: one row per group and month,
 * written once by the monthly job (the primary key is what makes a second run send nothing), with
 * the ranked helpers as computed at that time (`items`: ids, counts and reasons, never text).
 */
export class CreateHelperDigests1795500000000 implements MigrationInterface {
  name = 'CreateHelperDigests1795500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE helper_digests (
        group_id    uuid NOT NULL,
        month       date NOT NULL,
        items       jsonb NOT NULL,
        created_at  timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT helper_digests_pkey PRIMARY KEY (group_id, month),
        CONSTRAINT helper_digests_group_fk FOREIGN KEY (group_id) REFERENCES groups (id) ON DELETE CASCADE,
        CONSTRAINT helper_digests_month_first_day CHECK (extract(day FROM month) = 1)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE helper_digests');
  }
}
