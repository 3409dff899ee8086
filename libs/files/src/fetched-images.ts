import { Inject, Injectable, Logger } from '@nestjs/common';
import { createHash, randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import type { AttachmentView } from '@ruche/contracts';
import { canonicalIdSet, Database, rows, Transactions } from '@ruche/platform';
import { FILE_STORAGE, type FileStorage, storedKeys } from './file-storage.js';
import { detectContentType, IMAGE_TYPES } from './file-types.js';
import { FilesService } from './files.service.js';
import { processImage } from './images.js';

/** Items whose images the server fetched itself rather than someone uploading them. */
export type FetchedImageItem = { type: 'link_preview'; id: string };

/**
 * Images the server fetched itself (a link preview's picture, fetched by libs/previews through its
 * SSRF-safe path), stored like uploads: typed from their magic bytes (PNG, JPEG, GIF, WebP only),
 * scanned by clamd when one is configured, re-encoded by sharp without metadata with a thumbnail
 * and a web rendition, then recorded as a file attached to its item at once and charged to the
 * person whose post asked for it (their quota: an image that does not fit is simply not kept).
 * Anything that is not a readable image answers null: a card without a picture.
 */
@Injectable()
export class FetchedImages {
  private readonly logger = new Logger('files');

  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly files: FilesService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  async store(ownerId: string, bytes: Buffer, name: string, item: FetchedImageItem): Promise<AttachmentView | null> {
    return this.files.staged(async (temp) => {
      await writeFile(temp, bytes);
      const contentType = await detectContentType(temp, name);
      if (!contentType || !IMAGE_TYPES.has(contentType)) return null;
      if (this.files.scanner && !(await this.files.scanner.scan(temp)).clean) {
        this.logger.warn({ msg: 'fetched image refused by the virus scanner', item });
        return null;
      }
      let image;
      try {
        image = await processImage(temp, contentType);
      } catch {
        return null;
      }
      const id = randomUUID();
      const clean = await readFile(image.clean);
      const size = clean.length;
      const sha256 = createHash('sha256').update(clean).digest('hex');
      await this.storage.put(id, image.clean, size, contentType);
      await this.files.putRenditions(id, image);
      const kept = await this.transactions.run(async (tx) => {
        if (!(await this.files.chargeQuota(tx, ownerId, size))) return false;
        await tx.manager.query(
          `INSERT INTO files (id, owner_id, name, size, content_type, sha256, storage_key, width, height, has_thumbnail, has_web,
                              item_type, item_id, attached_at, position)
           VALUES ($1::uuid, $2, $3, $4, $5, $6, $1::text, $7, $8, true, true, $9, $10, now(), 1)`,
          [id, ownerId, name, size, contentType, sha256, image.width, image.height, item.type, item.id],
        );
        return true;
      });
      if (!kept) {
        await this.files.deleteKeys(storedKeys(id, true));
        return null;
      }
      return (await this.views([id])).get(id) ?? null;
    });
  }

  /** Signed views of these images, by file id (the caller shows them only inside views its readers may see). */
  async views(fileIds: readonly string[]): Promise<Map<string, AttachmentView>> {
    const ids = canonicalIdSet(fileIds);
    const result = new Map<string, AttachmentView>();
    if (ids.length === 0) return result;
    const found = await rows<{ id: string; name: string; size: string; content_type: string; width: number | null; height: number | null }>(
      this.db.manager,
      'SELECT id, name, size, content_type, width, height FROM files WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL',
      [ids],
    );
    for (const row of found) {
      result.set(row.id, {
        id: row.id,
        name: row.name,
        size: Number(row.size),
        contentType: row.content_type,
        url: this.files.urls.url(row.id, 'web'),
        thumbnailUrl: this.files.urls.url(row.id, 'thumbnail'),
        ...(row.width !== null && row.height !== null ? { width: row.width, height: row.height } : {}),
      });
    }
    return result;
  }

  /** The item no longer shows these images (a refreshed preview): unreadable at once, bytes and rows purged. */
  async discard(fileIds: readonly string[]): Promise<void> {
    const ids = canonicalIdSet(fileIds);
    if (ids.length === 0) return;
    await this.db.manager.query('UPDATE files SET deleted_at = now() WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL', [ids]);
    await this.files.sweep();
  }
}
