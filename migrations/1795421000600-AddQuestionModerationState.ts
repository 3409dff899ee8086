import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderation state on questions and answers (owned by libs/questions, applied from
 * `content.moderated`): `visible`; `held` (blocked terms: its author and moderators only, until
 * reviewed); `hidden` and `removed` (moderators only). `questions.answer_count` counts visible
 * answers only, so what non-moderators see and the count agree.
 */
export class AddQuestionModerationState1795421000600 implements MigrationInterface {
  name = 'AddQuestionModerationState1795421000600';

  async up(q: QueryRunner): Promise<void> {
    // A constant default: no table rewrite, existing content stays visible.
    await q.query(`ALTER TABLE questions ADD COLUMN moderation_state text NOT NULL DEFAULT 'visible'`);
    await q.query(
      `ALTER TABLE questions ADD CONSTRAINT questions_moderation_state_known CHECK (moderation_state IN ('visible', 'hidden', 'removed', 'held'))`,
    );
    await q.query(`ALTER TABLE answers ADD COLUMN moderation_state text NOT NULL DEFAULT 'visible'`);
    await q.query(
      `ALTER TABLE answers ADD CONSTRAINT answers_moderation_state_known CHECK (moderation_state IN ('visible', 'hidden', 'removed', 'held'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE answers DROP COLUMN moderation_state');
    await q.query('ALTER TABLE questions DROP COLUMN moderation_state');
  }
}
