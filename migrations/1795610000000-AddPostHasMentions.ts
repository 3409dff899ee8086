import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `posts.has_mentions` (#12): whether a post mentions someone, written with the post (create and
 * edit), so a page of posts looks up `post_mentions` only for the few posts that have some (one in
 * twenty in the benchmark company) instead of probing its index once per post. A hint, never a
 * grant: when an erased person's mentions are deleted the flag may stay true, and the lookup then
 * finds nothing.
 */
export class AddPostHasMentions1795610000000 implements MigrationInterface {
  name = 'AddPostHasMentions1795610000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE posts ADD COLUMN has_mentions boolean NOT NULL DEFAULT false');
    await q.query('UPDATE posts p SET has_mentions = true WHERE EXISTS (SELECT 1 FROM post_mentions m WHERE m.post_id = p.id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE posts DROP COLUMN has_mentions');
  }
}
