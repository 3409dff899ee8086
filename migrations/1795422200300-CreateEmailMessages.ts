import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outgoing email, one row per message Ruche decided to send (libs/email's mailer.ts).
 *
 * - `dedupe_key` makes sending idempotent: an event handled twice (a retry), or a digest round run
 *   twice on one day, finds its row and sends nothing more. `digest:<user>:<local day>` gives one
 *   digest per person per day in their time zone; `notification:<id>:<version>` one email per
 *   notification.
 * - `status`: 'sending' while claimed, then 'sent', 'suppressed' (the address is on the suppression
 *   list), or 'failed' (a permanent refusal; a temporary one deletes the claim so a retry can send).
 * - The recent-digest index serves "when was this person last sent a digest".
 */
export class CreateEmailMessages1795422200300 implements MigrationInterface {
  name = 'CreateEmailMessages1795422200300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE email_messages (
        id            bigserial NOT NULL,
        dedupe_key    text NOT NULL,
        recipient_id  uuid NOT NULL,
        address       text NOT NULL,
        kind          text NOT NULL,
        status        text NOT NULL DEFAULT 'sending',
        error         text,
        message_id    text,
        created_at    timestamptz(3) NOT NULL DEFAULT now(),
        sent_at       timestamptz(3),
        CONSTRAINT email_messages_pkey PRIMARY KEY (id),
        CONSTRAINT email_messages_dedupe_key UNIQUE (dedupe_key),
        CONSTRAINT email_messages_recipient_fk FOREIGN KEY (recipient_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT email_messages_status_known CHECK (status IN ('sending', 'sent', 'suppressed', 'failed'))
      )`);
    await q.query('CREATE INDEX email_messages_recipient_kind_idx ON email_messages (recipient_id, kind, created_at DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE email_messages');
  }
}
