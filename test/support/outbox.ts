import type { TestApp } from './test-app.js';

/** An outbox row as specs read it back: the event, who hears it, what it is about, who did it. */
export interface OutboxRow<Payload = Record<string, unknown>> {
  type: string;
  payload: Payload;
  audience: string[];
  subject_type: string | null;
  subject_id: string | null;
  actor_id: string | null;
}

/** The `type` events written about one subject, oldest first. */
export const eventsAbout = <Payload = Record<string, unknown>>(t: TestApp, type: string, subjectId: string) =>
  t.sql<OutboxRow<Payload>>(
    'SELECT type, payload, audience, subject_type, subject_id, actor_id FROM outbox WHERE type = $1 AND subject_id = $2 ORDER BY id',
    [type, subjectId],
  );
