import { Injectable, Logger } from '@nestjs/common';
import type { DomainEventType, NewDomainEvent, PublishedEvent } from './domain-events.js';

type Handler<T extends DomainEventType> = (event: PublishedEvent<T>) => Promise<void> | void;

/** A listener that threw on an event: its name (`<type>#<n>`, or the one given) and the error. */
export interface ListenerFailure {
  listener: string;
  error: string;
}
type WithinHandler<T extends DomainEventType> = (event: NewDomainEvent<T>) => Promise<void>;

/**
 * In-process listeners (notifications, analytics, search) subscribe here. Events arrive after
 * commit through the job engine (JobEngine): events about one subject in `eventId` order, on
 * whichever instance runs jobs, at least once (a failed listener is retried, so listeners are
 * idempotent by `eventId`). A failing listener does not stop the others.
 */
@Injectable()
export class EventBus {
  private readonly logger = new Logger('events');
  private readonly handlers = new Map<string, { name: string; handler: Handler<DomainEventType> }[]>();
  private readonly withinHandlers = new Map<string, WithinHandler<DomainEventType>[]>();

  /**
   * `name` identifies the listener in dead letters and logs; by default `<type>#<n>`, the n-th
   * listener of the type in registration order.
   */
  subscribe<T extends DomainEventType>(type: T, handler: Handler<T>, name?: string): void {
    const list = this.handlers.get(type) ?? [];
    list.push({ name: name ?? `${type}#${list.length}`, handler: handler as unknown as Handler<DomainEventType> });
    this.handlers.set(type, list);
  }

  hasListeners(type: string): boolean {
    return (this.handlers.get(type)?.length ?? 0) > 0;
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

  /** Runs every listener of `event` in turn; answers those that threw (the job engine retries them). */
  async handle(event: PublishedEvent): Promise<ListenerFailure[]> {
    const failures: ListenerFailure[] = [];
    for (const { name, handler } of this.handlers.get(event.type) ?? []) {
      try {
        await handler(event);
      } catch (error) {
        failures.push({ listener: name, error: (error as Error)?.stack ?? String(error) });
      }
    }
    return failures;
  }

  /** Runs the listeners of `event` now, logging failures (tests use it to deliver an event again). */
  async deliver(event: PublishedEvent): Promise<void> {
    for (const failure of await this.handle(event)) {
      this.logger.error({ msg: 'event listener failed', eventId: event.eventId, type: event.type, listener: failure.listener, error: failure.error });
    }
  }
}
