import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Home timelines written on fan-out (owned by libs/feed, see home-timelines.ts): per reader, the
 * ids of the newest company-wide posts of the people they follow, so a home page reads a few
 * dozen index entries instead of merging every followee's posts.
 *
 * - `home_timelines`: the cached candidates. The primary key is the keyset order itself (a
 *   backward scan of one reader's range is newest first). No foreign key to posts: a post is
 *   soft-deleted and the read joins posts and applies the one visibility rule anyway, so an entry
 *   can never show more than the post allows; the user key cascades so a deleted account leaves
 *   nothing behind.
 * - `home_timeline_readers`: who gets fan-out (read their home feed in the last 30 days), whether
 *   their timeline has been built, and below which date entries may have been trimmed away.
 * - `home_timeline_big_authors`: authors followed by so many people that their posts are merged
 *   at read time instead of written into every follower's timeline.
 */
export class CreateHomeTimelines1795421003700 implements MigrationInterface {
  name = 'CreateHomeTimelines1795421003700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE home_timelines (
        user_id          uuid NOT NULL,
        post_created_at  timestamptz(3) NOT NULL,
        post_id          uuid NOT NULL,
        CONSTRAINT home_timelines_pkey PRIMARY KEY (user_id, post_created_at, post_id),
        CONSTRAINT home_timelines_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE home_timeline_readers (
        user_id         uuid NOT NULL,
        last_read_at    timestamptz NOT NULL DEFAULT now(),
        built_at        timestamptz,
        trimmed_before  timestamptz(3),
        CONSTRAINT home_timeline_readers_pkey PRIMARY KEY (user_id),
        CONSTRAINT home_timeline_readers_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE home_timeline_big_authors (
        author_id  uuid NOT NULL,
        since      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT home_timeline_big_authors_pkey PRIMARY KEY (author_id),
        CONSTRAINT home_timeline_big_authors_user_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE home_timeline_big_authors');
    await q.query('DROP TABLE home_timeline_readers');
    await q.query('DROP TABLE home_timelines');
  }
}
