import { Injectable } from '@nestjs/common';
import { GroupsService } from '@ruche/groups';
import { IdentityService, type UserSummary } from '@ruche/identity';
import {
  type AuthUser,
  conflict,
  Database,
  decodeCursor,
  decodeTaggedCursor,
  encodeTaggedCursor,
  forbidden,
  hasPermission,
  invalid,
  isId,
  type Page,
  Permission,
  rows,
  SqlParams,
  toPage,
  type Tx,
  Transactions,
  userRoom,
} from '@ruche/platform';
import { AnnouncementAudience } from './announcement-audience.js';
import { announcementAudience, announcementSubject } from './announcement-events.js';
import { ANNOUNCEMENT_COLUMNS, type AnnouncementRow, isUnnarrowed, type ReceiptColumns } from './announcement-sql.js';
import { toAnnouncementView } from './announcement-views.js';
import { AnnouncementsVisibility, type AnnouncementViewer } from './announcements-visibility.js';
import {
  ANNOUNCEMENT_LIMITS,
  type AnnouncementListQuery,
  type AnnouncementView,
  type CreateAnnouncementDto,
  type ReceiptList,
  type ReceiptsQuery,
  type ReceiptsView,
  type ReminderView,
} from './dto.js';

/** A publishAt this far in the past is a mistake, not "now" (clocks differ a little). */
const PAST_TOLERANCE_MS = 5 * 60_000;
/** Announcements the timed job publishes or expires per round (the rest in the next one). */
const BATCH = 100;

type Row = AnnouncementRow & Partial<ReceiptColumns>;

/**
 * Must-read announcements: publishing (now, or at `publishAt` through the timed job), the lists
 * (mine, unread first; pinned), acknowledging, receipts and reminders. Each write is one
 * transaction with its outbox event; the audience is fixed in the publishing transaction.
 */
@Injectable()
export class AnnouncementsService {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly visibility: AnnouncementsVisibility,
    private readonly audience: AnnouncementAudience,
    private readonly groups: GroupsService,
    private readonly identity: IdentityService,
  ) {}

  // ---- publishing --------------------------------------------------------------------------

  async create(caller: AuthUser, input: CreateAnnouncementDto): Promise<AnnouncementView> {
    const now = Date.now();
    const publishAt = input.publishAt === undefined ? null : new Date(input.publishAt);
    const expiresAt = input.expiresAt === undefined ? null : new Date(input.expiresAt);
    if (publishAt && Number.isNaN(publishAt.getTime())) throw invalid('publishAt must be an ISO-8601 date-time');
    if (expiresAt && Number.isNaN(expiresAt.getTime())) throw invalid('expiresAt must be an ISO-8601 date-time');
    if (publishAt && publishAt.getTime() < now - PAST_TOLERANCE_MS) throw invalid('publishAt must not be in the past');
    if (publishAt && publishAt.getTime() > now + ANNOUNCEMENT_LIMITS.scheduleDays * 86_400_000)
      throw invalid(`publishAt must be within ${ANNOUNCEMENT_LIMITS.scheduleDays} days`);
    const startsAt = publishAt && publishAt.getTime() > now ? publishAt : null;
    if (expiresAt && expiresAt.getTime() <= (startsAt ?? new Date(now)).getTime())
      throw invalid(startsAt ? 'expiresAt must be after publishAt' : 'expiresAt must be in the future');
    const departments = distinct(input.audience?.departments);
    const locations = distinct(input.audience?.locations);
    const groupId = input.groupId ?? null;
    if (!groupId && !hasPermission(caller.roles, Permission.PublishAnnouncements))
      throw forbidden('Only admins publish to the whole company');

    const row = await this.transactions.run(async (tx) => {
      if (groupId) {
        // 404 for a private group the caller is not in, 403 for a public one; locked until commit.
        await this.groups.lockForPosting(caller, groupId);
        if (!(await this.groups.isGroupModerator(caller.id, groupId)))
          throw forbidden("Only the group's owners and admins publish its announcements");
      }
      const [inserted] = await rows<AnnouncementRow>(
        tx.manager,
        `INSERT INTO announcements AS a (author_id, group_id, title, body, audience_departments, audience_locations, publish_at, expires_at)
         VALUES ($1, $2, $3, $4, $5, $6, coalesce($7::timestamptz, now()), $8)
         RETURNING ${ANNOUNCEMENT_COLUMNS('a')}`,
        [caller.id, groupId, input.title, input.body, departments, locations, startsAt, expiresAt],
      );
      if (startsAt) return inserted;
      return this.publishIn(tx, inserted, summary(caller));
    });
    return toAnnouncementView(row, new Map([[caller.id, summary(caller)]]));
  }

  /**
   * Inside the publishing transaction: the recipients are written (the audience, fixed now), the
   * row is stamped published, and `announcement.published` goes to them.
   */
  private async publishIn(tx: Tx, row: AnnouncementRow, author: UserSummary): Promise<AnnouncementRow> {
    const recipients = await this.audience.recipients(row);
    await tx.manager.query(
      `INSERT INTO announcement_recipients (announcement_id, user_id, department)
       SELECT $1, t.user_id, t.department FROM unnest($2::uuid[], $3::text[]) AS t (user_id, department)`,
      [row.id, recipients.map((r) => r.userId), recipients.map((r) => r.department)],
    );
    const [published] = await rows<AnnouncementRow>(
      tx.manager,
      `UPDATE announcements a SET published_at = now(), publish_at = least(a.publish_at, now()), recipient_count = $2
        WHERE a.id = $1 RETURNING ${ANNOUNCEMENT_COLUMNS('a')}`,
      [row.id, recipients.length],
    );
    await tx.emit({
      type: 'announcement.published',
      payload: { announcement: toAnnouncementView(published, new Map([[author.id, author]])) },
      audience: announcementAudience(
        published,
        recipients.map((r) => r.userId),
      ),
      subject: announcementSubject(published.id),
      actorId: published.author_id,
    });
    return published;
  }

  /**
   * The timed job (every minute, one instance): publishes the scheduled announcements whose time
   * has come. `now` lets a test move the clock. Returns how many it published.
   */
  async publishDue(now: Date = new Date()): Promise<number> {
    const due = await rows<{ id: string; author_id: string }>(
      this.db.manager,
      'SELECT id, author_id FROM announcements WHERE published_at IS NULL AND publish_at <= $1 ORDER BY publish_at, id LIMIT $2',
      [now, BATCH],
    );
    const authors = await this.identity.summaries(due.map((d) => d.author_id));
    let published = 0;
    for (const { id, author_id } of due) {
      const done = await this.transactions.run(async (tx) => {
        // Another instance's round may hold it (or have published it already): skipped.
        const [row] = await rows<AnnouncementRow>(
          tx.manager,
          `SELECT ${ANNOUNCEMENT_COLUMNS('a')} FROM announcements a WHERE a.id = $1 AND a.published_at IS NULL FOR UPDATE SKIP LOCKED`,
          [id],
        );
        if (!row) return false;
        await this.publishIn(
          tx,
          row,
          authors.get(author_id) ?? { id: author_id, handle: 'unknown', displayName: 'Unknown user' },
        );
        return true;
      });
      if (done) published++;
    }
    return published;
  }

  /** The timed job's other half: announcements past their expiry are unpinned (`announcement.expired`). */
  async expireDue(now: Date = new Date()): Promise<number> {
    const due = await rows<{ id: string }>(
      this.db.manager,
      `SELECT id FROM announcements
        WHERE expired_at IS NULL AND expires_at IS NOT NULL AND expires_at <= $1 AND published_at IS NOT NULL
        ORDER BY expires_at, id LIMIT $2`,
      [now, BATCH],
    );
    let expired = 0;
    for (const { id } of due) {
      const done = await this.transactions.run(async (tx) => {
        const [row] = await rows<AnnouncementRow>(
          tx.manager,
          `UPDATE announcements a SET expired_at = now() WHERE a.id = $1 AND a.expired_at IS NULL RETURNING ${ANNOUNCEMENT_COLUMNS('a')}`,
          [id],
        );
        if (!row) return false;
        const recipients = isUnnarrowed(row) ? [] : await this.recipientIds(row.id);
        await tx.emit({
          type: 'announcement.expired',
          payload: { announcementId: row.id, groupId: row.group_id },
          audience: announcementAudience(row, recipients),
          subject: announcementSubject(row.id),
          actorId: null,
        });
        return true;
      });
      if (done) expired++;
    }
    return expired;
  }

  // ---- reading -----------------------------------------------------------------------------

  /**
   * For notifications: each announcement's title, text (cut to `max` characters) and group, in one
   * query. Callers check SubjectVisibility first.
   */
  async texts(ids: readonly string[], max = 400): Promise<Map<string, { title: string; body: string; groupId: string | null }>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const found = await rows<{ id: string; title: string; body: string; group_id: string | null }>(
      this.db.manager,
      'SELECT id, title, left(body, $2) AS body, group_id FROM announcements WHERE id = ANY($1::uuid[])',
      [unique, max],
    );
    return new Map(found.map((r) => [r.id, { title: r.title, body: r.body, groupId: r.group_id }]));
  }

  async get(caller: AuthUser, id: string): Promise<AnnouncementView> {
    const row = await this.visibility.visible(await this.visibility.viewer(caller), id);
    return (await this.views([row]))[0];
  }

  /**
   * Mine: every announcement I may see (and my own scheduled ones), unread first (addressed to me,
   * published, not acknowledged), then newest first. Pinned: published, not expired, addressed to
   * me and not acknowledged, newest first: what the web app pins above the feed.
   */
  async list(caller: AuthUser, query: AnnouncementListQuery): Promise<Page<AnnouncementView>> {
    const viewer = await this.visibility.viewer(caller);
    const params = new SqlParams();
    const me = params.add(viewer.id);
    const where = [this.visibility.filter(viewer, 'a', params)];
    const unread = `(r.user_id IS NOT NULL AND r.acked_at IS NULL AND a.published_at IS NOT NULL)`;
    const sortAt = 'coalesce(a.published_at, a.publish_at)';
    const select = `SELECT ${ANNOUNCEMENT_COLUMNS('a')}, (r.user_id IS NOT NULL) AS is_recipient, r.acked_at,
                           ${unread}::int AS unread, ${sortAt} AS sort_at
                      FROM announcements a
                      LEFT JOIN announcement_recipients r ON r.announcement_id = a.id AND r.user_id = ${me}::uuid`;
    type Listed = Row & { unread: number; sort_at: Date };

    if (query.pinned === 'true') {
      where.push(`${unread}`, `(a.expires_at IS NULL OR a.expires_at > now())`);
      if (query.cursor) where.push(params.keyset(`${sortAt}, a.id`, '<', decodeCursor(query.cursor)));
      const found = await rows<Listed>(this.db.manager, {
        text: `${select} WHERE ${where.join(' AND ')} ORDER BY ${sortAt} DESC, a.id DESC LIMIT ${params.add(query.limit + 1)}`,
        values: params.values,
      });
      const views = await this.views(found.slice(0, query.limit));
      return toPage(
        found,
        query.limit,
        (r) => [r.sort_at, r.id],
        (r) => views.find((v) => v.id === r.id)!,
      );
    }

    where.push(`(a.published_at IS NOT NULL OR a.author_id = ${me}::uuid)`);
    if (query.cursor) {
      const [flag, at, id] = decodeTaggedCursor(
        query.cursor,
        'mine',
        (key) =>
          key.length === 3 &&
          (key[0] === 0 || key[0] === 1) &&
          typeof key[1] === 'string' &&
          !Number.isNaN(Date.parse(key[1])) &&
          isId(key[2]),
      ) as [number, string, string];
      where.push(
        `(${unread}::int, ${sortAt}, a.id) < (${params.add(flag)}::int, ${params.add(new Date(at))}::timestamptz, ${params.add(id)}::uuid)`,
      );
    }
    const found = await rows<Listed>(this.db.manager, {
      text: `${select} WHERE ${where.join(' AND ')} ORDER BY ${unread}::int DESC, ${sortAt} DESC, a.id DESC LIMIT ${params.add(query.limit + 1)}`,
      values: params.values,
    });
    const views = await this.views(found.slice(0, query.limit));
    const last = found[query.limit - 1];
    const nextCursor =
      found.length > query.limit ? encodeTaggedCursor('mine', [last.unread, last.sort_at.toISOString(), last.id]) : null;
    return { items: views, nextCursor };
  }

  private async views(found: Row[]): Promise<AnnouncementView[]> {
    const people = await this.identity.summaries(found.map((r) => r.author_id));
    return found.map((r) =>
      toAnnouncementView(r, people, { is_recipient: r.is_recipient ?? false, acked_at: r.acked_at ?? null }),
    );
  }

  // ---- reading it --------------------------------------------------------------------------

  /**
   * Marks it read for the caller; idempotent (only the first acknowledgement writes and sends
   * `announcement.acknowledged`). It updates the caller's own recipient row and nothing shared, so
   * any number of people acknowledging at once leave exact receipts. Someone who sees it without
   * having been addressed (joined later) changes nothing. A scheduled one cannot be read yet (409).
   */
  async acknowledge(caller: AuthUser, id: string): Promise<AnnouncementView> {
    const viewer = await this.visibility.viewer(caller);
    const row = await this.transactions.run(async (tx) => {
      const found = await this.visibility.visible(viewer, id, tx.manager);
      if (!found.published_at) throw conflict('This announcement is not published yet');
      const [acked] = await rows<{ acked_at: Date }>(
        tx.manager,
        `UPDATE announcement_recipients SET acked_at = now()
          WHERE announcement_id = $1 AND user_id = $2 AND acked_at IS NULL RETURNING acked_at`,
        [found.id, viewer.id],
      );
      if (!acked) {
        // Already read (maybe by a request of theirs that committed while this one waited for the
        // row): a fresh statement sees when.
        const [mine] = await rows<{ acked_at: Date | null }>(
          tx.manager,
          'SELECT acked_at FROM announcement_recipients WHERE announcement_id = $1 AND user_id = $2',
          [found.id, viewer.id],
        );
        return { ...found, acked_at: mine?.acked_at ?? null };
      }
      // The author's receipts page follows along, unless they have left the group since.
      const authorSees =
        found.group_id === null || (await this.groups.membersAmong(found.group_id, [found.author_id])).has(found.author_id);
      await tx.emit({
        type: 'announcement.acknowledged',
        payload: { announcementId: found.id, userId: viewer.id, acknowledgedAt: acked.acked_at.toISOString() },
        audience: [userRoom(viewer.id), ...(authorSees ? [userRoom(found.author_id)] : [])],
        subject: announcementSubject(found.id),
        actorId: viewer.id,
      });
      return { ...found, acked_at: acked.acked_at };
    });
    return (await this.views([row]))[0];
  }

  /** Read and unread counts overall and by department, and one page of the read or unread people. */
  async receipts(caller: AuthUser, id: string, query: ReceiptsQuery): Promise<ReceiptsView> {
    const viewer = await this.visibility.viewer(caller);
    const row = await this.visibility.manageable(viewer, id);
    const list: ReceiptList = query.list ?? 'unread';
    // One statement: the overall counts and each department's come from the same snapshot.
    const counts = await rows<{ department: string | null; overall: boolean; recipients: number; read: number }>(
      this.db.manager,
      `SELECT department, GROUPING(department) = 1 AS overall, count(*)::int AS recipients, count(acked_at)::int AS read
         FROM announcement_recipients WHERE announcement_id = $1
        GROUP BY GROUPING SETS ((department), ())
        ORDER BY count(*) DESC, department`,
      [row.id],
    );
    const total = counts.find((c) => c.overall) ?? { recipients: 0, read: 0 };
    const byDepartment = counts
      .filter((c) => !c.overall)
      .map((c) => ({ department: c.department ?? '', recipients: c.recipients, read: c.read, unread: c.recipients - c.read }));

    const params = new SqlParams();
    const where = [`announcement_id = ${params.add(row.id)}`];
    let order: string;
    if (list === 'unread') {
      where.push('acked_at IS NULL');
      if (query.cursor) {
        const [after] = decodeTaggedCursor(query.cursor, 'unread', (key) => key.length === 1 && isId(key[0])) as [string];
        where.push(`user_id > ${params.add(after)}::uuid`);
      }
      order = 'user_id';
    } else {
      where.push('acked_at IS NOT NULL');
      if (query.cursor) {
        const [at, after] = decodeTaggedCursor(
          query.cursor,
          'read',
          (key) => key.length === 2 && typeof key[0] === 'string' && !Number.isNaN(Date.parse(key[0])) && isId(key[1]),
        ) as [string, string];
        where.push(params.keyset('acked_at, user_id', '<', [new Date(at), after]));
      }
      order = 'acked_at DESC, user_id DESC';
    }
    const people = await rows<{ user_id: string; department: string; acked_at: Date | null }>(this.db.manager, {
      text: `SELECT user_id, department, acked_at FROM announcement_recipients WHERE ${where.join(' AND ')}
              ORDER BY ${order} LIMIT ${params.add(query.limit + 1)}`,
      values: params.values,
    });
    const shown = people.slice(0, query.limit);
    const summaries = await this.identity.summaries(shown.map((p) => p.user_id));
    const last = shown[shown.length - 1];
    return {
      announcementId: row.id,
      recipients: total.recipients,
      read: total.read,
      unread: total.recipients - total.read,
      byDepartment,
      list,
      items: shown.map((p) => ({
        user: summaries.get(p.user_id) ?? { id: p.user_id, handle: 'unknown', displayName: 'Unknown user' },
        department: p.department,
        acknowledgedAt: p.acked_at?.toISOString() ?? null,
      })),
      nextCursor:
        people.length > query.limit && last
          ? list === 'unread'
            ? encodeTaggedCursor('unread', [last.user_id])
            : encodeTaggedCursor('read', [last.acked_at!.toISOString(), last.user_id])
          : null,
    };
  }

  /**
   * Reminds the unread (notifications tells them: `announcement.reminded`), once per UTC day per
   * announcement: the reminder's row is the day's key, so a second one the same day is a 409,
   * even when two arrive at once. Only a live announcement (published, not expired).
   */
  async remind(caller: AuthUser, id: string): Promise<ReminderView> {
    const viewer = await this.visibility.viewer(caller);
    const row = await this.visibility.manageable(viewer, id);
    if (!row.live) throw conflict(row.published_at ? 'This announcement has expired' : 'This announcement is not published yet');
    return this.transactions.run(async (tx) => {
      const [reminder] = await rows<{ day: string; unread_count: number }>(
        tx.manager,
        `INSERT INTO announcement_reminders (announcement_id, day, sent_by, unread_count)
         SELECT $1, (now() AT TIME ZONE 'UTC')::date, $2,
                (SELECT count(*)::int FROM announcement_recipients WHERE announcement_id = $1 AND acked_at IS NULL)
         ON CONFLICT ON CONSTRAINT announcement_reminders_pkey DO NOTHING
         RETURNING day::text AS day, unread_count`,
        [row.id, viewer.id],
      );
      if (!reminder) throw conflict('The unread were already reminded today: one reminder a day');
      await tx.emit({
        type: 'announcement.reminded',
        payload: { announcementId: row.id, groupId: row.group_id, day: reminder.day },
        audience: [],
        subject: announcementSubject(row.id),
        actorId: viewer.id,
      });
      return { day: reminder.day, unread: reminder.unread_count };
    });
  }

  // ---- for other modules (notifications, analytics, the email bridge) -----------------------

  /** Everyone it was addressed to. */
  recipientIds(announcementId: string): Promise<string[]> {
    return this.recipientsOf(announcementId, false);
  }

  /** Those of them who have not read it yet. */
  unreadRecipientIds(announcementId: string): Promise<string[]> {
    return this.recipientsOf(announcementId, true);
  }

  private async recipientsOf(announcementId: string, unreadOnly: boolean): Promise<string[]> {
    if (!isId(announcementId)) return [];
    const found = await rows<{ user_id: string }>(
      this.db.manager,
      `SELECT user_id FROM announcement_recipients WHERE announcement_id = $1 ${unreadOnly ? 'AND acked_at IS NULL' : ''}`,
      [announcementId],
    );
    return found.map((r) => r.user_id);
  }

  /** Whether a viewer may see these announcements (the one rule), for callers holding only an id. */
  async viewerFor(caller: AuthUser): Promise<AnnouncementViewer> {
    return this.visibility.viewer(caller);
  }
}

const summary = (user: AuthUser): UserSummary => ({ id: user.id, handle: user.handle, displayName: user.displayName });

/** Distinct values, first spelling kept (case and accents folded when matched against profiles). */
function distinct(values: string[] | undefined): string[] {
  return [...new Set(values ?? [])];
}
