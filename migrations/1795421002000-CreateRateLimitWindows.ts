import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Fixed-window counters for rate limits shared by every api instance (owned by libs/platform):
 * one row per limited key (`write:<user id>`), overwritten when its window has passed, so the
 * table holds at most one row per person. UNLOGGED: a counter needs no crash safety or replica
 * (a crash only resets everyone's budget), and skipping the WAL keeps the per-write cost small.
 */
export class CreateRateLimitWindows1795421002000 implements MigrationInterface {
  name = 'CreateRateLimitWindows1795421002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE UNLOGGED TABLE rate_limit_windows (
        key           text NOT NULL,
        window_start  timestamptz NOT NULL,
        hits          integer NOT NULL,
        CONSTRAINT rate_limit_windows_pkey PRIMARY KEY (key)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE rate_limit_windows');
  }
}
