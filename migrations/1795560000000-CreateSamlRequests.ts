import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * SAML single sign-on (#15): the AuthnRequests this service sent, so that a Response is accepted
 * only in reply to one of them (InResponseTo) and only once. In PostgreSQL, not in the library's
 * in-memory cache, so the instance that takes the provider's POST need not be the one that sent
 * the browser away. A row is deleted by the Response that answers it (DELETE ... RETURNING: two
 * posts of one Response cannot both succeed); rows nobody answered go at the next login after
 * their expiry. No person is named here: the table holds no user id.
 */
export class CreateSamlRequests1795560000000 implements MigrationInterface {
  name = 'CreateSamlRequests1795560000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE saml_requests (
        id           text NOT NULL,
        created_at   timestamptz(3) NOT NULL DEFAULT now(),
        expires_at   timestamptz(3) NOT NULL,
        CONSTRAINT saml_requests_pkey PRIMARY KEY (id),
        CONSTRAINT saml_requests_id_length CHECK (length(id) BETWEEN 1 AND 128)
      )`);
    await q.query('CREATE INDEX saml_requests_expires_idx ON saml_requests (expires_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE saml_requests');
  }
}
