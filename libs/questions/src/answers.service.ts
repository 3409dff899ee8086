import { Injectable } from '@nestjs/common';
import { FilesService } from '@ruche/files';
import { LinkPreviews } from '@ruche/previews';
import {
  type AuthUser,
  conflict,
  ContentModeration,
  emitNewMentions,
  forbidden,
  renderMarkdown,
  rows,
  stateOnCreate,
  Transactions,
} from '@ruche/platform';
import type { AnswerView, QuestionDetailView } from './dto.js';
import { questionAudience, questionRoom, questionSubject, userRoom } from './question-events.js';
import { ANSWER_COLUMNS, type AnswerRow } from './question-sql.js';
import { QuestionViews, toAnswerView } from './question-views.js';
import { QuestionsVisibility } from './questions-visibility.js';
import { answerMentions, QuestionMentions } from './question-mentions.js';

/**
 * Answering and accepting. Both take the question's row lock first, so the answer count, the
 * claim and the accepted answer change in one order and the events carry exact values.
 */
@Injectable()
export class AnswersService {
  constructor(
    private readonly transactions: Transactions,
    private readonly visibility: QuestionsVisibility,
    private readonly views: QuestionViews,
    private readonly moderation: ContentModeration,
    private readonly mentions: QuestionMentions,
    private readonly files: FilesService,
    private readonly previews: LinkPreviews,
  ) {}

  /**
   * Anyone who sees the question may answer, open or answered; an answer ends its author's claim
   * on the question. Moderation: answering needs the company guidelines accepted (403); an answer
   * with a blocked term is held for review: only its author and moderators see it, it is not
   * counted and nobody hears of it until a moderator releases it (QuestionModeration).
   */
  async answer(user: AuthUser, questionId: string, body: string, attachmentIds: string[] = []): Promise<AnswerView> {
    const screening = await this.moderation.beforePublish(user.id, body);
    const mentioned = await this.mentions.resolve(body);
    return this.transactions.run(async (tx) => {
      const question = await this.visibility.question(user, questionId, tx.manager, true);
      const [row] = await rows<AnswerRow>(
        tx.manager,
        `INSERT INTO answers AS a (question_id, author_id, body, body_html, moderation_state) VALUES ($1, $2, $3, $4, $5)
         RETURNING ${ANSWER_COLUMNS('a')}`,
        [questionId, user.id, body, renderMarkdown(body, { mentions: mentioned }), stateOnCreate(screening)],
      );
      const attachments = await this.files.attach(tx.manager, user.id, { type: 'answer', id: row.id }, attachmentIds);
      // Cards already cached show at once; the others are fetched after commit and sent live (item.link_previews).
      const linkPreviews = await this.previews.track(tx, user.id, { type: 'answer', id: row.id }, body, { created: true });
      if (screening.held) {
        await this.moderation.held(tx, { type: 'answer', id: row.id, authorId: user.id }, screening.terms);
        return {
          ...toAnswerView(row, { id: user.id, handle: user.handle, displayName: user.displayName }, false, attachments),
          linkPreviews,
        };
      }
      const [{ answer_count: answerCount }] = await rows<{ answer_count: number }>(
        tx.manager,
        `UPDATE questions SET answer_count = answer_count + 1,
                claimed_by = CASE WHEN claimed_by = $2 THEN NULL ELSE claimed_by END,
                claim_expires_at = CASE WHEN claimed_by = $2 THEN NULL ELSE claim_expires_at END
          WHERE id = $1 RETURNING answer_count`,
        [questionId, user.id],
      );
      const answer = {
        ...toAnswerView(row, { id: user.id, handle: user.handle, displayName: user.displayName }, false, attachments),
        linkPreviews,
      };
      const audience = questionAudience(question);
      await tx.emit({
        type: 'answer.created',
        payload: { answer, questionId, askerId: question.asker_id, answerCount },
        audience,
        subject: questionSubject(questionId),
        actorId: user.id,
      });
      if (question.claimed_by === user.id) {
        await tx.emit({
          type: 'question.claim_released',
          payload: { questionId, userId: user.id },
          audience,
          subject: questionSubject(questionId),
          actorId: user.id,
        });
      }
      await emitNewMentions(tx, answerMentions(answer), mentioned);
      return answer;
    });
  }

  /**
   * The asker accepts one answer to their question (403 for anyone else; 404 when the answer is
   * not an answer to this question). Accepting the answer already accepted changes nothing;
   * accepting another once one is accepted is a 409 (changing one's mind is not supported: the
   * answerer was already credited and notified). The question becomes `answered` and any claim
   * ends.
   */
  async accept(user: AuthUser, questionId: string, answerId: string): Promise<QuestionDetailView> {
    await this.transactions.run(async (tx) => {
      const question = await this.visibility.question(user, questionId, tx.manager, true);
      if (question.asker_id !== user.id) throw forbidden('Only the person who asked can accept an answer');
      const answer = await this.visibility.answer(user, questionId, answerId, tx.manager);
      if (question.accepted_answer_id === answerId) return;
      if (question.accepted_answer_id) throw conflict('An answer to this question is already accepted');
      await tx.manager.query('UPDATE answers SET accepted = true, accepted_at = now() WHERE id = $1', [answerId]);
      await tx.manager.query(
        `UPDATE questions SET status = 'answered', accepted_answer_id = $2, answered_at = now(), claimed_by = NULL, claim_expires_at = NULL
          WHERE id = $1`,
        [questionId, answerId],
      );
      await tx.emit({
        type: 'question.answer_accepted',
        payload: { questionId, answerId, answererId: answer.author_id, askerId: question.asker_id, topics: question.topics },
        audience: [questionRoom(questionId), userRoom(answer.author_id)],
        subject: questionSubject(questionId),
        actorId: user.id,
      });
    });
    return this.views.detail(user.id, await this.visibility.question(user.id, questionId));
  }
}
