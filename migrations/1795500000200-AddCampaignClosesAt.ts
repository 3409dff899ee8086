import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Campaign deadlines (#16): `closes_at`, optional, when an open campaign advances by itself (the
 * same advance as `POST /api/campaigns/:id/advance`), through a one-off job on the job engine. The
 * partial index serves the list of open campaigns by deadline (the web app's "closes soon").
 */
export class AddCampaignClosesAt1795500000200 implements MigrationInterface {
  name = 'AddCampaignClosesAt1795500000200';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE campaigns ADD COLUMN closes_at timestamptz(3)');
    await q.query(
      `CREATE INDEX campaigns_open_closes_at_idx ON campaigns (closes_at) WHERE status = 'open' AND closes_at IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX campaigns_open_closes_at_idx');
    await q.query('ALTER TABLE campaigns DROP COLUMN closes_at');
  }
}
