import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Polls in posts (issue #14, libs/feed): a post may carry one poll of 2 to 10 options, single or
 * multiple choice, with an optional closing time.
 *
 * - `post_polls`: one per post. `voter_count` (people with at least one choice) and each option's
 *   `vote_count` are counters kept by the vote's own transaction, which holds the poll's row lock:
 *   reads never count rows, and the counters cannot drift (see PollsService).
 * - `post_poll_options`: ordered (unique position per poll). `(poll_id, id)` is unique so a vote
 *   can name its option and its poll together: a vote can never point at another poll's option.
 * - `post_poll_votes`: one row per person and option chosen (the primary key). A vote row copies
 *   its poll's `multiple` under a foreign key to `(id, multiple)`, so the partial unique index can
 *   say in the database what the service also enforces: one row per person in a single-choice poll.
 * - `posts.has_poll`: a page of posts asks for polls only when one of its posts has one.
 */
export class CreatePostPolls1795520000000 implements MigrationInterface {
  name = 'CreatePostPolls1795520000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE post_polls (
        id          uuid NOT NULL DEFAULT gen_random_uuid(),
        post_id     uuid NOT NULL,
        question    text NULL,
        multiple    boolean NOT NULL,
        closes_at   timestamptz NULL,
        voter_count integer NOT NULL DEFAULT 0,
        created_at  timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT post_polls_pkey PRIMARY KEY (id),
        CONSTRAINT post_polls_post_key UNIQUE (post_id),
        CONSTRAINT post_polls_id_multiple_key UNIQUE (id, multiple),
        CONSTRAINT post_polls_post_fkey FOREIGN KEY (post_id) REFERENCES posts (id) ON DELETE CASCADE,
        CONSTRAINT post_polls_voter_count_check CHECK (voter_count >= 0)
      )`);
    await q.query(`
      CREATE TABLE post_poll_options (
        id         uuid NOT NULL DEFAULT gen_random_uuid(),
        poll_id    uuid NOT NULL,
        position   smallint NOT NULL,
        text       text NOT NULL,
        vote_count integer NOT NULL DEFAULT 0,
        CONSTRAINT post_poll_options_pkey PRIMARY KEY (id),
        CONSTRAINT post_poll_options_position_key UNIQUE (poll_id, position),
        CONSTRAINT post_poll_options_poll_id_key UNIQUE (poll_id, id),
        CONSTRAINT post_poll_options_poll_fkey FOREIGN KEY (poll_id) REFERENCES post_polls (id) ON DELETE CASCADE,
        CONSTRAINT post_poll_options_vote_count_check CHECK (vote_count >= 0)
      )`);
    await q.query(`
      CREATE TABLE post_poll_votes (
        poll_id    uuid NOT NULL,
        option_id  uuid NOT NULL,
        user_id    uuid NOT NULL,
        multiple   boolean NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT post_poll_votes_pkey PRIMARY KEY (poll_id, user_id, option_id),
        CONSTRAINT post_poll_votes_option_fkey FOREIGN KEY (poll_id, option_id) REFERENCES post_poll_options (poll_id, id) ON DELETE CASCADE,
        CONSTRAINT post_poll_votes_poll_fkey FOREIGN KEY (poll_id, multiple) REFERENCES post_polls (id, multiple) ON DELETE CASCADE,
        CONSTRAINT post_poll_votes_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query('CREATE UNIQUE INDEX post_poll_votes_single_key ON post_poll_votes (poll_id, user_id) WHERE NOT multiple');
    await q.query('ALTER TABLE posts ADD COLUMN has_poll boolean NOT NULL DEFAULT false');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE posts DROP COLUMN has_poll');
    await q.query('DROP TABLE post_poll_votes');
    await q.query('DROP TABLE post_poll_options');
    await q.query('DROP TABLE post_polls');
  }
}
