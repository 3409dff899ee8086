import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateUsers1795420800200 implements MigrationInterface {
  name = 'CreateUsers1795420800200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE users (
        id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        email          text NOT NULL,
        handle         text NOT NULL,
        display_name   text NOT NULL,
        password_hash  text NOT NULL,
        roles          text[] NOT NULL DEFAULT '{employee}',
        status         text NOT NULL DEFAULT 'active',
        created_at     timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT users_email_unique UNIQUE (email),
        CONSTRAINT users_handle_unique UNIQUE (handle),
        CONSTRAINT users_email_lowercase CHECK (email = lower(email)),
        CONSTRAINT users_handle_format CHECK (handle ~ '^[a-z0-9_]{2,30}$'),
        CONSTRAINT users_roles_known CHECK (roles <@ ARRAY['employee','innovation','moderator','admin']::text[]),
        CONSTRAINT users_status_known CHECK (status IN ('active','suspended'))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE users');
  }
}
