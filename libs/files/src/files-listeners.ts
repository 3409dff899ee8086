import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventBus, JobEngine } from '@ruche/platform';
import { FilesService } from './files.service.js';

/**
 * Files go with what they are attached to: a deleted post's files are unreadable at once and
 * purged (bytes, row, usage). Unattached uploads older than a day, and anything else gone, are
 * swept every ten minutes on one instance.
 */
@Injectable()
export class FilesListeners implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    private readonly jobs: JobEngine,
    private readonly files: FilesService,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe(
      'post.deleted',
      async (e) => void (await this.files.purgeItem('post', e.payload.postId)),
      'files.post-deleted',
    );
    this.jobs.every('files-sweep', '*/10 * * * *', () => this.files.sweep());
  }
}
