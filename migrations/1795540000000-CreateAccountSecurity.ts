import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account security (#15): email verification, password reset, TOTP two-factor and the
 * "change your password" flag an admin's temporary password sets.
 *
 * - `users.email_verified_at`: null while a self-registered password account has not confirmed its
 *   address (only when SMTP is configured); every existing account, and every account made by SSO,
 *   SCIM or an invitation, is verified (the default).
 * - `users.must_change_password`: an admin set a temporary password; cleared by the person's change.
 * - `account_tokens`: one-time links sent by email (verification, password reset); only the
 *   SHA-256 of the token is stored, each is used once (`used_at`) before `expires_at`.
 * - `totp_credentials`: one per account; the secret is encrypted (AES-256-GCM, key derived from
 *   JWT_SECRET); `enabled_at` null while enrolment waits for its first code; `last_step` is the
 *   last 30-second step accepted, so a code is never accepted twice.
 * - `totp_recovery_codes`: HMAC-SHA256 (key derived from JWT_SECRET) of the one-time recovery codes
 *   (random, 60 bits each: a slow hash would add nothing but ten argon2 runs per use).
 * - `login_challenges`: the second step of a password login with 2FA (SHA-256 of a random token,
 *   five minutes, used once).
 */
export class CreateAccountSecurity1795540000000 implements MigrationInterface {
  name = 'CreateAccountSecurity1795540000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN email_verified_at timestamptz(3) DEFAULT now()`);
    await q.query(`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`);
    await q.query(`
      CREATE TABLE account_tokens (
        id          uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id     uuid NOT NULL,
        purpose     text NOT NULL,
        token_hash  bytea NOT NULL,
        created_at  timestamptz(3) NOT NULL DEFAULT now(),
        expires_at  timestamptz(3) NOT NULL,
        used_at     timestamptz(3),
        CONSTRAINT account_tokens_pkey PRIMARY KEY (id),
        CONSTRAINT account_tokens_token_hash_key UNIQUE (token_hash),
        CONSTRAINT account_tokens_token_hash_length CHECK (octet_length(token_hash) = 32),
        CONSTRAINT account_tokens_purpose_known CHECK (purpose IN ('verify_email', 'password_reset')),
        CONSTRAINT account_tokens_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query('CREATE INDEX account_tokens_user_idx ON account_tokens (user_id, purpose, created_at DESC)');
    await q.query(`
      CREATE TABLE totp_credentials (
        user_id     uuid NOT NULL,
        secret      text NOT NULL,
        created_at  timestamptz(3) NOT NULL DEFAULT now(),
        enabled_at  timestamptz(3),
        last_step   bigint NOT NULL DEFAULT 0,
        CONSTRAINT totp_credentials_pkey PRIMARY KEY (user_id),
        CONSTRAINT totp_credentials_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query(`
      CREATE TABLE totp_recovery_codes (
        id          uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id     uuid NOT NULL,
        code_hash   text NOT NULL,
        used_at     timestamptz(3),
        CONSTRAINT totp_recovery_codes_pkey PRIMARY KEY (id),
        CONSTRAINT totp_recovery_codes_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query('CREATE INDEX totp_recovery_codes_user_idx ON totp_recovery_codes (user_id)');
    await q.query(`
      CREATE TABLE login_challenges (
        token_hash  bytea NOT NULL,
        user_id     uuid NOT NULL,
        created_at  timestamptz(3) NOT NULL DEFAULT now(),
        expires_at  timestamptz(3) NOT NULL,
        used_at     timestamptz(3),
        CONSTRAINT login_challenges_pkey PRIMARY KEY (token_hash),
        CONSTRAINT login_challenges_token_hash_length CHECK (octet_length(token_hash) = 32),
        CONSTRAINT login_challenges_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query('CREATE INDEX login_challenges_expires_idx ON login_challenges (expires_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE login_challenges');
    await q.query('DROP TABLE totp_recovery_codes');
    await q.query('DROP TABLE totp_credentials');
    await q.query('DROP TABLE account_tokens');
    await q.query('ALTER TABLE users DROP COLUMN must_change_password');
    await q.query('ALTER TABLE users DROP COLUMN email_verified_at');
  }
}
