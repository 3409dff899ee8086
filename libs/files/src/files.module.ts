import { Module } from '@nestjs/common';
import { IdentityModule } from '@ruche/identity';
import { join } from 'node:path';
import { RUCHE_CONFIG, type RucheConfig } from '@ruche/platform';
import { DiskStorage, FILE_STORAGE, type FileStorage, S3Storage } from './file-storage.js';
import { AvatarsController } from './avatars.controller.js';
import { AvatarsService } from './avatars.service.js';
import { FetchedImages } from './fetched-images.js';
import { FilesController } from './files.controller.js';
import { FilesListeners } from './files-listeners.js';
import { FilesService } from './files.service.js';
import { FilesPersonalData } from './files-personal-data.js';

/** Disk under RUCHE_DATA_DIR by default; S3-compatible when S3_BUCKET is set. */
export function createFileStorage(config: RucheConfig): FileStorage {
  return config.files.s3 ? new S3Storage(config.files.s3) : new DiskStorage(join(config.dataDir, 'files'));
}

/**
 * Uploads, storage, attachments, signed links, image renditions, virus scanning, people's photos
 * (avatars: the file here, identity keeps the reference its summaries link to). Owns the `files`
 * and `file_usage` tables. Beside people and groups: the content owners (feed, questions, ideas)
 * import it to attach files in their writing transaction; it never imports them, and asks who may
 * see an item through platform's SubjectVisibility.
 */
@Module({
  imports: [IdentityModule],
  controllers: [FilesController, AvatarsController],
  providers: [
    AvatarsService,
    FilesPersonalData,
    { provide: FILE_STORAGE, inject: [RUCHE_CONFIG], useFactory: createFileStorage },
    FilesService,
    FilesListeners,
    FetchedImages,
  ],
  exports: [FilesService, FetchedImages, FILE_STORAGE],
})
export class FilesModule {}
