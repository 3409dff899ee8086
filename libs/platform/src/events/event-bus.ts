import { Injectable, Logger } from '@nestjs/common';
import type { DomainEventType, NewDomainEvent, PublishedEvent } from './domain-events.js';

type Handler<T extends DomainEventType> = (event: PublishedEvent<T>) => Promise<void> | void;
type WithinHandler<T extends DomainEventType> = (event: NewDomainEvent<T>) => Promise<void>;

/**
 * In-process listeners (notifications, analytics, search) subscribe here. Events arrive after
 * commit, in `eventId` order, once per event across all instances (on the instance that
 * published it). A failing listener is logged and does not stop the others.
 */
@Injectable()
export class EventBus {
  private readonly logger = new Logger('events');
  private readonly handlers = new Map<string, Handler<DomainEventType>[]>();
  private readonly withinHandlers = new Map<string, WithinHandler<DomainEventType>[]>();

  subscribe<T extends DomainEventType>(type: T, handler: Handler<T>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as unknown as Handler<DomainEventType>);
    this.handlers.set(type, list);
  }

  /**
   * A listener that must hold in the same transaction as the change (an invariant, not a
   * reaction): it runs inside `tx.emit`, its queries join the transaction (Database.manager), and
   * if it throws the whole change rolls back. E.g. the feed marks a group's posts private in the
   * transaction that makes the group private, so no reader ever sees the group private and its
   * posts public. Keep these few and cheap; everything else listens after commit.
   */
  subscribeWithin<T extends DomainEventType>(type: T, handler: WithinHandler<T>): void {
    const list = this.withinHandlers.get(type) ?? [];
    list.push(handler as unknown as WithinHandler<DomainEventType>);
    this.withinHandlers.set(type, list);
  }

  /** Runs the in-transaction listeners of `event` (called by Tx.emit, inside the transaction). */
  async applyWithin(event: NewDomainEvent): Promise<void> {
    for (const handler of this.withinHandlers.get(event.type) ?? []) await handler(event);
  }

  async deliver(event: PublishedEvent): Promise<void> {
    for (const handler of this.handlers.get(event.type) ?? []) {
      try {
        await handler(event);
      } catch (error) {
        this.logger.error({ msg: 'event listener failed', eventId: event.eventId, type: event.type, error: String(error), stack: (error as Error)?.stack });
      }
    }
  }
}
