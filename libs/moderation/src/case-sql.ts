import { lockKey, rows } from '@ruche/platform';
import type { ContentTarget, ModerationState, Tx } from '@ruche/platform';
import type { ResolutionAction } from './moderation-rules.js';

/** A `moderation_cases` row as the queries select it. */
export interface CaseRow {
  id: string;
  target_type: string;
  target_id: string;
  group_id: string | null;
  author_id: string | null;
  status: 'open' | 'resolved';
  state: ModerationState;
  report_count: number;
  held_terms: string[];
  auto_hidden_at: Date | null;
  opened_at: Date;
  last_reported_at: Date;
  action: ResolutionAction | null;
  note: string | null;
  resolved_by: string | null;
  resolved_at: Date | null;
}

export const CASE_COLUMNS = (alias = 'c') =>
  [
    'id',
    'target_type',
    'target_id',
    'group_id',
    'author_id',
    'status',
    'state',
    'report_count',
    'held_terms',
    'auto_hidden_at',
    'opened_at',
    'last_reported_at',
    'action',
    'note',
    'resolved_by',
    'resolved_at',
  ]
    .map((column) => `${alias}.${column}`)
    .join(', ');

export interface ReportRow {
  id: string;
  case_id: string;
  target_type: string;
  target_id: string;
  reporter_id: string | null;
  reason: string;
  status: 'open' | 'resolved';
  created_at: Date;
  resolved_at: Date | null;
}

export const REPORT_COLUMNS = 'id, case_id, target_type, target_id, reporter_id, reason, status, created_at, resolved_at';

/**
 * Everything that changes the cases of one target (a report, a hold, a decision) takes this lock
 * first, in its transaction: they take turns, so a report cannot land in a case being resolved,
 * and two first reports cannot open two cases.
 */
export async function lockTarget(tx: Tx, type: string, id: string): Promise<void> {
  await lockKey(tx.manager, `ruche.moderation:${type}:${id}`);
}

/** The open case of a target, row-locked; call under {@link lockTarget}. */
export async function openCaseOf(tx: Tx, type: string, id: string): Promise<CaseRow | null> {
  const [found] = await rows<CaseRow>(
    tx.manager,
    `SELECT ${CASE_COLUMNS('c')} FROM moderation_cases c
      WHERE c.target_type = $1 AND c.target_id = $2 AND c.status = 'open'
      FOR UPDATE`,
    [type, id],
  );
  return found ?? null;
}

/** The open case of the target, opened now if there is none; call under {@link lockTarget}. */
export async function ensureOpenCase(tx: Tx, target: ContentTarget): Promise<CaseRow> {
  const existing = await openCaseOf(tx, target.type, target.id);
  if (existing) return existing;
  const [created] = await rows<CaseRow>(
    tx.manager,
    `INSERT INTO moderation_cases (target_type, target_id, group_id, author_id)
     VALUES ($1, $2, $3, $4)
     RETURNING ${CASE_COLUMNS('moderation_cases')}`,
    [target.type, target.id, target.groupId, target.authorId],
  );
  return created;
}
