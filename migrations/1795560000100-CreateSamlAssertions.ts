import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SAML single sign-on (#15): the assertions already used to sign in, by issuer and assertion ID,
 * kept until the assertion's own NotOnOrAfter has passed (after which the library refuses it
 * anyway). The primary key makes a second use of one assertion fail, even from another instance
 * or with a fresh InResponseTo. Holds no user id.
 */
export class CreateSamlAssertions1795560000100 implements MigrationInterface {
  name = 'CreateSamlAssertions1795560000100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE saml_assertions (
        issuer        text NOT NULL,
        assertion_id  text NOT NULL,
        expires_at    timestamptz(3) NOT NULL,
        CONSTRAINT saml_assertions_pkey PRIMARY KEY (issuer, assertion_id),
        CONSTRAINT saml_assertions_issuer_length CHECK (length(issuer) BETWEEN 1 AND 512),
        CONSTRAINT saml_assertions_id_length CHECK (length(assertion_id) BETWEEN 1 AND 256)
      )`);
    await q.query('CREATE INDEX saml_assertions_expires_idx ON saml_assertions (expires_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE saml_assertions');
  }
}
