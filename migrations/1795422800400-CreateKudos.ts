import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Kudos (issue #17): one person thanks another for a specific answer, idea review or post, with a
 * short plain-text message shown on both profiles. Owned by recognition. Moderated like other
 * content (`moderation_state`, through platform's moderation kit): reportable, hidden or removed by
 * moderators. One kudos per person and target; never to yourself (the target's author is the
 * recipient). `recognition_settings` holds a person's opt-out of public recognition.
 */
export class CreateKudos1795422800400 implements MigrationInterface {
  name = 'CreateKudos1795422800400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE kudos (
        id                uuid NOT NULL DEFAULT gen_random_uuid(),
        author_id         uuid NOT NULL,
        recipient_id      uuid NOT NULL,
        target_type       text NOT NULL,
        target_id         uuid NOT NULL,
        message           text NOT NULL,
        moderation_state  text NOT NULL DEFAULT 'visible',
        created_at        timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT kudos_pkey PRIMARY KEY (id),
        CONSTRAINT kudos_author_fk FOREIGN KEY (author_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT kudos_recipient_fk FOREIGN KEY (recipient_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT kudos_target_type_known CHECK (target_type IN ('answer', 'review', 'post')),
        CONSTRAINT kudos_message_length CHECK (char_length(message) BETWEEN 1 AND 280),
        CONSTRAINT kudos_moderation_state_known CHECK (moderation_state IN ('visible', 'hidden', 'removed', 'held')),
        CONSTRAINT kudos_not_self CHECK (author_id <> recipient_id),
        CONSTRAINT kudos_one_per_target UNIQUE (author_id, target_type, target_id)
      )`);
    await q.query('CREATE INDEX kudos_recipient_recent_idx ON kudos (recipient_id, created_at DESC, id DESC)');
    await q.query('CREATE INDEX kudos_author_recent_idx ON kudos (author_id, created_at DESC, id DESC)');
    await q.query(`
      CREATE TABLE recognition_settings (
        user_id             uuid NOT NULL,
        public_recognition  boolean NOT NULL,
        updated_at          timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT recognition_settings_pkey PRIMARY KEY (user_id),
        CONSTRAINT recognition_settings_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE recognition_settings');
    await q.query('DROP TABLE kudos');
  }
}
