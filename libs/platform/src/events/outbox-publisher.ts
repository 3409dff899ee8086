import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { RUCHE_CONFIG, type RucheConfig } from '../config/config.js';
import { pgConnectionOptions } from '../database/pg-options.js';
import { JobEngine } from '../jobs/job-engine.js';
import type { PublishedEvent } from './domain-events.js';
import { STAMPED_COLUMNS, type StampedRow, toPublishedEvent } from './outbox-row.js';

export const OUTBOX_CHANNEL = 'ruche_outbox';
const STAMP_LOCK = 'ruche.outbox.stamp';
const BATCH = 500;
const POLL_MS = 500;
/** How long `flush` waits for stamping and listeners before it fails (tests' `settle`). */
const FLUSH_TIMEOUT_MS = 30_000;

export { STAMPED_COLUMNS, type StampedRow, toPublishedEvent } from './outbox-row.js';

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

  /** The stamper's own connection: a round never waits for the pool that the writes it stamps hold. */
  private client: Promise<pg.Client> | null = null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly jobs: JobEngine,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
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
    const client = await this.client?.catch(() => null);
    await client?.end().catch(() => undefined);
  }

  /** Opens the stamper's connection on first use, and again after it was lost. */
  private connection(): Promise<pg.Client> {
    this.client ??= (async () => {
      const client = new pg.Client({
        connectionString: this.config.databaseUrl,
        application_name: 'ruche-outbox',
        ...pgConnectionOptions(this.config.database),
      });
      client.on('error', (error) => {
        if (!this.stopped) this.logger.warn({ msg: 'outbox stamper connection lost; reconnecting', error: String(error) });
        this.client = null;
      });
      await client.connect();
      return client;
    })().catch((error: unknown) => {
      this.client = null;
      throw error;
    });
    return this.client;
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

  /**
   * Stamps one batch; answers how many rows it stamped. Three round trips on the stamper's own
   * connection: `BEGIN` with the stamping statement (which takes the instances' lock itself), the
   * listeners' jobs, then the NOTIFY with `COMMIT`. Under write load every round trip also waits
   * for the api's event loop, so each one saved shortens the time before live delivery (#12).
   */
  private async stampBatch(): Promise<number> {
    const client = await this.connection();
    try {
      // Numbering goes on from the highest id ever pruned too: after a quiet spell longer than the
      // retention window the outbox may be empty, and ids must never be handed out twice (clients
      // hold them as lastEventId, instances as their delivery cursor). The lock is transaction
      // scoped: another instance stamping makes this round stamp nothing (it, or our next poll,
      // picks these rows up). Constants only: the simple protocol carries no parameters.
      // `FOR UPDATE` (the rows are updated next anyway) makes the pending rows an index scan that
      // visits the heap: each stamped row leaves a dead entry in outbox_pending_idx until VACUUM,
      // and an index-only scan walked all of them on every batch (12,000 after a minute of posts at
      // 200/s: 6 ms of the 6.5 ms a stamp took), where a heap visit marks them dead for the next.
      const results = (await client.query(
        `BEGIN;
         WITH stamper AS (
                SELECT pg_try_advisory_xact_lock(hashtext('${STAMP_LOCK}')) AS locked
              ),
              base AS (
                SELECT greatest(coalesce(max(seq), 0), (SELECT coalesce(max(pruned_through), 0) FROM outbox_retention)) AS last
                  FROM outbox
              ),
              batch AS (
                SELECT id, row_number() OVER (ORDER BY id) AS n
                FROM (SELECT id FROM outbox WHERE seq IS NULL AND (SELECT locked FROM stamper) ORDER BY id LIMIT ${BATCH} FOR UPDATE) pending
              )
         UPDATE outbox o
            SET seq = base.last + batch.n, published_at = now()
           FROM batch, base
          WHERE o.id = batch.id
      RETURNING ${STAMPED_COLUMNS.split(', ').map((c) => `o.${c}`).join(', ')}`,
      )) as unknown as pg.QueryResult<StampedRow>[];
      const rows = results[1].rows;
      if (rows.length === 0) {
        await client.query('ROLLBACK');
        return 0;
      }
      rows.sort((a, b) => Number(a.seq) - Number(b.seq));
      const events: PublishedEvent[] = rows.map(toPublishedEvent);
      await this.jobs.enqueueEvents(client, events);
      const last = Number(rows[rows.length - 1].seq);
      await client.query(`SELECT pg_notify('${OUTBOX_CHANNEL}', '${last}'); COMMIT`);
      return rows.length;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
  }
}
