/**
 * Who is told, as a pure function of what the store looked up: everyone named once, never the
 * person who did it (nor anyone else `excluded`), only active accounts, and nobody who turned the
 * kind off or muted the post or group it is about. Visibility of the subject is checked after this,
 * per remaining recipient (it costs a query each).
 */
export interface RecipientFacts {
  candidates: readonly string[];
  actorId: string | null;
  excluded?: readonly string[];
  active: ReadonlySet<string>;
  optedOut: ReadonlySet<string>;
  muted: ReadonlySet<string>;
}

export function eligibleRecipients(facts: RecipientFacts): string[] {
  const excluded = new Set([...(facts.excluded ?? []), ...(facts.actorId ? [facts.actorId] : [])]);
  const out: string[] = [];
  const seen = new Set<string>();
  for (const id of facts.candidates) {
    if (seen.has(id)) continue;
    seen.add(id);
    if (excluded.has(id) || !facts.active.has(id) || facts.optedOut.has(id) || facts.muted.has(id)) continue;
    out.push(id);
  }
  return out;
}

/** The one row a grouped kind grows while it is unread, e.g. `reaction:<postId>`. */
export const groupKeyOf = (kind: string, subjectId: string) => `${kind}:${subjectId}`;

/** `user:<id>` rooms of an event's audience, as user ids (who a `report.resolved` was addressed to). */
export function usersOfAudience(audience: readonly string[]): string[] {
  return audience.filter((room) => room.startsWith('user:')).map((room) => room.slice('user:'.length));
}
