import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Training paths (#17, libs/training): short onboarding paths of ordered steps, for new employees
 * (the company's, published by admins) and for a group's newcomers or new community owners.
 *
 * - `training_paths`: a path is a draft until published; its steps are frozen from then on, so
 *   progress always refers to the steps people were given. Archiving stops new enrolments.
 * - `training_steps`: ordered (unique position per path). `group_id` is the group to join, or
 *   where the first post must be made; NULL for steps that need none.
 * - `training_enrollments`: who follows which path; `completed_at` is set in the transaction that
 *   completes the last step.
 * - `training_step_completions`: one row per person and step (the primary key makes a replayed
 *   event a no-op).
 */
export class CreateTrainingPaths1795423000000 implements MigrationInterface {
  name = 'CreateTrainingPaths1795423000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE training_paths (
        id           uuid NOT NULL DEFAULT gen_random_uuid(),
        title        text NOT NULL,
        description  text NOT NULL DEFAULT '',
        audience     text NOT NULL,
        group_id     uuid NULL,
        created_by   uuid NOT NULL,
        published_at timestamptz NULL,
        archived_at  timestamptz NULL,
        created_at   timestamptz NOT NULL DEFAULT now(),
        updated_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT training_paths_pkey PRIMARY KEY (id),
        CONSTRAINT training_paths_audience_check CHECK (audience IN ('newcomers', 'community_owners')),
        CONSTRAINT training_paths_group_audience_check CHECK (group_id IS NULL OR audience = 'newcomers'),
        CONSTRAINT training_paths_group_fkey FOREIGN KEY (group_id) REFERENCES groups (id) ON DELETE CASCADE,
        CONSTRAINT training_paths_created_by_fkey FOREIGN KEY (created_by) REFERENCES users (id)
      )`);
    await q.query(`CREATE INDEX training_paths_group_idx ON training_paths (group_id) WHERE group_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE training_steps (
        id        uuid NOT NULL DEFAULT gen_random_uuid(),
        path_id   uuid NOT NULL,
        position  integer NOT NULL,
        kind      text NOT NULL,
        title     text NOT NULL,
        body      text NOT NULL DEFAULT '',
        group_id  uuid NULL,
        CONSTRAINT training_steps_pkey PRIMARY KEY (id),
        CONSTRAINT training_steps_path_position_key UNIQUE (path_id, position),
        CONSTRAINT training_steps_kind_check
          CHECK (kind IN ('read', 'accept_guidelines', 'first_post', 'first_question', 'join_group', 'meet_mentor')),
        CONSTRAINT training_steps_join_group_check CHECK (kind <> 'join_group' OR group_id IS NOT NULL),
        CONSTRAINT training_steps_path_fkey FOREIGN KEY (path_id) REFERENCES training_paths (id) ON DELETE CASCADE,
        CONSTRAINT training_steps_group_fkey FOREIGN KEY (group_id) REFERENCES groups (id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE training_enrollments (
        path_id      uuid NOT NULL,
        user_id      uuid NOT NULL,
        enrolled_at  timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz NULL,
        CONSTRAINT training_enrollments_pkey PRIMARY KEY (path_id, user_id),
        CONSTRAINT training_enrollments_path_fkey FOREIGN KEY (path_id) REFERENCES training_paths (id) ON DELETE CASCADE,
        CONSTRAINT training_enrollments_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX training_enrollments_user_idx ON training_enrollments (user_id)`);
    await q.query(`
      CREATE TABLE training_step_completions (
        step_id      uuid NOT NULL,
        user_id      uuid NOT NULL,
        completed_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT training_step_completions_pkey PRIMARY KEY (step_id, user_id),
        CONSTRAINT training_step_completions_step_fkey FOREIGN KEY (step_id) REFERENCES training_steps (id) ON DELETE CASCADE,
        CONSTRAINT training_step_completions_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX training_step_completions_user_idx ON training_step_completions (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE training_step_completions');
    await q.query('DROP TABLE training_enrollments');
    await q.query('DROP TABLE training_steps');
    await q.query('DROP TABLE training_paths');
  }
}
