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

/** A value {@link Transactions.single} can write into its statement as a literal. */
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

/** What {@link Transactions.single} gives its work: reads on the primary, and the one write. */
export interface SingleWrite {
  /** The primary's manager, outside any transaction: each read takes a connection for itself alone. */
  readonly manager: EntityManager;
  /**
   * Sends `BEGIN`, `query` and `COMMIT` in one message and answers the statement's rows. `events`
   * names the events the statement writes into the outbox itself (published after the commit like
   * `Tx.emit`'s; they must have no listener inside the transaction, which could not run here).
   * `flushWait: false`: the commit does not wait for the WAL flush ({@link Tx.commitWithoutFlushWait}).
   */
  commit<T>(query: SqlText, options?: { events?: readonly DomainEventType[]; flushWait?: boolean }): Promise<T[]>;
}

/** A unit of work: the entity manager every write joins, and the events it will publish. */
export class Tx {
  private emitted = 0;

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
    return this.retrying(() => this.once(work));
  }

  /**
   * A write that is one statement, after reads that take no lock: `work` reads through
   * `write.manager` (the primary, outside any transaction) and ends with `write.commit(query)`,
   * which sends `BEGIN`, the statement and `COMMIT` to PostgreSQL in one message. For a statement
   * that takes a hot row lock (the count of an idea everyone votes for): the lock is held for the
   * statement and the commit only, and no connection waits for the api between statements. Under a
   * storm each round trip waits for the api's event loop behind every other request's work, a few
   * ms each: with `run`, the counter's lock was held through two of them (counter, event, COMMIT),
   * and every vote held a connection through six.
   *
   * The statement re-checks under its lock whatever the reads decided (the row it locks is still
   * what they saw), and fails with 40001 (`refuse_stale_write`) if not: a statement that changed
   * nothing would be committed by the COMMIT behind it. A 40001 or deadlock runs `work` again from
   * the start, reads included, like `run`. The simple protocol has no parameters: `values` are
   * written into the text as literals (strings quoted by node-postgres' `escapeLiteral`, finite
   * numbers, NULL, text arrays); cast them in the text (`$1::uuid`).
   */
  async single<T>(work: (write: SingleWrite) => Promise<T>): Promise<T> {
    if (activeUnitOfWork()) throw new Error('Transactions.single commits on its own: not inside a transaction');
    let committed = false;
    return this.retrying(
      async () => {
        committed = false;
        const write: SingleWrite = {
          manager: this.dataSource.manager,
          commit: async <R>(
            query: SqlText,
            { events = [], flushWait = true }: { events?: readonly DomainEventType[]; flushWait?: boolean } = {},
          ) => {
            if (committed) throw new Error('Transactions.single commits once');
            for (const type of events) {
              if (this.bus.hasWithin(type)) throw new Error(`${type} has listeners inside the transaction: emit it with tx.emit`);
            }
            const rows = await this.sendWithCommit<R>(query, flushWait);
            committed = true;
            noteCommittedWrite();
            if (events.length > 0) this.outbox.kick();
            return rows;
          },
        };
        return work(write);
      },
      () => !committed,
    );
  }

  private async sendWithCommit<T>(query: SqlText, flushWait: boolean): Promise<T[]> {
    const statements = ['BEGIN', ...(flushWait ? [] : [`SELECT set_config('synchronous_commit', 'off', true)`]), inline(query)];
    const text = [...statements, 'COMMIT'].join('; ');
    const runner = this.dataSource.createQueryRunner();
    try {
      const client = (await runner.connect()) as SimpleClient;
      try {
        const results = await client.query(text);
        return (results as { rows: unknown[] }[])[statements.length - 1].rows as T[];
      } catch (error) {
        // The statements after the failing one were skipped: the transaction is still open, aborted.
        await client.query('ROLLBACK').catch(() => undefined);
        throw new QueryFailedError(text, [], error as Error);
      }
    } finally {
      await runner.release();
    }
  }

  /**
   * Runs `attempt` again after a deadlock or serialization failure, a few times with a short random
   * pause, while `again` (nothing committed yet) allows.
   */
  private async retrying<T>(attempt: () => Promise<T>, again: () => boolean = () => true): Promise<T> {
    for (let n = 1; ; n++) {
      try {
        return await attempt();
      } catch (error) {
        if (n >= ATTEMPTS || !retryable(error) || !again()) throw error;
        await sleep(5 + Math.random() * 20 * n);
      }
    }
  }

  private async once<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    let tx: Tx | undefined;
    const result = await this.dataSource.transaction(async (manager) => {
      const unit = new Tx(manager, this.bus);
      tx = unit;
      return withinUnitOfWork(manager, () => work(unit), unit);
    });
    // Later reads of this request (and of its caller, for a while) must see what just committed.
    noteCommittedWrite();
    if (tx?.hasEvents) this.outbox.kick();
    return result;
  }
}
