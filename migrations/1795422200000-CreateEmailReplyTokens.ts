import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Email reply tokens (libs/email's reply-tokens.ts): the `reply+<token>@<SMTP_INBOUND_DOMAIN>`
 * address of one person for one thread. Only the SHA-256 of the token's 32 random bytes is stored,
 * so a copy of the table cannot be used to post as anyone.
 *
 * - `thread_type` 'post' | 'question' | 'idea' carries the thread's id; 'digest' (the digest's own
 *   address, answered automatically) has none.
 * - `expires_at` and `revoked_at` end a token; an ended token resolves to nothing.
 * - The (user, thread) index serves revoking every token of a person for a thread.
 */
export class CreateEmailReplyTokens1795422200000 implements MigrationInterface {
  name = 'CreateEmailReplyTokens1795422200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE email_reply_tokens (
        token_hash  bytea NOT NULL,
        user_id     uuid NOT NULL,
        thread_type text NOT NULL,
        thread_id   uuid,
        created_at  timestamptz NOT NULL DEFAULT now(),
        expires_at  timestamptz NOT NULL,
        revoked_at  timestamptz,
        CONSTRAINT email_reply_tokens_pkey PRIMARY KEY (token_hash),
        CONSTRAINT email_reply_tokens_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT email_reply_tokens_hash_length CHECK (octet_length(token_hash) = 32),
        CONSTRAINT email_reply_tokens_thread_type_check CHECK (thread_type IN ('post', 'question', 'idea', 'digest')),
        CONSTRAINT email_reply_tokens_thread_id_check CHECK ((thread_type = 'digest') = (thread_id IS NULL))
      )`);
    await q.query(
      'CREATE INDEX email_reply_tokens_user_thread_idx ON email_reply_tokens (user_id, thread_type, thread_id)',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE email_reply_tokens');
  }
}
