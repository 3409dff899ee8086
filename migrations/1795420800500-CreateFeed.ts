import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The feed: posts, their comments, reactions and mentions.
 *
 * Counts are counters on `posts`, changed in the same transaction as the row they count and only
 * when that row was really inserted or deleted (reactions: one row per user and kind, inserted
 * with ON CONFLICT DO NOTHING), so they never drift and reading a page costs no aggregation.
 * Every time column is timestamptz(3): a JavaScript Date holds milliseconds, and keyset cursors
 * must round-trip exactly.
 */
export class CreateFeed1795420800500 implements MigrationInterface {
  name = 'CreateFeed1795420800500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE posts (
        id                uuid NOT NULL DEFAULT gen_random_uuid(),
        author_id         uuid NOT NULL,
        -- Groups arrive later (their module adds the foreign key); NULL means company-wide.
        group_id          uuid,
        body              text NOT NULL,
        comment_count     integer NOT NULL DEFAULT 0,
        like_count        integer NOT NULL DEFAULT 0,
        celebrate_count   integer NOT NULL DEFAULT 0,
        insightful_count  integer NOT NULL DEFAULT 0,
        support_count     integer NOT NULL DEFAULT 0,
        created_at        timestamptz(3) NOT NULL DEFAULT now(),
        updated_at        timestamptz(3) NOT NULL DEFAULT now(),
        -- Soft delete: comments, reactions and events keep pointing at a real row.
        deleted_at        timestamptz(3),
        deleted_by        uuid,
        CONSTRAINT posts_pkey PRIMARY KEY (id),
        CONSTRAINT posts_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT posts_deleted_by_fk FOREIGN KEY (deleted_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT posts_body_length CHECK (char_length(body) BETWEEN 1 AND 10000),
        CONSTRAINT posts_counts_not_negative CHECK (
          comment_count >= 0 AND like_count >= 0 AND celebrate_count >= 0 AND insightful_count >= 0 AND support_count >= 0
        )
      )`);
    // An author's timeline, and the per-followee probes of the home feed. group_id is included so
    // those probes are index-only scans; deleted posts are never listed, so they stay out.
    await q.query(`
      CREATE INDEX posts_author_timeline_idx ON posts (author_id, created_at DESC, id DESC)
        INCLUDE (group_id) WHERE deleted_at IS NULL`);
    // The company feed: everything visible, newest first.
    await q.query('CREATE INDEX posts_timeline_idx ON posts (created_at DESC, id DESC) WHERE deleted_at IS NULL');

    await q.query(`
      CREATE TABLE post_comments (
        id          uuid NOT NULL DEFAULT gen_random_uuid(),
        post_id     uuid NOT NULL,
        author_id   uuid NOT NULL,
        body        text NOT NULL,
        created_at  timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT post_comments_pkey PRIMARY KEY (id),
        CONSTRAINT post_comments_post_fk FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE,
        CONSTRAINT post_comments_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT post_comments_body_length CHECK (char_length(body) BETWEEN 1 AND 10000)
      )`);
    // A post's comments, oldest first, by keyset.
    await q.query('CREATE INDEX post_comments_post_idx ON post_comments (post_id, created_at, id)');

    await q.query(`
      CREATE TABLE post_reactions (
        post_id     uuid NOT NULL,
        user_id     uuid NOT NULL,
        kind        text NOT NULL,
        created_at  timestamptz(3) NOT NULL DEFAULT now(),
        -- One reaction of each kind per person: what keeps the counters exact under concurrency.
        CONSTRAINT post_reactions_pkey PRIMARY KEY (post_id, user_id, kind),
        CONSTRAINT post_reactions_post_fk FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE,
        CONSTRAINT post_reactions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT post_reactions_kind_known CHECK (kind IN ('like', 'celebrate', 'insightful', 'support'))
      )`);

    await q.query(`
      CREATE TABLE post_mentions (
        post_id  uuid NOT NULL,
        user_id  uuid NOT NULL,
        CONSTRAINT post_mentions_pkey PRIMARY KEY (post_id, user_id),
        CONSTRAINT post_mentions_post_fk FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE,
        CONSTRAINT post_mentions_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    // "Posts that mention me", for the home feed.
    await q.query('CREATE INDEX post_mentions_user_idx ON post_mentions (user_id, post_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE post_mentions');
    await q.query('DROP TABLE post_reactions');
    await q.query('DROP TABLE post_comments');
    await q.query('DROP TABLE posts');
  }
}
