import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import { PgBoss, type JobResult, type JobWithMetadata } from 'pg-boss';
import { DataSource, EntityManager } from 'typeorm';
import { RUCHE_CONFIG, type RucheConfig } from '../config/config.js';
import type { PublishedEvent } from '../events/domain-events.js';
import { EventBus } from '../events/event-bus.js';
import { STAMPED_COLUMNS, type StampedRow, toPublishedEvent } from '../events/outbox-row.js';

/** The queue of stamped events waiting for in-process listeners. */
export const EVENTS_QUEUE = 'ruche.events';
/** pg-boss's own schema, created and migrated by pg-boss itself on start (see README). */
export const JOBS_SCHEMA = 'pgboss';
/**
 * Event jobs asked for per fetch. pg-boss's strict-FIFO fetch reads the head of every queued
 * subject whatever the batch (a DISTINCT ON over the queue), so its cost grows with the backlog:
 * with 4 a fetch, a backlog of 2,500 posts cost ~10 ms of PostgreSQL per job and the listeners fell
 * further behind (bench/README.md). A batch of 16 divides that by four; the jobs of a batch still
 * run at most RUCHE_JOB_CONCURRENCY at a time.
 */
const EVENTS_PER_FETCH = 16;
/** Fetching workers: two, so one batch held up by a slow listener does not stop the other. */
const EVENT_WORKERS = 2;
/** A listener run longer than this is treated as failed and retried. */
const EVENT_JOB_EXPIRE_SECONDS = 300;
/** Completed event jobs are kept this long (for operators looking at recent work), then deleted. */
const COMPLETED_KEPT_SECONDS = 3600;

export interface EventJob {
  seq: number;
}

/** A timed job: run on one instance at a time, on a cron schedule, by instances that run jobs. */
interface Timer {
  name: string;
  cron: string;
  run: () => Promise<unknown>;
}

/** A queue of one-off jobs due at a time ({@link JobEngine.sendAt}), each run once by one instance. */
interface OneOff {
  name: string;
  run: (data: object) => Promise<unknown>;
}

/** How often instances that run jobs look for one-off jobs that came due (pg-boss polls; 1 s is its floor's order). */
const ONE_OFF_POLL_SECONDS = 1;

/** The job id of an event: derived from its `seq`, so ids sort like seqs and enqueueing twice is a no-op. */
export function eventJobId(seq: number): string {
  const hex = seq.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

/**
 * Events about one subject are handled in order; different subjects run concurrently. Events
 * with no subject are ordered per actor (a person's own actions), else per type.
 */
export function eventOrderKey(event: Pick<PublishedEvent, 'type' | 'subject' | 'actorId'>): string {
  if (event.subject) return `${event.subject.type}:${event.subject.id}`;
  return event.actorId ? `actor:${event.actorId}` : `type:${event.type}`;
}

/** A node-postgres connection with a transaction open on it (the outbox stamper's own). */
export interface SqlConnection {
  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;
}

/** Runs SQL on `client`, as pg-boss's `db` option wants it. */
function connectionDb(client: SqlConnection) {
  return { executeSql: (text: string, values?: unknown[]) => client.query(text, values) as Promise<{ rows: never[] }> };
}

/** Runs SQL on the connection of an open TypeORM transaction, as pg-boss's `db` option wants it. */
function transactionDb(manager: EntityManager) {
  return connectionDb((manager.queryRunner as unknown as { databaseConnection: SqlConnection }).databaseConnection);
}

/**
 * Background work on pg-boss, a job queue inside PostgreSQL (the one-database default holds: no
 * broker to run). Two kinds of work:
 *
 * - **Event listeners.** The outbox stamper enqueues one job per stamped event that has
 *   listeners, in the stamping transaction (an event is stamped if and only if its job exists).
 *   The queue's `key_strict_fifo` policy keys each job by its subject: a subject's jobs run one at
 *   a time in `eventId` order, and a job waiting to be retried holds back its successors, while
 *   other subjects run concurrently (bounded by RUCHE_JOB_CONCURRENCY per process). A failed
 *   listener is retried with exponential backoff; after the last retry it is recorded in
 *   `event_dead_letters` with an alert in the logs and the job completes, so the subject moves on
 *   (a strict-FIFO job left failed would hold its subject back forever). A retry runs the event's
 *   listeners again: every listener is idempotent by `eventId` (unique keys on the event id).
 * - **Timed jobs** ({@link every}): pg-boss's cron creates one job per slot cluster-wide, and a
 *   `singleton` queue lets one run at a time.
 *
 * `RUCHE_ROLE=api` enqueues (the stamper runs everywhere) but runs no listener and no timed job.
 */
@Injectable()
export class JobEngine implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('jobs');
  private boss: PgBoss | undefined;
  private readonly timers: Timer[] = [];
  private readonly oneOffs: OneOff[] = [];
  private readonly eventWorkerIds: string[] = [];
  private bootstrapped = false;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly bus: EventBus,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  /** Whether this process runs listeners and timed jobs (`RUCHE_ROLE` worker or all). */
  get runsJobs(): boolean {
    return this.config.role !== 'api';
  }

  async onModuleInit(): Promise<void> {
    const { database } = this.config;
    const boss = new PgBoss({
      // pg-boss LISTENs for new jobs: a session connection, not through a transaction-mode pooler.
      connectionString: this.config.databaseDirectUrl ?? this.config.databaseUrl,
      schema: JOBS_SCHEMA,
      application_name: 'ruche-jobs',
      max: 4,
      connectionTimeoutMillis: database.acquireTimeoutMs,
      options: database.statementTimeoutMs ? `-c statement_timeout=${Math.max(database.statementTimeoutMs, 30_000)}` : undefined,
      useListenNotify: true,
      // Only instances that run jobs expire stuck ones and create the cron jobs.
      supervise: this.runsJobs,
      schedule: this.runsJobs,
      instanceName: `ruche-${this.config.role}`,
    });
    boss.on('error', (error) => {
      if (!this.stopped) this.logger.error({ msg: 'job engine error', error: String(error) });
    });
    await boss.start();
    await boss.createQueue(EVENTS_QUEUE, {
      policy: 'key_strict_fifo',
      retryLimit: this.config.jobs.retryLimit,
      retryDelay: this.config.jobs.retryDelaySeconds,
      retryBackoff: true,
      retryDelayMax: 600,
      expireInSeconds: EVENT_JOB_EXPIRE_SECONDS,
      deleteAfterSeconds: COMPLETED_KEPT_SECONDS,
      notify: true,
    });
    this.boss = boss;
  }

  async onApplicationBootstrap(): Promise<void> {
    this.bootstrapped = true;
    if (!this.runsJobs || !this.boss) return;
    const { concurrency } = this.config.jobs;
    const workers = Math.min(EVENT_WORKERS, concurrency);
    // Listeners running at once per worker: RUCHE_JOB_CONCURRENCY in all.
    const parallel = Math.ceil(concurrency / workers);
    const batchSize = Math.max(EVENTS_PER_FETCH, parallel);
    // Separate workers (not localConcurrency), so each knows its own id: a worker that found jobs
    // fetches again right after settling them instead of waiting for its next poll, because a
    // subject's next event only becomes fetchable once the one before it completed, and nothing
    // NOTIFYs that.
    for (let i = 0; i < workers; i++) {
      let id = '';
      id = await this.boss.work<EventJob, unknown, { includeMetadata: true; perJobResults: true; batchSize: number; pollingIntervalSeconds: number; notifyPollingIntervalSeconds: number }>(
        EVENTS_QUEUE,
        { includeMetadata: true, perJobResults: true, batchSize, pollingIntervalSeconds: 1, notifyPollingIntervalSeconds: 5 },
        (jobs) => {
          if (jobs.length > 0) this.boss?.notifyWorker(id);
          return this.handleEventJobs(jobs, parallel);
        },
      );
      this.eventWorkerIds.push(id);
    }
    for (const timer of this.timers) await this.startTimer(timer);
    for (const oneOff of this.oneOffs) await this.startOneOff(oneOff);
  }

  /** Before the database pool closes: running jobs finish (bounded), no new one starts. */
  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    await this.boss?.stop({ graceful: true, timeout: 10_000, close: true }).catch(() => undefined);
  }

  /**
   * Runs `run` on a cron schedule (UTC), on one instance at a time across the cluster, only where
   * jobs run. Register it during module init; a slot missed while no worker was up is skipped.
   */
  every(name: string, cron: string, run: () => Promise<unknown>): void {
    const timer = { name: `ruche.timer.${name}`, cron, run };
    this.timers.push(timer);
    if (this.bootstrapped && this.runsJobs) void this.startTimer(timer);
  }

  /**
   * Handles the one-off jobs of queue `name` (enqueued with {@link sendAt}): each runs once, on one
   * instance, where jobs run, once its time has come (within about a second). A job that throws is
   * retried with backoff. Register during module init. The handler must check that what it acts on
   * still wants it (a rescheduled deadline leaves the old job behind, which then does nothing).
   */
  onJob<T extends object>(name: string, run: (data: T) => Promise<unknown>): void {
    const oneOff = { name: `ruche.job.${name}`, run: run as (data: object) => Promise<unknown> };
    this.oneOffs.push(oneOff);
    if (this.bootstrapped && this.runsJobs) void this.startOneOff(oneOff);
  }

  /**
   * Enqueues a one-off job of queue `name` for `at` (now if past); inside `manager`'s transaction
   * when given, so the job exists if and only if the change that wants it commits.
   */
  async sendAt(name: string, data: object, at: Date, manager?: EntityManager): Promise<void> {
    const boss = this.boss;
    if (!boss) throw new Error('The job engine is not started');
    const queue = `ruche.job.${name}`;
    await this.ensureOneOffQueue(queue);
    await boss.insert(queue, [{ data, startAfter: at }], manager ? { db: transactionDb(manager) } : undefined);
  }

  private readonly oneOffQueues = new Map<string, Promise<void>>();

  private ensureOneOffQueue(name: string): Promise<void> {
    let created = this.oneOffQueues.get(name);
    if (!created) {
      created = this.boss!.createQueue(name, {
        retryLimit: this.config.jobs.retryLimit,
        retryDelay: this.config.jobs.retryDelaySeconds,
        retryBackoff: true,
        expireInSeconds: 300,
        deleteAfterSeconds: 86_400,
      });
      created.catch(() => this.oneOffQueues.delete(name));
      this.oneOffQueues.set(name, created);
    }
    return created;
  }

  private async startOneOff({ name, run }: OneOff): Promise<void> {
    await this.ensureOneOffQueue(name);
    await this.boss!.work<object>(name, { pollingIntervalSeconds: ONE_OFF_POLL_SECONDS }, async (jobs) => {
      for (const job of jobs) {
        try {
          await run(job.data);
        } catch (error) {
          this.logger.error({ msg: 'one-off job failed; will retry', job: name, error: String(error) });
          throw error;
        }
      }
    });
  }

  private async startTimer({ name, cron, run }: Timer): Promise<void> {
    const boss = this.boss!;
    await boss.createQueue(name, { policy: 'singleton', retryLimit: 0, expireInSeconds: 3600, deleteAfterSeconds: 86_400 });
    await boss.schedule(name, cron, null, { tz: 'UTC' });
    await boss.work(name, { pollingIntervalSeconds: 5 }, async () => {
      try {
        await run();
      } catch (error) {
        this.logger.error({ msg: 'timed job failed', job: name, error: String(error) });
        throw error;
      }
    });
  }

  /**
   * Enqueues the listener jobs of freshly stamped events, inside the stamping transaction
   * (`manager`), so a stamped event always has its job and a rolled-back stamp has none.
   */
  async enqueueEvents(db: EntityManager | SqlConnection, events: PublishedEvent[]): Promise<void> {
    const listened = events.filter((e) => this.bus.hasListeners(e.type));
    if (listened.length === 0 || !this.boss) return;
    await this.boss.insert(
      EVENTS_QUEUE,
      listened.map((e) => ({ id: eventJobId(e.eventId), data: { seq: e.eventId }, singletonKey: eventOrderKey(e) })),
      { db: db instanceof EntityManager ? transactionDb(db) : connectionDb(db) },
    );
  }

  /** Wakes this process's event workers now (instead of at their next poll). */
  wake(): void {
    for (const id of this.eventWorkerIds) this.boss?.notifyWorker(id);
  }

  /** How many event jobs are not finished (waiting, waiting to retry or running) up to `seq`. */
  async pendingEvents(upToSeq = Number.MAX_SAFE_INTEGER): Promise<number> {
    const [{ pending }] = await this.dataSource.query(
      `SELECT count(*)::int AS pending FROM ${JOBS_SCHEMA}.job
        WHERE name = $1 AND state < 'completed' AND (data->>'seq')::bigint <= $2`,
      [EVENTS_QUEUE, upToSeq],
    );
    return pending as number;
  }

  /** The job engine's client, for operators' views (queue depth in /metrics). */
  get engine(): PgBoss | undefined {
    return this.boss;
  }

  /** A batch's jobs, each subject's in order, `parallel` subjects at a time. */
  private async handleEventJobs(jobs: JobWithMetadata<EventJob>[], parallel: number): Promise<JobResult[]> {
    const rows: StampedRow[] = await this.dataSource.query(
      `SELECT ${STAMPED_COLUMNS} FROM outbox WHERE seq = ANY($1::bigint[])`,
      [jobs.map((j) => j.data.seq)],
    );
    const events = new Map(rows.map((r) => [Number(r.seq), toPublishedEvent(r)]));
    // The strict-FIFO fetch hands out one job per subject; kept in order here all the same.
    const bySubject = new Map<string, JobWithMetadata<EventJob>[]>();
    for (const job of [...jobs].sort((a, b) => a.data.seq - b.data.seq)) {
      const key = job.singletonKey ?? job.id;
      bySubject.set(key, [...(bySubject.get(key) ?? []), job]);
    }
    const results: JobResult[] = [];
    const subjects = [...bySubject.values()];
    let next = 0;
    await Promise.all(
      Array.from({ length: Math.min(parallel, subjects.length) }, async () => {
        while (next < subjects.length) {
          for (const job of subjects[next++]) results.push(await this.handleEventJob(job, events.get(job.data.seq)));
        }
      }),
    );
    return results;
  }

  private async handleEventJob(job: JobWithMetadata<EventJob>, event: PublishedEvent | undefined): Promise<JobResult> {
    if (!event) {
      // Pruned by the retention window before it was handled: nothing left to handle.
      this.logger.warn({ msg: 'event job without its outbox row', eventId: job.data.seq });
      return { id: job.id, status: 'completed' };
    }
    const failures = await this.bus.handle(event);
    if (failures.length === 0) return { id: job.id, status: 'completed' };
    const attempt = job.retryCount + 1;
    const detail = failures.map((f) => ({ listener: f.listener, error: f.error }));
    if (job.retryCount < job.retryLimit) {
      this.logger.warn({ msg: 'event listener failed; will retry', eventId: event.eventId, type: event.type, attempt, failures: detail });
      return { id: job.id, status: 'failed', output: { failures: detail } };
    }
    for (const failure of failures) {
      await this.dataSource.query(
        `INSERT INTO event_dead_letters (event_id, event_type, listener, attempts, error)
         VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT ON CONSTRAINT event_dead_letters_event_listener_key
         DO UPDATE SET attempts = event_dead_letters.attempts + EXCLUDED.attempts, error = EXCLUDED.error, failed_at = now()`,
        [event.eventId, event.type, failure.listener, attempt, failure.error.slice(0, 4000)],
      );
      // An operator alert: a listener gave up on an event (see README, "Background jobs").
      this.logger.error({
        msg: 'ALERT event listener dead-lettered',
        alert: 'event_dead_letter',
        eventId: event.eventId,
        type: event.type,
        listener: failure.listener,
        attempts: attempt,
        error: failure.error,
      });
    }
    return { id: job.id, status: 'completed', output: { deadLettered: detail } };
  }
}
