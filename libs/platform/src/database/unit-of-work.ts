import { AsyncLocalStorage } from 'node:async_hooks';
import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { RUCHE_CONFIG, type RucheConfig } from '../config/config.js';
import { readAfterWrite } from '../logging/request-context.js';
import { runPrepared } from './prepared.js';
import { ReadReplicas, type ReplicaStatus } from './read-replicas.js';
import type { SqlText } from './rows.js';

export type { ReplicaStatus } from './read-replicas.js';

/**
 * The unit of work the current async call chain runs in: the transaction's manager, while the
 * transaction is open. Why implicit (AsyncLocalStorage) instead of passing a manager through
 * every call: a transaction that reads through another module's service must not ask the pool
 * for a second connection (40 writers on one post then hold all 20 connections and wait for a
 * 21st forever). Passing the manager by hand has to be remembered at every one of ~130 call
 * sites; joining implicitly cannot be forgotten, and {@link guardPool} catches what still goes
 * around it.
 */
interface UnitOfWork {
  manager: EntityManager;
  /** Set when the transaction has ended: work started inside it but running later uses the pool. */
  done: boolean;
  /** What the owner of the transaction keeps with it (Transactions: the Tx collecting events). */
  owner?: unknown;
}

const current = new AsyncLocalStorage<UnitOfWork>();

/** The open unit of work of this call chain, if any. */
export function activeUnitOfWork(): UnitOfWork | undefined {
  const unit = current.getStore();
  return unit && !unit.done ? unit : undefined;
}

/** Runs `work` as the unit of work of `manager` (a transaction's), for every call it makes. */
export async function withinUnitOfWork<T>(manager: EntityManager, work: () => Promise<T>, owner?: unknown): Promise<T> {
  const unit: UnitOfWork = { manager, done: false, owner };
  try {
    return await current.run(unit, work);
  } finally {
    unit.done = true;
  }
}

/** Runs `work` outside any unit of work (e.g. a background task started from inside one). */
export function outsideUnitOfWork<T>(work: () => T): T {
  return current.exit(work);
}

/**
 * Where every module's queries go: the open transaction's connection when there is one, else the
 * pool. Services read through `db.manager` (never `dataSource.manager`), so a read made on behalf
 * of a transaction joins it.
 *
 * `db.reader` is for the heavy read-only lists (timelines, search, directories, dashboards): a
 * streaming replica (`DATABASE_REPLICA_URLS`) when one may serve the read, the same as `manager`
 * otherwise. Permission checks and anything a write depends on use `manager`: the primary.
 */
@Injectable()
export class Database implements OnModuleInit, BeforeApplicationShutdown {
  private readonly replicas: ReadReplicas;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(RUCHE_CONFIG) config: RucheConfig,
  ) {
    this.replicas = new ReadReplicas(dataSource, config);
  }

  onModuleInit(): void {
    this.replicas.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.replicas.stop();
  }

  get manager(): EntityManager {
    return activeUnitOfWork()?.manager ?? this.dataSource.manager;
  }

  /**
   * A replica's manager for a read that need not see anything newer than the lag bound, else
   * {@link manager}. The primary answers inside a unit of work, for the whole of a request that
   * writes (POST, PUT, PATCH, DELETE: what it reads may follow its write), and after a read
   * request or its caller committed a write, until a replica is known to hold it. A replica that is
   * down or further behind than `DATABASE_REPLICA_MAX_LAG_MS` is skipped.
   */
  get reader(): EntityManager {
    const unit = activeUnitOfWork();
    if (unit || !this.replicas.configured) return unit?.manager ?? this.dataSource.manager;
    const after = readAfterWrite();
    if (after === 'primary') return this.dataSource.manager;
    return this.replicas.pick(after) ?? this.dataSource.manager;
  }

  /**
   * Whether {@link reader} may hand out a replica in this call chain: a caller that combines several
   * reads (search) then confirms what they found on the primary, as {@link readCandidates} does.
   */
  get mayReadReplica(): boolean {
    return this.replicas.configured && !activeUnitOfWork() && readAfterWrite() !== 'primary';
  }

  /**
   * A list read on {@link reader}, for lists whose rows carry what visibility depends on (a post's
   * group privacy, its moderation state): when a replica served it, `confirm` runs on the primary
   * over the rows found and keeps those still visible there. A replica within its lag bound may then
   * miss the newest rows or show a slightly older copy of one, never one the viewer may no longer
   * see (a group gone private, a post just hidden). The viewer's own memberships and roles, the
   * parameters of the filter, are read on the primary before the query.
   */
  async readCandidates<T>(read: (db: EntityManager) => Promise<T[]>, confirm: (found: T[]) => Promise<T[]>): Promise<T[]> {
    const db = this.reader;
    const found = await read(db);
    return db === this.manager || found.length === 0 ? found : confirm(found);
  }

  /** Each replica: up, how far behind, how many reads it served (tests, metrics, readiness). */
  replicaStatus(): ReplicaStatus[] {
    return this.replicas.status();
  }

  /** Checks the replicas now instead of at the next round (tests). */
  checkReplicas(): Promise<void> {
    return this.replicas.check();
  }

  query<T = unknown>(text: string, params?: unknown[]): Promise<T> {
    return this.manager.query(text, params) as Promise<T>;
  }

  /**
   * The rows of `query` run as the named prepared statement `name` (planned once per connection,
   * see prepared.ts), for the hot paths. On the open unit of work's connection when there is one,
   * like {@link query}; `on` picks another manager (e.g. {@link reader}).
   */
  prepared<T>(name: string, query: SqlText, on: EntityManager = this.manager): Promise<T[]> {
    return runPrepared<T>(on, name, query);
  }
}

export class SecondConnectionError extends Error {
  constructor() {
    super('a unit of work asked the pool for a second connection (read through Database.manager instead)');
    this.name = 'SecondConnectionError';
  }
}

interface ConnectablePool {
  connect: (...args: unknown[]) => unknown;
}

/**
 * Makes a second connection taken inside a unit of work visible: `strict` (tests) fails the call,
 * otherwise it is logged with its stack. Wraps the pg pool behind TypeORM's postgres driver.
 */
export function guardPool(dataSource: DataSource, strict: boolean): void {
  const pool = (dataSource.driver as unknown as { master?: ConnectablePool }).master;
  if (!pool || (pool as { __rucheGuarded?: boolean }).__rucheGuarded) return;
  const logger = new Logger('database');
  const connect = pool.connect.bind(pool);
  const seen = new Set<string>();
  pool.connect = (...args: unknown[]) => {
    if (activeUnitOfWork()) {
      const error = new SecondConnectionError();
      if (strict) {
        const callback = args.find((a) => typeof a === 'function') as ((e: Error) => void) | undefined;
        if (callback) return callback(error);
        return Promise.reject(error);
      }
      const where = error.stack ?? '';
      if (!seen.has(where)) {
        seen.add(where);
        logger.error({ msg: error.message, stack: where });
      }
    }
    return connect(...args);
  };
  (pool as { __rucheGuarded?: boolean }).__rucheGuarded = true;
}
