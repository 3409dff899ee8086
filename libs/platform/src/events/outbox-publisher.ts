import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DomainEventType, PublishedEvent } from './domain-events.js';
import { EventBus } from './event-bus.js';

export const OUTBOX_CHANNEL = 'ruche_outbox';
const STAMP_LOCK = 'ruche.outbox.stamp';
const BATCH = 500;
const POLL_MS = 500;

interface StampedRow {
  id: string;
  seq: string;
  type: string;
  payload: unknown;
  audience: string[];
  subject_type: string | null;
  subject_id: string | null;
  actor_id: string | null;
  created_at: Date;
}

export function toPublishedEvent(row: StampedRow): PublishedEvent {
  return {
    eventId: Number(row.seq),
    type: row.type as DomainEventType,
    payload: row.payload as PublishedEvent['payload'],
    audience: row.audience,
    subject: row.subject_type && row.subject_id ? { type: row.subject_type, id: row.subject_id } : null,
    actorId: row.actor_id,
    createdAt: row.created_at,
  };
}

/**
 * Stamps committed outbox rows with their delivery order and hands them to in-process listeners.
 *
 * Why stamp instead of using the insert id: a bigserial is taken at insert, so a transaction
 * that commits late can make id 41 appear after a reader already saw 42 and moved on. Here one
 * stamper at a time (a transaction-scoped advisory lock, so several api instances are safe)
 * numbers the rows it can see; any row committed later gets a larger number, so "events after N"
 * never skips one. The stamping transaction NOTIFYs every instance's realtime delivery.
 */
@Injectable()
export class OutboxPublisher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('outbox');
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: EventBus,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => this.kick(), POLL_MS);
    this.timer.unref();
    this.kick();
  }

  /** Before the database pool closes (TypeORM closes it in its own shutdown hook). */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** Ask for a stamping round soon; rounds never overlap within an instance. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.drain().finally(() => {
      this.running = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  /** Resolves once everything committed before the call has been stamped and delivered. */
  async flush(): Promise<void> {
    for (let i = 0; i < 100; i++) {
      await this.running;
      const pending = await this.dataSource.query('SELECT 1 FROM outbox WHERE seq IS NULL LIMIT 1');
      if (pending.length === 0) return;
      this.kick();
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const events = await this.stampBatch();
        for (const event of events) await this.bus.deliver(event);
        if (events.length < BATCH || this.stopped) return;
      }
    } catch (error) {
      if (!this.stopped) this.logger.error({ msg: 'stamping failed', error: String(error) });
    }
  }

  private async stampBatch(): Promise<PublishedEvent[]> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [STAMP_LOCK]);
      if (!locked) {
        // Another instance is stamping; it (or our next poll) will pick these rows up.
        return [];
      }
      // TypeORM answers an UPDATE with [rows, rowCount], not rows.
      const [rows]: [StampedRow[], number] = await manager.query(
        `WITH base AS (SELECT coalesce(max(seq), 0) AS last FROM outbox),
              batch AS (
                SELECT id, row_number() OVER (ORDER BY id) AS n
                FROM (SELECT id FROM outbox WHERE seq IS NULL ORDER BY id LIMIT $1) pending
              )
         UPDATE outbox o
            SET seq = base.last + batch.n, published_at = now()
           FROM batch, base
          WHERE o.id = batch.id
      RETURNING o.id, o.seq, o.type, o.payload, o.audience, o.subject_type, o.subject_id, o.actor_id, o.created_at`,
        [BATCH],
      );
      if (rows.length === 0) return [];
      rows.sort((a, b) => Number(a.seq) - Number(b.seq));
      await manager.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, rows[rows.length - 1].seq]);
      return rows.map(toPublishedEvent);
    });
  }
}
