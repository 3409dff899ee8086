import type { UserSummary } from './identity.js';

/** Every kind of notification (what produces each, and for whom: notifications' notification-kinds.ts). */
export const NOTIFICATION_KINDS = [
  'mention',
  'group.mention',
  'comment',
  'reaction',
  'follow',
  'group.request',
  'group.approved',
  'question.routed',
  'answer',
  'answer.accepted',
  'idea.status',
  'idea.review',
  'idea.comment',
  'idea.implementation',
  'campaign.status',
  'report.resolved',
  'announcement',
  'announcement.reminder',
  'question.unanswered',
  'kudos.received',
  'badge.earned',
  'digest.helpers',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationSubjectView {
  /** post, comment, group, user, question, idea, campaign or report. */
  type: string;
  id: string;
}

/** Ids and counts that help a client link and word the notification; never any text. */
export type NotificationContext = Record<string, string | number | boolean | null>;

/**
 * What a notification is about, read when it is listed (never stored): the subject's title and a
 * clipped excerpt, and where it is (its group, its campaign), as the recipient may see it now.
 * Null for subjects with nothing to show (a person, a moderation case).
 */
export interface NotificationAbout {
  title: string | null;
  excerpt: string | null;
  group?: { id: string; name: string };
  campaign?: { id: string; title: string };
}

export interface NotificationView {
  id: string;
  kind: NotificationKind;
  actor: UserSummary | null;
  /** Grouped kinds: the most recent actors. */
  actors?: UserSummary[];
  actorCount?: number;
  subject: NotificationSubjectView;
  context: NotificationContext;
  /** What and where; in lists always present (null when nothing to show), on live events too. */
  about?: NotificationAbout | null;
  createdAt: string;
  readAt: string | null;
}

/**
 * Produced by `libs/notifications`. `notification.created` is addressed to its recipient alone
 * (`user:<id>`) and carries the notification's subject, so a reconnecting client gets it replayed
 * only while the subject is still visible to them.
 */
export interface NotificationEvents {
  /**
   * Audience: the recipient. A new notification, or a grouped one whose people changed (same
   * `id`): it grew, or shrank because someone withdrew (a reaction taken back).
   */
  'notification.created': { notification: NotificationView };
  /**
   * Audience: the recipient. An unread grouped notification lost its last actor (everyone took
   * their reaction back): it no longer exists. No subject, so replay always resends it (an id only).
   */
  'notification.removed': { id: string };
  /** Audience: the reader, so their other tabs and devices clear the same items. */
  'notifications.read': { ids: string[] | null; all: boolean };
}
