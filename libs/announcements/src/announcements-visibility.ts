import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GroupsService } from '@ruche/groups';
import { IdentityService } from '@ruche/identity';
import {
  type AuthUser,
  canonicalIdSet,
  Database,
  forbidden,
  hasPermission,
  notFound,
  Permission,
  rows,
  SqlParams,
  SubjectVisibility,
} from '@ruche/platform';
import { ANNOUNCEMENT_COLUMNS, type AnnouncementRow, type ReceiptColumns } from './announcement-sql.js';

/** What the rule needs to know about one viewer. */
export interface AnnouncementViewer {
  id: string;
  /** Publishes company-wide announcements and reads their receipts. */
  admin: boolean;
  /** Groups the viewer belongs to now. */
  groupIds: string[];
}

/**
 * The one answer to "may this viewer see this announcement", used by every read path: the lists
 * (`filter`, as SQL), one announcement (`visible`), writes (ack, receipts, remind), and realtime
 * replay (registered as the `announcement` subject). Notifications ask the same rule through
 * SubjectVisibility when they are written and listed.
 *
 * - A group's announcement is for its members now, whatever the group's visibility: anyone else,
 *   the author who left included, gets a 404 (a private group's content never reaches a
 *   non-member by any path).
 * - Published: seen by the people it was addressed to (`announcement_recipients`), and, when it
 *   was not narrowed to departments or locations, by everyone in its scope (the company, the
 *   group's members): people who joined later see it, without counting as unread.
 * - Scheduled (not yet published): its author, and admins for company-wide ones.
 */
@Injectable()
export class AnnouncementsVisibility implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly subjects: SubjectVisibility,
    private readonly groups: GroupsService,
    private readonly identity: IdentityService,
  ) {}

  onModuleInit(): void {
    this.subjects.register(
      'announcement',
      this.identity.asCaller(async (caller, ids) => this.visibleIds(await this.viewer(caller), ids)),
    );
  }

  async viewer(caller: AuthUser): Promise<AnnouncementViewer> {
    return {
      id: caller.id,
      admin: hasPermission(caller.roles, Permission.PublishAnnouncements),
      groupIds: await this.groups.memberGroupIds(caller.id),
    };
  }

  /** The rule as a SQL condition on the announcement aliased `a`. */
  filter(viewer: AnnouncementViewer, a: string, params: SqlParams): string {
    const me = `${params.add(viewer.id)}::uuid`;
    return `((${a}.group_id IS NULL OR ${a}.group_id = ANY (${params.add(viewer.groupIds)}::uuid[]))
      AND (${a}.author_id = ${me}
        OR (${viewer.admin ? 'true' : 'false'} AND ${a}.group_id IS NULL)
        OR (${a}.published_at IS NOT NULL
          AND ((cardinality(${a}.audience_departments) = 0 AND cardinality(${a}.audience_locations) = 0)
            OR EXISTS (SELECT 1 FROM announcement_recipients vr WHERE vr.announcement_id = ${a}.id AND vr.user_id = ${me})))))`;
  }

  async visibleIds(viewer: AnnouncementViewer, ids: readonly string[]): Promise<Set<string>> {
    const wanted = canonicalIdSet(ids);
    if (wanted.length === 0) return new Set();
    const params = new SqlParams();
    const text = `SELECT a.id FROM announcements a WHERE a.id = ANY (${params.add(wanted)}::uuid[]) AND ${this.filter(viewer, 'a', params)}`;
    const found = await rows<{ id: string }>(this.db.manager, { text, values: params.values });
    return new Set(found.map((r) => r.id));
  }

  /** The announcement with the viewer's receipt, if they may see it; else 404 (missing and invisible look the same). */
  async visible(
    viewer: AnnouncementViewer,
    id: string,
    db: EntityManager = this.db.manager,
  ): Promise<AnnouncementRow & ReceiptColumns> {
    const params = new SqlParams();
    const me = params.add(viewer.id);
    const text = `SELECT ${ANNOUNCEMENT_COLUMNS('a')}, (r.user_id IS NOT NULL) AS is_recipient, r.acked_at
        FROM announcements a
        LEFT JOIN announcement_recipients r ON r.announcement_id = a.id AND r.user_id = ${me}::uuid
       WHERE a.id = ${params.add(id)}::uuid AND ${this.filter(viewer, 'a', params)}`;
    const [row] = await rows<AnnouncementRow & ReceiptColumns>(db, { text, values: params.values });
    if (!row) throw notFound('Announcement');
    return row;
  }

  /**
   * Receipts and reminders: the author, admins for a company-wide announcement, the group's owners
   * and admins for a group's. 404 when the viewer may not see it at all, 403 when they may only read it.
   */
  async manageable(viewer: AnnouncementViewer, id: string): Promise<AnnouncementRow & ReceiptColumns> {
    const row = await this.visible(viewer, id);
    if (row.author_id === viewer.id) return row;
    if (row.group_id === null ? viewer.admin : await this.groups.isGroupModerator(viewer.id, row.group_id)) return row;
    throw forbidden('Only the author and the admins of its scope may do this');
  }
}
