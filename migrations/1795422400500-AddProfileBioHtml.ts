import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * People: `profiles.bio_html`.
 *
 * The Markdown of #14, rendered once on write by platform's renderer (markdown-it, then the
 * sanitize-html allow-list) and stored beside the text it comes from. NULL for rows written before
 * this migration: their views render the text on read (without mention links) until it is edited,
 * since rendering Markdown is not something SQL can do.
 */
export class AddProfileBioHtml1795422400500 implements MigrationInterface {
  name = 'AddProfileBioHtml1795422400500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE profiles ADD COLUMN bio_html text NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE profiles DROP COLUMN bio_html`);
  }
}
