import type { UserSummary } from './identity.js';

/** A must-read announcement as the REST API and `announcement.*` events show it. */
export interface AnnouncementView {
  id: string;
  title: string;
  body: string;
  author: UserSummary;
  /** The group it was published for; null: company-wide. */
  groupId: string | null;
  audience: { departments: string[]; locations: string[] };
  publishAt: string;
  /** Null while scheduled. */
  publishedAt: string | null;
  expiresAt: string | null;
  /** Published, not yet expired. */
  live: boolean;
  /** People it was addressed to when published (the receipts' denominator). */
  recipientCount: number;
  /** Whether the caller was among them (false in events). */
  isRecipient: boolean;
  /** When the caller acknowledged it; null while unread (and in events). */
  acknowledgedAt: string | null;
}

/**
 * Produced by `libs/announcements`. Each event's subject is the announcement, so a replay
 * (lastEventId) re-checks that the person may still see it (a private group's member who left may not).
 */
export interface AnnouncementEvents {
  /**
   * Audience: the recipients: `group:<id>` for a whole group, the company room for a whole
   * company, else each recipient's `user:<id>`; and the author. Pin it.
   */
  'announcement.published': { announcement: AnnouncementView };
  /** Audience: as published. Unpin it. */
  'announcement.expired': { announcementId: string; groupId: string | null };
  /** Audience: the person who read it (their other tabs unpin it) and the author (receipts). */
  'announcement.acknowledged': { announcementId: string; userId: string; acknowledgedAt: string };
  /** Audience: none (notifications tells the unread). The author or an admin reminded the unread. */
  'announcement.reminded': { announcementId: string; groupId: string | null; day: string };
}
