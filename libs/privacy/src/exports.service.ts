import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ZipArchive } from 'archiver';
import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { FILE_STORAGE, type FileStorage, type StoredObject } from '@ruche/files';
import {
  Database,
  EventBus,
  JobEngine,
  PersonalDataRegistry,
  type PersonalFile,
  Transactions,
  notFound,
  rows,
  type Tx,
  userRoom,
} from '@ruche/platform';
import { EXPORT_COLUMNS, EXPORT_TTL_HOURS, type ExportRow, type ExportView, toExportView } from './exports-sql.js';

/** The share of progress the JSON parts take; the files take the rest. */
const JSON_SHARE = 80;

/**
 * Personal data export (#15): a person asks for an archive of everything they wrote and their
 * profile; a job (the `personal_data.export_requested` event's listener, on pg-boss) builds a zip
 * with one JSON file per module and section (`feed/posts.json`, ...) and their files
 * (`files/<id>-<name>`), moving `progress` as it goes, and stores it beside uploads (disk or S3)
 * for a day. The data comes only through each owning module's registration (platform's
 * PersonalDataRegistry): this module reads no one else's table.
 *
 * One export at a time per person: asking while one is queued or running answers that one (the
 * partial unique index decides under concurrency). Only the person reads or downloads their export
 * (404 for anyone else, admins included: an archive is the person's own copy, and an admin who
 * needs data reads it where it lives with their own rights).
 */
@Injectable()
export class ExportsService implements OnModuleInit {
  private readonly logger = new Logger('privacy.exports');

  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly bus: EventBus,
    private readonly jobs: JobEngine,
    private readonly registry: PersonalDataRegistry,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe('personal_data.export_requested', (e) => this.build(e.payload.exportId), 'privacy.export');
    this.jobs.every('privacy-exports-sweep', '*/15 * * * *', () => this.sweep());
  }

  /** Starts an export, or answers the one already queued or running (`created` false). */
  async request(userId: string): Promise<{ view: ExportView; created: boolean }> {
    for (let attempt = 0; attempt < 3; attempt++) {
      const running = await this.running(userId);
      if (running) return { view: toExportView(running), created: false };
      const created = await this.transactions.run(async (tx) => {
        // Two requests at once: the partial unique index lets one insert; the other inserts
        // nothing and answers the running one.
        const [row] = await rows<ExportRow>(
          tx.manager,
          `INSERT INTO personal_data_exports (user_id) VALUES ($1)
           ON CONFLICT (user_id) WHERE status IN ('queued', 'running') DO NOTHING
           RETURNING ${EXPORT_COLUMNS}`,
          [userId],
        );
        if (!row) return undefined;
        await tx.emit({
          type: 'personal_data.export_requested',
          payload: { exportId: row.id, userId },
          audience: [userRoom(userId)],
          // Its own subject: building an archive must not hold back the person's other events.
          subject: { type: 'personal_data_export', id: row.id },
          actorId: userId,
        });
        return row;
      });
      if (created) return { view: toExportView(created), created: true };
    }
    // The running one finished between our insert and our read, three times over: not expected.
    throw new Error('could not start or find an export');
  }

  async get(userId: string, exportId: string): Promise<ExportView> {
    return toExportView(await this.own(userId, exportId));
  }

  async list(userId: string): Promise<{ items: ExportView[] }> {
    const found = await rows<ExportRow>(
      this.db.manager,
      `SELECT ${EXPORT_COLUMNS} FROM personal_data_exports WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT 20`,
      [userId],
    );
    return { items: found.map(toExportView) };
  }

  /** The archive, while ready and not expired; otherwise 404 (an expired link is gone). */
  async download(userId: string, exportId: string): Promise<{ object: StoredObject; name: string }> {
    const row = await this.own(userId, exportId);
    if (row.status !== 'ready' || !row.storage_key || !row.expires_at || row.expires_at <= new Date()) throw notFound('Export');
    const object = await this.storage.get(row.storage_key);
    if (!object) throw notFound('Export');
    return { object, name: `ruche-personal-data-${row.created_at.toISOString().slice(0, 10)}.zip` };
  }

  /** Builds the archive (the job). Idempotent: a retried job starts over; a finished export is left alone. */
  async build(exportId: string): Promise<void> {
    const [row] = await rows<ExportRow>(
      this.db.manager,
      `UPDATE personal_data_exports SET status = 'running', progress = 0 WHERE id = $1 AND status IN ('queued', 'running')
       RETURNING ${EXPORT_COLUMNS}`,
      [exportId],
    );
    if (!row) return;
    const temp = join(tmpdir(), `ruche-export-${randomUUID()}.zip`);
    try {
      await this.writeArchive(row, temp);
      const key = `${row.id}.zip`;
      const { size } = await stat(temp);
      await this.storage.put(key, temp, size, 'application/zip');
      await this.finish(row, 'ready', { key, size });
    } catch (error) {
      this.logger.error({ msg: 'personal data export failed', exportId, error: String((error as Error)?.stack ?? error) });
      await this.finish(row, 'failed', { error: String((error as Error)?.message ?? error).slice(0, 2000) });
    } finally {
      await rm(temp, { force: true });
    }
  }

  private async writeArchive(row: ExportRow, path: string): Promise<void> {
    const zip = new ZipArchive({ zlib: { level: 6 } });
    const written = pipeline(zip, createWriteStream(path));
    const owners = this.registry.all();
    zip.append(
      JSON.stringify(
        { exportId: row.id, userId: row.user_id, createdAt: row.created_at.toISOString(), modules: owners.map((o) => o.module) },
        null,
        2,
      ),
      { name: 'README.json' },
    );
    for (const [i, owner] of owners.entries()) {
      const sections = await owner.exportFor(this.db.manager, row.user_id);
      for (const [section, items] of Object.entries(sections)) {
        zip.append(JSON.stringify(items, null, 2), { name: `${owner.module}/${section}.json` });
      }
      await this.progress(row.id, Math.floor(((i + 1) / owners.length) * JSON_SHARE));
    }
    const files: PersonalFile[] = [];
    for (const owner of owners) if (owner.filesFor) files.push(...(await owner.filesFor(this.db.manager, row.user_id)));
    for (const [i, file] of files.entries()) {
      const body = await file.open();
      // A file whose bytes are gone (swept) is left out rather than failing the whole archive.
      if (body) {
        zip.append(body, { name: `files/${file.path}` });
        // archiver reads appended streams one at a time: wait for this one before opening the next.
        await new Promise<void>((resolve, reject) => {
          const done = () => {
            zip.off('entry', done);
            zip.off('error', reject);
            resolve();
          };
          zip.on('entry', done);
          zip.once('error', reject);
        });
      }
      await this.progress(row.id, JSON_SHARE + Math.floor(((i + 1) / files.length) * (99 - JSON_SHARE)));
    }
    await zip.finalize();
    await written;
  }

  private async progress(id: string, percent: number): Promise<void> {
    await this.db.manager.query(
      `UPDATE personal_data_exports SET progress = greatest(progress, $2) WHERE id = $1 AND status = 'running'`,
      [id, Math.min(percent, 99)],
    );
  }

  private async finish(
    row: ExportRow,
    status: 'ready' | 'failed',
    outcome: { key?: string; size?: number; error?: string },
  ): Promise<void> {
    await this.transactions.run(async (tx: Tx) => {
      const [done] = await rows<{ id: string }>(
        tx.manager,
        `UPDATE personal_data_exports
            SET status = $2, progress = CASE WHEN $2 = 'ready' THEN 100 ELSE progress END, storage_key = $3, size = $4, error = $5,
                finished_at = now(), expires_at = CASE WHEN $2 = 'ready' THEN now() + make_interval(hours => $6) END
          WHERE id = $1 AND status = 'running' RETURNING id`,
        [row.id, status, outcome.key ?? null, outcome.size ?? null, outcome.error ?? null, EXPORT_TTL_HOURS],
      );
      if (!done) return;
      await tx.emit({
        type: 'personal_data.export_finished',
        payload: { exportId: row.id, userId: row.user_id, status },
        audience: [userRoom(row.user_id)],
        subject: { type: 'personal_data_export', id: row.id },
        actorId: row.user_id,
      });
    });
  }

  /** Deletes expired archives (bytes first, then the row says expired). */
  async sweep(): Promise<number> {
    const expired = await rows<{ id: string; storage_key: string }>(
      this.db.manager,
      `SELECT id, storage_key FROM personal_data_exports WHERE status = 'ready' AND expires_at <= now() ORDER BY expires_at LIMIT 500`,
    );
    for (const e of expired) {
      await this.storage.delete(e.storage_key);
      await this.db.manager.query(
        `UPDATE personal_data_exports SET status = 'expired', storage_key = NULL, expires_at = NULL WHERE id = $1`,
        [e.id],
      );
    }
    return expired.length;
  }

  private async running(userId: string): Promise<ExportRow | undefined> {
    const [found] = await rows<ExportRow>(
      this.db.manager,
      `SELECT ${EXPORT_COLUMNS} FROM personal_data_exports WHERE user_id = $1 AND status IN ('queued', 'running')`,
      [userId],
    );
    return found;
  }

  private async own(userId: string, exportId: string): Promise<ExportRow> {
    const [found] = await rows<ExportRow>(
      this.db.manager,
      `SELECT ${EXPORT_COLUMNS} FROM personal_data_exports WHERE id = $1 AND user_id = $2`,
      [exportId, userId],
    );
    if (!found) throw notFound('Export');
    return found;
  }
}
