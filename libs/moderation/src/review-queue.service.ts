import { Injectable } from '@nestjs/common';
import { IdentityService, type UserSummary } from '@ruche/identity';
import {
  type AuthUser,
  type ContentTarget,
  ContentTargets,
  Database,
  decodeCursor,
  forbidden,
  type Page,
  rows,
  SqlParams,
  toPage,
} from '@ruche/platform';
import { CASE_COLUMNS, type CaseRow } from './case-sql.js';
import type { QueueItem, QueueQuery } from './dto.js';
import { ModerationAccess } from './moderation-access.js';

/** Reports listed per case in the queue (the count says how many there are in all). */
const REPORTS_PER_CASE = 20;

interface QueueReportRow {
  id: string;
  case_id: string;
  reporter_id: string | null;
  reason: string;
  created_at: Date;
}

/**
 * The review queue: open cases, oldest first, each with its target (excerpt, author, state), how
 * many people reported it and why. Moderators see every case except those about private groups
 * they are not in (those go to the group's owners and admins); a group's owners and admins see the
 * cases about their groups' content, without the reporters' names. Someone who moderates nothing
 * gets 403 (not an empty list), so a client can tell "nothing to review" from "not a reviewer".
 */
@Injectable()
export class ReviewQueueService {
  constructor(
    private readonly db: Database,
    private readonly targets: ContentTargets,
    private readonly identity: IdentityService,
    private readonly access: ModerationAccess,
  ) {}

  async list(viewer: AuthUser, query: QueueQuery): Promise<Page<QueueItem>> {
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const moderator = this.access.isModerator(viewer);
    const groupScope = moderator ? (query.groupId ? [query.groupId] : null) : await this.managedScope(viewer, query.groupId);

    const params = new SqlParams();
    const take = params.add(query.limit + 1);
    const where = [`c.status = 'open'`];
    if (groupScope) where.push(`c.group_id = ANY (${params.add(groupScope)}::uuid[])`);
    if (moderator) {
      const hidden = await this.unreadableGroupsWithCases(viewer.id);
      if (hidden.length) where.push(`(c.group_id IS NULL OR NOT (c.group_id = ANY (${params.add(hidden)}::uuid[])))`);
    }
    if (query.targetType) where.push(`c.target_type = ${params.add(query.targetType)}`);
    if (after) where.push(params.keyset('c.opened_at, c.id', '>', after));
    const cases = await rows<CaseRow>(
      this.db.manager,
      `SELECT ${CASE_COLUMNS('c')} FROM moderation_cases c
        WHERE ${where.join(' AND ')}
        ORDER BY c.opened_at, c.id
        LIMIT ${take}`,
      params.values,
    );
    const shown = cases.slice(0, query.limit);
    const items = await this.build(shown, moderator);
    return toPage(
      cases,
      query.limit,
      (c) => [c.opened_at, c.id],
      (c) => items.get(c.id)!,
    );
  }

  /**
   * For someone who is not a site moderator: the groups whose cases they may see. Only groups with
   * open cases are checked for their role (usually few); when none of those is theirs, they still
   * get an empty queue (200) if they manage any group at all, else 403.
   */
  private async managedScope(viewer: AuthUser, groupId: string | undefined): Promise<string[]> {
    const memberOf = await this.access.memberGroupIds(viewer.id);
    if (groupId) {
      if (!memberOf.includes(groupId) || (await this.access.managedAmong(viewer.id, [groupId])).length === 0) {
        throw forbidden('Only moderators and the group’s owners and admins can review its reports');
      }
      return [groupId];
    }
    const withCases = memberOf.length
      ? (
          await rows<{ group_id: string }>(
            this.db.manager,
            `SELECT DISTINCT group_id FROM moderation_cases WHERE status = 'open' AND group_id = ANY ($1::uuid[])`,
            [memberOf],
          )
        ).map((r) => r.group_id)
      : [];
    const managed = await this.access.managedAmong(viewer.id, withCases);
    if (managed.length === 0 && !(await this.access.managesAnyGroup(viewer.id, withCases))) {
      throw forbidden('Only moderators and group owners and admins have a review queue');
    }
    return managed;
  }

  /** Private groups with open cases that a site moderator is not a member of: their cases are not theirs to see. */
  private async unreadableGroupsWithCases(viewerId: string): Promise<string[]> {
    const withCases = (
      await rows<{ group_id: string }>(
        this.db.manager,
        `SELECT DISTINCT group_id FROM moderation_cases WHERE status = 'open' AND group_id IS NOT NULL`,
      )
    ).map((r) => r.group_id);
    const readable = await this.access.readableAmong(viewerId, withCases);
    return withCases.filter((id) => !readable.has(id));
  }

  private async build(cases: CaseRow[], moderator: boolean): Promise<Map<string, QueueItem>> {
    if (cases.length === 0) return new Map();
    const reports = await rows<QueueReportRow>(
      this.db.manager,
      `SELECT r.id, r.case_id, r.reporter_id, r.reason, r.created_at
         FROM unnest($1::uuid[]) AS k(id)
        CROSS JOIN LATERAL (
              SELECT id, case_id, reporter_id, reason, created_at FROM reports
               WHERE case_id = k.id
               ORDER BY created_at, id
               LIMIT ${REPORTS_PER_CASE}) r
        ORDER BY r.created_at, r.id`,
      [cases.map((c) => c.id)],
    );
    const targets = await this.resolveTargets(cases);
    const people = await this.identity.summaries([
      ...cases.map((c) => targets.get(key(c))?.authorId ?? c.author_id).filter((id): id is string => id !== null),
      ...(moderator ? reports.map((r) => r.reporter_id).filter((id): id is string => id !== null) : []),
    ]);
    const byCase = new Map<string, QueueReportRow[]>();
    for (const report of reports) byCase.set(report.case_id, [...(byCase.get(report.case_id) ?? []), report]);

    return new Map(
      cases.map((c) => {
        const target = targets.get(key(c));
        const authorId = target?.authorId ?? c.author_id;
        const list = byCase.get(c.id) ?? [];
        const person = (id: string | null): UserSummary | null => (id ? (people.get(id) ?? null) : null);
        const item: QueueItem = {
          id: c.id,
          reportId: list[0]?.id ?? c.id,
          target: {
            type: c.target_type,
            id: c.target_id,
            groupId: target?.groupId ?? c.group_id,
            author: person(authorId),
            excerpt: target?.excerpt ?? null,
            state: target?.state ?? c.state,
            available: target !== undefined,
          },
          reportCount: c.report_count,
          reasons: [...new Set(list.map((r) => r.reason))],
          reports: list.map((r) => ({
            id: r.id,
            reporter: moderator ? person(r.reporter_id) : null,
            reason: r.reason,
            automatic: r.reporter_id === null,
            createdAt: r.created_at.toISOString(),
          })),
          autoHidden: c.auto_hidden_at !== null,
          held: c.held_terms.length > 0,
          heldTerms: c.held_terms,
          openedAt: c.opened_at.toISOString(),
          lastReportedAt: c.last_reported_at.toISOString(),
        };
        return [c.id, item];
      }),
    );
  }

  /** One resolver call per content type on the page. */
  private async resolveTargets(cases: CaseRow[]): Promise<Map<string, ContentTarget>> {
    const idsByType = new Map<string, string[]>();
    for (const c of cases) idsByType.set(c.target_type, [...(idsByType.get(c.target_type) ?? []), c.target_id]);
    const resolved = new Map<string, ContentTarget>();
    for (const [type, ids] of idsByType) {
      for (const [id, target] of await this.targets.resolve(type, ids)) resolved.set(`${type}:${id}`, target);
    }
    return resolved;
  }
}

const key = (c: Pick<CaseRow, 'target_type' | 'target_id'>) => `${c.target_type}:${c.target_id}`;
