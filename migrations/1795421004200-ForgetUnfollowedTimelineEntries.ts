import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Home timelines no longer re-check on read that an entry's author is still followed: an unfollow
 * now deletes the followee's entries in its own transaction (libs/feed/src/home-timelines.ts).
 * Timelines written before that kept those entries (the read hid them), so they go once here.
 */
export class ForgetUnfollowedTimelineEntries1795421004200 implements MigrationInterface {
  name = 'ForgetUnfollowedTimelineEntries1795421004200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      DELETE FROM home_timelines t USING posts p
       WHERE t.post_id = p.id
         AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = t.user_id AND f.followee_id = p.author_id)`);
  }

  async down(): Promise<void> {
    // Nothing to restore: the entries were hidden on read before, and are simply gone now.
  }
}
