import { Injectable } from '@nestjs/common';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { runPrepared } from '../database/prepared.js';
import { activeUnitOfWork, withinUnitOfWork } from '../database/unit-of-work.js';
import { noteCommittedWrite } from '../logging/request-context.js';
import type { DomainEventType, NewDomainEvent } from './domain-events.js';
import { EventBus } from './event-bus.js';
import { OutboxPublisher } from './outbox-publisher.js';

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
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.once(work);
      } catch (error) {
        if (attempt >= ATTEMPTS || !retryable(error)) throw error;
        await sleep(5 + Math.random() * 20 * attempt);
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
