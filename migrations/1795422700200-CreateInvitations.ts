import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Invitations (#15): an admin invites an email address; the link carries a random token, of which
 * only the SHA-256 is stored. An invitation is pending until it expires, is revoked, or is
 * redeemed (once: `redeemed_at` is set in the registering transaction, under the row's lock).
 *
 * - `invitations_pending_email_key`: at most one pending invitation per address (a new one
 *   revokes the previous in the same transaction).
 * - `invitations_created_idx` serves the admin's list, newest first.
 */
export class CreateInvitations1795422700200 implements MigrationInterface {
  name = 'CreateInvitations1795422700200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE invitations (
        id           uuid NOT NULL DEFAULT gen_random_uuid(),
        email        text NOT NULL,
        roles        text[] NOT NULL DEFAULT '{employee}',
        token_hash   bytea NOT NULL,
        invited_by   uuid,
        created_at   timestamptz(3) NOT NULL DEFAULT now(),
        expires_at   timestamptz(3) NOT NULL,
        revoked_at   timestamptz(3),
        redeemed_at  timestamptz(3),
        redeemed_by  uuid,
        CONSTRAINT invitations_pkey PRIMARY KEY (id),
        CONSTRAINT invitations_token_hash_key UNIQUE (token_hash),
        CONSTRAINT invitations_token_hash_length CHECK (octet_length(token_hash) = 32),
        CONSTRAINT invitations_email_length CHECK (length(email) BETWEEN 3 AND 254),
        CONSTRAINT invitations_invited_by_fkey FOREIGN KEY (invited_by) REFERENCES users (id) ON DELETE SET NULL,
        CONSTRAINT invitations_redeemed_by_fkey FOREIGN KEY (redeemed_by) REFERENCES users (id) ON DELETE SET NULL
      )`);
    await q.query(`
      CREATE UNIQUE INDEX invitations_pending_email_key ON invitations (email)
        WHERE revoked_at IS NULL AND redeemed_at IS NULL`);
    await q.query('CREATE INDEX invitations_created_idx ON invitations (created_at DESC, id DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE invitations');
  }
}
