import { Module } from '@nestjs/common';
import { FilesModule } from '@ruche/files';
import { LinkPreviewsController } from './link-previews.controller.js';
import { LinkPreviews } from './link-previews.service.js';
import { PreviewsListeners } from './previews-listeners.js';
import { PreviewsPersonalData } from './previews-personal-data.js';

/**
 * Link preview cards (#14): the SSRF-safe fetch (safe-fetch.ts, address-check.ts), the cache and
 * its host rules. Owns `link_previews`, `link_preview_uses` and `link_preview_rules`. Beside files:
 * the content owners (feed) record their items' links through it in their writing transaction and
 * read the cards into their views; it never imports them, and tells them a card is ready through
 * the handler they register ({@link LinkPreviews.onChanged}).
 */
@Module({
  imports: [FilesModule],
  controllers: [LinkPreviewsController],
  providers: [PreviewsPersonalData, LinkPreviews, PreviewsListeners],
  exports: [LinkPreviews],
})
export class PreviewsModule {}
