import type { DomainEventMap as ContractEvents } from '@ruche/contracts';

/**
 * What happened, by event type: the contracts layer's map (`libs/contracts`), which every module
 * producing or listening to events shares.
 */
export type DomainEventMap = ContractEvents;

export type DomainEventType = keyof DomainEventMap & string;

/** The thing an event is about; used to re-check visibility on replay. */
export interface EventSubject {
  type: string;
  id: string;
}

export interface NewDomainEvent<T extends DomainEventType = DomainEventType> {
  type: T;
  payload: DomainEventMap[T];
  /**
   * Socket.IO rooms that may receive the event (`user:<id>`, `group:<id>`, `post:<id>`...).
   * Computed by the producer, which knows who may see it.
   */
  audience: string[];
  subject?: EventSubject;
  actorId?: string | null;
}

/** An event after commit, stamped with its delivery order. */
export interface PublishedEvent<T extends DomainEventType = DomainEventType> {
  eventId: number;
  type: T;
  payload: DomainEventMap[T];
  audience: string[];
  subject: EventSubject | null;
  actorId: string | null;
  createdAt: Date;
}
