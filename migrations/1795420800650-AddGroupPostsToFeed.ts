import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Posts in groups. `group_private` copies the group's privacy onto its posts (kept current by the
 * feed from `group.updated`), so the visibility filter stays a cheap per-row test that the feed
 * can evaluate without reading the groups module's tables.
 */
export class AddGroupPostsToFeed1795420800650 implements MigrationInterface {
  name = 'AddGroupPostsToFeed1795420800650';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE posts ADD COLUMN group_private boolean NOT NULL DEFAULT false');
    await q.query('ALTER TABLE posts ADD CONSTRAINT posts_group_fk FOREIGN KEY (group_id) REFERENCES groups (id)');
    await q.query('ALTER TABLE posts ADD CONSTRAINT posts_private_needs_group CHECK (group_id IS NOT NULL OR NOT group_private)');
    // The home feed's per-author probes stay index-only with the privacy flag included.
    await q.query('DROP INDEX posts_author_timeline_idx');
    await q.query(`
      CREATE INDEX posts_author_timeline_idx ON posts (author_id, created_at DESC, id DESC)
        INCLUDE (group_id, group_private) WHERE deleted_at IS NULL`);
    // A group's feed, and the home feed's per-group probes.
    await q.query(`
      CREATE INDEX posts_group_timeline_idx ON posts (group_id, created_at DESC, id DESC)
        WHERE deleted_at IS NULL AND group_id IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX posts_group_timeline_idx');
    await q.query('DROP INDEX posts_author_timeline_idx');
    await q.query(`
      CREATE INDEX posts_author_timeline_idx ON posts (author_id, created_at DESC, id DESC)
        INCLUDE (group_id) WHERE deleted_at IS NULL`);
    await q.query('ALTER TABLE posts DROP CONSTRAINT posts_private_needs_group');
    await q.query('ALTER TABLE posts DROP CONSTRAINT posts_group_fk');
    await q.query('ALTER TABLE posts DROP COLUMN group_private');
  }
}
