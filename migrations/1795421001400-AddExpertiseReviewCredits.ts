import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Idea reviews credited to expertise (owned by libs/expertise): one row per review that moved a
 * reviewer's `reviews` counter, written in the same transaction as the counter. A redelivered
 * `review.created` finds its review here and changes nothing, as posts and answers do with their
 * own credit tables. `topics` are the canonical topics the review was counted on (kept so a later
 * synonym change or withdrawal knows what it earned).
 */
export class AddExpertiseReviewCredits1795421001400 implements MigrationInterface {
  name = 'AddExpertiseReviewCredits1795421001400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE expertise_review_credits (
        review_id   uuid NOT NULL,
        user_id     uuid NOT NULL,
        topics      text[] NOT NULL DEFAULT '{}',
        event_id    bigint NOT NULL,
        created_at  timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT expertise_review_credits_pkey PRIMARY KEY (review_id),
        CONSTRAINT expertise_review_credits_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE expertise_review_credits');
  }
}
