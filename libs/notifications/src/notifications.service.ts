import { Injectable } from '@nestjs/common';
import { IdentityService } from '@ruche/identity';
import {
  type CursorKey,
  Database,
  decodeCursor,
  encodeCursor,
  invalid,
  type Page,
  rows,
  SqlParams,
  SubjectVisibility,
  Transactions,
  userRoom,
} from '@ruche/platform';
import type { MarkReadDto, NotificationListQuery, NotificationView } from './dto.js';
import { NotificationAbouts } from './notification-about.js';
import { PARTY_ONLY_SUBJECTS } from './notification-kinds.js';
import { NOTIFICATION_COLUMNS, type NotificationRow, peopleShown, toNotificationView } from './notification-views.js';

/** Rows read per round while filling a page with visible notifications; rounds are capped. */
const SCAN_FACTOR = 2;
const MAX_ROUNDS = 5;

/**
 * Reading one's notifications. Visibility is checked again on every read: a notification about a
 * post in a private group you have since left, a comment hidden by moderation, or a deleted post
 * is not listed nor counted (the row stays, and comes back if the subject becomes visible again).
 */
@Injectable()
export class NotificationsService {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly visibility: SubjectVisibility,
    private readonly identity: IdentityService,
    private readonly abouts: NotificationAbouts,
  ) {}

  /** Newest first, keyset-paginated; rows whose subject is no longer visible are skipped. */
  async list(userId: string, query: NotificationListQuery): Promise<Page<NotificationView>> {
    let after: CursorKey | null = query.cursor ? decodeCursor(query.cursor) : null;
    const kept: NotificationRow[] = [];
    let exhausted = false;
    const batch = (query.limit + 1) * SCAN_FACTOR;
    for (let round = 0; round < MAX_ROUNDS && kept.length <= query.limit && !exhausted; round++) {
      const params = new SqlParams();
      const [recipient, take] = [params.add(userId), params.add(batch)];
      const where = [`recipient_id = ${recipient}`];
      if (query.unread) where.push('read_at IS NULL');
      if (query.kinds) where.push(`kind = ANY (${params.add(query.kinds)}::text[])`);
      if (after) where.push(params.keyset('created_at, id', '<', after));
      const found = await rows<NotificationRow>(
        this.db.manager,
        `SELECT ${NOTIFICATION_COLUMNS} FROM notifications WHERE ${where.join(' AND ')} ORDER BY created_at DESC, id DESC LIMIT ${take}`,
        params.values,
      );
      exhausted = found.length < batch;
      const last = found[found.length - 1];
      if (last) after = [last.created_at, last.id];
      kept.push(...(await this.stillVisible(userId, found)));
    }
    const page = kept.slice(0, query.limit);
    // Names and what each is about for the whole page: one call per subject type, not per row.
    const [people, abouts] = await Promise.all([this.identity.summaries(peopleShown(page)), this.abouts.of(userId, page)]);
    const lastShown = page[page.length - 1];
    let nextCursor: string | null = null;
    if (kept.length > query.limit && lastShown) nextCursor = encodeCursor([lastShown.created_at, lastShown.id]);
    // The scan stopped early without filling the page: carry on from where it stopped.
    else if (!exhausted && after) nextCursor = encodeCursor(after);
    return { items: page.map((row) => toNotificationView(row, people, abouts)), nextCursor };
  }

  /**
   * A notification as its recipient may see it now (for the email sent about it, off the request
   * path): null when it is gone, already read, or its subject is no longer visible to them (a
   * private group they left, hidden or deleted content) — the same check as every read.
   */
  async forEmail(notificationId: string): Promise<{ recipientId: string; notification: NotificationView } | null> {
    const [row] = await rows<NotificationRow>(
      this.db.manager,
      `SELECT ${NOTIFICATION_COLUMNS} FROM notifications WHERE id = $1 AND read_at IS NULL`,
      [notificationId],
    );
    if (!row || (await this.stillVisible(row.recipient_id, [row])).length === 0) return null;
    const [people, abouts] = await Promise.all([
      this.identity.summaries(peopleShown([row])),
      this.abouts.of(row.recipient_id, [row]),
    ]);
    return { recipientId: row.recipient_id, notification: toNotificationView(row, people, abouts) };
  }

  /**
   * People who were sent a notification in the last `days` days (the daily digest's readers), in id
   * order after `afterId`, at most `limit`.
   */
  async recentRecipientIds(days: number, afterId: string | null, limit: number): Promise<string[]> {
    const found = await rows<{ recipient_id: string }>(
      this.db.manager,
      `SELECT DISTINCT recipient_id FROM notifications
        WHERE created_at > now() - make_interval(days => $1) AND ($2::uuid IS NULL OR recipient_id > $2::uuid)
        ORDER BY recipient_id
        LIMIT $3`,
      [days, afterId, limit],
    );
    return found.map((r) => r.recipient_id);
  }

  /** Unread notifications the reader may still see: one query, then one visibility check per subject type. */
  async unreadCount(userId: string): Promise<number> {
    const found = await rows<{ subject_type: string; subject_id: string; n: number }>(
      this.db.manager,
      `SELECT subject_type, subject_id, count(*)::int AS n FROM notifications
        WHERE recipient_id = $1 AND read_at IS NULL
        GROUP BY subject_type, subject_id`,
      [userId],
    );
    const visible = await this.visibleSubjects(
      userId,
      found.map((r) => ({ subject_type: r.subject_type, subject_id: r.subject_id })),
    );
    return found.filter((r) => visible(r)).reduce((sum, r) => sum + r.n, 0);
  }

  /**
   * Exactly one of `ids` (the caller's own; others are ignored), `kinds` (every unread one of those
   * kinds: a category) and `all: true`. Idempotent. Marking a grouped row read marks the whole
   * thread it stands for (the next one starts a new row).
   */
  async markRead(userId: string, input: MarkReadDto): Promise<void> {
    const given = [input.ids !== undefined, input.kinds !== undefined, input.all === true].filter(Boolean).length;
    if (given !== 1) throw invalid('Give exactly one of ids, kinds or all: true');
    const byIds = input.ids !== undefined;
    const byKinds = input.kinds !== undefined;
    await this.transactions.run(async (tx) => {
      const params = new SqlParams();
      const where = [`recipient_id = ${params.add(userId)}`, 'read_at IS NULL'];
      if (byIds) where.push(`id = ANY (${params.add(input.ids)}::uuid[])`);
      if (byKinds) where.push(`kind = ANY (${params.add(input.kinds)}::text[])`);
      const changed = await rows<{ id: string }>(
        tx.manager,
        `UPDATE notifications SET read_at = now() WHERE ${where.join(' AND ')} RETURNING id`,
        params.values,
      );
      if (changed.length === 0) return;
      const all = !byIds && !byKinds;
      await tx.emit({
        type: 'notifications.read',
        // A category is sent as the ids it changed: other tabs clear exactly those.
        payload: { ids: all ? null : changed.map((r) => r.id), all },
        audience: [userRoom(userId)],
        actorId: userId,
      });
    });
  }

  private async stillVisible(userId: string, list: NotificationRow[]): Promise<NotificationRow[]> {
    const visible = await this.visibleSubjects(userId, list);
    return list.filter((row) => visible(row));
  }

  /** One SubjectVisibility call per subject type present; party-only subjects always pass. */
  private async visibleSubjects(
    userId: string,
    list: readonly Pick<NotificationRow, 'subject_type' | 'subject_id'>[],
  ): Promise<(row: Pick<NotificationRow, 'subject_type' | 'subject_id'>) => boolean> {
    const idsByType = new Map<string, Set<string>>();
    for (const row of list) {
      if (PARTY_ONLY_SUBJECTS.has(row.subject_type)) continue;
      const ids = idsByType.get(row.subject_type) ?? new Set<string>();
      ids.add(row.subject_id);
      idsByType.set(row.subject_type, ids);
    }
    const visible = new Map<string, Set<string>>();
    for (const [type, ids] of idsByType) visible.set(type, await this.visibility.visibleIds(userId, type, [...ids]));
    return (row) => PARTY_ONLY_SUBJECTS.has(row.subject_type) || (visible.get(row.subject_type)?.has(row.subject_id) ?? false);
  }
}
