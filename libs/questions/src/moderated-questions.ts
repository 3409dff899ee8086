import { Injectable, OnModuleInit } from '@nestjs/common';
import { IdentityService } from '@ruche/identity';
import { Database, EventBus, type ModerationState, type PublishedEvent, rows, Transactions } from '@ruche/platform';
import { questionRoom, questionSubject, userRoom } from './question-events.js';
import { QuestionRouting } from './question-routing.js';
import { ANSWER_COLUMNS, type AnswerRow, QUESTION_COLUMNS, type QuestionRow } from './question-sql.js';
import { QuestionViews, toAnswerView, toQuestionView, unknownUser } from './question-views.js';

/** Who may hear about an answer while its question is in the given state. */
function answerAudience(question: Pick<QuestionRow, 'id' | 'asker_id' | 'moderation_state'>): string[] {
  if (question.moderation_state === 'visible') return [questionRoom(question.id), userRoom(question.asker_id)];
  return question.moderation_state === 'held' ? [userRoom(question.asker_id)] : [];
}

/**
 * Applies moderation decisions (`content.moderated`) to questions and answers, and tells the rooms
 * that hold them: out of sight → `question.hidden` / `answer.hidden` (clients drop it); back in
 * sight → a question released from a hold is published then (routed to its first experts,
 * `question.created`), an answer released from a hold likewise (`answer.created`: the asker hears
 * of it); otherwise `question.restored` / `answer.restored`. `questions.answer_count` counts
 * visible answers: it moves with each answer's state, under the question's row lock, like any
 * answer. Idempotent: applying the state a row already has changes nothing and says nothing.
 */
@Injectable()
export class ModeratedQuestions implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly bus: EventBus,
    private readonly identity: IdentityService,
    private readonly routing: QuestionRouting,
    private readonly views: QuestionViews,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe('content.moderated', async (event) => {
      if (event.payload.targetType === 'question') await this.applyToQuestion(event);
      if (event.payload.targetType === 'answer') await this.applyToAnswer(event);
    });
  }

  private async applyToQuestion(event: PublishedEvent<'content.moderated'>): Promise<void> {
    const { targetId: questionId, state } = event.payload;
    const [current] = await rows<QuestionRow>(
      this.db.manager,
      `SELECT ${QUESTION_COLUMNS('q')} FROM questions q WHERE q.id = $1`,
      [questionId],
    );
    if (!current || current.moderation_state === state) return;
    // Asked before the transaction opens, so it never waits for a second pooled connection.
    const releasing = current.moderation_state === 'held' && state === 'visible';
    const experts = releasing ? await this.routing.firstRound(current.topics, current.asker_id) : [];
    const people = await this.identity.summaries([current.asker_id, ...(current.claimed_by ? [current.claimed_by] : [])]);
    await this.transactions.run(async (tx) => {
      const [locked] = await rows<{ moderation_state: ModerationState }>(
        tx.manager,
        'SELECT moderation_state FROM questions WHERE id = $1 FOR NO KEY UPDATE',
        [questionId],
      );
      if (!locked || locked.moderation_state === state) return;
      const [row] = await rows<QuestionRow>(
        tx.manager,
        `UPDATE questions AS q SET moderation_state = $2,
                last_routed_at = CASE WHEN $3::boolean THEN now() ELSE q.last_routed_at END
          WHERE q.id = $1 RETURNING ${QUESTION_COLUMNS('q')}`,
        [questionId, state, locked.moderation_state === 'held' && state === 'visible'],
      );
      const audience = [questionRoom(questionId), userRoom(row.asker_id)];
      if (state !== 'visible') {
        await tx.emit({ type: 'question.hidden', payload: { questionId, state }, audience, actorId: event.actorId });
        return;
      }
      if (locked.moderation_state === 'held') {
        // Its first publication: the experts are asked now, not while it was held.
        const routedTo = await this.routing.record(tx, row, experts, row.routed_round);
        await tx.emit({
          type: 'question.created',
          payload: { question: toQuestionView(row, people, routedTo) },
          audience: [row.asker_id, ...routedTo].map(userRoom),
          subject: questionSubject(questionId),
          actorId: row.asker_id,
        });
        return;
      }
      const routes = await this.views.routesOf(tx.manager, [questionId]);
      await tx.emit({
        type: 'question.restored',
        payload: { question: toQuestionView(row, people, routes.get(questionId) ?? []) },
        audience,
        subject: questionSubject(questionId),
        actorId: event.actorId,
      });
    });
  }

  private async applyToAnswer(event: PublishedEvent<'content.moderated'>): Promise<void> {
    const { targetId: answerId, state } = event.payload;
    const [current] = await rows<AnswerRow>(
      this.db.manager,
      `SELECT ${ANSWER_COLUMNS('a')} FROM answers a WHERE a.id = $1`,
      [answerId],
    );
    if (!current || current.moderation_state === state) return;
    const author = (await this.identity.summaries([current.author_id])).get(current.author_id) ?? unknownUser(current.author_id);
    await this.transactions.run(async (tx) => {
      // The question's row lock first, as when an answer is added: counts move in one order.
      const [question] = await rows<Pick<QuestionRow, 'id' | 'asker_id' | 'moderation_state'>>(
        tx.manager,
        'SELECT id, asker_id, moderation_state FROM questions WHERE id = $1 FOR NO KEY UPDATE',
        [current.question_id],
      );
      if (!question) return;
      const [before] = await rows<{ moderation_state: ModerationState }>(
        tx.manager,
        'SELECT moderation_state FROM answers WHERE id = $1 FOR UPDATE',
        [answerId],
      );
      if (!before || before.moderation_state === state) return;
      const [row] = await rows<AnswerRow>(
        tx.manager,
        `UPDATE answers AS a SET moderation_state = $2 WHERE a.id = $1 RETURNING ${ANSWER_COLUMNS('a')}`,
        [answerId, state],
      );
      const delta = (state === 'visible' ? 1 : 0) - (before.moderation_state === 'visible' ? 1 : 0);
      const [{ answer_count: answerCount }] = await rows<{ answer_count: number }>(
        tx.manager,
        'UPDATE questions SET answer_count = answer_count + $2 WHERE id = $1 RETURNING answer_count',
        [question.id, delta],
      );
      const questionId = question.id;
      const audience = answerAudience(question);
      if (state !== 'visible') {
        await tx.emit({
          type: 'answer.hidden',
          payload: { questionId, answerId, state, answerCount },
          audience: [...audience, userRoom(row.author_id)],
          subject: questionSubject(questionId),
          actorId: event.actorId,
        });
        return;
      }
      const answer = toAnswerView(row, author, false);
      if (before.moderation_state === 'held') {
        await tx.emit({
          type: 'answer.created',
          payload: { answer, questionId, askerId: question.asker_id, answerCount },
          audience,
          subject: questionSubject(questionId),
          actorId: row.author_id,
        });
        return;
      }
      await tx.emit({
        type: 'answer.restored',
        payload: { answer, questionId, answerCount },
        audience,
        subject: questionSubject(questionId),
        actorId: event.actorId,
      });
    });
  }
}
