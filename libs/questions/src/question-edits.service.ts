import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RevisionView } from '@ruche/contracts';
import { FilesService } from '@ruche/files';
import { LinkPreviews } from '@ruche/previews';
import { IdentityService, summaryOf } from '@ruche/identity';
import {
  type AuthUser,
  ContentModeration,
  Database,
  emitNewMentions,
  ExpertFinderPort,
  forbidden,
  hasPermission,
  invalid,
  notFound,
  Permission,
  renderMarkdown,
  revisionRows,
  rows,
  stateAfterEdit,
  Transactions,
  type Tx,
} from '@ruche/platform';
import type { AnswerView, QuestionDetailView } from './dto.js';
import { questionAudience, questionRoom, questionSubject, userRoom } from './question-events.js';
import { answerMentions, QuestionMentions } from './question-mentions.js';
import { ANSWER_COLUMNS, type AnswerRow, QUESTION_COLUMNS, type QuestionRow } from './question-sql.js';
import { QuestionViews, toAnswerView, toQuestionView } from './question-views.js';
import { QuestionsVisibility } from './questions-visibility.js';

const isModerator = (user: AuthUser) => hasPermission(user.roles, Permission.ModerateContent);

/**
 * Editing and deleting questions and answers (#14). Their author edits: the new text is screened
 * again (a blocked term holds it for review), the previous one is kept for moderators
 * (`history`), the view gets an "edited" mark, and the change reaches the question's room live.
 * Their author or a moderator deletes (a soft delete: gone from every read path, search
 * included). Deleting the accepted answer un-accepts it (the question is open again); deleting a
 * question tells the authors of its answers (`question.deleted` reaches their own rooms).
 *
 * Every change takes the question's row lock first, as answering and accepting do, then the
 * answer's: counts, the accepted answer and the events follow one order, and an edit racing a
 * delete ends with one winner and a 404 for the other. Search needs no step: the search vectors
 * are computed from the stored text.
 */
@Injectable()
export class QuestionEditsService {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly visibility: QuestionsVisibility,
    private readonly views: QuestionViews,
    private readonly identity: IdentityService,
    private readonly experts: ExpertFinderPort,
    private readonly moderation: ContentModeration,
    private readonly mentions: QuestionMentions,
    private readonly files: FilesService,
    private readonly previews: LinkPreviews,
  ) {}

  async updateQuestion(
    user: AuthUser,
    questionId: string,
    input: { title?: string | null; body?: string | null; topics?: string[] | null; attachmentIds?: string[] },
  ): Promise<QuestionDetailView> {
    if (input.title == null && input.body == null && input.topics == null && input.attachmentIds === undefined)
      throw invalid('title, body, topics or attachmentIds must be given');
    const current = await this.visibility.question(user, questionId);
    if (current.asker_id !== user.id) throw forbidden('Only the person who asked can edit this question');
    let topics: string[] | null = null;
    if (input.topics != null) {
      if (!input.topics.every((topic) => this.experts.hasTopicKey(topic)))
        throw invalid('each topic must contain letters or digits');
      topics = (await this.experts.topicKeys(input.topics)).map((ref) => ref.topic);
      if (topics.length === 0) throw invalid('each topic must contain letters or digits');
    }
    const title = input.title ?? current.title;
    const body = input.body ?? current.body;
    const screening = await this.moderation.screen(`${title}\n\n${body}`);
    const bodyHtml = renderMarkdown(body, { mentions: await this.mentions.resolve(body) });
    const people = await this.identity.summaries(current.claimed_by ? [current.claimed_by] : []);
    people.set(user.id, summaryOf(user));
    await this.transactions.run(async (tx) => {
      const locked = await this.visibility.question(user, questionId, tx.manager, true);
      if (locked.asker_id !== user.id) throw forbidden('Only the person who asked can edit this question');
      await tx.manager.query(
        'INSERT INTO question_revisions (question_id, title, body, topics, edited_by) VALUES ($1, $2, $3, $4, $5)',
        [questionId, locked.title, locked.body, locked.topics, user.id],
      );
      const state = stateAfterEdit(locked.moderation_state, screening);
      const [row] = await rows<QuestionRow>(
        tx.manager,
        `UPDATE questions q SET title = $2, body = $3, body_html = $4, topics = $5, moderation_state = $6, edited_at = now()
          WHERE q.id = $1 RETURNING ${QUESTION_COLUMNS('q')}`,
        [questionId, title, body, bodyHtml, topics ?? locked.topics, state],
      );
      if (state === 'held' && locked.moderation_state === 'visible') {
        await this.moderation.held(tx, { type: 'question', id: questionId, authorId: user.id }, screening.terms);
        await tx.emit({
          type: 'question.hidden',
          payload: { questionId, state: 'held' },
          audience: questionAudience(locked),
          actorId: user.id,
        });
      }
      // The full list of files when given (the files module's rules: own unattached uploads only,
      // a file left off is detached and swept after a day), else the files as they are.
      const item = { type: 'question' as const, id: questionId };
      const attachments = await this.files.attachEdited(tx.manager, user.id, item, input.attachmentIds);
      // Re-done on edit: a removed link's card disappears, a new one is fetched and sent live.
      const linkPreviews = await this.previews.track(tx, user.id, item, body);
      const routes = await this.views.routesOf(tx.manager, [questionId]);
      const question = { ...toQuestionView(row, people, routes.get(questionId) ?? [], attachments), linkPreviews };
      await tx.emit({
        type: 'question.updated',
        payload: { question },
        audience: state === 'visible' ? questionAudience(row) : [userRoom(user.id)],
        subject: questionSubject(questionId),
        actorId: user.id,
      });
    });
    return this.views.detail(user.id, await this.visibility.question(user.id, questionId));
  }

  /** By its asker or a moderator; the authors of its answers hear of it. */
  async removeQuestion(user: AuthUser, questionId: string): Promise<void> {
    const current = await this.visibility.question(user, questionId);
    if (current.asker_id !== user.id && !isModerator(user)) {
      throw forbidden('Only the person who asked or a moderator can delete this question');
    }
    await this.transactions.run(async (tx) => {
      const locked = await this.visibility.question(user, questionId, tx.manager, true);
      const answerers = await rows<{ author_id: string }>(
        tx.manager,
        'SELECT DISTINCT author_id FROM answers WHERE question_id = $1 AND deleted_at IS NULL',
        [questionId],
      );
      await tx.manager.query(
        `UPDATE questions SET deleted_at = now(), deleted_by = $2, claimed_by = NULL, claim_expires_at = NULL WHERE id = $1`,
        [questionId, user.id],
      );
      const answerAuthorIds = answerers.map((r) => r.author_id).filter((id) => id !== locked.asker_id);
      await tx.emit({
        type: 'question.deleted',
        payload: { questionId, title: locked.title, askerId: locked.asker_id, answerAuthorIds },
        audience: [questionRoom(questionId), userRoom(locked.asker_id), ...answerAuthorIds.map(userRoom)],
        actorId: user.id,
      });
    });
  }

  /** `attachmentIds`: the answer's full list of files (left out: unchanged). */
  async updateAnswer(user: AuthUser, answerId: string, body: string, attachmentIds?: string[]): Promise<AnswerView> {
    const current = await this.visibleAnswer(user, answerId);
    if (current.author_id !== user.id) throw forbidden('Only the author can edit this answer');
    const screening = await this.moderation.screen(body);
    const mentioned = await this.mentions.resolve(body);
    const before = new Set((await this.mentions.resolve(current.body)).map((u) => u.id));
    return this.transactions.run(async (tx) => {
      const question = await this.visibility.question(user, current.question_id, tx.manager, true);
      const locked = await this.lockAnswer(tx, user, question.id, answerId);
      if (locked.author_id !== user.id) throw forbidden('Only the author can edit this answer');
      await tx.manager.query('INSERT INTO answer_revisions (answer_id, body, edited_by) VALUES ($1, $2, $3)', [
        answerId,
        locked.body,
        user.id,
      ]);
      const state = stateAfterEdit(locked.moderation_state, screening);
      const [row] = await rows<AnswerRow>(
        tx.manager,
        `UPDATE answers a SET body = $2, body_html = $3, moderation_state = $4, edited_at = now() WHERE a.id = $1
         RETURNING ${ANSWER_COLUMNS('a')}`,
        [answerId, body, renderMarkdown(body, { mentions: mentioned }), state],
      );
      const attachments = await this.files.attachEdited(tx.manager, user.id, { type: 'answer', id: answerId }, attachmentIds);
      // Re-done on edit: a removed link's card disappears, a new one is fetched and sent live.
      const linkPreviews = await this.previews.track(tx, user.id, { type: 'answer', id: answerId }, body);
      const answer = { ...toAnswerView(row, summaryOf(user), false, attachments), linkPreviews };
      if (state === 'held' && locked.moderation_state === 'visible') {
        await this.moderation.held(tx, { type: 'answer', id: answerId, authorId: user.id }, screening.terms);
        const answerCount = await this.countChange(tx.manager, question.id, -1);
        await tx.emit({
          type: 'answer.hidden',
          payload: { questionId: question.id, answerId, state: 'held', answerCount },
          audience: [...questionAudience(question), userRoom(user.id)],
          subject: questionSubject(question.id),
          actorId: user.id,
        });
      }
      await tx.emit({
        type: 'answer.updated',
        payload: { answer, questionId: question.id },
        audience: state === 'visible' ? questionAudience(question) : [userRoom(user.id)],
        subject: questionSubject(question.id),
        actorId: user.id,
      });
      if (state === 'visible') await emitNewMentions(tx, answerMentions(answer), mentioned, before);
      return answer;
    });
  }

  /** By its author or a moderator. The accepted answer is un-accepted: its question is open again. */
  async removeAnswer(user: AuthUser, answerId: string): Promise<void> {
    const current = await this.visibleAnswer(user, answerId);
    if (current.author_id !== user.id && !isModerator(user)) {
      throw forbidden('Only the author or a moderator can delete this answer');
    }
    await this.transactions.run(async (tx) => {
      const question = await this.visibility.question(user, current.question_id, tx.manager, true);
      const answer = await this.lockAnswer(tx, user, question.id, answerId);
      const unaccepted = question.accepted_answer_id === answerId;
      if (unaccepted) {
        await tx.manager.query(
          `UPDATE questions SET status = 'open', accepted_answer_id = NULL, answered_at = NULL WHERE id = $1`,
          [question.id],
        );
      }
      await tx.manager.query(
        'UPDATE answers SET deleted_at = now(), deleted_by = $2, accepted = false, accepted_at = NULL WHERE id = $1',
        [answerId, user.id],
      );
      // Only a visible answer was counted.
      const answerCount =
        answer.moderation_state === 'visible' ? await this.countChange(tx.manager, question.id, -1) : question.answer_count;
      await tx.emit({
        type: 'answer.deleted',
        payload: { questionId: question.id, answerId, answerCount, unaccepted },
        audience: [...questionAudience(question), userRoom(answer.author_id)],
        subject: questionSubject(question.id),
        actorId: user.id,
      });
    });
  }

  /** A question's previous titles, texts and topics, newest first (moderators: the route requires it). */
  async questionHistory(user: AuthUser, questionId: string): Promise<{ items: RevisionView[] }> {
    await this.visibility.question(user, questionId);
    const found = await revisionRows(
      this.db.manager,
      { table: 'question_revisions', key: 'question_id', withTitle: true },
      questionId,
    );
    return this.identity.editHistory(found);
  }

  /** An answer's previous texts, newest first (moderators: the route requires it). */
  async answerHistory(user: AuthUser, answerId: string): Promise<{ items: RevisionView[] }> {
    await this.visibleAnswer(user, answerId);
    const found = await revisionRows(this.db.manager, { table: 'answer_revisions', key: 'answer_id' }, answerId);
    return this.identity.editHistory(found);
  }

  /** The answer if the viewer may see it and its question, else 404. */
  private async visibleAnswer(user: AuthUser, answerId: string): Promise<AnswerRow> {
    if (!(await this.visibility.visibleAnswerIds(user.id, [answerId])).has(answerId)) throw notFound('Answer');
    const [row] = await rows<AnswerRow>(this.db.manager, `SELECT ${ANSWER_COLUMNS('a')} FROM answers a WHERE a.id = $1`, [
      answerId,
    ]);
    if (!row) throw notFound('Answer');
    return row;
  }

  /** Inside the transaction, after the question's lock: the answer, still there and visible, row-locked. */
  private async lockAnswer(tx: Tx, user: AuthUser, questionId: string, answerId: string): Promise<AnswerRow> {
    const viewer = await this.visibility.viewer(user);
    const [row] = await rows<AnswerRow>(
      tx.manager,
      `SELECT ${ANSWER_COLUMNS('a')} FROM answers a
        WHERE a.id = $1 AND a.question_id = $2 AND ${this.visibility.answerFilter(viewer, 'a', '$3')} FOR UPDATE`,
      [answerId, questionId, user.id],
    );
    if (!row) throw notFound('Answer');
    return row;
  }

  private async countChange(db: EntityManager, questionId: string, delta: number): Promise<number> {
    const [{ answer_count: count }] = await rows<{ answer_count: number }>(
      db,
      'UPDATE questions SET answer_count = answer_count + $2 WHERE id = $1 RETURNING answer_count',
      [questionId, delta],
    );
    return count;
  }
}
