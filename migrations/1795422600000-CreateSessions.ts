import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Sessions (#15): each refresh-token family is one session, its id the family's id and the `sid`
 * its access tokens carry, so revoking a session or signing out cuts its access tokens on their
 * next request. `users.token_version` (the `ver` of an access token) ends every session of a
 * person at once (deactivation, suspension).
 *
 * - `user_agent` and `address` are what the sign-in that opened the session said; `last_seen_at`
 *   moves on each refresh (not on every request), `expires_at` with it (the newest refresh token's).
 * - Existing families become sessions (their earliest token's time is when they began), then
 *   `refresh_tokens.family_id` references them, so no token belongs to no session.
 * - `sessions_user_idx` serves a person's list and revoking all of them.
 */
export class CreateSessions1795422600000 implements MigrationInterface {
  name = 'CreateSessions1795422600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN token_version integer NOT NULL DEFAULT 0`);
    await q.query(`
      CREATE TABLE sessions (
        id            uuid NOT NULL,
        user_id       uuid NOT NULL,
        user_agent    text,
        address       text,
        created_at    timestamptz(3) NOT NULL DEFAULT now(),
        last_seen_at  timestamptz(3) NOT NULL DEFAULT now(),
        expires_at    timestamptz(3) NOT NULL,
        revoked_at    timestamptz(3),
        CONSTRAINT sessions_pkey PRIMARY KEY (id),
        CONSTRAINT sessions_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT sessions_user_agent_length CHECK (length(user_agent) <= 512),
        CONSTRAINT sessions_address_length CHECK (length(address) <= 64)
      )`);
    await q.query('CREATE INDEX sessions_user_idx ON sessions (user_id, last_seen_at DESC)');
    await q.query(`
      INSERT INTO sessions (id, user_id, created_at, last_seen_at, expires_at, revoked_at)
      SELECT family_id, min(user_id::text)::uuid, min(created_at), max(created_at), max(expires_at),
             CASE WHEN bool_and(revoked_at IS NOT NULL OR spent_at IS NOT NULL) THEN max(coalesce(revoked_at, spent_at)) END
        FROM refresh_tokens GROUP BY family_id`);
    await q.query(`
      ALTER TABLE refresh_tokens ADD CONSTRAINT refresh_tokens_session_fkey
        FOREIGN KEY (family_id) REFERENCES sessions (id) ON DELETE CASCADE`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE refresh_tokens DROP CONSTRAINT refresh_tokens_session_fkey');
    await q.query('DROP TABLE sessions');
    await q.query('ALTER TABLE users DROP COLUMN token_version');
  }
}
