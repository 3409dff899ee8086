import { Injectable, OnModuleInit } from '@nestjs/common';
import { Database, recentRows, type SearchHit, type SearchRequest, SearchSources, searchSources } from '@ruche/platform';
import { FilesService } from '@ruche/files';
import { QuestionsVisibility } from './questions-visibility.js';

/**
 * Questions in the one search box, found by title and body (questions_search_idx) or by one of
 * their answers (answers_search_idx; the hit is the question, the snippet the answer: where the
 * knowledge is), under the rules every question and answer list uses (`QuestionsVisibility`):
 * hidden and removed questions and answers for moderators only, held ones for their author.
 * The text of the documents attached to a question or an answer is a hit on the question too.
 */
@Injectable()
export class QuestionSearch implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly sources: SearchSources,
    private readonly visibility: QuestionsVisibility,
    private readonly files: FilesService,
  ) {}

  onModuleInit(): void {
    this.sources.register('question', (request) => this.search(request));
  }

  async search(request: SearchRequest): Promise<SearchHit[]> {
    const viewer = await this.visibility.viewer(request.viewer);
    const question = this.visibility.questionFilter(viewer, 'q', '$1');
    return searchSources(this.db.reader, 'question', request, [
      {
        from: 'questions q',
        newest: `${recentRows('questions', 'created_at DESC, id DESC')} q`,
        vector: 'q.search_vector',
        visible: question,
        values: [request.viewer.id],
        id: 'q.id',
        title: 'q.title',
        body: 'q.body',
        createdAt: 'q.created_at',
      },
      {
        from: 'answers a JOIN questions q ON q.id = a.question_id',
        newest: `${recentRows('answers', 'created_at DESC')} a JOIN questions q ON q.id = a.question_id`,
        vector: 'a.search_vector',
        visible: `${question} AND ${this.visibility.answerFilter(viewer, 'a', '$1')}`,
        values: [request.viewer.id],
        id: 'q.id',
        title: 'q.title',
        body: 'a.body',
        createdAt: 'a.created_at',
      },
      this.files.textSource('question', {
        join: 'JOIN questions q ON q.id = f.item_id',
        visible: question,
        values: [request.viewer.id],
        id: 'q.id',
        title: 'q.title',
        createdAt: 'q.created_at',
      }),
      this.files.textSource('answer', {
        join: 'JOIN answers a ON a.id = f.item_id JOIN questions q ON q.id = a.question_id',
        visible: `${question} AND ${this.visibility.answerFilter(viewer, 'a', '$1')}`,
        values: [request.viewer.id],
        id: 'q.id',
        title: 'q.title',
        createdAt: 'a.created_at',
      }),
    ]);
  }
}
