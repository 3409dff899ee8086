import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CSV imports of people (issue #15, libs/people "Org directory and people import").
 *
 * - `people_imports`: one per uploaded file. The parsed rows are kept (`rows`) so applying works
 *   from exactly what the dry run checked, and the report of the dry run (`report`) next to the
 *   outcome of applying (`result`). `processed` counts applied rows; it moves in the same
 *   transaction as the rows it counts, so progress is exact and a retried job resumes from it.
 * - One import applies at a time: the partial unique index admits at most one row queued or
 *   applying, so two admins starting two imports at once get one start and one 409.
 */
export class CreatePeopleImports1795570000000 implements MigrationInterface {
  name = 'CreatePeopleImports1795570000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE people_imports (
        id          uuid NOT NULL DEFAULT gen_random_uuid(),
        created_by  uuid NULL,
        file_name   text NOT NULL DEFAULT '',
        status      text NOT NULL,
        rows        jsonb NOT NULL,
        total       integer NOT NULL,
        processed   integer NOT NULL DEFAULT 0,
        report      jsonb NOT NULL,
        result      jsonb NULL,
        error       text NULL,
        created_at  timestamptz NOT NULL DEFAULT now(),
        started_at  timestamptz NULL,
        finished_at timestamptz NULL,
        CONSTRAINT people_imports_pkey PRIMARY KEY (id),
        CONSTRAINT people_imports_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT people_imports_status_check CHECK (status IN ('dry_run', 'queued', 'applying', 'applied', 'failed')),
        CONSTRAINT people_imports_progress_check CHECK (processed >= 0 AND processed <= total),
        CONSTRAINT people_imports_file_name_length CHECK (char_length(file_name) <= 255)
      )`);
    await q.query(`CREATE UNIQUE INDEX people_imports_one_running_idx ON people_imports ((true)) WHERE status IN ('queued', 'applying')`);
    await q.query('CREATE INDEX people_imports_created_idx ON people_imports (created_at DESC, id DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE people_imports');
  }
}
