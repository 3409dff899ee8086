import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Editing and deleting a post's comment (#14). `edited_at` is the "edited" mark (NULL: never
 * edited); `deleted_at`/`deleted_by` a soft delete (the comment leaves every read path, its
 * moderation case and history stay). `post_comment_revisions` keeps each previous body, for
 * moderators (`GET /api/comments/:id/history`), newest first by (comment_id, edited_at).
 */
export class AddCommentEditing1795422400600 implements MigrationInterface {
  name = 'AddCommentEditing1795422400600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE post_comments ADD COLUMN edited_at timestamp(3) with time zone NULL, ADD COLUMN deleted_at timestamp(3) with time zone NULL, ADD COLUMN deleted_by uuid NULL`);
    await q.query(`CREATE TABLE post_comment_revisions (
        id         uuid NOT NULL DEFAULT gen_random_uuid(),
        comment_id uuid NOT NULL,
        body       text NOT NULL,
        edited_by  uuid NOT NULL,
        edited_at  timestamp(3) with time zone NOT NULL DEFAULT now(),
        CONSTRAINT post_comment_revisions_pkey PRIMARY KEY (id),
        CONSTRAINT post_comment_revisions_comment_fkey FOREIGN KEY (comment_id) REFERENCES post_comments (id) ON DELETE CASCADE
      )`);
    await q.query(`CREATE INDEX post_comment_revisions_comment_idx ON post_comment_revisions (comment_id, edited_at DESC)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE post_comment_revisions`);
    await q.query(`ALTER TABLE post_comments DROP COLUMN deleted_by, DROP COLUMN deleted_at, DROP COLUMN edited_at`);
  }
}
