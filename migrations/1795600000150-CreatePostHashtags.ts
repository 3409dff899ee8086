import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The hashtags a post carries (#16, libs/feed), for trending topics: one row per post and tag,
 * written in the post's own transaction (create and edit), lower-cased so `#Rust` and `#rust` are
 * one topic. `created_at` copies the post's so "the last 7 days" is read from this table's index
 * alone before the posts are joined for visibility; deleting a post's row takes its tags with it.
 *
 * The posts of the last 7 days are back-filled (older ones can never trend): PostgreSQL's regular
 * expressions approximate the writer's pattern (platform's `markdownHashtags`: a letter, then up to
 * 49 letters, digits, `_` or `-`, not inside a word, an entity or a path).
 */
export class CreatePostHashtags1795600000150 implements MigrationInterface {
  name = 'CreatePostHashtags1795600000150';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE post_hashtags (
        post_id    uuid NOT NULL,
        tag        text NOT NULL,
        created_at timestamptz NOT NULL,
        CONSTRAINT post_hashtags_pkey PRIMARY KEY (post_id, tag),
        CONSTRAINT post_hashtags_post_fkey FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE,
        CONSTRAINT post_hashtags_tag_check CHECK (char_length(tag) BETWEEN 1 AND 50)
      )`);
    await q.query('CREATE INDEX post_hashtags_recent_idx ON post_hashtags (created_at DESC) INCLUDE (tag)');
    await q.query(`
      INSERT INTO post_hashtags (post_id, tag, created_at)
      SELECT DISTINCT p.id, lower(m[1]), p.created_at
        FROM posts p
       CROSS JOIN LATERAL regexp_matches(p.body, '(?:^|[^[:alnum:]_&#/\\\\])#([[:alpha:]][[:alnum:]_-]{0,49})(?![[:alnum:]_-])', 'g') AS m
       WHERE p.created_at > now() - interval '7 days' AND p.deleted_at IS NULL AND char_length(lower(m[1])) <= 50`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE post_hashtags');
  }
}
