import { summaryIn, type UserSummary } from '@ruche/identity';
import type { AnnouncementView } from './dto.js';
import type { AnnouncementRow, ReceiptColumns } from './announcement-sql.js';

/** The view of a row; `receipt` is the caller's (none in events: a payload is the same for everyone). */
export function toAnnouncementView(
  row: AnnouncementRow,
  people: ReadonlyMap<string, UserSummary>,
  receipt?: ReceiptColumns,
): AnnouncementView {
  return {
    id: row.id,
    title: row.title,
    body: row.body,
    author: summaryIn(people, row.author_id),
    groupId: row.group_id,
    audience: { departments: row.audience_departments, locations: row.audience_locations },
    publishAt: row.publish_at.toISOString(),
    publishedAt: row.published_at?.toISOString() ?? null,
    expiresAt: row.expires_at?.toISOString() ?? null,
    live: row.live,
    recipientCount: row.recipient_count,
    isRecipient: receipt?.is_recipient ?? false,
    acknowledgedAt: receipt?.acked_at?.toISOString() ?? null,
  };
}
