import { Injectable, OnModuleInit } from '@nestjs/common';
import { Database, type SearchRequest, SearchSources, searchSources } from '@ruche/platform';
import { FilesService } from '@ruche/files';
import { IdeasVisibility } from './ideas-visibility.js';

/**
 * Ideas in the one search box: full-text over title and body (ideas_search_idx), under the rule
 * every idea list uses (`IdeasVisibility`): nothing from draft campaigns unless the viewer runs
 * campaigns, no hidden or removed idea unless they moderate, held ideas for their author only.
 * The text of the documents attached to an idea is a hit on the idea too.
 */
@Injectable()
export class IdeaSearch implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly sources: SearchSources,
    private readonly visibility: IdeasVisibility,
    private readonly files: FilesService,
  ) {}

  onModuleInit(): void {
    this.sources.register('idea', (request) => this.search(request));
  }

  async search(request: SearchRequest) {
    const viewer = request.viewer;
    const visible = `${this.visibility.campaignVisibleSql(viewer, 'c')} AND ${this.visibility.ideaVisibleSql(viewer, 'i')}`;
    return searchSources(this.db.reader, 'idea', request, [
      {
        from: 'ideas i JOIN campaigns c ON c.id = i.campaign_id',
        vector: 'i.search_vector',
        visible,
        values: [],
        id: 'i.id',
        title: 'i.title',
        body: 'i.body',
        createdAt: 'i.created_at',
      },
      this.files.textSource('idea', {
        join: 'JOIN ideas i ON i.id = f.item_id JOIN campaigns c ON c.id = i.campaign_id',
        visible,
        values: [],
        id: 'i.id',
        title: 'i.title',
        createdAt: 'i.created_at',
      }),
    ]);
  }
}
