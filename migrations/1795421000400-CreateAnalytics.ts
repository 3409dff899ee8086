import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The analytics rollup (owned by libs/analytics): one row per event that counts, written by the
 * analytics listener from the event and what the owning modules' services answered at that moment
 * (the actor's department, the author replied to and theirs, the audience a post reached). Every
 * metric is SQL over this table alone, so analytics never reads another module's tables, and a
 * department or an audience is the one at the time it happened.
 *
 * `event_id` (the outbox seq) is the key, so a redelivered event is recorded once; an item (post,
 * question, idea, reply) is recorded once even when it is announced twice (a post held for review
 * and released later).
 */
export class CreateAnalytics1795421000400 implements MigrationInterface {
  name = 'CreateAnalytics1795421000400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE analytics_activity (
        event_id               bigint NOT NULL,
        kind                   text NOT NULL,
        actor_id               uuid,
        -- The actor's department when it happened ('' when they had none).
        actor_department       text NOT NULL DEFAULT '',
        subject_type           text,
        subject_id             uuid,
        -- Replies: what they reply to (a post, a question, an idea) and when it was written.
        parent_type            text,
        parent_id              uuid,
        parent_created_at      timestamptz(3),
        group_id               uuid,
        -- Replies and reactions: the author of what was replied to, and their department then.
        counterpart_id         uuid,
        counterpart_department text,
        -- +1, or -1 for a withdrawn reaction or vote.
        delta                  integer NOT NULL DEFAULT 1,
        -- Votes and merges: the idea's vote count right after (the next vote's delta is taken from it).
        vote_count             integer,
        -- Posts: how many people it reached when written (followers, or group members), author excluded.
        audience_size          integer,
        -- Idea status changes: the new status.
        status                 text,
        created_at             timestamptz(3) NOT NULL,
        CONSTRAINT analytics_activity_pkey PRIMARY KEY (event_id),
        CONSTRAINT analytics_activity_kind_known CHECK (kind IN (
          'post', 'comment', 'reaction', 'follow', 'member_joined', 'member_left',
          'question', 'answer', 'answer_accepted', 'idea', 'idea_comment', 'vote', 'idea_merged', 'review', 'idea_status')),
        CONSTRAINT analytics_activity_delta_unit CHECK (delta IN (-1, 1)),
        CONSTRAINT analytics_activity_audience_not_negative CHECK (audience_size IS NULL OR audience_size >= 0)
      )`);
    // An item or a reply is recorded once, however many times it is announced.
    await q.query(
      `CREATE UNIQUE INDEX analytics_activity_item_once_idx ON analytics_activity (kind, subject_id)
        WHERE kind IN ('post', 'comment', 'question', 'answer', 'answer_accepted', 'idea', 'idea_comment', 'review')`,
    );
    // Every company metric filters on the period first.
    await q.query('CREATE INDEX analytics_activity_time_idx ON analytics_activity (created_at, kind)');
    // Replies to an item (first answer, answered or not), and an idea's votes in order.
    await q.query(
      'CREATE INDEX analytics_activity_parent_idx ON analytics_activity (parent_id, created_at) WHERE parent_id IS NOT NULL',
    );
    await q.query('CREATE INDEX analytics_activity_subject_idx ON analytics_activity (subject_id, event_id)');
    // Community health: one group's activity over a few weeks.
    await q.query(
      'CREATE INDEX analytics_activity_group_idx ON analytics_activity (group_id, created_at) WHERE group_id IS NOT NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE analytics_activity');
  }
}
