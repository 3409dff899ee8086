import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';
import { IdentityService, ProvisioningService } from '@ruche/identity';
import { conflict, Database, DomainError, EventBus, invalid, notFound, rows, Transactions, type Tx } from '@ruche/platform';
import type { PeopleImportView } from './dto.js';
import { OrgFieldsService } from './org-fields.service.js';
import { csvCell, type ImportRow, parsePeopleCsv } from './people-import-csv.js';
import { type ImportReport, type ImportWorld, type KnownPerson, planImport } from './people-import-plan.js';

export type ImportStatus = 'dry_run' | 'queued' | 'applying' | 'applied' | 'failed';

interface ImportRecord {
  id: string;
  file_name: string;
  status: ImportStatus;
  rows: ImportRow[];
  total: number;
  processed: number;
  report: ImportReport;
  result: ImportReport | null;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

/** Rows written per transaction: progress moves by this much, and a failure loses no more. */
const BATCH = 25;
const UNIQUE_VIOLATION = '23505';

/**
 * CSV imports of people (#15, README "Org directory and people import"). A file is parsed and
 * checked at once (the dry run: a report of what would be created, changed field by field, left
 * as it is, or refused and why) and kept; applying it runs as a job (a `people.import.queued`
 * event, handled by the job engine on an instance that runs jobs), which checks the rows again
 * against the company as it is by then and writes them in batches, counting progress in the
 * same transactions. People not yet in Ruche are created the way SCIM creates them: accounts
 * without a password, who sign in through single sign-on (or after an admin's password reset).
 * Applying the same file twice changes nothing the second time. One import applies at a time.
 */
@Injectable()
export class PeopleImportService implements OnModuleInit {
  private readonly logger = new Logger('people-import');

  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly bus: EventBus,
    private readonly accounts: ProvisioningService,
    private readonly identity: IdentityService,
    private readonly org: OrgFieldsService,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe('people.import.queued', (event) => this.apply(event.payload.importId), 'people.import');
  }

  /** Parses and checks the file, keeps it, and with `apply` queues it at once (else it waits for {@link start}). */
  async create(actorId: string, fileName: string, text: string, apply: boolean): Promise<PeopleImportView> {
    const parsed = parsePeopleCsv(text);
    const { report } = planImport(parsed, await this.world(parsed));
    const id = await this.startOr409(async (tx) => {
      const [created] = await rows<{ id: string }>(
        tx.manager,
        `INSERT INTO people_imports (created_by, file_name, status, rows, total, report)
         VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [actorId, fileName.replaceAll('\u0000', '').slice(0, 255), apply ? 'queued' : 'dry_run', JSON.stringify(parsed), parsed.length, JSON.stringify(report)],
      );
      if (apply) await this.queued(tx, created.id, actorId);
      return created.id;
    }, apply);
    return this.get(id);
  }

  /** Applies a dry run (409 when it already started, or while another import applies). */
  async start(actorId: string, id: string): Promise<PeopleImportView> {
    await this.startOr409(async (tx) => {
      const [found] = await rows<{ status: ImportStatus }>(tx.manager, 'SELECT status FROM people_imports WHERE id = $1 FOR UPDATE', [id]);
      if (!found) throw notFound('Import');
      if (found.status !== 'dry_run') throw conflict('This import was already started', 'import_not_pending');
      await tx.manager.query(`UPDATE people_imports SET status = 'queued' WHERE id = $1`, [id]);
      await this.queued(tx, id, actorId);
    });
    return this.get(id);
  }

  async get(id: string): Promise<PeopleImportView> {
    const [found] = await rows<ImportRecord>(this.db.manager, 'SELECT * FROM people_imports WHERE id = $1', [id]);
    if (!found) throw notFound('Import');
    return toView(found);
  }

  /** The report (the outcome once applied) as CSV, safe to open in a spreadsheet. */
  async reportCsv(id: string): Promise<string> {
    const view = await this.get(id);
    const report = view.result ?? view.report;
    const lines = [['line', 'email', 'action', 'changes', 'errors'].map(csvCell).join(',')];
    for (const row of report.rows) {
      const changes = row.changes.map((c) => `${c.field}: ${c.before} -> ${c.after}`).join('; ');
      lines.push([String(row.line), row.email, row.action, changes, row.errors.join('; ')].map(csvCell).join(','));
    }
    return `${lines.join('\r\n')}\r\n`;
  }

  /** The job: plans again, then writes row by row in batches; never leaves the import holding the one-at-a-time slot. */
  async apply(id: string): Promise<void> {
    const claimed = await rows<ImportRecord>(
      this.db.manager,
      `UPDATE people_imports SET status = 'applying', processed = 0, started_at = coalesce(started_at, now())
        WHERE id = $1 AND status IN ('queued', 'applying') RETURNING *`,
      [id],
    );
    if (claimed.length === 0) return;
    const record = claimed[0];
    try {
      const plan = planImport(record.rows, await this.world(record.rows));
      const byLine = new Map(plan.report.rows.map((r) => [r.line, r]));
      // Rows with nothing to write count as processed at once; the writes then move progress by batch.
      let processed = record.total - plan.writes.length;
      await this.db.manager.query('UPDATE people_imports SET processed = $2 WHERE id = $1', [id, processed]);
      for (let i = 0; i < plan.writes.length; i += BATCH) {
        const batch = plan.writes.slice(i, i + BATCH);
        processed += batch.length;
        await this.transactions.run(async (tx) => {
          for (const { row } of batch) {
            const report = byLine.get(row.line)!;
            const error = await this.writeRow(tx, row);
            if (error) {
              report.action = 'error';
              report.changes = [];
              report.errors.push(error);
            }
          }
          await tx.manager.query('UPDATE people_imports SET processed = $2 WHERE id = $1', [id, processed]);
        });
      }
      const result = recount(plan.report);
      await this.db.manager.query(
        `UPDATE people_imports SET status = 'applied', processed = total, result = $2, finished_at = now() WHERE id = $1`,
        [id, JSON.stringify(result)],
      );
    } catch (error) {
      // Failed for good (not retried: a retry would run from the start on a changed company anyway,
      // and the one-at-a-time slot must be given back). What was written stays written.
      this.logger.error({ msg: 'people import failed', importId: id, error: String(error) });
      await this.db.manager.query(
        `UPDATE people_imports SET status = 'failed', error = $2, finished_at = now() WHERE id = $1`,
        [id, String((error as Error)?.message ?? error).slice(0, 1000)],
      );
    }
  }

  /**
   * One row, under a savepoint: what it changes is written, or nothing is and the reason is
   * returned (someone took the email meanwhile, a manager change made elsewhere closes a loop).
   */
  private async writeRow(tx: Tx, row: ImportRow): Promise<string | null> {
    await tx.manager.query('SAVEPOINT import_row');
    try {
      let [account] = await this.accounts.many('email', [row.email]);
      if (!account) {
        account = await this.accounts.create(tx, { email: row.email, displayName: row.displayName, externalId: null });
      } else if (row.displayName && row.displayName !== account.displayName) {
        await this.identity.updateDisplayName(tx, account.id, row.displayName);
      }
      const manager = row.managerEmail ? (await this.accounts.many('email', [row.managerEmail]))[0] : undefined;
      if (row.managerEmail && !manager) throw invalid(`manager ${row.managerEmail} is not a person here`);
      const current = (await this.org.of([account.id])).get(account.id)!;
      await this.org.set(tx, account.id, {
        ...(row.title && row.title !== current.title ? { title: row.title } : {}),
        ...(row.department && row.department !== current.department ? { department: row.department } : {}),
        ...(row.location && row.location !== current.location ? { location: row.location } : {}),
        ...(manager && manager.id !== current.managerId ? { managerId: manager.id } : {}),
      });
      await tx.manager.query('RELEASE SAVEPOINT import_row');
      return null;
    } catch (error) {
      await tx.manager.query('ROLLBACK TO SAVEPOINT import_row');
      if (error instanceof DomainError) return error.message;
      if (error instanceof QueryFailedError) return `refused by the database: ${error.message}`;
      throw error;
    }
  }

  /** What the planner needs to know about the people a file names. */
  private async world(parsed: readonly ImportRow[]): Promise<ImportWorld> {
    const emails = [...new Set(parsed.flatMap((r) => [r.email, r.managerEmail]).filter((e) => e !== ''))];
    const [accounts, edges] = await Promise.all([this.accounts.many('email', emails), this.org.managerEdges()]);
    // Current managers are shown by email in the report, so they are read too.
    const fields = await this.org.of(accounts.map((a) => a.id));
    const managerIds = [...fields.values()].flatMap((f) => (f.managerId ? [f.managerId] : []));
    const managers = await this.accounts.many('id', managerIds.filter((m) => !accounts.some((a) => a.id === m)));
    const byEmail = new Map<string, KnownPerson>();
    const byId = new Map<string, KnownPerson>();
    const managerFields = await this.org.of(managers.map((m) => m.id));
    for (const account of [...accounts, ...managers]) {
      const f = fields.get(account.id) ?? managerFields.get(account.id)!;
      const person: KnownPerson = {
        id: account.id,
        email: account.email,
        displayName: account.displayName,
        title: f.title,
        department: f.department,
        location: f.location,
        managerId: f.managerId,
      };
      byId.set(account.id, person);
      if (accounts.includes(account)) byEmail.set(account.email, person);
    }
    return { byEmail, byId, edges };
  }

  private async queued(tx: Tx, importId: string, actorId: string): Promise<void> {
    await tx.emit({ type: 'people.import.queued', payload: { importId }, audience: [], actorId });
  }

  /** Runs `work`; the index that admits one running import answers a second with 409. */
  private async startOr409<T>(work: (tx: Tx) => Promise<T>, starting = true): Promise<T> {
    // The usual case, answered without a failed statement; the index is what holds under races.
    const running = starting
      ? await rows(this.db.manager, `SELECT 1 FROM people_imports WHERE status IN ('queued', 'applying') LIMIT 1`)
      : [];
    if (running.length > 0) throw conflict('Another import is being applied; try again when it ends', 'import_running');
    try {
      return await this.transactions.run(work);
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string })?.code === UNIQUE_VIOLATION)
        throw conflict('Another import is being applied; try again when it ends', 'import_running');
      throw error;
    }
  }
}

/** The report's totals after applying changed some rows' outcome. */
function recount(report: ImportReport): ImportReport {
  const count = (action: string) => report.rows.filter((r) => r.action === action).length;
  return { ...report, create: count('create'), update: count('update'), unchanged: count('unchanged'), errors: count('error') };
}

function toView(r: ImportRecord): PeopleImportView {
  return {
    id: r.id,
    fileName: r.file_name,
    status: r.status,
    total: r.total,
    processed: r.processed,
    report: r.report,
    result: r.result,
    error: r.error,
    createdAt: r.created_at.toISOString(),
    startedAt: r.started_at?.toISOString() ?? null,
    finishedAt: r.finished_at?.toISOString() ?? null,
  };
}
