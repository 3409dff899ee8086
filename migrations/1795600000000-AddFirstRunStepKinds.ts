import type { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = `'read', 'accept_guidelines', 'first_post', 'first_question', 'join_group', 'meet_mentor'`;

/**
 * First run (#16) is the onboarding path's front door: a path's steps may ask for declaring skills
 * (`declare_skills`) and following colleagues (`follow_people`), which the first-run screen does.
 */
export class AddFirstRunStepKinds1795600000000 implements MigrationInterface {
  name = 'AddFirstRunStepKinds1795600000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE training_steps DROP CONSTRAINT training_steps_kind_check');
    await q.query(
      `ALTER TABLE training_steps ADD CONSTRAINT training_steps_kind_check CHECK (kind IN (${BEFORE}, 'declare_skills', 'follow_people'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM training_steps WHERE kind IN ('declare_skills', 'follow_people')`);
    await q.query('ALTER TABLE training_steps DROP CONSTRAINT training_steps_kind_check');
    await q.query(`ALTER TABLE training_steps ADD CONSTRAINT training_steps_kind_check CHECK (kind IN (${BEFORE}))`);
  }
}
