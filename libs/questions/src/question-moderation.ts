import { Injectable, OnModuleInit } from '@nestjs/common';
import { IdentityService, summaryIn, type UserSummary } from '@ruche/identity';
import { ContentModeration } from '@ruche/platform';
import { questionRoom, questionSubject, userRoom } from './question-events.js';
import { type RouteCandidate, QuestionRouting } from './question-routing.js';
import { ANSWER_COLUMNS, type AnswerRow, QUESTION_COLUMNS, type QuestionRow } from './question-sql.js';
import { QuestionViews, toAnswerView, toQuestionView } from './question-views.js';

type AnsweredQuestion = Pick<QuestionRow, 'id' | 'asker_id' | 'moderation_state'>;

/** Who may hear about an answer while its question is in the given state. */
function answerAudience(question: AnsweredQuestion): string[] {
  if (question.moderation_state === 'visible') return [questionRoom(question.id), userRoom(question.asker_id)];
  return question.moderation_state === 'held' ? [userRoom(question.asker_id)] : [];
}

/**
 * Questions and answers under the platform's moderation kit (this module never imports the
 * moderation module): reportable (excerpts: a question's title, an answer's body), and decisions
 * applied with what the rooms are told. Out of sight → `question.hidden` / `answer.hidden`; a
 * question released from a hold is published then (routed to its first experts,
 * `question.created`), an answer likewise (`answer.created`: the asker hears of it); otherwise
 * `question.restored` / `answer.restored`. `questions.answer_count` counts visible answers.
 */
@Injectable()
export class QuestionModeration implements OnModuleInit {
  constructor(
    private readonly kit: ContentModeration,
    private readonly identity: IdentityService,
    private readonly routing: QuestionRouting,
    private readonly views: QuestionViews,
  ) {}

  onModuleInit(): void {
    this.kit.register<QuestionRow, undefined, { experts: RouteCandidate[]; people: Map<string, UserSummary> }>({
      type: 'question',
      table: 'questions',
      columns: QUESTION_COLUMNS,
      author: 'asker_id',
      excerpt: 'title',
      releaseSet: 'last_routed_at = now()',
      prepare: async (question, state) => ({
        // Its first publication: the experts are asked when it is released, not while it was held.
        experts:
          question.moderation_state === 'held' && state === 'visible'
            ? await this.routing.firstRound(question.topics, question.asker_id)
            : [],
        people: await this.identity.summaries([question.asker_id, ...(question.claimed_by ? [question.claimed_by] : [])]),
      }),
      announce: async ({ tx, decision, row, prepared: { experts, people }, ...change }) => {
        const questionId = row.id;
        const audience = [questionRoom(questionId), userRoom(row.asker_id)];
        if (change.transition === 'hidden') {
          const payload = { questionId, state: change.state };
          return tx.emit({ type: 'question.hidden', payload, audience, actorId: decision.actorId });
        }
        const subject = questionSubject(questionId);
        if (change.transition === 'released') {
          const routing = await this.routing.record(tx, row, experts, row.routed_round);
          const payload = { question: toQuestionView(row, people, routing) };
          return tx.emit({
            type: 'question.created',
            payload,
            audience: [row.asker_id, ...routing.map((r) => r.userId)].map(userRoom),
            subject,
            actorId: row.asker_id,
          });
        }
        const routes = await this.views.routesOf(tx.manager, [questionId]);
        const payload = { question: toQuestionView(row, people, routes.get(questionId) ?? []) };
        await tx.emit({ type: 'question.restored', payload, audience, subject, actorId: decision.actorId });
      },
    });
    this.kit.register<AnswerRow, AnsweredQuestion, UserSummary>({
      type: 'answer',
      table: 'answers',
      columns: ANSWER_COLUMNS,
      excerpt: 'body',
      parent: {
        table: 'questions',
        key: 'question_id',
        columns: (q) => `${q}.id, ${q}.asker_id, ${q}.moderation_state`,
        counter: 'answer_count',
      },
      prepare: async (answer) => summaryIn(await this.identity.summaries([answer.author_id]), answer.author_id),
      announce: async ({ tx, decision, row, parent: { row: question, count: answerCount }, prepared: author, ...change }) => {
        const [questionId, answerId] = [question.id, row.id];
        const audience = answerAudience(question);
        const subject = questionSubject(questionId);
        if (change.transition === 'hidden') {
          const payload = { questionId, answerId, state: change.state, answerCount };
          const told = [...audience, userRoom(row.author_id)];
          return tx.emit({ type: 'answer.hidden', payload, audience: told, subject, actorId: decision.actorId });
        }
        const answer = toAnswerView(row, author, false);
        if (change.transition === 'released') {
          const payload = { answer, questionId, askerId: question.asker_id, answerCount };
          return tx.emit({ type: 'answer.created', payload, audience, subject, actorId: row.author_id });
        }
        await tx.emit({
          type: 'answer.restored',
          payload: { answer, questionId, answerCount },
          audience,
          subject,
          actorId: decision.actorId,
        });
      },
    });
  }
}
