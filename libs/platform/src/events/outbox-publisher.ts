import { Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { JobEngine } from '../jobs/job-engine.js';
import type { PublishedEvent } from './domain-events.js';
import { STAMPED_COLUMNS, type StampedRow, toPublishedEvent } from './outbox-row.js';

export const OUTBOX_CHANNEL = 'ruche_outbox';
const STAMP_LOCK = 'ruche.outbox.stamp';
const BATCH = 500;
const POLL_MS = 500;
/** How long `flush` waits for stamping and listeners before it fails (tests' `settle`). */
const FLUSH_TIMEOUT_MS = 30_000;

export { toPublishedEvent } from './outbox-row.js';

/**
 * Stamps committed outbox rows with their delivery order, and only that: live delivery
 * (RealtimeDelivery, woken by the NOTIFY) and the listeners' jobs (JobEngine, enqueued in the
 * same transaction) follow the stamps on their own, so no listener can hold back a stamp.
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
    private readonly jobs: JobEngine,
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

  /**
   * Resolves once everything committed before the call has been stamped and handled by the
   * listeners (by any instance that runs jobs), including the events those listeners emitted.
   * Fails after 30 s with what is still pending (e.g. no instance runs jobs: RUCHE_ROLE=api).
   */
  async flush(): Promise<void> {
    const deadline = Date.now() + FLUSH_TIMEOUT_MS;
    let unstamped = 0;
    let unhandled = 0;
    while (Date.now() < deadline) {
      await this.running;
      [{ unstamped }] = await this.dataSource.query('SELECT count(*)::int AS unstamped FROM outbox WHERE seq IS NULL');
      if (unstamped === 0) {
        unhandled = await this.jobs.pendingEvents();
        if (unhandled === 0) return;
        this.jobs.wake();
      } else {
        this.kick();
      }
      await new Promise((r) => setTimeout(r, 15));
    }
    throw new Error(
      `events not settled within ${FLUSH_TIMEOUT_MS / 1000} s: ${unstamped} unstamped, ${unhandled} waiting for listeners (does an instance run jobs? RUCHE_ROLE=api runs none)`,
    );
  }

  private async drain(): Promise<void> {
    try {
      for (;;) {
        const stamped = await this.stampBatch();
        if (stamped < BATCH || this.stopped) return;
      }
    } catch (error) {
      if (!this.stopped) this.logger.error({ msg: 'stamping failed', error: String(error) });
    }
  }

  /** Stamps one batch; answers how many rows it stamped. */
  private async stampBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [STAMP_LOCK]);
      if (!locked) {
        // Another instance is stamping; it (or our next poll) will pick these rows up.
        return 0;
      }
      // TypeORM answers an UPDATE with [rows, rowCount], not rows.
      // Numbering goes on from the highest id ever pruned too: after a quiet spell longer than the
      // retention window the outbox may be empty, and ids must never be handed out twice (clients
      // hold them as lastEventId, instances as their delivery cursor).
      const [rows]: [StampedRow[], number] = await manager.query(
        `WITH base AS (
                SELECT greatest(coalesce(max(seq), 0), (SELECT coalesce(max(pruned_through), 0) FROM outbox_retention)) AS last
                  FROM outbox
              ),
              batch AS (
                SELECT id, row_number() OVER (ORDER BY id) AS n
                FROM (SELECT id FROM outbox WHERE seq IS NULL ORDER BY id LIMIT $1) pending
              )
         UPDATE outbox o
            SET seq = base.last + batch.n, published_at = now()
           FROM batch, base
          WHERE o.id = batch.id
      RETURNING ${STAMPED_COLUMNS.split(', ').map((c) => `o.${c}`).join(', ')}`,
        [BATCH],
      );
      if (rows.length === 0) return 0;
      rows.sort((a, b) => Number(a.seq) - Number(b.seq));
      const events: PublishedEvent[] = rows.map(toPublishedEvent);
      await this.jobs.enqueueEvents(manager, events);
      await manager.query('SELECT pg_notify($1, $2)', [OUTBOX_CHANNEL, rows[rows.length - 1].seq]);
      return rows.length;
    });
  }
}
