import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { fullTextSearchQuery, type FullTextRow, type SearchRequest, SearchSources, toSearchHits } from '@ruche/platform';
import { rows } from './question-sql.js';
import { QuestionsVisibility } from './questions-visibility.js';

/**
 * Questions in the one search box: full-text over title and body (questions_search_idx), under
 * the rule every question list uses (`QuestionsVisibility.questionFilter`): hidden and removed
 * questions for moderators only, held ones for their asker.
 */
@Injectable()
export class QuestionSearch implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sources: SearchSources,
    private readonly visibility: QuestionsVisibility,
  ) {}

  onModuleInit(): void {
    this.sources.register('question', (request) => this.search(request));
  }

  async search(request: SearchRequest) {
    const viewer = await this.visibility.viewer(request.viewerId);
    const query = fullTextSearchQuery(
      {
        from: 'questions q',
        vector: 'q.search_vector',
        visible: this.visibility.questionFilter(viewer, 'q', '$1'),
        values: [request.viewerId],
        id: 'q.id',
        title: 'q.title',
        body: 'q.body',
        createdAt: 'q.created_at',
      },
      request,
    );
    return toSearchHits('question', await rows<FullTextRow>(this.dataSource.manager, query));
  }
}
