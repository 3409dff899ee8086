/** The columns of an announcement row, aliased as given. */
export const ANNOUNCEMENT_COLUMNS = (a: string) =>
  `${a}.id, ${a}.author_id, ${a}.group_id, ${a}.title, ${a}.body, ${a}.audience_departments, ${a}.audience_locations,
   ${a}.publish_at, ${a}.published_at, ${a}.expires_at, ${a}.expired_at, ${a}.recipient_count, ${a}.created_at,
   (${a}.published_at IS NOT NULL AND (${a}.expires_at IS NULL OR ${a}.expires_at > now())) AS live`;

export interface AnnouncementRow {
  id: string;
  author_id: string;
  group_id: string | null;
  title: string;
  body: string;
  audience_departments: string[];
  audience_locations: string[];
  publish_at: Date;
  published_at: Date | null;
  expires_at: Date | null;
  expired_at: Date | null;
  recipient_count: number;
  created_at: Date;
  live: boolean;
}

/** The caller's receipt, joined to a row: whether they were addressed, and when they read it. */
export interface ReceiptColumns {
  is_recipient: boolean;
  acked_at: Date | null;
}

/** No departments and no locations: the whole company, or the whole group. */
export const isUnnarrowed = (row: Pick<AnnouncementRow, 'audience_departments' | 'audience_locations'>) =>
  row.audience_departments.length === 0 && row.audience_locations.length === 0;
