import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateOutbox1795420800100 implements MigrationInterface {
  name = 'CreateOutbox1795420800100';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE outbox (
        id            bigserial PRIMARY KEY,
        seq           bigint,
        type          text NOT NULL,
        payload       jsonb NOT NULL,
        audience      text[] NOT NULL DEFAULT '{}',
        subject_type  text,
        subject_id    uuid,
        actor_id      uuid,
        created_at    timestamptz(3) NOT NULL DEFAULT now(),
        published_at  timestamptz(3),
        CONSTRAINT outbox_seq_unique UNIQUE (seq)
      )`);
    // The stamper scans only unstamped rows.
    await q.query('CREATE INDEX outbox_pending_idx ON outbox (id) WHERE seq IS NULL');
    // Replay: "events after N addressed to one of these rooms".
    await q.query('CREATE INDEX outbox_audience_idx ON outbox USING gin (audience)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE outbox');
  }
}
