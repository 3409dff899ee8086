import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderation state on the feed's content (owned by libs/feed, applied from `content.moderated`):
 * `visible`; `held` (blocked terms: its author and moderators only, until reviewed); `hidden` and
 * `removed` (moderators only). `posts.comment_count` counts visible comments only, so what
 * non-moderators see and the count agree.
 */
export class AddContentModerationState1795420800900 implements MigrationInterface {
  name = 'AddContentModerationState1795420800900';

  async up(q: QueryRunner): Promise<void> {
    // A constant default: no table rewrite, existing content stays visible.
    await q.query(`ALTER TABLE posts ADD COLUMN moderation_state text NOT NULL DEFAULT 'visible'`);
    await q.query(
      `ALTER TABLE posts ADD CONSTRAINT posts_moderation_state_known CHECK (moderation_state IN ('visible', 'hidden', 'removed', 'held'))`,
    );
    await q.query(`ALTER TABLE post_comments ADD COLUMN moderation_state text NOT NULL DEFAULT 'visible'`);
    await q.query(
      `ALTER TABLE post_comments ADD CONSTRAINT post_comments_moderation_state_known CHECK (moderation_state IN ('visible', 'hidden', 'removed', 'held'))`,
    );
    // The home feed's per-author probes stay index-only with the state included.
    await q.query('DROP INDEX posts_author_timeline_idx');
    await q.query(`
      CREATE INDEX posts_author_timeline_idx ON posts (author_id, created_at DESC, id DESC)
        INCLUDE (group_id, group_private, moderation_state) WHERE deleted_at IS NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX posts_author_timeline_idx');
    await q.query(`
      CREATE INDEX posts_author_timeline_idx ON posts (author_id, created_at DESC, id DESC)
        INCLUDE (group_id, group_private) WHERE deleted_at IS NULL`);
    await q.query('ALTER TABLE post_comments DROP COLUMN moderation_state');
    await q.query('ALTER TABLE posts DROP COLUMN moderation_state');
  }
}
