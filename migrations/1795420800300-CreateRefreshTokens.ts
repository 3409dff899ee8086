import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateRefreshTokens1795420800300 implements MigrationInterface {
  name = 'CreateRefreshTokens1795420800300';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE refresh_tokens (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id     uuid NOT NULL,
        family_id   uuid NOT NULL,
        token_hash  text NOT NULL,
        expires_at  timestamptz(3) NOT NULL,
        spent_at    timestamptz(3),
        revoked_at  timestamptz(3),
        created_at  timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT refresh_tokens_hash_unique UNIQUE (token_hash),
        CONSTRAINT refresh_tokens_user_fk FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
      )`);
    await q.query('CREATE INDEX refresh_tokens_family_idx ON refresh_tokens (family_id)');
    await q.query('CREATE INDEX refresh_tokens_user_idx ON refresh_tokens (user_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE refresh_tokens');
  }
}
