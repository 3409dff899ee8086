import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  type AuthUser,
  ContentTargets,
  Database,
  decodeCursor,
  EventBus,
  invalid,
  notFound,
  type Page,
  type PageQuery,
  type PublishedEvent,
  rows,
  SqlParams,
  SubjectVisibility,
  toPage,
  Transactions,
} from '@ruche/platform';
import { ensureOpenCase, lockTarget, REPORT_COLUMNS, type ReportRow } from './case-sql.js';
import type { CreateReportDto, ReportView } from './dto.js';
import { shouldAutoHide } from './moderation-rules.js';
import { ModerationSettingsService } from './settings.service.js';

const toReportView = (row: ReportRow): ReportView => ({
  id: row.id,
  targetType: row.target_type,
  targetId: row.target_id,
  reason: row.reason,
  status: row.status,
  createdAt: row.created_at.toISOString(),
  resolvedAt: row.resolved_at?.toISOString() ?? null,
});

/** Longest reason text kept for a system report (the column allows 1000 characters). */
const SYSTEM_REASON_MAX = 1000;

export function heldReason(terms: readonly string[]): string {
  const reason = `Held for review: contains blocked term${terms.length === 1 ? '' : 's'} ${terms.map((t) => `"${t}"`).join(', ')}`;
  return reason.length <= SYSTEM_REASON_MAX ? reason : `${reason.slice(0, SYSTEM_REASON_MAX - 1)}…`;
}

/**
 * Reports, and the cases they open. Anyone may report what they can see (not their own content);
 * the same person reporting the same content again gets their existing report back. When enough
 * different people reported visible content, it is hidden pending review (`content.moderated`
 * with `auto_hide`). Content held by screening (`content.held`) gets a case with a system report.
 */
@Injectable()
export class ReportsService implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly targets: ContentTargets,
    private readonly subjects: SubjectVisibility,
    private readonly settings: ModerationSettingsService,
    private readonly bus: EventBus,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe('content.held', (event) => this.onHeld(event));
  }

  /** `created` is false when the caller had already reported this content (the same report comes back). */
  async file(reporter: AuthUser, input: CreateReportDto): Promise<{ report: ReportView; created: boolean }> {
    const target = await this.targets.resolveOne(input.targetType, input.targetId);
    // Unknown, deleted, or not visible to the reporter: all the same 404.
    if (!target || !(await this.subjects.canSee(reporter.id, input.targetType, input.targetId))) throw notFound('Content');
    if (target.authorId === reporter.id) throw invalid('You cannot report your own content');
    const { autoHideThreshold } = await this.settings.current();
    return this.transactions.run(async (tx) => {
      await lockTarget(tx, target.type, target.id);
      const [existing] = await rows<ReportRow>(
        tx.manager,
        `SELECT ${REPORT_COLUMNS} FROM reports WHERE target_type = $1 AND target_id = $2 AND reporter_id = $3`,
        [target.type, target.id, reporter.id],
      );
      if (existing) return { report: toReportView(existing), created: false };
      const kase = await ensureOpenCase(tx, target);
      const [report] = await rows<ReportRow>(
        tx.manager,
        `INSERT INTO reports (case_id, target_type, target_id, reporter_id, reason) VALUES ($1, $2, $3, $4, $5)
         RETURNING ${REPORT_COLUMNS}`,
        [kase.id, target.type, target.id, reporter.id, input.reason],
      );
      const [{ report_count: reportCount }] = await rows<{ report_count: number }>(
        tx.manager,
        `UPDATE moderation_cases SET report_count = report_count + 1, last_reported_at = now() WHERE id = $1 RETURNING report_count`,
        [kase.id],
      );
      await tx.emit({
        type: 'report.created',
        payload: { reportId: report.id, caseId: kase.id, targetType: target.type, targetId: target.id, groupId: target.groupId },
        audience: [],
        actorId: reporter.id,
      });
      if (shouldAutoHide(reportCount, autoHideThreshold, target.state) && kase.state === 'visible') {
        await tx.manager.query(`UPDATE moderation_cases SET state = 'hidden', auto_hidden_at = now() WHERE id = $1`, [kase.id]);
        await tx.emit({
          type: 'content.moderated',
          payload: {
            targetType: target.type,
            targetId: target.id,
            state: 'hidden',
            action: 'auto_hide',
            caseId: kase.id,
            reportId: report.id,
            note: `Reported by ${reportCount} people`,
          },
          audience: [],
          actorId: null,
        });
      }
      return { report: toReportView(report), created: true };
    });
  }

  /** The caller's own reports, newest first, with their status. */
  async mine(reporterId: string, page: PageQuery): Promise<Page<ReportView>> {
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    const params = new SqlParams();
    const [reporter, take] = [params.add(reporterId), params.add(page.limit + 1)];
    const found = await rows<ReportRow>(
      this.db.manager,
      `SELECT ${REPORT_COLUMNS} FROM reports
        WHERE reporter_id = ${reporter} ${after ? `AND ${params.keyset('created_at, id', '<', after)}` : ''}
        ORDER BY created_at DESC, id DESC
        LIMIT ${take}`,
      params.values,
    );
    return toPage(found, page.limit, (r) => [r.created_at, r.id], toReportView);
  }

  /**
   * Screening held content at create or edit: it waits in the queue as a case with one system
   * report. Idempotent: a redelivered event finds the open case and its system report.
   */
  private async onHeld(event: PublishedEvent<'content.held'>): Promise<void> {
    const { targetType, targetId, authorId, groupId, terms } = event.payload;
    await this.transactions.run(async (tx) => {
      await lockTarget(tx, targetType, targetId);
      const kase = await ensureOpenCase(tx, { type: targetType, id: targetId, authorId, groupId, excerpt: '', state: 'held' });
      await tx.manager.query(
        `UPDATE moderation_cases SET state = 'held', held_terms = $2, last_reported_at = now()
          WHERE id = $1 AND state IN ('visible', 'held')`,
        [kase.id, terms],
      );
      await tx.manager.query(
        `INSERT INTO reports (case_id, target_type, target_id, reporter_id, reason)
         SELECT $1, $2, $3, NULL, $4
          WHERE NOT EXISTS (SELECT 1 FROM reports WHERE case_id = $1 AND reporter_id IS NULL)`,
        [kase.id, targetType, targetId, heldReason(terms)],
      );
    });
  }
}
