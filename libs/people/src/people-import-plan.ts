import { PROFILE_LIMITS } from './dto.js';
import { MAX_CHAIN_DEPTH } from './org-fields.service.js';
import { type ImportRow, isImportEmail } from './people-import-csv.js';

/** A field an import changes, as the report shows it. `manager` is shown by email. */
export type ImportField = 'displayName' | 'title' | 'department' | 'location' | 'manager';

export interface ImportChange {
  field: ImportField;
  before: string;
  after: string;
}

export type ImportAction = 'create' | 'update' | 'unchanged' | 'error';

/** One row of an import's report. */
export interface ImportRowReport {
  line: number;
  email: string;
  action: ImportAction;
  changes: ImportChange[];
  errors: string[];
}

export interface ImportReport {
  total: number;
  create: number;
  update: number;
  unchanged: number;
  errors: number;
  /** In the file's order. */
  rows: ImportRowReport[];
}

/** An account as the planner needs it. */
export interface KnownPerson {
  id: string;
  email: string;
  displayName: string;
  title: string;
  department: string;
  location: string;
  managerId: string | null;
}

/** What the planner reads about the company: accounts by email and id, and every manager link. */
export interface ImportWorld {
  byEmail: ReadonlyMap<string, KnownPerson>;
  byId: ReadonlyMap<string, KnownPerson>;
  /** Person id → manager id, for everyone who has a manager. */
  edges: ReadonlyMap<string, string>;
}

/** A row the import will write, with what the report said about it. */
export interface PlannedRow {
  row: ImportRow;
  report: ImportRowReport;
}

export interface ImportPlan {
  report: ImportReport;
  /**
   * The rows to write (create or update), in the order to write them: managers before their
   * reports (by depth in the chart the import leads to). Written in this order, no step can form a
   * cycle: every chain above a row being written is already in its final shape.
   */
  writes: PlannedRow[];
}

const TEXT_FIELDS = ['displayName', 'title', 'department', 'location'] as const;

/**
 * The report of what importing `rows` would change, against the company as it is (`world`). A
 * cell left empty keeps what the person has (a file exported with some columns blank never erases
 * them); a new person needs a displayName. A manager may be someone already there or someone the
 * file creates. A row whose new manager would close a loop in the chart is an error, and so is a
 * second row for one email (the first wins).
 */
export function planImport(rows: readonly ImportRow[], world: ImportWorld): ImportPlan {
  const reports: ImportRowReport[] = [];
  const seen = new Map<string, number>();
  const valid: PlannedRow[] = [];
  const fileEmails = new Set<string>();
  // Pass 1: each row on its own.
  for (const row of rows) {
    const errors: string[] = [];
    if (!isImportEmail(row.email)) errors.push('email is not a valid address');
    const earlier = seen.get(row.email);
    if (earlier !== undefined) errors.push(`duplicate row: this email is already on line ${earlier}`);
    for (const field of [...TEXT_FIELDS, 'managerEmail'] as const) {
      if (row[field].includes('\u0000')) errors.push(`${field} contains a NUL character`);
    }
    for (const field of TEXT_FIELDS) {
      if (row[field].length > PROFILE_LIMITS[field]) errors.push(`${field} must be at most ${PROFILE_LIMITS[field]} characters`);
    }
    if (row.managerEmail && !isImportEmail(row.managerEmail)) errors.push('managerEmail is not a valid address');
    if (row.managerEmail && row.managerEmail === row.email) errors.push('a person cannot be their own manager');
    const existing = world.byEmail.get(row.email);
    if (!existing && !row.displayName && isImportEmail(row.email)) errors.push('displayName is required for a new person');
    if (earlier === undefined) seen.set(row.email, row.line);
    const report: ImportRowReport = { line: row.line, email: row.email, action: 'error', changes: [], errors };
    reports.push(report);
    if (errors.length === 0) {
      valid.push({ row, report });
      fileEmails.add(row.email);
    }
  }
  // Pass 2: managers must exist (already, or created by a valid row).
  const namedInFile = new Set(rows.map((r) => r.email));
  let candidates = valid.filter(({ row, report }) => {
    if (!row.managerEmail || world.byEmail.has(row.managerEmail) || fileEmails.has(row.managerEmail)) return true;
    report.errors.push(
      namedInFile.has(row.managerEmail)
        ? `manager ${row.managerEmail} cannot be created: see that row's errors`
        : `unknown manager ${row.managerEmail}: not a person here nor in this file`,
    );
    return false;
  });
  // A row dropped for an unknown manager may itself be someone's manager: repeat until stable.
  for (;;) {
    const kept = new Set(candidates.map((c) => c.row.email));
    const next = candidates.filter(({ row, report }) => {
      if (!row.managerEmail || world.byEmail.has(row.managerEmail) || kept.has(row.managerEmail)) return true;
      report.errors.push(`manager ${row.managerEmail} cannot be created: see that row's errors`);
      return false;
    });
    if (next.length === candidates.length) break;
    candidates = next;
  }

  // Pass 3: the chart after the import must have no loop. Nodes are account ids, or `new:<email>`.
  const keyOf = (email: string) => world.byEmail.get(email)?.id ?? `new:${email}`;
  const finalEdges = new Map<string, string>(world.edges);
  const fileEdge = new Map<string, PlannedRow>();
  for (const planned of candidates) {
    if (!planned.row.managerEmail) continue;
    const key = keyOf(planned.row.email);
    finalEdges.set(key, keyOf(planned.row.managerEmail));
    fileEdge.set(key, planned);
  }
  const refused = new Set<PlannedRow>();
  // Each round drops the file's edges on a loop (the person keeps their current manager); that may
  // close another loop through an old edge, so repeat until none is left. Each round drops one at least.
  for (;;) {
    const onLoop = loopsThrough(finalEdges, [...fileEdge.keys()]);
    if (onLoop.length === 0) break;
    for (const key of onLoop) {
      const planned = fileEdge.get(key)!;
      planned.report.errors.push(`manager ${planned.row.managerEmail} would make this person their own indirect manager`);
      refused.add(planned);
      fileEdge.delete(key);
      const old = world.byId.get(key)?.managerId;
      if (old) finalEdges.set(key, old);
      else finalEdges.delete(key);
    }
  }
  candidates = candidates.filter((c) => !refused.has(c));
  // A refused row may be the manager a new row needed... it is still created (only its own manager
  // link was refused), so nothing else changes.

  // Pass 4: what each remaining row changes.
  const writes: PlannedRow[] = [];
  for (const planned of candidates) {
    const { row, report } = planned;
    const existing = world.byEmail.get(row.email);
    const currentManager = existing?.managerId ? (world.byId.get(existing.managerId)?.email ?? '') : '';
    for (const field of TEXT_FIELDS) {
      const before = existing ? existing[field] : '';
      if (row[field] && row[field] !== before) report.changes.push({ field, before, after: row[field] });
    }
    if (row.managerEmail && row.managerEmail !== currentManager)
      report.changes.push({ field: 'manager', before: currentManager, after: row.managerEmail });
    report.action = !existing ? 'create' : report.changes.length > 0 ? 'update' : 'unchanged';
    if (report.action !== 'unchanged') writes.push(planned);
  }
  for (const report of reports) if (report.errors.length > 0) report.action = 'error';

  const depth = (key: string) => {
    let d = 0;
    for (let at = finalEdges.get(key); at !== undefined && d < MAX_CHAIN_DEPTH; at = finalEdges.get(at)) d++;
    return d;
  };
  const ordered = writes
    .map((w) => ({ w, d: depth(keyOf(w.row.email)) }))
    .sort((a, b) => a.d - b.d || a.w.row.line - b.w.row.line)
    .map(({ w }) => w);
  const count = (action: ImportAction) => reports.filter((r) => r.action === action).length;
  return {
    report: {
      total: reports.length,
      create: count('create'),
      update: count('update'),
      unchanged: count('unchanged'),
      errors: count('error'),
      rows: reports,
    },
    writes: ordered,
  };
}

/** The starting nodes whose chain (following `edges`) comes back to themselves. */
function loopsThrough(edges: ReadonlyMap<string, string>, starts: readonly string[]): string[] {
  return starts.filter((start) => {
    let steps = 0;
    for (let at = edges.get(start); at !== undefined && steps <= edges.size; at = edges.get(at), steps++) {
      if (at === start) return true;
    }
    return false;
  });
}
