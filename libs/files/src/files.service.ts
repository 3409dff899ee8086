import { HttpException, HttpStatus, Inject, Injectable, Logger, ServiceUnavailableException } from '@nestjs/common';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyRequest } from 'fastify';
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from 'typeorm';
import type { AttachableType, AttachmentView, FileView } from '@ruche/contracts';
import {
  type AuthUser,
  canonicalIdSet,
  Database,
  forbidden,
  type FullTextSource,
  invalid,
  notFound,
  RUCHE_CONFIG,
  type RucheConfig,
  rows,
  SubjectVisibility,
  Transactions,
  type Tx,
} from '@ruche/platform';
import { ClamdScanner, ScannerUnavailable } from './clamd-scanner.js';
import { cleanFileName } from './file-names.js';
import { FILE_STORAGE, type FileStorage, type StoredObject, storedKeys, variantKey } from './file-storage.js';
import { detectContentType, IMAGE_TYPES } from './file-types.js';
import { type FileVariant, FileUrls } from './file-urls.js';
import { FILE_COLUMNS, type FileRow, UNATTACHED_LIFETIME } from './files-sql.js';
import { extractText, hasExtractableText } from './file-text.js';
import { processImage, UnreadableImage } from './images.js';

/** The longest an upload may take to arrive, whatever its size: a stalled client is cut off. */
const UPLOAD_TIMEOUT_MS = 10 * 60_000;
/** Room for the multipart envelope around the file when the request's length is checked first. */
const ENVELOPE_BYTES = 64 * 1024;
/** The most files one item may carry. */
export const MAX_ATTACHMENTS = 20;

const refuse = (status: number, message: string, code: string) => new HttpException({ message, code }, status);

/** A file ready to send: its bytes and the headers that go with them. */
export interface FileDownload {
  object: StoredObject;
  name: string;
  contentType: string;
  variant: FileVariant;
  sha256: string;
}

/**
 * Uploads and attachments. An upload is streamed to a temporary file under `RUCHE_DATA_DIR` while it
 * is hashed and counted (never held whole in memory), typed from its magic bytes, scanned by clamd
 * when one is configured, re-encoded without metadata when it is an image, then stored (disk or
 * S3) and recorded with the uploader's usage in one short transaction whose conditional UPDATE of
 * the person's `file_usage` row holds the quota exactly, however many uploads race.
 *
 * A file is as visible as the item it is attached to (asked of the owner's visibility through
 * platform's SubjectVisibility); unattached, it is its uploader's alone and is deleted after a day.
 */
@Injectable()
export class FilesService {
  private readonly logger = new Logger('files');
  /** clamd, when one is configured: what is kept (uploads, fetched images) is scanned first. */
  readonly scanner: ClamdScanner | undefined;
  readonly urls: FileUrls;
  private readonly incoming: string;

  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly subjects: SubjectVisibility,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {
    const { clamav, urlTtlSeconds } = config.files;
    this.scanner = clamav ? new ClamdScanner(clamav.host, clamav.port, clamav.timeoutMs) : undefined;
    this.urls = new FileUrls(config.auth.jwtSecret, urlTtlSeconds);
    this.incoming = join(config.dataDir, 'files-incoming');
  }

  // ---- upload ------------------------------------------------------------------------------------

  async upload(user: AuthUser, request: FastifyRequest): Promise<FileView> {
    const { maxBytes, quotaBytes } = this.config.files;
    const declared = Number(request.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes + ENVELOPE_BYTES) throw this.tooLarge();
    if (!request.isMultipart())
      throw refuse(HttpStatus.BAD_REQUEST, 'Send the file as multipart/form-data, in a field named "file"', 'file_missing');
    // Cheap early refusal; the exact check is the conditional UPDATE below.
    const [usage] = await rows<{ bytes: string }>(this.db.manager, 'SELECT bytes FROM file_usage WHERE user_id = $1', [user.id]);
    if (usage && Number(usage.bytes) >= quotaBytes) throw this.overQuota();

    return this.staged(async (temp) => {
      const received = await this.receive(request, temp);
      const name = cleanFileName(received.filename);
      const contentType = await detectContentType(temp, name, this.config.files.activeTypes);
      if (!contentType)
        throw refuse(HttpStatus.UNSUPPORTED_MEDIA_TYPE, 'This type of file is not allowed', 'file_type_not_allowed');
      await this.scan(temp);
      const id = randomUUID();
      const image = IMAGE_TYPES.has(contentType) ? await this.image(temp, contentType) : undefined;
      const original = image ? image.clean : temp;
      const { size, sha256 } = image ? await digest(original) : received;
      if (size > maxBytes) throw this.tooLarge();
      const keys = storedKeys(id, image !== undefined);
      await this.storage.put(id, original, size, contentType);
      if (image) await this.putRenditions(id, image);
      try {
        await this.transactions.run(async (tx) => {
          if (!(await this.chargeQuota(tx, user.id, size))) throw this.overQuota();
          await tx.manager.query(
            `INSERT INTO files (id, owner_id, name, size, content_type, sha256, storage_key, width, height, has_thumbnail, has_web, expires_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $10, now() + ${UNATTACHED_LIFETIME})`,
            [id, user.id, name, size, contentType, sha256, id, image?.width ?? null, image?.height ?? null, image !== undefined],
          );
          // Its text is read off the request path, by the listener (a job: retried, one instance).
          if (hasExtractableText(contentType)) {
            await tx.emit({ type: 'file.uploaded', payload: { fileId: id, contentType }, audience: [], actorId: user.id });
          }
        });
      } catch (error) {
        await this.deleteKeys(keys);
        throw error;
      }
      return { id, name, size, contentType, sha256, ...(image ? { width: image.width, height: image.height } : {}) };
    });
  }

  /**
   * Runs `work` on a fresh path in the incoming folder, then removes that file and the renditions
   * made beside it (`.clean`, `.thumb`, `.web`), whatever happened.
   */
  async staged<T>(work: (temp: string) => Promise<T>): Promise<T> {
    await mkdir(this.incoming, { recursive: true });
    const temp = join(this.incoming, randomUUID());
    try {
      return await work(temp);
    } finally {
      await Promise.all([temp, `${temp}.clean`, `${temp}.thumb`, `${temp}.web`].map((path) => rm(path, { force: true })));
    }
  }

  /** Stores an image's two WebP renditions (thumbnail and web) beside its original, stored as `id`. */
  async putRenditions(id: string, image: { thumbnail: string; web: string }): Promise<void> {
    await this.storage.put(variantKey(id, 'thumbnail'), image.thumbnail, (await stat(image.thumbnail)).size, 'image/webp');
    await this.storage.put(variantKey(id, 'web'), image.web, (await stat(image.web)).size, 'image/webp');
  }

  /**
   * Charges `bytes` to the person's storage, in `tx`: false, and nothing charged, when it would go
   * over their quota. The row lock this takes serialises the person's concurrent writes of files.
   */
  async chargeQuota(tx: Tx, userId: string, bytes: number): Promise<boolean> {
    await tx.manager.query('INSERT INTO file_usage (user_id) VALUES ($1) ON CONFLICT DO NOTHING', [userId]);
    const charged = await rows(
      tx.manager,
      'UPDATE file_usage SET bytes = bytes + $2 WHERE user_id = $1 AND bytes + $2 <= $3 RETURNING bytes',
      [userId, bytes, this.config.files.quotaBytes],
    );
    return charged.length > 0;
  }

  /** Streams the `file` part to `temp`, hashing and counting on the way; refuses what is too large. */
  private async receive(request: FastifyRequest, temp: string): Promise<{ filename: string; size: number; sha256: string }> {
    let part: MultipartFile | undefined;
    try {
      part = await request.file({
        limits: { fileSize: this.config.files.maxBytes, files: 1, fields: 0, parts: 1, headerPairs: 100 },
      });
    } catch (error) {
      throw this.multipartError(error);
    }
    if (!part) throw refuse(HttpStatus.BAD_REQUEST, 'No file: send it in a field named "file"', 'file_missing');
    if (part.fieldname !== 'file') {
      part.file.resume();
      throw refuse(HttpStatus.BAD_REQUEST, 'Send the file in a field named "file"', 'file_missing');
    }
    const hash = createHash('sha256');
    let size = 0;
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        hash.update(chunk);
        done(null, chunk);
      },
    });
    try {
      await pipeline(part.file, count, createWriteStream(temp), { signal: AbortSignal.timeout(UPLOAD_TIMEOUT_MS) });
    } catch (error) {
      throw this.multipartError(error);
    }
    if (part.file.truncated || size > this.config.files.maxBytes) throw this.tooLarge();
    if (size === 0) throw refuse(HttpStatus.BAD_REQUEST, 'The file is empty', 'file_missing');
    return { filename: part.filename ?? '', size, sha256: hash.digest('hex') };
  }

  /** @fastify/multipart's and busboy's errors, as the client's 4xx. */
  private multipartError(error: unknown): Error {
    if (error instanceof HttpException) return error;
    const code = (error as { code?: string }).code;
    const status = (error as { statusCode?: number }).statusCode;
    if (code === 'FST_REQ_FILE_TOO_LARGE' || status === 413) return this.tooLarge();
    if ((error as Error)?.name === 'TimeoutError' || (error as Error)?.name === 'AbortError')
      return refuse(HttpStatus.REQUEST_TIMEOUT, 'The upload took too long', 'invalid');
    return refuse(HttpStatus.BAD_REQUEST, `Malformed multipart body: ${(error as Error)?.message ?? 'unreadable'}`, 'invalid');
  }

  private tooLarge(): HttpException {
    return refuse(HttpStatus.PAYLOAD_TOO_LARGE, `A file may be at most ${this.config.files.maxBytes} bytes`, 'file_too_large');
  }

  private overQuota(): HttpException {
    return refuse(
      HttpStatus.UNPROCESSABLE_ENTITY,
      `Your files would exceed your storage quota of ${this.config.files.quotaBytes} bytes`,
      'file_quota_exceeded',
    );
  }

  private async scan(path: string): Promise<void> {
    if (!this.scanner) return;
    try {
      const verdict = await this.scanner.scan(path);
      if (!verdict.clean) {
        this.logger.warn({ msg: 'infected upload refused', signature: verdict.signature });
        throw refuse(
          HttpStatus.UNPROCESSABLE_ENTITY,
          `The virus scanner refused this file (${verdict.signature})`,
          'file_infected',
        );
      }
    } catch (error) {
      if (error instanceof ScannerUnavailable) {
        this.logger.error({ msg: 'virus scanner unavailable', error: error.message });
        throw new ServiceUnavailableException('The virus scanner is unavailable, try again shortly');
      }
      throw error;
    }
  }

  private async image(path: string, contentType: string) {
    try {
      return await processImage(path, contentType);
    } catch (error) {
      if (error instanceof UnreadableImage)
        throw refuse(HttpStatus.UNPROCESSABLE_ENTITY, 'The image cannot be read', 'file_unreadable');
      throw error;
    }
  }

  // ---- reading -----------------------------------------------------------------------------------

  private async row(id: string, db: EntityManager = this.db.manager): Promise<FileRow | undefined> {
    const [row] = await rows<FileRow>(db, `SELECT ${FILE_COLUMNS} FROM files WHERE id = $1`, [id]);
    return row;
  }

  /** Whether `viewer` may read the file: its item's visibility, or its uploader alone while unattached. */
  private async mayRead(viewerId: string, row: FileRow): Promise<boolean> {
    if (row.gone) return false;
    if (row.item_type === null || row.item_id === null) return row.owner_id === viewerId;
    return this.subjects.canSee(viewerId, row.item_type, row.item_id);
  }

  /**
   * The file's bytes for a signed link (`exp`, `sig`) or a signed-in reader (`viewer`), else 404
   * (missing, gone, not visible and a bad signature look the same).
   */
  async download(
    id: string,
    variant: FileVariant,
    access: { viewer: AuthUser } | { exp: unknown; sig: unknown },
  ): Promise<FileDownload> {
    const row = await this.row(id);
    if (!row || row.gone) throw notFound('File');
    if ('viewer' in access) {
      if (!(await this.mayRead(access.viewer.id, row))) throw notFound('File');
    } else if (!row.item_type || !row.item_id || !this.urls.verify(id, variant, access.exp, access.sig)) {
      throw notFound('File');
    } else if (!(await this.subjects.canSee(row.owner_id, row.item_type, row.item_id))) {
      // A link names no reader: it works while the item is in sight of its own author (the uploader),
      // so an item hidden or removed by moderation, or deleted, takes its links down at once.
      throw notFound('File');
    }
    const key = variantKey(row.storage_key, variant);
    if (variant !== 'original' && !row.has_thumbnail) throw notFound('File');
    const object = await this.storage.get(key);
    if (!object) {
      this.logger.error({ msg: 'file bytes missing from storage', id, key });
      throw notFound('File');
    }
    const contentType = variant === 'original' ? row.content_type : 'image/webp';
    return { object, name: row.name, contentType, variant, sha256: row.sha256 };
  }

  /** Sets the image's text alternative: its uploader only. */
  async setAlt(user: AuthUser, id: string, alt: string | null): Promise<FileView> {
    const row = await this.row(id);
    if (!row || !(await this.mayRead(user.id, row))) throw notFound('File');
    if (row.owner_id !== user.id) throw forbidden('Only the person who uploaded the file can describe it');
    const text = alt?.trim() ? alt.trim() : null;
    await this.db.manager.query('UPDATE files SET alt = $2 WHERE id = $1', [id, text]);
    return toFileView({ ...row, alt: text });
  }

  // ---- attachments (called by the content owners, inside their writing transaction) -------------

  /**
   * Attaches files to an item, in the caller's open transaction (`db`). Only the author's own files
   * that are unattached (or already on this item) can be; anything else refuses the whole write.
   * `replace`: the item's files not listed are taken off it (kept a day, then deleted), as an edit
   * that sends the full list does. Answers the item's attachments in the order given.
   */
  async attach(
    db: EntityManager,
    authorId: string,
    item: { type: AttachableType | 'avatar'; id: string },
    fileIds: readonly string[],
    { replace = false } = {},
  ): Promise<AttachmentView[]> {
    const ids = canonicalIdSet(fileIds);
    if (ids.length !== fileIds.length) throw invalid('attachmentIds must be distinct file ids', 'file_not_attachable');
    if (ids.length > MAX_ATTACHMENTS) throw invalid(`At most ${MAX_ATTACHMENTS} files per item`, 'file_not_attachable');
    if (replace) {
      await db.query(
        `UPDATE files SET item_type = NULL, item_id = NULL, attached_at = NULL, position = NULL, expires_at = now() + ${UNATTACHED_LIFETIME}
          WHERE item_type = $1 AND item_id = $2 AND NOT (id = ANY($3::uuid[]))`,
        [item.type, item.id, ids],
      );
    }
    if (ids.length === 0) return [];
    // Row locks: two items racing for one file are one after the other, and the second finds it taken.
    const attached = await rows<FileRow>(
      db,
      `UPDATE files SET item_type = $1, item_id = $2, attached_at = coalesce(attached_at, now()), expires_at = NULL,
              position = array_position($3::uuid[], id)
        WHERE id = ANY($3::uuid[]) AND owner_id = $4 AND deleted_at IS NULL
          AND ((item_id IS NULL AND expires_at > now()) OR (item_type = $1 AND item_id = $2))
        RETURNING ${FILE_COLUMNS}`,
      [item.type, item.id, ids, authorId],
    );
    if (attached.length !== ids.length) {
      throw invalid('A file cannot be attached: it is not yours, already attached elsewhere, or gone', 'file_not_attachable');
    }
    const byId = new Map(attached.map((row) => [row.id, row]));
    return ids.map((id) => this.attachmentView(byId.get(id)!));
  }

  /**
   * An item's attachments after its author edits it, in the caller's transaction: `fileIds` is the
   * full new list (attached with `replace`: a file left off is taken off); left out, the files stay
   * as they are and are read back.
   */
  async attachEdited(
    db: EntityManager,
    authorId: string,
    item: { type: AttachableType; id: string },
    fileIds: readonly string[] | undefined,
  ): Promise<AttachmentView[]> {
    if (fileIds === undefined) return (await this.attachmentsFor(item.type, [item.id], db)).get(item.id) ?? [];
    return this.attach(db, authorId, item, fileIds, { replace: true });
  }

  /** The attachments of items of one type, by item id (items the caller already may see). */
  async attachmentsFor(
    type: AttachableType,
    itemIds: readonly string[],
    db: EntityManager = this.db.manager,
  ): Promise<Map<string, AttachmentView[]>> {
    const ids = canonicalIdSet(itemIds);
    const result = new Map<string, AttachmentView[]>();
    if (ids.length === 0) return result;
    const found = await rows<FileRow>(
      db,
      `SELECT ${FILE_COLUMNS} FROM files WHERE item_type = $1 AND item_id = ANY($2::uuid[]) AND deleted_at IS NULL
        ORDER BY position, attached_at, id`,
      [type, ids],
    );
    for (const row of found) result.set(row.item_id!, [...(result.get(row.item_id!) ?? []), this.attachmentView(row)]);
    return result;
  }

  private attachmentView(row: FileRow): AttachmentView {
    return {
      id: row.id,
      name: row.name,
      size: Number(row.size),
      contentType: row.content_type,
      url: this.urls.url(row.id),
      ...(row.width !== null && row.height !== null ? { width: row.width, height: row.height } : {}),
      ...(row.alt !== null ? { alt: row.alt } : {}),
      ...(row.has_thumbnail ? { thumbnailUrl: this.urls.url(row.id, 'thumbnail') } : {}),
    };
  }

  // ---- document text (search) ---------------------------------------------------------------------

  /**
   * Reads the file's text into `files.text` (the `file.uploaded` listener). Idempotent: a file
   * already read, gone or deleted is left alone, so a retried job costs one SELECT. A document that
   * cannot be read gets no text and the attempt is recorded; a storage error throws (retried).
   */
  async extractText(fileId: string): Promise<'extracted' | 'empty' | 'skipped'> {
    const [file] = await rows<{ storage_key: string; content_type: string; size: string }>(
      this.db.manager,
      `SELECT storage_key, content_type, size FROM files
        WHERE id = $1 AND text_extracted_at IS NULL AND deleted_at IS NULL`,
      [fileId],
    );
    if (!file) return 'skipped';
    const object = await this.storage.get(file.storage_key);
    if (!object) return 'skipped';
    const text = await extractText(object.body, object.size, file.content_type, (reason) =>
      this.logger.warn({ msg: 'no text extracted from a document', fileId, contentType: file.content_type, reason }),
    );
    await this.db.manager.query(
      'UPDATE files SET text = $2, text_extracted_at = now() WHERE id = $1 AND text_extracted_at IS NULL',
      [fileId, text],
    );
    return text === null ? 'empty' : 'extracted';
  }

  /**
   * A full-text source over the text of the files attached to items of `type`, for the item's owner
   * to add to its own search source: a match in a file is a hit on its item, under the owner's
   * visibility rule (`visible`, over the item joined by `join`, e.g. `JOIN posts p ON p.id = f.item_id`),
   * so a private group's document is found by its members only. The files alias is `f`; `id`,
   * `title` and `createdAt` are the item's (the snippet is cut from the file's text). Files of a
   * deleted item are excluded at once, before their purge.
   */
  textSource(
    type: AttachableType,
    source: Pick<FullTextSource, 'visible' | 'values' | 'id' | 'title' | 'createdAt'> & { join: string },
  ): FullTextSource {
    return {
      from: `files f ${source.join}`,
      vector: 'f.search_vector',
      // The literal comes from the AttachableType union, never from input.
      visible: `f.item_type = '${type}' AND f.text IS NOT NULL AND f.deleted_at IS NULL AND ${source.visible}`,
      values: source.values,
      id: source.id,
      title: source.title,
      body: 'f.text',
      createdAt: source.createdAt,
      // A document's text may be 100,000 characters: its snippet is cut where it is read.
      snippetsInPlace: true,
    };
  }

  // ---- purge -------------------------------------------------------------------------------------

  /** An item was deleted: its files are unreadable at once, then their bytes and rows go. */
  async purgeItem(type: AttachableType, itemId: string): Promise<number> {
    const [id] = canonicalIdSet([itemId]);
    if (!id) return 0;
    await this.db.manager.query(
      'UPDATE files SET deleted_at = now() WHERE item_type = $1 AND item_id = $2 AND deleted_at IS NULL',
      [type, id],
    );
    return this.sweep();
  }

  /**
   * Deletes the bytes, then the rows (and the usage they counted), of files that are gone: their item
   * deleted, or unattached past their day. Bytes first, so a crash in between leaves a row to retry,
   * never bytes nobody knows of. Safe to run on several instances at once (SKIP LOCKED).
   */
  async sweep(limit = 500): Promise<number> {
    let total = 0;
    for (;;) {
      const batch = await this.transactions.run(async (tx) => {
        const gone = await rows<{ id: string; owner_id: string; size: string; storage_key: string; has_thumbnail: boolean }>(
          tx.manager,
          `SELECT id, owner_id, size, storage_key, has_thumbnail FROM files
            WHERE deleted_at IS NOT NULL OR (item_id IS NULL AND expires_at <= now())
            ORDER BY id LIMIT $1 FOR UPDATE SKIP LOCKED`,
          [limit],
        );
        if (gone.length === 0) return 0;
        await this.deleteKeys(gone.flatMap((f) => storedKeys(f.storage_key, f.has_thumbnail)));
        await tx.manager.query('DELETE FROM files WHERE id = ANY($1::uuid[])', [gone.map((f) => f.id)]);
        await tx.manager.query(
          `UPDATE file_usage u SET bytes = greatest(0, u.bytes - g.bytes)
             FROM (SELECT owner_id, sum(bytes) AS bytes FROM unnest($1::uuid[], $2::bigint[]) AS t (owner_id, bytes) GROUP BY owner_id) g
            WHERE u.user_id = g.owner_id`,
          [gone.map((f) => f.owner_id), gone.map((f) => f.size)],
        );
        return gone.length;
      });
      total += batch;
      if (batch < limit) return total;
    }
  }

  /** Deletes stored objects (a file's `storedKeys`), one after the other. */
  async deleteKeys(keys: string[]): Promise<void> {
    for (const key of keys) await this.storage.delete(key);
  }
}

export function toFileView(row: FileRow): FileView {
  return {
    id: row.id,
    name: row.name,
    size: Number(row.size),
    contentType: row.content_type,
    sha256: row.sha256,
    ...(row.width !== null && row.height !== null ? { width: row.width, height: row.height } : {}),
    ...(row.alt !== null ? { alt: row.alt } : {}),
  };
}

/** Size and SHA-256 of a local file, read in chunks. */
async function digest(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path)) {
    size += (chunk as Buffer).length;
    hash.update(chunk as Buffer);
  }
  return { size, sha256: hash.digest('hex') };
}
