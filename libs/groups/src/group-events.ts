import type { UserSummary } from '@ruche/identity';
import type { EventSubject } from '@ruche/platform';
import type { GroupEventView } from './dto.js';
import type { GroupRole, MemberRole } from './group-rules.js';

export type RemovalReason = 'left' | 'removed' | 'banned';

/**
 * The groups module's domain events. Each is about a group (`subject: { type: 'group', id }`), so
 * replay re-checks group visibility: a private group's events never replay to a non-member (the
 * removed or banned person included: they learn it live, or from the notification store).
 *
 * The membership events carry `groupId` and `userId`: the realtime membership sync moves that
 * person's live sockets in or out of `group:<groupId>`.
 */
declare module '@ruche/platform' {
  interface DomainEventMap {
    /** Audience: the creator (`user:<id>`) and `group:<id>`. The creator's sockets join the room. */
    'group.created': { group: GroupEventView };
    /** Audience: `group:<id>`. `changed` names the fields that changed. */
    'group.updated': { group: GroupEventView; changed: string[] };
    /** Audience: the group's owners and admins (`user:<id>` each). */
    'group.join_requested': { groupId: string; userId: string; user: UserSummary };
    /** Audience: the requester. */
    'group.request_rejected': { groupId: string; userId: string };
    /** Audience: the new member and `group:<id>`. Their sockets join the room. */
    'group.member_joined': { groupId: string; userId: string; user: UserSummary; role: MemberRole };
    /** Audience: the new member and `group:<id>`. Their sockets join the room. */
    'group.member_approved': { groupId: string; userId: string; user: UserSummary; approvedBy: string };
    /** Audience: the person removed. Their sockets leave the room at once. */
    'group.member_removed': { groupId: string; userId: string; reason: RemovalReason };
    /** Audience: `group:<id>` and the person. */
    'group.role_changed': { groupId: string; userId: string; role: MemberRole; previous: GroupRole };
    /** Audience: the person banned. Read by the audit log. */
    'group.banned': { groupId: string; userId: string; banId: string; until: string | null; reason: string; bannedBy: string };
    /** Audience: the person whose ban was lifted. Read by the audit log. */
    'group.unbanned': { groupId: string; userId: string; banId: string; liftedBy: string };
  }
}

export const groupRoom = (groupId: string) => `group:${groupId}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const groupSubject = (id: string): EventSubject => ({ type: 'group', id });
