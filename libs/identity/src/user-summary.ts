import type { UserSummary } from '@ruche/contracts';
import type { AuthUser } from '@ruche/platform';

/** Shown in place of a person whose account cannot be loaded (not expected: foreign keys). */
export const unknownUser = (id: string): UserSummary => ({ id, handle: 'unknown', displayName: 'Unknown user' });

/** The person `id` from summaries loaded for a page, or {@link unknownUser}. */
export const summaryIn = (people: ReadonlyMap<string, UserSummary>, id: string): UserSummary => people.get(id) ?? unknownUser(id);

/** The caller as others see them, without a read: what a write they just made shows as its author. */
export const summaryOf = (user: Pick<AuthUser, 'id' | 'handle' | 'displayName'>): UserSummary => ({
  id: user.id,
  handle: user.handle,
  displayName: user.displayName,
});
