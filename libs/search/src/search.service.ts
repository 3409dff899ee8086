import { Injectable, Logger } from '@nestjs/common';
import { type AuthUser, SearchSources } from '@ruche/platform';
import type { SearchQuery, SearchResultsView } from './dto.js';
import { decodeOffset, MAX_DEPTH, mergeHits, pageOf } from './ranking.js';

/**
 * The one search box: asks every source (each owning module searches its own tables under its own
 * visibility rule), merges by score and pages. It never reads another module's tables, and it
 * never decides what the viewer may see: a source only returns what its lists would show.
 */
@Injectable()
export class SearchService {
  private readonly logger = new Logger(SearchService.name);

  constructor(private readonly sources: SearchSources) {}

  async search(viewer: AuthUser, query: SearchQuery): Promise<SearchResultsView> {
    const offset = decodeOffset(query.cursor);
    // One more than the page, so the page knows whether another follows.
    const limit = Math.min(offset + query.limit + 1, MAX_DEPTH + 1);
    const started = Date.now();
    const lists = await Promise.all(
      this.sources.pick(query.type ? [query.type] : undefined).map(([, source]) => source({ viewer, text: query.q, limit })),
    );
    const merged = mergeHits(lists);
    this.logger.debug({ msg: 'search', type: query.type ?? 'all', hits: merged.length, ms: Date.now() - started });
    return pageOf(merged, offset, query.limit);
  }
}
