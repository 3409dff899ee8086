import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fullTextSearchQuery, type FullTextRow, type SearchRequest, SearchSources, toSearchHits } from '@ruche/platform';
import { rows } from './db.js';
import { FeedVisibility } from './feed-visibility.js';
import { Params } from './post-sql.js';

/**
 * Posts in the one search box: full-text over the body (posts_search_idx), filtered by the same
 * rule as every feed (`FeedVisibility.filterFor`): deleted posts, other people's private groups and
 * moderated posts never come back. The title is the post's first line.
 */
@Injectable()
export class PostSearch implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sources: SearchSources,
    private readonly visibility: FeedVisibility,
  ) {}

  onModuleInit(): void {
    this.sources.register('post', (request) => this.search(request));
  }

  async search(request: SearchRequest) {
    const params = new Params();
    const visible = (await this.visibility.filterFor(request.viewerId))('p', params);
    const query = fullTextSearchQuery(
      {
        from: 'posts p',
        vector: 'p.search_vector',
        visible,
        values: params.values,
        id: 'p.id',
        title: `left(split_part(p.body, E'\\n', 1), 120)`,
        body: 'p.body',
        createdAt: 'p.created_at',
      },
      request,
    );
    return toSearchHits('post', await rows<FullTextRow>(this.dataSource.manager, query));
  }
}
