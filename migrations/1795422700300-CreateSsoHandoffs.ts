import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on's handoff to the web app (#15): the OIDC callback does not put tokens in a URL;
 * it redirects the browser with a one-time code, which the web app exchanges for its tokens
 * (`POST /api/auth/oidc/exchange`). Only the code's SHA-256 is stored; a code lives a minute and
 * is deleted by its exchange (DELETE ... RETURNING: two exchanges cannot both succeed). Kept in
 * PostgreSQL so any instance behind a load balancer can take the exchange.
 */
export class CreateSsoHandoffs1795422700300 implements MigrationInterface {
  name = 'CreateSsoHandoffs1795422700300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sso_handoffs (
        code_hash    bytea NOT NULL,
        user_id      uuid NOT NULL,
        id_token     text,
        expires_at   timestamptz(3) NOT NULL,
        CONSTRAINT sso_handoffs_pkey PRIMARY KEY (code_hash),
        CONSTRAINT sso_handoffs_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT sso_handoffs_code_hash_length CHECK (octet_length(code_hash) = 32)
      )`);
    await q.query('CREATE INDEX sso_handoffs_user_idx ON sso_handoffs (user_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE sso_handoffs');
  }
}
