import { Inject, Injectable } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { DataSource } from 'typeorm';
import { RUCHE_CONFIG, type RucheConfig } from '../config/config.js';
import { Database } from '../database/unit-of-work.js';
import { EVENTS_QUEUE, JOBS_SCHEMA } from '../jobs/job-engine.js';

/** Where an event can wait: committed but not stamped yet, or stamped but not handled by its listeners. */
const LAG_STAGES = ['stamp', 'listeners'] as const;

/** How many events wait at one stage, and for how long the oldest has. */
interface StageLag {
  events: number;
  seconds: number;
}

interface PoolCounts {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
}

/**
 * What an operator scrapes at `GET /metrics` (Prometheus text format): request latency by route
 * and status, how far stamping and the listeners are behind the outbox, the job queues' depth,
 * dead letters, and this process's database pool. One registry per app, not prom-client's global
 * one, so several instances in one process (the tests) do not share counters.
 *
 * The database figures are read at scrape time (a few indexed counts): nothing is counted on the
 * hot paths but the latency histogram.
 */
@Injectable()
export class Metrics {
  readonly registry = new Registry();
  private readonly latency: Histogram<'method' | 'route' | 'status'>;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
    db: Database,
  ) {
    this.registry.setDefaultLabels({ role: config.role });
    collectDefaultMetrics({ register: this.registry, prefix: 'ruche_process_' });
    this.latency = new Histogram({
      name: 'ruche_http_request_duration_seconds',
      help: 'HTTP request latency, by route (as registered) and status code',
      labelNames: ['method', 'route', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [this.registry],
    });
    const pool = () => (this.dataSource.driver as unknown as { master?: PoolCounts }).master;
    this.gauge('ruche_db_pool_connections', 'Connections in this process pool', () => pool()?.totalCount ?? 0);
    this.gauge('ruche_db_pool_idle', 'Idle connections in this process pool', () => pool()?.idleCount ?? 0);
    this.gauge('ruche_db_pool_waiting', 'Requests waiting for a pool connection', () => pool()?.waitingCount ?? 0);
    this.gauge('ruche_db_pool_max', 'Pool size limit (DATABASE_POOL_MAX)', () => config.database.poolMax);
    new Gauge({
      name: 'ruche_db_replica_lag_seconds',
      help: 'How far each read replica is known to be behind the primary; -1 while it is down or unchecked',
      labelNames: ['replica'],
      registers: [this.registry],
      collect: function (this: Gauge<'replica'>) {
        for (const replica of db.replicaStatus()) {
          this.set({ replica: replica.name }, replica.up && replica.lagMs !== null ? replica.lagMs / 1000 : -1);
        }
      },
    });
    const lagGauge = (name: string, help: string, pick: (stage: StageLag) => number) =>
      new Gauge({
        name,
        help,
        labelNames: ['stage'],
        registers: [this.registry],
        collect: async function (this: Gauge<'stage'>) {
          const lag = await outboxLag();
          for (const stage of LAG_STAGES) this.set({ stage }, pick(lag[stage]));
        },
      });
    lagGauge(
      'ruche_events_lag',
      'Events behind: stage=stamp (committed, not stamped) or stage=listeners (stamped, not handled)',
      (s) => s.events,
    );
    lagGauge('ruche_events_lag_seconds', 'Age of the oldest event waiting: stage=stamp or stage=listeners', (s) => s.seconds);
    new Gauge({
      name: 'ruche_job_queue_depth',
      help: 'Jobs not finished, by queue and state (created, retry, active)',
      labelNames: ['queue', 'state'],
      registers: [this.registry],
      collect: async function (this: Gauge<'queue' | 'state'>) {
        this.reset();
        for (const row of await queueDepth()) this.set({ queue: row.name, state: row.state }, row.jobs);
      },
    });
    this.gauge('ruche_event_dead_letters', 'Listener runs that failed after their last retry (event_dead_letters)', async () => {
      const [row] = await dataSource.query('SELECT count(*)::int AS n FROM event_dead_letters');
      return row.n as number;
    });

    // Cached for one scrape: the two lag gauges share one query.
    let lagAt = 0;
    let lag: Promise<Record<(typeof LAG_STAGES)[number], StageLag>> | undefined;
    const outboxLag = () => {
      if (!lag || Date.now() - lagAt > 1000) {
        lagAt = Date.now();
        lag = dataSource
          .query(
            `SELECT (SELECT count(*)::int FROM outbox WHERE seq IS NULL) AS unstamped,
                    (SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0)::float FROM outbox WHERE seq IS NULL) AS stamp_seconds,
                    (SELECT count(*)::int FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND state < 'completed') AS unhandled,
                    (SELECT coalesce(extract(epoch FROM now() - min(created_on)), 0)::float FROM ${JOBS_SCHEMA}.job WHERE name = $1 AND state < 'completed') AS listen_seconds`,
            [EVENTS_QUEUE],
          )
          .then(([row]) => ({
            stamp: { events: row.unstamped, seconds: row.stamp_seconds },
            listeners: { events: row.unhandled, seconds: row.listen_seconds },
          }));
      }
      return lag;
    };
    const queueDepth = (): Promise<{ name: string; state: string; jobs: number }[]> =>
      dataSource.query(
        `SELECT name, state::text AS state, count(*)::int AS jobs FROM ${JOBS_SCHEMA}.job WHERE state < 'completed' GROUP BY name, state`,
      );
  }

  private gauge(name: string, help: string, read: () => number | Promise<number>): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      collect: async function (this: Gauge) {
        this.set(await read());
      },
    });
  }

  /**
   * Times every request, and serves `GET /metrics` to a caller presenting METRICS_TOKEN as a
   * bearer token (the figures describe the deployment, not any person's data, but they are for
   * operators). METRICS_TOKEN unset: the route answers 404, as if it did not exist.
   */
  register(fastify: FastifyInstance): void {
    fastify.addHook('onResponse', (request, reply, done) => {
      const route = request.routeOptions?.url ?? 'unmatched';
      this.latency.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000);
      done();
    });
    const token = this.config.metricsToken;
    const expected = Buffer.from(`Bearer ${token}`);
    fastify.get('/metrics', async (request, reply) => {
      if (!token) return reply.code(404).send({ statusCode: 404, message: 'Not found' });
      const presented = Buffer.from(request.headers.authorization ?? '');
      if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) {
        return reply.code(401).header('www-authenticate', 'Bearer').send({ statusCode: 401, message: 'Metrics token required' });
      }
      return reply.type(this.registry.contentType).send(await this.registry.metrics());
    });
  }
}

/** Paths a `RUCHE_ROLE=worker` process serves: liveness, readiness and metrics, nothing else. */
const OPERATIONS_PATHS = new Set(['/api/health', '/api/health/ready', '/metrics']);

/** On a worker, every other HTTP request is a 404: it runs jobs, it is not behind the load balancer. */
export function serveOperationsOnly(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    const path = request.url.split('?')[0];
    if (OPERATIONS_PATHS.has(path)) return done();
    void reply.code(404).send({ statusCode: 404, message: 'This instance runs background jobs only (RUCHE_ROLE=worker)' });
  });
}
