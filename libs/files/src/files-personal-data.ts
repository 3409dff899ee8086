import { Inject, Injectable } from '@nestjs/common';
import {
  PersonalDataRegistry,
  PersonalDataShare,
  rows,
  tableOwner,
  type ErasureSubject,
  type PersonalFile,
  type Tx,
} from '@ruche/platform';
import { cleanFileName } from './file-names.js';
import { FILE_STORAGE, type FileStorage } from './file-storage.js';

/**
 * Files' share of a person's data (#15): the files they uploaded, in the archive as themselves
 * (`files/<id>-<name>`), and their storage usage. Erasure marks files deleted (the files sweep
 * removes the bytes after commit, so a rolled-back erasure loses nothing): every file in delete
 * mode; in anonymise mode the ones not attached to content that stays (attached ones belong to
 * the kept posts, questions and ideas), so their photo (an avatar) goes too.
 */
@Injectable()
export class FilesPersonalData extends PersonalDataShare {
  constructor(
    registry: PersonalDataRegistry,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {
    super(registry);
  }

  protected readonly owner = tableOwner(
    'files',
    [
      { table: 'files', columns: ['owner_id'], section: 'files', erase: (tx, s) => this.purge(tx, s) },
      { table: 'file_usage', columns: ['user_id'], erase: 'delete' },
    ],
    {
      filesFor: async (manager, userId) => {
        const found = await rows<{ id: string; name: string; size: string; storage_key: string }>(
          manager,
          'SELECT id, name, size, storage_key FROM files WHERE owner_id = $1 AND deleted_at IS NULL ORDER BY created_at, id',
          [userId],
        );
        return found.map((f): PersonalFile => ({
          path: `${f.id}-${cleanFileName(f.name)}`,
          size: Number(f.size),
          open: async () => (await this.storage.get(f.storage_key))?.body ?? null,
        }));
      },
    },
  );

  private async purge(tx: Tx, s: ErasureSubject): Promise<void> {
    await tx.manager.query(
      `UPDATE files SET deleted_at = now() WHERE owner_id = $1 AND deleted_at IS NULL ${s.mode === 'anonymise' ? `AND (item_id IS NULL OR item_type = 'avatar')` : ''}`,
      [s.userId],
    );
  }
}
