import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Questions: `questions.body_html`, `answers.body_html`.
 *
 * The Markdown of #14, rendered once on write by platform's renderer (markdown-it, then the
 * sanitize-html allow-list) and stored beside the text it comes from. NULL for rows written before
 * this migration: their views render the text on read (without mention links) until it is edited,
 * since rendering Markdown is not something SQL can do.
 */
export class AddQuestionBodyHtml1795422400100 implements MigrationInterface {
  name = 'AddQuestionBodyHtml1795422400100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE questions ADD COLUMN body_html text NULL`);
    await q.query(`ALTER TABLE answers ADD COLUMN body_html text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE answers DROP COLUMN body_html`);
    await q.query(`ALTER TABLE questions DROP COLUMN body_html`);
  }
}
