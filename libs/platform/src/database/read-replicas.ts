import { Logger } from '@nestjs/common';
import { DataSource, type DataSourceOptions, type EntityManager } from 'typeorm';
import type { RucheConfig } from '../config/config.js';
import { isDatabaseUnavailable } from '../errors/database-unavailable.js';
import { forgetWritesBefore } from '../logging/request-context.js';
import { pgConnectionOptions } from './pg-options.js';

/** A WAL position (`16/B374D848`) as a number, to compare. */
export function lsnValue(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

interface Replica {
  /** `host:port/database`: what logs and metrics name (never the password). */
  name: string;
  dataSource: DataSource;
  /**
   * Every transaction that had committed on the primary by this time (ms since epoch) is visible
   * on the replica; 0 until the first check. Why a time and not a lag figure from the replica
   * (`now() - pg_last_xact_replay_timestamp()`): that one grows while the primary is idle, and says
   * nothing about a particular write.
   */
  caughtUpTo: number;
  up: boolean;
  /** The pool being opened (a slow replica may still be answering when the next check comes). */
  opening?: Promise<unknown>;
  /** Reads it has served, for tests and metrics. */
  served: number;
  /** Its manager, whose queries fall back to the primary when the replica cannot answer. */
  reader?: EntityManager;
}

interface PrimarySample {
  at: number;
  lsn: bigint;
}

export interface ReplicaStatus {
  name: string;
  up: boolean;
  /** How far behind the primary it is known to be (ms), or null before the first check. */
  lagMs: number | null;
  served: number;
}

/**
 * Streaming replicas and what each is known to hold. Every `interval`, the primary's WAL insert
 * position is sampled (with the time just before asking), then each replica's replay position: a
 * replica that has replayed past a sample holds every transaction committed before that sample's
 * time. That one figure answers both questions a read asks: "is it within the lag bound" and
 * "does it hold this person's last write". A replica that fails or times out stops serving until
 * a check succeeds again; nothing waits on it longer than the check's bound.
 */
export class ReadReplicas {
  private readonly logger = new Logger('replicas');
  private readonly replicas: Replica[];
  private samples: PrimarySample[] = [];
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private next = 0;
  private readonly interval: number;

  constructor(
    private readonly primary: DataSource,
    private readonly config: RucheConfig,
  ) {
    const { urls, maxLagMs } = config.replicas;
    // Several checks fit in the lag bound, so a healthy replica never looks late between two.
    this.interval = Math.max(50, Math.min(1000, Math.floor(maxLagMs / 4)));
    this.replicas = urls.map((url) => ({
      name: replicaName(url),
      dataSource: new DataSource({
        type: 'postgres',
        url,
        entities: (primary.options as DataSourceOptions).entities,
        synchronize: false,
        migrationsRun: false,
        installExtensions: false,
        extra: {
          max: config.database.poolMax,
          application_name: 'ruche-api-replica',
          ...pgConnectionOptions(config.database),
        },
        logging: ['error'],
      }),
      caughtUpTo: 0,
      up: false,
      served: 0,
    }));
  }

  get configured(): boolean {
    return this.replicas.length > 0;
  }

  start(): void {
    if (!this.configured) return;
    const loop = async () => {
      await this.check();
      if (!this.stopped) this.timer = setTimeout(() => void loop(), this.interval);
    };
    void loop();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    // A pool still opening would be left open behind the closed app.
    await Promise.all(this.replicas.map((r) => (r.opening ?? Promise.resolve()).catch(() => undefined)));
    await Promise.all(this.replicas.filter((r) => r.dataSource.isInitialized).map((r) => r.dataSource.destroy()));
  }

  /**
   * A replica's manager that may serve a read needing every commit before `after` (ms since epoch;
   * undefined: any replica within the lag bound), round-robin; undefined when none may.
   */
  pick(after?: number): EntityManager | undefined {
    const fresh = Date.now() - this.config.replicas.maxLagMs;
    const usable = this.replicas.filter(
      (r) => r.up && r.dataSource.isInitialized && r.caughtUpTo >= fresh && (after === undefined || r.caughtUpTo > after),
    );
    if (usable.length === 0) return undefined;
    const replica = usable[this.next++ % usable.length];
    replica.served++;
    replica.reader ??= this.withFallback(replica);
    return replica.reader;
  }

  /**
   * The replica's manager, except that a query the replica could not serve at all (it went down
   * since the last check, its pool is exhausted, replay cancelled the query) runs again on the
   * primary, and the replica serves nothing until a check finds it well: its failure between two
   * checks costs a retry, not an error. A slow query (statement or lock timeout) is not run twice.
   */
  private withFallback(replica: Replica): EntityManager {
    const manager = replica.dataSource.manager;
    const primary = this.primary.manager;
    const query = async (text: string, params?: unknown[]) => {
      try {
        return await manager.query(text, params);
      } catch (error) {
        if (!isDatabaseUnavailable(error) || ['57014', '55P03'].includes(sqlState(error) ?? '')) throw error;
        if (replica.up) this.logger.warn({ msg: 'replica failed a read: reads go to the primary', replica: replica.name, error: String(error) });
        replica.up = false;
        return primary.query(text, params);
      }
    };
    return new Proxy(manager, { get: (target, key, receiver) => (key === 'query' ? query : Reflect.get(target, key, receiver)) });
  }

  status(): ReplicaStatus[] {
    const now = Date.now();
    return this.replicas.map((r) => ({
      name: r.name,
      up: r.up,
      lagMs: r.caughtUpTo ? now - r.caughtUpTo : null,
      served: r.served,
    }));
  }

  /** Runs one round now (tests; the loop runs them on its own). */
  async check(): Promise<void> {
    const bound = this.config.replicas.maxLagMs;
    try {
      const at = Date.now();
      const [row] = await within(bound, this.primary.query<{ lsn: string }[]>('SELECT pg_current_wal_insert_lsn()::text AS lsn'));
      this.samples.push({ at, lsn: lsnValue(row.lsn) });
    } catch (error) {
      // Without a primary sample nothing new can be proven; replicas age out on their own.
      this.logger.warn({ msg: 'replica check: the primary did not answer', error: String(error) });
    }
    const oldest = Date.now() - 2 * bound - this.interval;
    while (this.samples.length > 1 && this.samples[0].at < oldest) this.samples.shift();
    await Promise.all(this.replicas.map((replica) => this.checkReplica(replica, bound)));
    forgetWritesBefore(Date.now() - bound);
  }

  private async checkReplica(replica: Replica, bound: number): Promise<void> {
    try {
      if (!replica.dataSource.isInitialized) {
        replica.opening ??= replica.dataSource.initialize().finally(() => (replica.opening = undefined));
        await within(bound, replica.opening);
      }
      const [row] = await within(
        bound,
        replica.dataSource.query<{ recovery: boolean; lsn: string | null }[]>(
          'SELECT pg_is_in_recovery() AS recovery, pg_last_wal_replay_lsn()::text AS lsn',
        ),
      );
      const replayed = row.recovery && row.lsn ? lsnValue(row.lsn) : null;
      // Not in recovery: a promoted replica or the primary itself behind another address: current.
      const caught = this.samples.filter((s) => replayed === null || s.lsn <= replayed).at(-1);
      if (caught && caught.at > replica.caughtUpTo) replica.caughtUpTo = caught.at;
      if (!replica.up) this.logger.log({ msg: 'replica serving reads', replica: replica.name });
      replica.up = true;
    } catch (error) {
      if (replica.up) this.logger.warn({ msg: 'replica unavailable: its reads go to the primary', replica: replica.name, error: String(error) });
      replica.up = false;
    }
  }
}

function sqlState(error: unknown): string | undefined {
  const driver = (error as { driverError?: { code?: unknown } }).driverError;
  const code = driver?.code ?? (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : undefined;
}

function replicaName(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
}

/** `work`, or a rejection once `ms` have passed (the work itself is bounded by the pool's own timeouts). */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}
