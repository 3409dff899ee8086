import type { UserSummary } from './identity.js';

/** Badges and their rules (README "Recognition"): what helps others, never raw post counts. */
export const BADGES = ['first_accepted_answer', 'helper', 'bridge_builder', 'reviewer', 'idea_made_real', 'mentor'] as const;
export type Badge = (typeof BADGES)[number];

/** What a kudos thanks someone for. */
export const KUDOS_TARGETS = ['answer', 'review', 'post'] as const;
export type KudosTarget = (typeof KUDOS_TARGETS)[number];

export interface KudosView {
  id: string;
  from: UserSummary;
  to: UserSummary;
  targetType: KudosTarget;
  targetId: string;
  message: string;
  createdAt: string;
}

export interface BadgeView {
  badge: Badge;
  /** Shown as written (English; the web app translates by `badge`). */
  label: string;
  awardedAt: string;
}

/**
 * Produced by `libs/recognition`. About people, not content: no subject, so they are delivered to
 * their audience alone and never replayed to anyone else.
 */
export interface RecognitionEvents {
  /** Audience: the recipient and the author. The target lies wherever `targetType` says. */
  'kudos.created': { kudos: KudosView };
  /** Audience: the recipient. Moderation took a kudos out of sight (or brought it back: `visible`). */
  'kudos.moderated': { kudosId: string; recipientId: string; visible: boolean };
  /** Audience: the person. */
  'badge.awarded': { userId: string; badge: Badge };
  /** Audience: the person: what earned it no longer counts (hidden, removed, undone). */
  'badge.revoked': { userId: string; badge: Badge };
  /**
   * Audience: none (the notification is what reaches them). A group's monthly "who helped" digest
   * was written (once per group and month); `managerIds` are its owners and admins at that time.
   */
  'helpers.digest_ready': { groupId: string; month: string; managerIds: string[]; helperCount: number };
}
