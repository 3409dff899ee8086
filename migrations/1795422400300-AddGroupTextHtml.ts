import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Groups: `groups.description_html`, `groups.guidelines_html`.
 *
 * The Markdown of #14, rendered once on write by platform's renderer (markdown-it, then the
 * sanitize-html allow-list) and stored beside the text it comes from. NULL for rows written before
 * this migration: their views render the text on read (without mention links) until it is edited,
 * since rendering Markdown is not something SQL can do.
 */
export class AddGroupTextHtml1795422400300 implements MigrationInterface {
  name = 'AddGroupTextHtml1795422400300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE groups ADD COLUMN description_html text NULL, ADD COLUMN guidelines_html text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE groups DROP COLUMN guidelines_html, DROP COLUMN description_html`);
  }
}
