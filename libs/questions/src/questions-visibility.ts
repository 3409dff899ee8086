import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { notFound, SubjectVisibility } from '@ruche/platform';
import { isUuid, QUESTION_COLUMNS, type QuestionRow, rows } from './question-sql.js';

/**
 * The one answer to "may this viewer see this question". Today every employee sees every question
 * (there are no private questions yet), so a question is visible while it exists; REST reads,
 * writes, realtime subscriptions (`question:<id>`) and replay all go through here, so a rule added
 * later (moderation, private questions) applies to every path at once.
 */
@Injectable()
export class QuestionsVisibility implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subjects: SubjectVisibility,
  ) {}

  onModuleInit(): void {
    this.subjects.register('question', (viewerId, ids) => this.visibleIds(viewerId, ids));
  }

  async visibleIds(_viewerId: string, questionIds: readonly string[]): Promise<Set<string>> {
    const ids = [...new Set(questionIds.filter(isUuid).map((id) => id.toLowerCase()))];
    if (ids.length === 0) return new Set();
    const found = await rows<{ id: string }>(this.dataSource.manager, 'SELECT id FROM questions WHERE id = ANY ($1::uuid[])', [
      ids,
    ]);
    return new Set(found.map((r) => r.id));
  }

  /**
   * The question if the viewer may see it, else 404. `lock` (inside a write transaction) takes the
   * row lock every change to a question queues on: answers (the count), acceptance, claims.
   */
  async question(
    _viewerId: string,
    questionId: string,
    db: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<QuestionRow> {
    const [row] = await rows<QuestionRow>(
      db,
      `SELECT ${QUESTION_COLUMNS('q')} FROM questions q WHERE q.id = $1 ${lock ? 'FOR NO KEY UPDATE' : ''}`,
      [questionId],
    );
    if (!row) throw notFound('Question');
    return row;
  }
}
