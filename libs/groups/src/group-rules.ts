/**
 * Who may do what in a group, as pure functions of facts loaded once per request. Pure so the
 * whole matrix is unit-tested here and every service applies the same answer.
 */
import type { GroupRole, GroupVisibility, MemberRole } from '@ruche/contracts';

// The vocabulary is the contracts layer's: events carry it.
export { GROUP_ROLES, GROUP_VISIBILITIES, type GroupRole, type GroupVisibility, MEMBER_ROLES, type MemberRole } from '@ruche/contracts';

export const isMemberRole = (role: GroupRole | null | undefined): role is MemberRole =>
  role === 'owner' || role === 'admin' || role === 'member';

/** Owners and admins run the group: requests, removals, bans, description and guidelines. */
export const isManagerRole = (role: GroupRole | null | undefined): boolean => role === 'owner' || role === 'admin';

/** What is known about one caller and one group. */
export interface GroupFacts {
  visibility: GroupVisibility;
  /** The caller's membership row, if any. */
  role: GroupRole | null;
  /** An active ban (not lifted, not run out). */
  banned: boolean;
  /** Site-wide content moderator (Permission.ModerateContent). */
  moderator: boolean;
}

export type Verdict = 'ok' | 'not_found' | 'forbidden';

/**
 * The one visibility rule: a public group is readable by every employee, a private one by its
 * members only. The SQL form lives next to the queries ({@link READABLE_SQL} in group-access.ts)
 * and is cross-checked against this one in the e2e tests.
 */
export const isReadable = (f: Pick<GroupFacts, 'visibility' | 'role'>): boolean =>
  f.visibility === 'public' || isMemberRole(f.role);

/**
 * Who may see the group's card (name, description, visibility, member count, their role): whoever
 * may read it, and someone whose request to join is pending (they hold its id and asked; they
 * must be able to see that the request waits, and withdraw it). The card only: the guidelines, the
 * posts and the member list stay {@link isReadable}'s.
 */
export const canSeeCard = (f: Pick<GroupFacts, 'visibility' | 'role'>): boolean => isReadable(f) || f.role === 'pending';

/** Refusal for someone who may not act: a private group stays invisible (404), a public one says no (403). */
export const refusal = (f: GroupFacts): Verdict => (isReadable(f) ? 'forbidden' : 'not_found');

/** Owner/admin actions: settings, requests, member removal by others. */
export const canManage = (f: GroupFacts): Verdict => (isManagerRole(f.role) ? 'ok' : refusal(f));

/** Roles are given by owners only. */
export const canAssignRoles = (f: GroupFacts): Verdict => (f.role === 'owner' ? 'ok' : refusal(f));

/**
 * Bans: the group's owners and admins, and site moderators in any group they may read. A private
 * group stays 404 to a moderator outside it, as on every other path: its bans name its members,
 * and answering at all would confirm the group exists.
 */
export const canModerateBans = (f: GroupFacts): Verdict => {
  if (!isReadable(f)) return 'not_found';
  return f.moderator || isManagerRole(f.role) ? 'ok' : 'forbidden';
};

/**
 * Joining: anyone who may learn the group's id may ask (a private group's id is the invitation),
 * except someone banned. Existence of a private group is revealed only to a holder of its id.
 */
export const canJoin = (f: GroupFacts): Verdict => (f.banned ? 'forbidden' : 'ok');

/** Posting, commenting, reacting: members who are not banned. */
export const canPost = (f: GroupFacts): Verdict => {
  if (!isReadable(f)) return 'not_found';
  if (f.banned || !isMemberRole(f.role)) return 'forbidden';
  return 'ok';
};

const RANK: Record<MemberRole, number> = { owner: 3, admin: 2, member: 1 };

/**
 * Removing someone else (self-removal is `canLeave`): owners remove anyone, co-owners included
 * (they could demote them anyway); admins remove plain members only.
 */
export function canRemove(actor: MemberRole, target: MemberRole): boolean {
  return actor === 'owner' || RANK[actor] > RANK[target];
}

/**
 * Banning someone: moderators ban anyone; owners ban admins, members and outsiders, not another
 * owner (demote first); admins ban members and outsiders.
 */
export function canBan(actor: { role: GroupRole | null; moderator: boolean }, target: GroupRole | null): boolean {
  if (actor.moderator) return true;
  if (!isMemberRole(target)) return isManagerRole(actor.role);
  if (target === 'owner') return false;
  return actor.role === 'owner' || (actor.role === 'admin' && target === 'member');
}

/** A group always keeps an owner: the last one cannot leave, step down, or be removed. */
export function keepsAnOwner(ownerCount: number, target: GroupRole | null, nextRole: GroupRole | null): boolean {
  const losesOwner = target === 'owner' && nextRole !== 'owner';
  return !losesOwner || ownerCount > 1;
}
