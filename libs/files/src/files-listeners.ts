import { Injectable, OnModuleInit } from '@nestjs/common';
import type { AttachableType } from '@ruche/contracts';
import { EventBus, JobEngine } from '@ruche/platform';
import { FilesService } from './files.service.js';

/**
 * Files go with what they are attached to: the files of a deleted post, comment, question or
 * answer are unreadable at once and purged (bytes, row, usage). Unattached uploads older than a day, and anything else gone, are
 * swept every ten minutes on one instance. An uploaded document's text is extracted for search.
 */
@Injectable()
export class FilesListeners implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    private readonly jobs: JobEngine,
    private readonly files: FilesService,
  ) {}

  onModuleInit(): void {
    const purge = (type: AttachableType, id: string) => this.files.purgeItem(type, id).then(() => undefined);
    this.bus.subscribe('post.deleted', (e) => purge('post', e.payload.postId), 'files.post-deleted');
    this.bus.subscribe('comment.deleted', (e) => purge('comment', e.payload.commentId), 'files.comment-deleted');
    this.bus.subscribe('question.deleted', (e) => purge('question', e.payload.questionId), 'files.question-deleted');
    this.bus.subscribe('answer.deleted', (e) => purge('answer', e.payload.answerId), 'files.answer-deleted');
    // Document text for search: a job after the upload committed, never on the request path.
    this.bus.subscribe('file.uploaded', (e) => this.files.extractText(e.payload.fileId).then(() => undefined), 'files.extract-text');
    this.jobs.every('files-sweep', '*/10 * * * *', () => this.files.sweep());
  }
}
