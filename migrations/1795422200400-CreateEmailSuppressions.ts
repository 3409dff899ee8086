import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Addresses Ruche no longer sends to (libs/email's suppression-list.ts): a bounce reported by the
 * inbound endpoint (a DSN), or a permanent 5xx refusal at send time. Admins see the list and lift
 * an entry. The address is stored lower-cased, so one mailbox has one entry whatever its spelling.
 */
export class CreateEmailSuppressions1795422200400 implements MigrationInterface {
  name = 'CreateEmailSuppressions1795422200400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE email_suppressions (
        address     text NOT NULL,
        reason      text NOT NULL,
        source      text NOT NULL,
        created_at  timestamptz(3) NOT NULL DEFAULT now(),
        CONSTRAINT email_suppressions_pkey PRIMARY KEY (address),
        CONSTRAINT email_suppressions_address_lower CHECK (address = lower(address)),
        CONSTRAINT email_suppressions_source_known CHECK (source IN ('bounce', 'send', 'admin'))
      )`);
    await q.query('CREATE INDEX email_suppressions_recent_idx ON email_suppressions (created_at DESC, address DESC)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE email_suppressions');
  }
}
