import type { DomainEventType, PublishedEvent } from './domain-events.js';

/** An outbox row as read back after stamping. */
export interface StampedRow {
  id: string;
  seq: string;
  type: string;
  payload: unknown;
  audience: string[];
  subject_type: string | null;
  subject_id: string | null;
  actor_id: string | null;
  created_at: Date;
}

export const STAMPED_COLUMNS = 'id, seq, type, payload, audience, subject_type, subject_id, actor_id, created_at';

export function toPublishedEvent(row: StampedRow): PublishedEvent {
  return {
    eventId: Number(row.seq),
    type: row.type as DomainEventType,
    payload: row.payload as PublishedEvent['payload'],
    audience: row.audience,
    subject: row.subject_type && row.subject_id ? { type: row.subject_type, id: row.subject_id } : null,
    actorId: row.actor_id,
    createdAt: row.created_at,
  };
}
