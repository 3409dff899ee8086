import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * First run (#16): when a person finished or skipped the first-run screen, so it is shown once
 * whatever the device. Owned by training (the first run is the onboarding path's front door).
 */
export class CreateTrainingFirstRuns1795600000100 implements MigrationInterface {
  name = 'CreateTrainingFirstRuns1795600000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE training_first_runs (
        user_id     uuid NOT NULL,
        outcome     text NOT NULL,
        finished_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT training_first_runs_pkey PRIMARY KEY (user_id),
        CONSTRAINT training_first_runs_outcome_check CHECK (outcome IN ('finished', 'skipped')),
        CONSTRAINT training_first_runs_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE training_first_runs');
  }
}
