import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventBus, SubjectVisibility } from '@ruche/platform';
import { LinkPreviews } from './link-previews.service.js';

/**
 * Fetches after commit, in the job engine (never on the request path): `link_preview.requested`
 * is a job, retried only when something other than the fetch itself failed (the database).
 * A preview's image is a file attached to it (`link_preview`): its signed links work while the
 * preview exists; they are only handed out inside the views of items their readers may see.
 */
@Injectable()
export class PreviewsListeners implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    private readonly subjects: SubjectVisibility,
    private readonly previews: LinkPreviews,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe(
      'link_preview.requested',
      (e) => this.previews.fetchRequested(e.payload.itemType, e.payload.itemId, e.payload.previewIds),
      'previews.fetch',
    );
    this.subjects.register('link_preview', (_viewerId, ids) => this.previews.existing(ids));
  }
}
