import { Injectable, Logger } from '@nestjs/common';
import type { DomainEventType, NewDomainEvent, PublishedEvent } from './domain-events.js';

type Handler<T extends DomainEventType> = (event: PublishedEvent<T>) => Promise<void> | void;

/** A listener that threw on an event: its name (`<type>#<n>`, or the one given) and the error. */
export interface ListenerFailure {
  listener: string;
  error: string;
}
type WithinHandler<T extends DomainEventType> = (event: NewDomainEvent<T>) => Promise<void>;
type Named<T extends DomainEventType> = { name: string; handler: Handler<T> };

/**
 * In-process listeners (notifications, analytics, search) subscribe here. Events arrive after
 * commit through the job engine (JobEngine): events about one subject in `eventId` order, on
 * whichever instance runs jobs, at least once (a failed listener is retried, so listeners are
 * idempotent by `eventId`). A failing listener does not stop the others.
 */
@Injectable()
export class EventBus {
  private readonly logger = new Logger('events');
  // Listeners by event type, each list typed by its own key (`handlers[type]` is `Named<T>[]` for a
  // `type: T`), so subscribing and dispatching need no cast, as a Map<string, ...> would. No
  // prototype: an outbox row's type is any string, and must never find `constructor` here.
  private readonly handlers: { [T in DomainEventType]?: Named<T>[] } = Object.create(null);
  private readonly withinHandlers: { [T in DomainEventType]?: WithinHandler<T>[] } = Object.create(null);

  /**
   * `name` identifies the listener in dead letters and logs; by default `<type>#<n>`, the n-th
   * listener of the type in registration order.
   */
  subscribe<T extends DomainEventType>(type: T, handler: Handler<T>, name?: string): void {
    const list: Named<T>[] = (this.handlers[type] ??= []);
    list.push({ name: name ?? `${type}#${list.length}`, handler });
  }

  hasListeners(type: DomainEventType): boolean {
    return (this.handlers[type]?.length ?? 0) > 0;
  }

  /**
   * A listener that must hold in the same transaction as the change (an invariant, not a
   * reaction): it runs inside `tx.emit`, its queries join the transaction (Database.manager), and
   * if it throws the whole change rolls back. E.g. the feed marks a group's posts private in the
   * transaction that makes the group private, so no reader ever sees the group private and its
   * posts public. Keep these few and cheap; everything else listens after commit.
   */
  subscribeWithin<T extends DomainEventType>(type: T, handler: WithinHandler<T>): void {
    const list: WithinHandler<T>[] = (this.withinHandlers[type] ??= []);
    list.push(handler);
  }

  /** Whether `type` has listeners that run inside the emitting transaction. */
  hasWithin(type: DomainEventType): boolean {
    return (this.withinHandlers[type]?.length ?? 0) > 0;
  }

  /** Runs the in-transaction listeners of `event` (called by Tx.emit, inside the transaction). */
  async applyWithin<T extends DomainEventType>(event: NewDomainEvent<T>): Promise<void> {
    const list: WithinHandler<T>[] = this.withinHandlers[event.type] ?? [];
    for (const handler of list) await handler(event);
  }

  /** Runs every listener of `event` in turn; answers those that threw (the job engine retries them). */
  async handle<T extends DomainEventType>(event: PublishedEvent<T>): Promise<ListenerFailure[]> {
    const failures: ListenerFailure[] = [];
    const list: Named<T>[] = this.handlers[event.type] ?? [];
    for (const { name, handler } of list) {
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
