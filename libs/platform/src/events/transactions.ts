import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { activeUnitOfWork, withinUnitOfWork } from '../database/unit-of-work.js';
import type { DomainEventType, NewDomainEvent } from './domain-events.js';
import { OutboxPublisher } from './outbox-publisher.js';

/** A unit of work: the entity manager every write joins, and the events it will publish. */
export class Tx {
  private emitted = 0;

  constructor(readonly manager: EntityManager) {}

  /** Records an event in the outbox, in this transaction: it exists if and only if the change commits. */
  async emit<T extends DomainEventType>(event: NewDomainEvent<T>): Promise<void> {
    await this.manager.query(
      `INSERT INTO outbox (type, payload, audience, subject_type, subject_id, actor_id)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [
        event.type,
        JSON.stringify(event.payload),
        [...new Set(event.audience)],
        event.subject?.type ?? null,
        event.subject?.id ?? null,
        event.actorId ?? null,
      ],
    );
    this.emitted++;
  }

  get hasEvents(): boolean {
    return this.emitted > 0;
  }
}

@Injectable()
export class Transactions {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: OutboxPublisher,
  ) {}

  /**
   * Runs `work` in one transaction; once it commits, its events are published. Every query made
   * while it runs, through `Database.manager` in any module, uses the transaction's connection. A
   * `run` inside a `run` joins the outer transaction (one unit of work, one connection).
   */
  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const open = activeUnitOfWork();
    if (open?.owner instanceof Tx) return work(open.owner);
    let tx: Tx | undefined;
    const result = await this.dataSource.transaction(async (manager) => {
      const unit = new Tx(manager);
      tx = unit;
      return withinUnitOfWork(manager, () => work(unit), unit);
    });
    if (tx?.hasEvents) this.outbox.kick();
    return result;
  }
}
