import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderation: the company guidelines' `guidelines.body_html`.
 *
 * The Markdown of #14, rendered once on write by platform's renderer (markdown-it, then the
 * sanitize-html allow-list) and stored beside the text it comes from. NULL for rows written before
 * this migration: their views render the text on read (without mention links) until it is edited,
 * since rendering Markdown is not something SQL can do.
 */
export class AddGuidelinesBodyHtml1795422400400 implements MigrationInterface {
  name = 'AddGuidelinesBodyHtml1795422400400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE guidelines ADD COLUMN body_html text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE guidelines DROP COLUMN body_html`);
  }
}
