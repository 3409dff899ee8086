import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Background jobs (libs/platform/src/jobs): the listeners' dead letters, and the outbox's
 * retention. pg-boss's own tables live in the `pgboss` schema, which pg-boss creates and migrates
 * itself on start (see README, "Background jobs").
 *
 * - `event_dead_letters`: one row per (event, listener) that still failed after its last retry,
 *   for an operator to look at (and to replay by hand once the cause is fixed).
 * - `outbox_retention`: one row, the highest `seq` pruned so far, so replay from before it can
 *   tell the client it was truncated instead of silently skipping.
 * - A BRIN index on `outbox.created_at`: the pruning job finds old rows without a full scan, at
 *   almost no cost per insert (the table is append-only, so creation time follows the block order).
 */
export class CreateEventDeadLetters1795421004000 implements MigrationInterface {
  name = 'CreateEventDeadLetters1795421004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE event_dead_letters (
        id          bigserial NOT NULL,
        event_id    bigint NOT NULL,
        event_type  text NOT NULL,
        listener    text NOT NULL,
        attempts    integer NOT NULL,
        error       text NOT NULL,
        failed_at   timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT event_dead_letters_pkey PRIMARY KEY (id),
        CONSTRAINT event_dead_letters_event_listener_key UNIQUE (event_id, listener)
      )`);
    await q.query(`
      CREATE TABLE outbox_retention (
        singleton     boolean NOT NULL DEFAULT true,
        pruned_through bigint NOT NULL DEFAULT 0,
        CONSTRAINT outbox_retention_pkey PRIMARY KEY (singleton),
        CONSTRAINT outbox_retention_one_row CHECK (singleton)
      )`);
    await q.query('INSERT INTO outbox_retention (singleton, pruned_through) VALUES (true, 0)');
    await q.query('CREATE INDEX outbox_created_at_brin ON outbox USING brin (created_at)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX outbox_created_at_brin');
    await q.query('DROP TABLE outbox_retention');
    await q.query('DROP TABLE event_dead_letters');
  }
}
