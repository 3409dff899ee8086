import { Injectable, OnModuleInit } from '@nestjs/common';
import { Database, type SearchRequest, SearchSources, searchSources } from '@ruche/platform';
import { readableSql } from './group-sql.js';

/**
 * Groups in the one search box: full-text over name and description (groups_search_idx), names
 * also by trigram similarity for typos (groups_name_trgm_idx), under the directory's rule
 * (`readableSql`): public groups and the private groups the viewer belongs to.
 */
@Injectable()
export class GroupSearch implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly sources: SearchSources,
  ) {}

  onModuleInit(): void {
    this.sources.register('group', (request) => this.search(request));
  }

  async search(request: SearchRequest) {
    return searchSources(this.db.reader, 'group', request, [
      {
        from: 'groups g LEFT JOIN group_memberships m ON m.group_id = g.id AND m.user_id = $1',
        vector: 'g.search_vector',
        visible: readableSql('g', 'm'),
        values: [request.viewer.id],
        id: 'g.id',
        title: 'g.name',
        body: `coalesce(g.description, '')`,
        createdAt: 'g.created_at',
        fuzzyName: 'g.name',
      },
    ]);
  }
}
