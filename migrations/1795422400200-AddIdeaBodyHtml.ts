import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Ideas: `ideas.body_html`, `idea_comments.body_html`, `idea_reviews.comment_html`.
 *
 * The Markdown of #14, rendered once on write by platform's renderer (markdown-it, then the
 * sanitize-html allow-list) and stored beside the text it comes from. NULL for rows written before
 * this migration: their views render the text on read (without mention links) until it is edited,
 * since rendering Markdown is not something SQL can do.
 */
export class AddIdeaBodyHtml1795422400200 implements MigrationInterface {
  name = 'AddIdeaBodyHtml1795422400200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE ideas ADD COLUMN body_html text NULL`);
    await q.query(`ALTER TABLE idea_comments ADD COLUMN body_html text NULL`);
    await q.query(`ALTER TABLE idea_reviews ADD COLUMN comment_html text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE idea_reviews DROP COLUMN comment_html`);
    await q.query(`ALTER TABLE idea_comments DROP COLUMN body_html`);
    await q.query(`ALTER TABLE ideas DROP COLUMN body_html`);
  }
}
