import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IdentityService } from '@ruche/identity';
import {
  type AuthUser,
  Database,
  foundIds,
  moderationViewer,
  type ModerationViewer,
  moderationVisibleSql,
  notFound,
  rows,
  SubjectVisibility,
} from '@ruche/platform';
import { ANSWER_COLUMNS, type AnswerRow, QUESTION_COLUMNS, type QuestionRow } from './question-sql.js';

/**
 * The one answer to "may this viewer see this question" (and "this answer"). Every employee sees
 * every question (there are no private questions yet) that is not deleted (#14: gone for
 * everyone, moderators included), under moderation: hidden and removed
 * questions and answers are for moderators only (Permission.ModerateContent), held ones (blocked
 * terms, pending review) for their author and moderators. REST reads, writes, lists, realtime
 * subscriptions (`question:<id>`) and replay all go through here (`question` and `answer`
 * subjects), so the rule applies to every path at once. Roles are read on every call, so a role
 * change applies at once.
 */
@Injectable()
export class QuestionsVisibility implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly subjects: SubjectVisibility,
    private readonly identity: IdentityService,
  ) {}

  onModuleInit(): void {
    this.subjects.register('question', (viewerId, ids) => this.visibleIds(viewerId, ids));
    this.subjects.register('answer', (viewerId, ids) => this.visibleAnswerIds(viewerId, ids));
  }

  /**
   * Site moderators see moderated content; a gone or suspended account sees nothing more than
   * anyone. Given the request's caller (roles loaded with it), nothing is asked: write paths pass
   * it, so they never wait for a second pooled connection inside their transaction.
   */
  async viewer(who: string | AuthUser): Promise<ModerationViewer> {
    if (typeof who !== 'string') return moderationViewer(who.id, who);
    return moderationViewer(who, await this.identity.authenticate(who));
  }

  /**
   * SQL condition "the viewer may see the question aliased `alias`"; `param` is the placeholder
   * holding the viewer's id (`$n`).
   */
  questionFilter(viewer: ModerationViewer, alias: string, param: string): string {
    return `${alias}.deleted_at IS NULL AND ${moderationVisibleSql(viewer, { alias, author: 'asker_id' }, param)}`;
  }

  /** SQL condition "the viewer may see the answer aliased `alias`" (its question known visible). */
  answerFilter(viewer: ModerationViewer, alias: string, param: string): string {
    return `${alias}.deleted_at IS NULL AND ${moderationVisibleSql(viewer, { alias }, param)}`;
  }

  async visibleIds(viewerId: string, questionIds: readonly string[]): Promise<Set<string>> {
    return foundIds(this.db.manager, questionIds, async (ids) => {
      const viewer = await this.viewer(viewerId);
      return {
        text: `SELECT q.id FROM questions q WHERE q.id = ANY ($1::uuid[]) AND ${this.questionFilter(viewer, 'q', '$2')}`,
        values: [ids, viewerId],
      };
    });
  }

  /** Answers the viewer may see: on a question they may see, and visible to them themselves. */
  async visibleAnswerIds(viewerId: string, answerIds: readonly string[]): Promise<Set<string>> {
    return foundIds(this.db.manager, answerIds, async (ids) => {
      const viewer = await this.viewer(viewerId);
      return {
        text: `SELECT a.id FROM answers a JOIN questions q ON q.id = a.question_id
                WHERE a.id = ANY ($1::uuid[]) AND ${this.questionFilter(viewer, 'q', '$2')} AND ${this.answerFilter(viewer, 'a', '$2')}`,
        values: [ids, viewerId],
      };
    });
  }

  /**
   * The question if the viewer may see it, else 404. `lock` (inside a write transaction) takes the
   * row lock every change to a question queues on: answers (the count), acceptance, claims,
   * moderation.
   */
  async question(
    who: string | AuthUser,
    questionId: string,
    db: EntityManager = this.db.manager,
    lock = false,
  ): Promise<QuestionRow> {
    const viewer = await this.viewer(who);
    const [row] = await rows<QuestionRow>(
      db,
      `SELECT ${QUESTION_COLUMNS('q')} FROM questions q
        WHERE q.id = $1 AND ${this.questionFilter(viewer, 'q', '$2')} ${lock ? 'FOR NO KEY UPDATE' : ''}`,
      [questionId, viewer.viewerId],
    );
    if (!row) throw notFound('Question');
    return row;
  }

  /** The answer to `questionId` if the viewer may see it (the question already known visible), else 404. */
  async answer(
    who: string | AuthUser,
    questionId: string,
    answerId: string,
    db: EntityManager = this.db.manager,
  ): Promise<AnswerRow> {
    const viewer = await this.viewer(who);
    const [row] = await rows<AnswerRow>(
      db,
      `SELECT ${ANSWER_COLUMNS('a')} FROM answers a
        WHERE a.id = $1 AND a.question_id = $2 AND ${this.answerFilter(viewer, 'a', '$3')}`,
      [answerId, questionId, viewer.viewerId],
    );
    if (!row) throw notFound('Answer');
    return row;
  }
}
