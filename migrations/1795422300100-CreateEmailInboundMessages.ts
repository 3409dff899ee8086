import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages the inbound SMTP endpoint acted on (libs/email/src/inbound, #13), one row per
 * `Message-ID` and recipient address: written in the same transaction as the comment, answer or
 * post the message became, so the same message delivered twice (a sender's retry after a lost
 * `250`, a second MX) writes once. `outcome` is what it became; `sender_id` whom it was matched to.
 */
export class CreateEmailInboundMessages1795422300100 implements MigrationInterface {
  name = 'CreateEmailInboundMessages1795422300100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE email_inbound_messages (
        message_id  text NOT NULL,
        recipient   text NOT NULL,
        sender_id   uuid,
        outcome     text NOT NULL,
        subject_type text,
        subject_id  uuid,
        received_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT email_inbound_messages_pkey PRIMARY KEY (message_id, recipient),
        CONSTRAINT email_inbound_messages_sender_fkey FOREIGN KEY (sender_id) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT email_inbound_messages_message_id_length CHECK (char_length(message_id) BETWEEN 1 AND 998),
        CONSTRAINT email_inbound_messages_recipient_length CHECK (char_length(recipient) BETWEEN 3 AND 320),
        CONSTRAINT email_inbound_messages_outcome_check CHECK (outcome IN ('comment', 'answer', 'idea_comment', 'post'))
      )`);
    await q.query('CREATE INDEX email_inbound_messages_received_idx ON email_inbound_messages USING brin (received_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE email_inbound_messages');
  }
}
