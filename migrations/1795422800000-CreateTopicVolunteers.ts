import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #17, "every question reaches someone": people follow topics (`topic_follows`) and volunteer
 * as helpers for topics with a weekly cap (`topic_helpers`). Owned by expertise, which answers
 * questions' routing through platform's ExpertFinderPort. Topics are canonical keys (the expertise
 * fold: case, accents, synonyms), like expertise_topics.
 */
export class CreateTopicVolunteers1795422800000 implements MigrationInterface {
  name = 'CreateTopicVolunteers1795422800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE topic_follows (
        user_id     uuid NOT NULL,
        topic       text NOT NULL,
        label       text NOT NULL,
        created_at  timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT topic_follows_pkey PRIMARY KEY (user_id, topic),
        CONSTRAINT topic_follows_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT topic_follows_topic_length CHECK (char_length(topic) BETWEEN 1 AND 200),
        CONSTRAINT topic_follows_label_length CHECK (char_length(label) BETWEEN 1 AND 200)
      )`);
    await q.query('CREATE INDEX topic_follows_topic_idx ON topic_follows (topic, created_at, user_id)');
    await q.query(`
      CREATE TABLE topic_helpers (
        user_id     uuid NOT NULL,
        topic       text NOT NULL,
        label       text NOT NULL,
        weekly_cap  smallint NOT NULL,
        created_at  timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT topic_helpers_pkey PRIMARY KEY (user_id, topic),
        CONSTRAINT topic_helpers_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT topic_helpers_topic_length CHECK (char_length(topic) BETWEEN 1 AND 200),
        CONSTRAINT topic_helpers_label_length CHECK (char_length(label) BETWEEN 1 AND 200),
        CONSTRAINT topic_helpers_weekly_cap_range CHECK (weekly_cap BETWEEN 1 AND 100)
      )`);
    await q.query('CREATE INDEX topic_helpers_topic_idx ON topic_helpers (topic, created_at, user_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE topic_helpers');
    await q.query('DROP TABLE topic_follows');
  }
}
