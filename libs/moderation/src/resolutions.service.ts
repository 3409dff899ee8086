import { Injectable } from '@nestjs/common';
import {
  type AuthUser,
  conflict,
  ContentTargets,
  Database,
  forbidden,
  notFound,
  rows,
  Transactions,
  userRoom,
} from '@ruche/platform';
import { CASE_COLUMNS, type CaseRow, lockTarget, openCaseOf } from './case-sql.js';
import type { ResolutionView } from './dto.js';
import { ModerationAccess } from './moderation-access.js';
import { type ResolutionAction, stateAfter } from './moderation-rules.js';

/**
 * A reviewer's decision on a case: dismiss, hide or remove. Site moderators decide on anything,
 * a group's owners and admins on their group's content; anyone else gets 403 (404 when the
 * content is in a private group they are not in). A decided case is 409. The decision resolves every open report of the case, tells the owning module what to apply
 * (`content.moderated`, only when the state changes), and tells the reporters and the author
 * (`report.resolved`).
 */
@Injectable()
export class ResolutionsService {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly targets: ContentTargets,
    private readonly access: ModerationAccess,
  ) {}

  /** `id` is a report id (any report of the case) or the case id the queue shows. */
  async resolve(actor: AuthUser, id: string, input: { action: ResolutionAction; note?: string }): Promise<ResolutionView> {
    const found = await this.caseOf(id);
    if (!found) throw notFound('Report');
    const { kase, reportId } = found;
    const target = await this.targets.resolveOne(kase.target_type, kase.target_id);
    const groupId = target?.groupId ?? kase.group_id;
    // A private group's content, and so its reports, do not exist for non-members.
    if (groupId && !(await this.access.readableAmong(actor.id, [groupId])).has(groupId)) throw notFound('Report');
    if (!(await this.access.canReview(actor, groupId))) {
      throw forbidden('Only moderators, or the owners and admins of the group the content is in, can resolve this report');
    }
    const note = input.note ? input.note : null;
    return this.transactions.run(async (tx) => {
      await lockTarget(tx, kase.target_type, kase.target_id);
      const open = await openCaseOf(tx, kase.target_type, kase.target_id);
      if (!open || open.id !== kase.id) throw conflict('This report was already resolved');
      const current = target?.state ?? open.state;
      const state = stateAfter(input.action, open.state, current);
      const [resolved] = await rows<CaseRow>(
        tx.manager,
        `UPDATE moderation_cases c
            SET status = 'resolved', action = $2, note = $3, resolved_by = $4, resolved_at = now(), state = $5
          WHERE c.id = $1
         RETURNING ${CASE_COLUMNS('c')}`,
        [open.id, input.action, note, actor.id, state],
      );
      const reports = await rows<{ reporter_id: string | null }>(
        tx.manager,
        `UPDATE reports SET status = 'resolved', resolved_at = now() WHERE case_id = $1 AND status = 'open' RETURNING reporter_id`,
        [open.id],
      );
      const base = { caseId: open.id, targetType: open.target_type, targetId: open.target_id };
      // Content that is gone (deleted since the report) has nothing to apply.
      if (target && state !== current) {
        await tx.emit({
          type: 'content.moderated',
          payload: { ...base, state, action: input.action, reportId, note },
          audience: [],
          actorId: actor.id,
        });
      }
      await tx.emit({
        type: 'moderation.case_resolved',
        payload: {
          ...base,
          reportId,
          groupId: target?.groupId ?? open.group_id,
          authorId: target?.authorId ?? open.author_id,
          action: input.action,
          previousState: current,
          state,
          note,
          reportCount: reports.length,
        },
        audience: [],
        actorId: actor.id,
      });
      const reporters = reports.map((r) => r.reporter_id).filter((r): r is string => r !== null);
      const outcome = { ...base, action: input.action, state, note };
      if (reporters.length) {
        await tx.emit({
          type: 'report.resolved',
          payload: { ...outcome, recipient: 'reporter' },
          audience: reporters.map(userRoom),
          actorId: actor.id,
        });
      }
      const authorId = target?.authorId ?? open.author_id;
      if (authorId) {
        await tx.emit({
          type: 'report.resolved',
          payload: { ...outcome, recipient: 'author' },
          audience: [userRoom(authorId)],
          actorId: actor.id,
        });
      }
      return {
        id: resolved.id,
        reportId,
        targetType: resolved.target_type,
        targetId: resolved.target_id,
        status: 'resolved',
        action: input.action,
        state,
        note,
        reportCount: reports.length,
        resolvedBy: actor.id,
        resolvedAt: resolved.resolved_at!.toISOString(),
      };
    });
  }

  /** The case behind a report id or a case id, with the report to cite (the one given, or the case's first). */
  private async caseOf(id: string): Promise<{ kase: CaseRow; reportId: string } | null> {
    const [row] = await rows<CaseRow & { report_id: string | null }>(
      this.db.manager,
      `SELECT ${CASE_COLUMNS('c')},
              coalesce((SELECT r.id FROM reports r WHERE r.id = $1),
                       (SELECT r.id FROM reports r WHERE r.case_id = c.id ORDER BY r.created_at, r.id LIMIT 1)) AS report_id
         FROM moderation_cases c
        WHERE c.id = $1 OR c.id = (SELECT r.case_id FROM reports r WHERE r.id = $1)
        LIMIT 1`,
      [id],
    );
    if (!row || !row.report_id) return null;
    const { report_id, ...kase } = row;
    return { kase, reportId: report_id };
  }
}
