import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idea campaigns (owned by libs/ideas): campaigns with their reviewer panel and phase history,
 * ideas, votes, comments, expert reviews and implementation milestones.
 *
 * `ideas.vote_count` and `ideas.comment_count` are counters changed in the same transaction as the
 * row they count, under the idea's row lock, and only when that row was really inserted or deleted
 * (one vote per person and idea is the primary key), so they never drift. `review_score` is
 * recomputed from the reviews in the transaction that adds one. Every time column is
 * timestamptz(3): keyset cursors must round-trip exactly through a JavaScript Date.
 */
export class CreateIdeas1795420800700 implements MigrationInterface {
  name = 'CreateIdeas1795420800700';

  async up(q: QueryRunner): Promise<void> {
    // "Similar ideas" while typing a title. Trusted extension; another module may have created it.
    await q.query('CREATE EXTENSION IF NOT EXISTS pg_trgm');

    await q.query(`
      CREATE TABLE campaigns (
        id             uuid NOT NULL DEFAULT gen_random_uuid(),
        title          text NOT NULL,
        description    text NOT NULL,
        topics         text[] NOT NULL DEFAULT '{}',
        -- The scorecard, in display order: [{ "name": text, "weight": number }]. Frozen once open.
        criteria       jsonb NOT NULL,
        -- How many ideas (by votes) go to expert review when the campaign advances.
        advance_top_n  integer NOT NULL,
        status         text NOT NULL DEFAULT 'draft',
        created_by     uuid,
        created_at     timestamptz(3) NOT NULL DEFAULT now(),
        updated_at     timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT campaigns_pkey PRIMARY KEY (id),
        CONSTRAINT campaigns_created_by_fk FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT campaigns_title_length CHECK (char_length(title) BETWEEN 1 AND 200),
        CONSTRAINT campaigns_description_length CHECK (char_length(description) BETWEEN 1 AND 10000),
        CONSTRAINT campaigns_topics_count CHECK (cardinality(topics) <= 20),
        CONSTRAINT campaigns_criteria_shape CHECK (jsonb_typeof(criteria) = 'array' AND jsonb_array_length(criteria) BETWEEN 1 AND 10),
        CONSTRAINT campaigns_advance_top_n_range CHECK (advance_top_n BETWEEN 1 AND 1000),
        CONSTRAINT campaigns_status_known CHECK (status IN ('draft', 'open', 'review', 'closed'))
      )`);
    // The campaign list, newest first; drafts are filtered for non-innovation viewers.
    await q.query('CREATE INDEX campaigns_recent_idx ON campaigns (created_at DESC, id DESC)');

    await q.query(`
      CREATE TABLE campaign_reviewers (
        campaign_id  uuid NOT NULL,
        user_id      uuid NOT NULL,
        -- Panel order as given by the innovation team.
        position     smallint NOT NULL,
        CONSTRAINT campaign_reviewers_pkey PRIMARY KEY (campaign_id, user_id),
        CONSTRAINT campaign_reviewers_campaign_fk FOREIGN KEY (campaign_id) REFERENCES campaigns (id) ON DELETE CASCADE,
        CONSTRAINT campaign_reviewers_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    // "Campaigns I review".
    await q.query('CREATE INDEX campaign_reviewers_user_idx ON campaign_reviewers (user_id)');

    // Who moved the campaign to which phase, and when (creation is the first row, from NULL).
    await q.query(`
      CREATE TABLE campaign_transitions (
        id           uuid NOT NULL DEFAULT gen_random_uuid(),
        campaign_id  uuid NOT NULL,
        from_status  text,
        to_status    text NOT NULL,
        actor_id     uuid,
        created_at   timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT campaign_transitions_pkey PRIMARY KEY (id),
        CONSTRAINT campaign_transitions_campaign_fk FOREIGN KEY (campaign_id) REFERENCES campaigns (id) ON DELETE CASCADE,
        CONSTRAINT campaign_transitions_actor_fk FOREIGN KEY (actor_id) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT campaign_transitions_status_known CHECK (
          (from_status IS NULL OR from_status IN ('draft', 'open', 'review', 'closed'))
          AND to_status IN ('draft', 'open', 'review', 'closed')
        )
      )`);
    await q.query('CREATE INDEX campaign_transitions_campaign_idx ON campaign_transitions (campaign_id, created_at, id)');

    await q.query(`
      CREATE TABLE ideas (
        id                         uuid NOT NULL DEFAULT gen_random_uuid(),
        campaign_id                uuid NOT NULL,
        author_id                  uuid NOT NULL,
        title                      text NOT NULL,
        body                       text NOT NULL,
        status                     text NOT NULL DEFAULT 'submitted',
        vote_count                 integer NOT NULL DEFAULT 0,
        comment_count              integer NOT NULL DEFAULT 0,
        review_count               integer NOT NULL DEFAULT 0,
        -- Weighted mean of the reviews' scorecards (1.00..5.00); NULL until reviewed.
        review_score               numeric(3, 2),
        -- The innovation team's latest decision (selected / rejected / implemented).
        rationale                  text,
        decided_by                 uuid,
        decided_at                 timestamptz(3),
        -- A duplicate merged into another idea: its votes moved to merged_into.
        merged_into                uuid,
        merged_by                  uuid,
        merged_at                  timestamptz(3),
        -- Implementation tracking of a selected idea (NULL until first set).
        implementation_owner_id    uuid,
        implementation_progress    integer,
        implementation_updated_at  timestamptz(3),
        created_at                 timestamptz(3) NOT NULL DEFAULT now(),
        updated_at                 timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT ideas_pkey PRIMARY KEY (id),
        CONSTRAINT ideas_campaign_fk FOREIGN KEY (campaign_id) REFERENCES campaigns (id) ON DELETE CASCADE,
        CONSTRAINT ideas_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT ideas_decided_by_fk FOREIGN KEY (decided_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT ideas_merged_into_fk FOREIGN KEY (merged_into) REFERENCES ideas (id) ON DELETE CASCADE,
        CONSTRAINT ideas_merged_by_fk FOREIGN KEY (merged_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT ideas_implementation_owner_fk FOREIGN KEY (implementation_owner_id) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT ideas_title_length CHECK (char_length(title) BETWEEN 1 AND 200),
        CONSTRAINT ideas_body_length CHECK (char_length(body) BETWEEN 1 AND 10000),
        CONSTRAINT ideas_rationale_length CHECK (rationale IS NULL OR char_length(rationale) BETWEEN 1 AND 5000),
        CONSTRAINT ideas_status_known CHECK (
          status IN ('submitted', 'in_review', 'not_selected', 'selected', 'rejected', 'implemented', 'merged')
        ),
        CONSTRAINT ideas_rejected_has_rationale CHECK (status <> 'rejected' OR rationale IS NOT NULL),
        CONSTRAINT ideas_merged_has_target CHECK ((status = 'merged') = (merged_into IS NOT NULL)),
        CONSTRAINT ideas_not_merged_into_itself CHECK (merged_into <> id),
        CONSTRAINT ideas_counts_not_negative CHECK (vote_count >= 0 AND comment_count >= 0 AND review_count >= 0),
        CONSTRAINT ideas_review_score_range CHECK (review_score IS NULL OR review_score BETWEEN 1 AND 5),
        CONSTRAINT ideas_implementation_progress_range CHECK (implementation_progress IS NULL OR implementation_progress BETWEEN 0 AND 100)
      )`);
    // A campaign's ideas, newest first (sort=new) and by votes, earliest first among equals
    // (sort=top, the leaderboard and the advance ranking). Merged duplicates are never listed.
    await q.query(
      `CREATE INDEX ideas_campaign_new_idx ON ideas (campaign_id, created_at DESC, id DESC) WHERE status <> 'merged'`,
    );
    await q.query(
      `CREATE INDEX ideas_campaign_top_idx ON ideas (campaign_id, vote_count DESC, created_at, id) WHERE status <> 'merged'`,
    );
    await q.query('CREATE INDEX ideas_author_idx ON ideas (author_id)');
    await q.query('CREATE INDEX ideas_merged_into_idx ON ideas (merged_into) WHERE merged_into IS NOT NULL');
    // Similar titles (word_similarity `<%`) while someone types a new idea.
    await q.query('CREATE INDEX ideas_title_trgm_idx ON ideas USING gin (title gin_trgm_ops)');

    await q.query(`
      CREATE TABLE idea_votes (
        idea_id     uuid NOT NULL,
        user_id     uuid NOT NULL,
        created_at  timestamptz(3) NOT NULL DEFAULT now(),
        -- One vote per person and idea: what keeps vote_count exact under concurrency.
        CONSTRAINT idea_votes_pkey PRIMARY KEY (idea_id, user_id),
        CONSTRAINT idea_votes_idea_fk FOREIGN KEY (idea_id) REFERENCES ideas (id) ON DELETE CASCADE,
        CONSTRAINT idea_votes_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query('CREATE INDEX idea_votes_user_idx ON idea_votes (user_id)');

    await q.query(`
      CREATE TABLE idea_comments (
        id          uuid NOT NULL DEFAULT gen_random_uuid(),
        idea_id     uuid NOT NULL,
        author_id   uuid NOT NULL,
        body        text NOT NULL,
        created_at  timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT idea_comments_pkey PRIMARY KEY (id),
        CONSTRAINT idea_comments_idea_fk FOREIGN KEY (idea_id) REFERENCES ideas (id) ON DELETE CASCADE,
        CONSTRAINT idea_comments_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT idea_comments_body_length CHECK (char_length(body) BETWEEN 1 AND 5000)
      )`);
    // An idea's discussion, oldest first, by keyset.
    await q.query('CREATE INDEX idea_comments_idea_idx ON idea_comments (idea_id, created_at, id)');

    await q.query(`
      CREATE TABLE idea_reviews (
        id           uuid NOT NULL DEFAULT gen_random_uuid(),
        idea_id      uuid NOT NULL,
        reviewer_id  uuid NOT NULL,
        -- { "<criterion name>": 1..5 } covering exactly the campaign's criteria (checked by the service).
        scores       jsonb NOT NULL,
        comment      text NOT NULL,
        -- This review's weighted mean, kept for the record.
        score        numeric(3, 2) NOT NULL,
        created_at   timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT idea_reviews_pkey PRIMARY KEY (id),
        CONSTRAINT idea_reviews_one_per_reviewer UNIQUE (idea_id, reviewer_id),
        CONSTRAINT idea_reviews_idea_fk FOREIGN KEY (idea_id) REFERENCES ideas (id) ON DELETE CASCADE,
        CONSTRAINT idea_reviews_reviewer_fk FOREIGN KEY (reviewer_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT idea_reviews_scores_object CHECK (jsonb_typeof(scores) = 'object'),
        CONSTRAINT idea_reviews_comment_length CHECK (char_length(comment) BETWEEN 1 AND 5000),
        CONSTRAINT idea_reviews_score_range CHECK (score BETWEEN 1 AND 5)
      )`);

    await q.query(`
      CREATE TABLE idea_milestones (
        idea_id   uuid NOT NULL,
        position  smallint NOT NULL,
        title     text NOT NULL,
        due_on    date NOT NULL,
        done      boolean NOT NULL DEFAULT false,
        CONSTRAINT idea_milestones_pkey PRIMARY KEY (idea_id, position),
        CONSTRAINT idea_milestones_idea_fk FOREIGN KEY (idea_id) REFERENCES ideas (id) ON DELETE CASCADE,
        CONSTRAINT idea_milestones_title_length CHECK (char_length(title) BETWEEN 1 AND 200),
        CONSTRAINT idea_milestones_position_range CHECK (position BETWEEN 0 AND 49)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE idea_milestones');
    await q.query('DROP TABLE idea_reviews');
    await q.query('DROP TABLE idea_comments');
    await q.query('DROP TABLE idea_votes');
    await q.query('DROP TABLE ideas');
    await q.query('DROP TABLE campaign_transitions');
    await q.query('DROP TABLE campaign_reviewers');
    await q.query('DROP TABLE campaigns');
    // pg_trgm stays: other modules' indexes may use it.
  }
}
