import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Feed: `posts.body_html`, `post_comments.body_html`.
 *
 * The Markdown of #14, rendered once on write by platform's renderer (markdown-it, then the
 * sanitize-html allow-list) and stored beside the text it comes from. NULL for rows written before
 * this migration: their views render the text on read (without mention links) until it is edited,
 * since rendering Markdown is not something SQL can do.
 */
export class AddFeedBodyHtml1795422400000 implements MigrationInterface {
  name = 'AddFeedBodyHtml1795422400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE posts ADD COLUMN body_html text NULL`);
    await q.query(`ALTER TABLE post_comments ADD COLUMN body_html text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE post_comments DROP COLUMN body_html`);
    await q.query(`ALTER TABLE posts DROP COLUMN body_html`);
  }
}
