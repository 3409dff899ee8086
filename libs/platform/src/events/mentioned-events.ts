import type { DomainEventMap, DomainEventType, EventSubject } from './domain-events.js';
import type { Tx } from './transactions.js';

/** The events that tell people a published text names them (`post.mentioned`, …): their payload lists them as `userIds`. */
export type MentionedEventType = Extract<DomainEventType, `${string}.mentioned`>;

/** What a `*.mentioned` event says besides who is named: its type, what the text is, its subject and author. */
export interface MentionedText<T extends MentionedEventType> {
  type: T;
  payload: Omit<DomainEventMap[T], 'userIds'>;
  subject: EventSubject;
  authorId: string;
}

/**
 * A text published (or edited, or released from a hold): the people it newly names (`mentioned`, as ids or
 * as summaries) hear of it, never its author nor those in `alreadyMentioned`. Told through notifications
 * alone (no live audience); nothing is emitted when nobody is left.
 */
export async function emitNewMentions<T extends MentionedEventType>(
  tx: Tx,
  text: MentionedText<T>,
  mentioned: readonly (string | { id: string })[],
  alreadyMentioned: ReadonlySet<string> = new Set(),
): Promise<void> {
  const userIds = mentioned
    .map((person) => (typeof person === 'string' ? person : person.id))
    .filter((id) => id !== text.authorId && !alreadyMentioned.has(id));
  if (userIds.length === 0) return;
  await tx.emit({
    type: text.type,
    payload: { ...text.payload, userIds } as DomainEventMap[T],
    audience: [],
    subject: text.subject,
    actorId: text.authorId,
  });
}
