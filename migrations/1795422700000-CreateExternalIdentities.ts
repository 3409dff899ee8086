import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Single sign-on (#15): which identity provider account (issuer + subject, the ID token's `iss`
 * and `sub`) signs in as which Ruche account. Owned by libs/identity.
 *
 * - `external_identities_issuer_subject_key`: one Ruche account per provider account, so two
 *   concurrent first logins of the same person cannot create two links.
 * - `email` is what the provider said at linking time (for the admin's eyes, not a key).
 * - `external_identities_user_idx` serves "this person's links" (and the cascade on delete).
 */
export class CreateExternalIdentities1795422700000 implements MigrationInterface {
  name = 'CreateExternalIdentities1795422700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE external_identities (
        id             uuid NOT NULL DEFAULT gen_random_uuid(),
        user_id        uuid NOT NULL,
        issuer         text NOT NULL,
        subject        text NOT NULL,
        email          text,
        created_at     timestamptz(3) NOT NULL DEFAULT now(),
        last_login_at  timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT external_identities_pkey PRIMARY KEY (id),
        CONSTRAINT external_identities_user_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE,
        CONSTRAINT external_identities_issuer_subject_key UNIQUE (issuer, subject),
        CONSTRAINT external_identities_issuer_length CHECK (length(issuer) BETWEEN 1 AND 512),
        CONSTRAINT external_identities_subject_length CHECK (length(subject) BETWEEN 1 AND 255),
        CONSTRAINT external_identities_email_length CHECK (length(email) <= 254)
      )`);
    await q.query('CREATE INDEX external_identities_user_idx ON external_identities (user_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE external_identities');
  }
}
