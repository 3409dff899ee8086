import { Injectable, Logger } from '@nestjs/common';
import { type AuthUser, Database, markHits, SearchSources, type SourceHit, SubjectVisibility } from '@ruche/platform';
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

  constructor(
    private readonly sources: SearchSources,
    private readonly db: Database,
    private readonly subjects: SubjectVisibility,
  ) {}

  async search(viewer: AuthUser, query: SearchQuery): Promise<SearchResultsView> {
    const offset = decodeOffset(query.cursor);
    // One more than the page, so the page knows whether another follows.
    const limit = Math.min(offset + query.limit + 1, MAX_DEPTH + 1);
    const started = Date.now();
    const lists = await Promise.all(
      this.sources.pick(query.type ? [query.type] : undefined).map(([, source]) => source({ viewer, text: query.q, limit })),
    );
    const merged = await this.confirmed(viewer, mergeHits(lists));
    const page = pageOf(merged, offset, query.limit);
    // Snippets for the page only: cutting one costs more than finding the hit.
    const items = await markHits(this.db.reader, query.q, page.items);
    this.logger.debug({ msg: 'search', type: query.type ?? 'all', hits: merged.length, ms: Date.now() - started });
    return { items, nextCursor: page.nextCursor };
  }

  /**
   * Sources may read on a streaming replica, under the viewer's memberships and roles read on the
   * primary. A replica within its lag bound may still hold a post or idea that has just been hidden,
   * or a group that has just gone private: the hits are checked again on the primary, with each
   * type's one visibility rule (people have none: every active colleague is visible).
   */
  private async confirmed(viewer: AuthUser, hits: SourceHit[]): Promise<SourceHit[]> {
    if (!this.db.mayReadReplica) return hits;
    const checked = hits.filter((hit) => this.subjects.covers(hit.type));
    if (checked.length === 0) return hits;
    const visible = await this.subjects.visibleSubjects(viewer.id, checked);
    return hits.filter((hit) => !this.subjects.covers(hit.type) || visible.has(`${hit.type}:${hit.id}`));
  }
}
