import type { NotificationKind } from '@ruche/contracts';

/**
 * The page's filter chips: every kind in exactly one category (notificationCategories.spec.ts
 * checks it against the server's list), so "mark these read" on a category sends its kinds.
 */
export const NOTIFICATION_CATEGORIES = {
  mentions: ['mention', 'group.mention', 'comment'],
  reactions: ['reaction', 'follow', 'kudos.received', 'badge.earned'],
  groups: ['group.request', 'group.approved', 'digest.helpers'],
  ideas: ['idea.status', 'idea.review', 'idea.comment', 'idea.implementation', 'campaign.status'],
  questions: ['question.routed', 'answer', 'answer.accepted', 'question.unanswered'],
  announcements: ['announcement', 'announcement.reminder'],
  moderation: ['report.resolved'],
} as const satisfies Record<string, readonly NotificationKind[]>;

export type NotificationCategory = keyof typeof NOTIFICATION_CATEGORIES;

export const CATEGORY_NAMES = Object.keys(NOTIFICATION_CATEGORIES) as NotificationCategory[];

export const isCategory = (value: string | null): value is NotificationCategory =>
  value !== null && (CATEGORY_NAMES as string[]).includes(value);

export const kindsOf = (category: NotificationCategory): readonly string[] => NOTIFICATION_CATEGORIES[category];
