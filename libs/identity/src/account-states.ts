import type { AccountStatus } from '@ruche/contracts';

/**
 * The facts an account's state is made of. Suspension (an admin's decision) and deactivation (an
 * admin's or the identity provider's) are independent, so the identity provider reactivating
 * someone never lifts a suspension, and an admin reinstating someone the provider removed does
 * not let them back in. Erasure is final and wins over both.
 */
export interface AccountFacts {
  suspended: boolean;
  deactivated: boolean;
  erased: boolean;
}

/** The one status the hot paths read (`status = 'active'`); the database checks it agrees (users_status_derived). */
export function statusOf(facts: AccountFacts): AccountStatus {
  if (facts.erased) return 'erased';
  if (facts.deactivated) return 'deactivated';
  if (facts.suspended) return 'suspended';
  return 'active';
}

/** What each state allows: README "Account states" is this table. */
export const ACCOUNT_STATE_RULES: Record<
  AccountStatus,
  { signIn: boolean; listed: boolean; contentShown: boolean; reversibleBy: readonly ('admin' | 'scim')[] }
> = {
  active: { signIn: true, listed: true, contentShown: true, reversibleBy: [] },
  suspended: { signIn: false, listed: false, contentShown: true, reversibleBy: ['admin'] },
  deactivated: { signIn: false, listed: false, contentShown: true, reversibleBy: ['admin', 'scim'] },
  erased: { signIn: false, listed: false, contentShown: true, reversibleBy: [] },
};
