import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files (issue #14): how many files a post carries, written by the feed in the post's own writing
 * transaction when it attaches them. A page of posts asks the files module for attachments only
 * when one of its posts has any, so a feed page without files costs no extra statement (the home
 * feed is answered in 3).
 */
export class AddPostAttachmentCount1795422500100 implements MigrationInterface {
  name = 'AddPostAttachmentCount1795422500100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE posts
        ADD COLUMN attachment_count smallint NOT NULL DEFAULT 0,
        ADD CONSTRAINT posts_attachment_count_check CHECK (attachment_count >= 0)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE posts DROP CONSTRAINT posts_attachment_count_check, DROP COLUMN attachment_count');
  }
}
