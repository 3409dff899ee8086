import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Personal data exports (issue #15, libs/privacy): one row per archive a person asked for.
 *
 * - `progress` (0–100) moves as the job writes each module's part, so the page can show it.
 * - One export at a time per person: the partial unique index admits one row queued or running per
 *   user, so two requests at once make one export (the second answers the running one).
 * - `expires_at`: the download works until then (a day after it is ready); the sweep then deletes
 *   the archive's bytes and marks the row expired.
 */
export class CreatePersonalDataExports1795550000000 implements MigrationInterface {
  name = 'CreatePersonalDataExports1795550000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE personal_data_exports (
        id          uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id     uuid NOT NULL,
        status      text NOT NULL DEFAULT 'queued',
        progress    integer NOT NULL DEFAULT 0,
        size        bigint NULL,
        storage_key text NULL,
        error       text NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz NULL,
        expires_at  timestamptz NULL,
        CONSTRAINT personal_data_exports_pkey PRIMARY KEY (id),
        CONSTRAINT personal_data_exports_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT personal_data_exports_status_check CHECK (status IN ('queued', 'running', 'ready', 'failed', 'expired')),
        CONSTRAINT personal_data_exports_progress_check CHECK (progress >= 0 AND progress <= 100),
        CONSTRAINT personal_data_exports_ready_whole CHECK ((status = 'ready') = (storage_key IS NOT NULL AND expires_at IS NOT NULL)),
        CONSTRAINT personal_data_exports_error_length CHECK (error IS NULL OR char_length(error) <= 2000)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX personal_data_exports_one_running_idx ON personal_data_exports (user_id) WHERE status IN ('queued', 'running')`,
    );
    await q.query('CREATE INDEX personal_data_exports_user_idx ON personal_data_exports (user_id, created_at DESC)');
    await q.query(`CREATE INDEX personal_data_exports_expiry_idx ON personal_data_exports (expires_at) WHERE status = 'ready'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE personal_data_exports');
  }
}
