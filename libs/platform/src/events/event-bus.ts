import { Injectable, Logger } from '@nestjs/common';
import type { DomainEventType, PublishedEvent } from './domain-events.js';

type Handler<T extends DomainEventType> = (event: PublishedEvent<T>) => Promise<void> | void;

/**
 * In-process listeners (notifications, analytics, search) subscribe here. Events arrive after
 * commit, in `eventId` order, once per event across all instances (on the instance that
 * published it). A failing listener is logged and does not stop the others.
 */
@Injectable()
export class EventBus {
  private readonly logger = new Logger('events');
  private readonly handlers = new Map<string, Handler<DomainEventType>[]>();

  subscribe<T extends DomainEventType>(type: T, handler: Handler<T>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as unknown as Handler<DomainEventType>);
    this.handlers.set(type, list);
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
