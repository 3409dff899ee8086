import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Editing and deleting questions and answers (#14). `edited_at` is the "edited" mark (NULL: never
 * edited); `deleted_at`/`deleted_by` a soft delete (the row leaves every read path; moderation
 * cases, history and credits keep their reference). `question_revisions` and `answer_revisions`
 * keep each previous text, for moderators (`GET /api/questions/:id/history`, `/api/answers/:id/history`).
 */
export class AddQuestionEditing1795422400700 implements MigrationInterface {
  name = 'AddQuestionEditing1795422400700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE questions ADD COLUMN edited_at timestamp(3) with time zone NULL, ADD COLUMN deleted_at timestamp(3) with time zone NULL, ADD COLUMN deleted_by uuid NULL`);
    await q.query(`ALTER TABLE answers ADD COLUMN edited_at timestamp(3) with time zone NULL, ADD COLUMN deleted_at timestamp(3) with time zone NULL, ADD COLUMN deleted_by uuid NULL`);
    await q.query(`CREATE TABLE question_revisions (
        id          uuid NOT NULL DEFAULT gen_random_uuid(),
        question_id uuid NOT NULL,
        title       text NOT NULL,
        body        text NOT NULL,
        topics      text[] NOT NULL,
        edited_by   uuid NOT NULL,
        edited_at   timestamp(3) with time zone NOT NULL DEFAULT now(),
        CONSTRAINT question_revisions_pkey PRIMARY KEY (id),
        CONSTRAINT question_revisions_question_fkey FOREIGN KEY (question_id) REFERENCES questions (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX question_revisions_question_idx ON question_revisions (question_id, edited_at DESC)`);
    await q.query(`CREATE TABLE answer_revisions (
        id        uuid NOT NULL DEFAULT gen_random_uuid(),
        answer_id uuid NOT NULL,
        body      text NOT NULL,
        edited_by uuid NOT NULL,
        edited_at timestamp(3) with time zone NOT NULL DEFAULT now(),
        CONSTRAINT answer_revisions_pkey PRIMARY KEY (id),
        CONSTRAINT answer_revisions_answer_fkey FOREIGN KEY (answer_id) REFERENCES answers (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX answer_revisions_answer_idx ON answer_revisions (answer_id, edited_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE answer_revisions`);
    await q.query(`DROP TABLE question_revisions`);
    await q.query(`ALTER TABLE answers DROP COLUMN deleted_by, DROP COLUMN deleted_at, DROP COLUMN edited_at`);
    await q.query(`ALTER TABLE questions DROP COLUMN deleted_by, DROP COLUMN deleted_at, DROP COLUMN edited_at`);
  }
}
