import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Badges (issue #17), earned from events by recognition. `recognition_facts` is one row per thing
 * that counts (an accepted answer, an answer upvoted across departments, an idea review, an
 * implemented idea, a confirmed mentoring pairing), keyed by what it is about so a retried event
 * counts once; `recognition_out_of_sight` lists content moderation took out of public sight (a fact
 * about it, or under it, stops counting and comes back with it). `badges` is what a person holds
 * now, recomputed from the facts under a per-person lock: revoked when the facts no longer hold.
 */
export class CreateBadges1795422800500 implements MigrationInterface {
  name = 'CreateBadges1795422800500';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE recognition_facts (
        kind          text NOT NULL,
        subject_type  text NOT NULL,
        subject_id    uuid NOT NULL,
        parent_type   text,
        parent_id     uuid,
        user_id       uuid NOT NULL,
        created_at    timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT recognition_facts_pkey PRIMARY KEY (kind, subject_id),
        CONSTRAINT recognition_facts_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT recognition_facts_kind_known CHECK (kind IN ('accepted_answer', 'bridge_answer', 'review', 'implemented_idea', 'mentoring'))
      )`);
    await q.query('CREATE INDEX recognition_facts_user_idx ON recognition_facts (user_id, kind)');
    await q.query('CREATE INDEX recognition_facts_parent_idx ON recognition_facts (parent_id) WHERE parent_id IS NOT NULL');
    await q.query(`
      CREATE TABLE recognition_out_of_sight (
        content_type  text NOT NULL,
        content_id    uuid NOT NULL,
        CONSTRAINT recognition_out_of_sight_pkey PRIMARY KEY (content_type, content_id)
      )`);
    await q.query(`
      CREATE TABLE badges (
        user_id     uuid NOT NULL,
        badge       text NOT NULL,
        awarded_at  timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT badges_pkey PRIMARY KEY (user_id, badge),
        CONSTRAINT badges_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT badges_badge_known CHECK (badge IN ('first_accepted_answer', 'helper', 'bridge_builder', 'reviewer', 'idea_made_real', 'mentor'))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE badges');
    await q.query('DROP TABLE recognition_out_of_sight');
    await q.query('DROP TABLE recognition_facts');
  }
}
