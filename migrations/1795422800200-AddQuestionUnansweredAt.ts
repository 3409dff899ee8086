import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A question still unanswered after its last routing round, once `RUCHE_UNANSWERED_MINUTES` have
 * passed, is stamped `unanswered_at` (issue #17) and listed in the unanswered queue until it gets
 * an answer; the partial index serves that queue, newest first.
 */
export class AddQuestionUnansweredAt1795422800200 implements MigrationInterface {
  name = 'AddQuestionUnansweredAt1795422800200';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE questions ADD COLUMN unanswered_at timestamptz(3)');
    await q.query(
      'CREATE INDEX questions_unanswered_idx ON questions (unanswered_at DESC, id DESC) WHERE unanswered_at IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX questions_unanswered_idx');
    await q.query('ALTER TABLE questions DROP COLUMN unanswered_at');
  }
}
