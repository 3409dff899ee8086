import type { UserSummary } from './identity.js';

export const GROUP_VISIBILITIES = ['public', 'private'] as const;
export type GroupVisibility = (typeof GROUP_VISIBILITIES)[number];
/** `pending`: asked to join a private group, not yet let in. */
export const GROUP_ROLES = ['owner', 'admin', 'member', 'pending'] as const;
export type GroupRole = (typeof GROUP_ROLES)[number];
/** The roles that make someone a member. */
export const MEMBER_ROLES = ['owner', 'admin', 'member'] as const;
export type MemberRole = (typeof MEMBER_ROLES)[number];

export type RemovalReason = 'left' | 'removed' | 'banned';

/** A group as events carry it: the same for every recipient, so without the reader's own role. */
export interface GroupEventView {
  id: string;
  name: string;
  /** Unique; the group's email address is `<handle>@<SMTP_INBOUND_DOMAIN>`. */
  handle: string;
  description: string;
  /** `description` rendered once on the server (Markdown, sanitised HTML: #14). */
  descriptionHtml: string;
  visibility: GroupVisibility;
  memberCount: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  guidelines: string;
  /** `guidelines` rendered once on the server (Markdown, sanitised HTML: #14). */
  guidelinesHtml: string;
}

/**
 * Produced by `libs/groups`. Each is about a group (`subject: { type: 'group', id }`), so replay
 * re-checks group visibility. The membership events carry `groupId` and `userId`: the realtime
 * membership sync moves that person's live sockets in or out of `group:<groupId>`.
 */
export interface GroupEvents {
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
