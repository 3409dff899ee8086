import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { runPrepared } from '../database/prepared.js';
import { activeUnitOfWork, withinUnitOfWork } from '../database/unit-of-work.js';
import { noteCommittedWrite } from '../logging/request-context.js';
import type { SqlText } from '../database/rows.js';
import type { DomainEventType, NewDomainEvent } from './domain-events.js';
import { EventBus } from './event-bus.js';
import { OutboxPublisher } from './outbox-publisher.js';

/** A value {@link Tx.commitWith} can write into its statement as a literal. */
export type Literal = string | number | null | readonly string[];

function literal(value: Literal): string {
  if (value === null) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'string') return pg.escapeLiteral(value);
  return `ARRAY[${value.map((v) => pg.escapeLiteral(v)).join(', ')}]::text[]`;
}

/** `text` with `$1`, `$2`... replaced by `values` as SQL literals (the statement's own casts apply). */
function inline({ text, values }: SqlText): string {
  return text.replace(/\$(\d+)/g, (_, n: string) => {
    const index = Number(n) - 1;
    if (index >= values.length) throw new Error(`no value for $${n}`);
    return literal(values[index] as Literal);
  });
}

interface SimpleClient {
  query: (text: string) => Promise<{ rows: unknown[] } | { rows: unknown[] }[]>;
}

/** A unit of work: the entity manager every write joins, and the events it will publish. */
export class Tx {
  private emitted = 0;
  private committedEarly = false;

  constructor(
    readonly manager: EntityManager,
    private readonly bus?: EventBus,
  ) {}

  /**
   * Records an event in the outbox, in this transaction: it exists if and only if the change
   * commits. Listeners that keep an invariant with the change ({@link EventBus.subscribeWithin})
   * run here, in the same transaction.
   */
  async emit<T extends DomainEventType>(event: NewDomainEvent<T>): Promise<void> {
    await this.bus?.applyWithin(event);
    // Prepared: every write of every module runs it.
    await runPrepared(this.manager, 'outbox.insert', {
      text: `INSERT INTO outbox (type, payload, audience, subject_type, subject_id, actor_id)
             VALUES ($1, $2, $3, $4, $5, $6)`,
      values: [
        event.type,
        JSON.stringify(event.payload),
        [...new Set(event.audience)],
        event.subject?.type ?? null,
        event.subject?.id ?? null,
        event.actorId ?? null,
      ],
    });
    this.emitted++;
  }

  get hasEvents(): boolean {
    return this.emitted > 0;
  }

  /** Whether {@link commitWith} committed the transaction (its runner must not commit again). */
  get committed(): boolean {
    return this.committedEarly;
  }

  /**
   * Runs `query` as the transaction's last statement and commits, both in one message to
   * PostgreSQL (the simple protocol: the statement, then `COMMIT`), and answers the statement's
   * rows. For a statement that takes a hot row lock (the count of an idea everyone votes for):
   * the lock is held for the statement and the commit only, with no round trip through the api in
   * between. Under a storm each round trip waits for the api's event loop behind every other
   * request's work, a few ms each, and a lock held through two of them (the counter update, then
   * the event, then `COMMIT`) put 500 voters in single file at ~180 votes/s.
   *
   * If the statement fails, PostgreSQL skips the `COMMIT` of the same message and the transaction
   * is rolled back as usual (a `40001` from the statement runs the whole transaction again, see
   * {@link Transactions.run}). The work must return right after: nothing more runs in it.
   *
   * The simple protocol has no parameters: `values` are written into the text as literals
   * (strings quoted by node-postgres' `escapeLiteral`, finite numbers, NULL, text arrays); cast
   * them in the text (`$1::uuid`). `events` names the events the statement writes into the outbox
   * itself; they are published after the commit like {@link emit}'s, and must have no listener
   * that runs inside the transaction (it could not run here).
   */
  async commitWith<T>(query: SqlText, events: readonly DomainEventType[] = []): Promise<T[]> {
    for (const type of events) {
      if (this.bus?.hasWithin(type)) throw new Error(`${type} has listeners inside the transaction: emit it with tx.emit`);
    }
    const text = `${inline(query)}; COMMIT`;
    const runner = this.manager.queryRunner;
    if (!runner) throw new Error('commitWith runs inside a transaction');
    const client = (await runner.connect()) as SimpleClient;
    let results;
    try {
      results = await client.query(text);
    } catch (error) {
      throw new QueryFailedError(text, [], error as Error);
    }
    this.committedEarly = true;
    this.emitted += events.length;
    const [first] = Array.isArray(results) ? results : [results];
    return first.rows as T[];
  }

  /**
   * Commits without waiting for the WAL flush (`synchronous_commit = off`, this transaction only),
   * for writes that hold a hot row lock until commit (a vote, a reaction): PostgreSQL releases row
   * locks only once the commit record is on disk, so with a flush of 2–13 ms each, 500 people voting
   * for one idea were in single file behind 500 fsyncs (~75 votes/s at best, measured). Without
   * the wait, the lock is held for the statements alone, and the WAL writer flushes the commit soon after
   * (within 3 × `wal_writer_delay`, 600 ms, at worst).
   *
   * What a crash can lose: such a transaction, whole (never half: counts stay equal to their rows),
   * if it was not yet flushed. Never one whose event anyone saw: delivery only reads stamped rows,
   * and the stamping transaction commits synchronously, which flushes the WAL up to its own commit
   * record, past every commit it stamped. Only the writer's HTTP 200 can outlive it.
   */
  async commitWithoutFlushWait(): Promise<void> {
    await this.manager.query(`SELECT set_config('synchronous_commit', 'off', true)`);
  }
}

/** Deadlock and serialization failure: PostgreSQL rolled the whole transaction back; it may run again. */
const RETRYABLE = new Set(['40P01', '40001']);
const ATTEMPTS = 3;

function retryable(error: unknown): boolean {
  return error instanceof QueryFailedError && RETRYABLE.has((error.driverError as { code?: string } | undefined)?.code ?? '');
}

@Injectable()
export class Transactions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
    private readonly bus: EventBus,
  ) {}

  /**
   * Runs `work` in one transaction; once it commits, its events are published. Every query made
   * while it runs, through `Database.manager` in any module, uses the transaction's connection. A
   * `run` inside a `run` joins the outer transaction (one unit of work, one connection).
   *
   * A transaction that PostgreSQL aborts as a deadlock victim or a serialization failure is run
   * again from the start (it wrote nothing), a few times with a short random pause, so two writers
   * that lock the same rows in a different order never surface as a 500.
   */
  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const open = activeUnitOfWork();
    if (open?.owner instanceof Tx) return work(open.owner);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(work);
      } catch (error) {
        if (attempt >= ATTEMPTS || !retryable(error)) throw error;
        await sleep(5 + Math.random() * 20 * attempt);
      }
    }
  }

  /** `EntityManager.transaction`, except that a transaction the work committed itself ({@link Tx.commitWith}) is not committed again. */
  private async once<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const runner = this.dataSource.createQueryRunner();
    const tx = new Tx(runner.manager, this.bus);
    let result: T;
    try {
      await runner.startTransaction();
      result = await withinUnitOfWork(runner.manager, () => work(tx), tx);
      if (!tx.committed) await runner.commitTransaction();
    } catch (error) {
      if (!tx.committed) await runner.rollbackTransaction().catch(() => undefined);
      throw error;
    } finally {
      await runner.release();
    }
    // Later reads of this request (and of its caller, for a while) must see what just committed.
    noteCommittedWrite();
    if (tx.hasEvents) this.outbox.kick();
    return result;
  }
}
