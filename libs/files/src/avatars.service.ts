import type { EntityManager } from 'typeorm';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { IdentityService } from '@ruche/identity';
import { type AuthUser, canonicalId, Database, invalid, lockKey, notFound, rows, Transactions } from '@ruche/platform';
import { FILE_STORAGE, type FileStorage, variantKey } from './file-storage.js';
import type { FileDownload } from './files.service.js';
import { FilesService } from './files.service.js';
import { FILE_COLUMNS, type FileRow } from './files-sql.js';

/** What a photo may be: raster images whose thumbnail libvips made (never GIF: an avatar does not move). */
const AVATAR_TYPES = new Set(['image/png', 'image/jpeg', 'image/webp']);

/**
 * Uploaded avatars (#16). A photo is an upload of the person's own, attached to the item `avatar`
 * with the person's id (so it is never swept while in use, and a replaced one is detached and swept
 * a day later like any file taken off its item); identity keeps the file id as the opaque reference
 * its person summaries link to (`/api/users/:id/avatar?v=<file id>`), without reading `files`.
 * Files arrive scanned: an upload the virus scanner refuses is never stored.
 */
/**
 * One change of a person's photo at a time: two at once each lock only their own file, so each
 * would detach the other's previous photo but not the other's new one, and both stay attached.
 */
const lockAvatarOf = (db: EntityManager, userId: string) => lockKey(db, `ruche.avatar:${userId}`);

@Injectable()
export class AvatarsService {
  private readonly logger = new Logger('avatars');

  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly files: FilesService,
    private readonly identity: IdentityService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** Makes one of the caller's uploads their photo: 404 unless theirs and readable, 400 unless a PNG, JPEG or WebP image. */
  async set(user: AuthUser, fileId: string): Promise<{ avatarUrl: string | null }> {
    await this.transactions.run(async (tx) => {
      await lockAvatarOf(tx.manager, user.id);
      const [file] = await rows<FileRow>(tx.manager, `SELECT ${FILE_COLUMNS} FROM files WHERE id = $1 FOR UPDATE`, [fileId]);
      // Another person's upload looks missing, as it does everywhere else.
      if (!file || file.gone || file.owner_id !== user.id) throw notFound('File');
      if (!AVATAR_TYPES.has(file.content_type) || !file.has_thumbnail)
        throw invalid('A photo must be a PNG, JPEG or WebP image', 'avatar_not_image');
      // Refuses a file already on a post (file_not_attachable); takes the previous photo off.
      await this.files.attach(tx.manager, user.id, { type: 'avatar', id: user.id }, [fileId], { replace: true });
      await this.identity.setAvatar(tx, user.id, fileId);
    });
    return { avatarUrl: await this.urlOf(user.id) };
  }

  /** Takes the caller's photo off (its file is swept a day later); the generated avatar shows again. */
  async remove(user: AuthUser): Promise<{ avatarUrl: string | null }> {
    await this.transactions.run(async (tx) => {
      await lockAvatarOf(tx.manager, user.id);
      await this.files.attach(tx.manager, user.id, { type: 'avatar', id: user.id }, [], { replace: true });
      await this.identity.setAvatar(tx, user.id, null);
    });
    return { avatarUrl: null };
  }

  private async urlOf(userId: string): Promise<string | null> {
    return (await this.identity.summaries([userId])).get(userId)?.avatarUrl ?? null;
  }

  /**
   * The photo (its 400 px WebP thumbnail) of an active person: when `version` is the file id their
   * summaries link to, or the current one when `version` is null (a signed-in caller). Anything
   * else (another or an old version, a suspended, deactivated or erased person, no photo) is a 404.
   */
  async image(userId: string, version: unknown): Promise<FileDownload> {
    const current = await this.identity.activeAvatar(userId);
    const wanted = version === null ? current : canonicalId(version);
    if (!wanted || current !== wanted) throw notFound('Avatar');
    const [file] = await rows<FileRow>(
      this.db.manager,
      `SELECT ${FILE_COLUMNS} FROM files WHERE id = $1 AND item_type = 'avatar' AND item_id = $2`,
      [wanted, userId],
    );
    if (!file || file.gone || !file.has_thumbnail) throw notFound('Avatar');
    const object = await this.storage.get(variantKey(file.storage_key, 'thumbnail'));
    if (!object) {
      this.logger.error({ msg: 'avatar bytes missing from storage', userId, fileId: file.id });
      throw notFound('Avatar');
    }
    return { object, name: 'avatar', contentType: 'image/webp', variant: 'thumbnail', sha256: file.sha256 };
  }
}
