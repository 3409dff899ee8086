import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Expertise follows moderation (owned by libs/expertise): the moderation state expertise last
 * heard of for each post and answer (`content.held`, `content.moderated`). What a post or answer
 * earned (expertise_post_credits, expertise_answer_credits) counts in `expertise` only while its
 * state here is `visible` (or it has no row: nothing was ever said about it). `last_event_id` is
 * the newest moderation event applied, so a replayed or late one changes nothing. Kept apart from
 * the credits: a decision can arrive for content that earned nothing yet (held at creation, before
 * its `post.created`), and the two kinds of events are ordered independently.
 */
export class AddExpertiseModerationState1795421001200 implements MigrationInterface {
  name = 'AddExpertiseModerationState1795421001200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE expertise_content_states (
        target_type    text NOT NULL,
        target_id      uuid NOT NULL,
        state          text NOT NULL,
        last_event_id  bigint NOT NULL,
        updated_at     timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT expertise_content_states_pkey PRIMARY KEY (target_type, target_id),
        CONSTRAINT expertise_content_states_type_check CHECK (target_type IN ('post', 'answer')),
        CONSTRAINT expertise_content_states_state_check CHECK (state IN ('visible', 'hidden', 'removed', 'held'))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE expertise_content_states');
  }
}
