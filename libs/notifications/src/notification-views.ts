import type { UserSummary } from '@ruche/identity';
import type { NotificationAbout } from '@ruche/contracts';
import type { NotificationContext, NotificationView } from './dto.js';
import { GROUPED_KINDS, type NotificationKind } from './notification-kinds.js';

/** A `notifications` row as the queries select it. */
export interface NotificationRow {
  id: string;
  recipient_id: string;
  kind: NotificationKind;
  actor_id: string | null;
  actors: string[];
  actor_count: number;
  subject_type: string;
  subject_id: string;
  group_key: string | null;
  payload: NotificationContext;
  source_event_id: string;
  created_at: Date;
  read_at: Date | null;
}

export const NOTIFICATION_COLUMNS =
  'id, recipient_id, kind, actor_id, actors, actor_count, subject_type, subject_id, group_key, payload, source_event_id, created_at, read_at';

/** How many of a grouped notification's actors are shown by name. */
export const SHOWN_ACTORS = 3;

/** Everyone a page of rows shows by name (to load in one `summaries` call). */
export function peopleShown(list: readonly NotificationRow[]): string[] {
  const ids = new Set<string>();
  for (const row of list) {
    if (row.actor_id) ids.add(row.actor_id);
    if (GROUPED_KINDS.has(row.kind)) for (const id of row.actors.slice(0, SHOWN_ACTORS)) ids.add(id);
  }
  return [...ids];
}

/** `abouts`: from NotificationAbouts.of, keyed `type:id`; a subject missing from it is about nothing shown. */
export function toNotificationView(
  row: NotificationRow,
  people: ReadonlyMap<string, UserSummary>,
  abouts: ReadonlyMap<string, NotificationAbout | null> = new Map(),
): NotificationView {
  const view: NotificationView = {
    id: row.id,
    kind: row.kind,
    actor: (row.actor_id && people.get(row.actor_id)) || null,
    subject: { type: row.subject_type, id: row.subject_id },
    context: row.payload ?? {},
    about: abouts.get(`${row.subject_type}:${row.subject_id}`) ?? null,
    createdAt: row.created_at.toISOString(),
    readAt: row.read_at ? row.read_at.toISOString() : null,
  };
  if (GROUPED_KINDS.has(row.kind)) {
    view.actors = row.actors
      .slice(0, SHOWN_ACTORS)
      .map((id) => people.get(id))
      .filter((u): u is UserSummary => u !== undefined);
    view.actorCount = row.actor_count;
  }
  return view;
}
