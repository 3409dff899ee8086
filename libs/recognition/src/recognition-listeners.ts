import { Injectable, OnModuleInit } from '@nestjs/common';
import { PeopleService } from '@ruche/people';
import { QuestionQueue } from '@ruche/questions';
import { type DomainEventType, EventBus, isId, type PublishedEvent } from '@ruche/platform';
import { bridgesDepartments, mentoringCounts } from './badge-rules.js';
import { BadgesService } from './badges.service.js';

/** Content whose moderation state moves badge facts (about it, or under it). */
const WEIGHED: ReadonlySet<string> = new Set(['answer', 'question', 'idea']);

/**
 * Keeps recognition's facts in step with what people do, from events (once per event cluster-wide,
 * retried on failure: every step is idempotent, keyed by what the fact is about):
 * - `question.answer_accepted`: an accepted answer (answering your own question earns nothing);
 * - `answer.voted`: the answer's current voters (asked of questions) and their departments (asked of
 *   people) decide whether it bridges departments, each time, so votes taken back undo it;
 * - `review.created`: an idea review; `idea.status`: an idea implemented, or no longer;
 * - `mentoring.confirmed`: a pairing confirmed by its mentee, when it lasted 14 days or more;
 * - `content.held` / `content.moderated` on answers, questions and ideas: out of sight, what they
 *   (and what lies under them) earned stops counting; back in sight, it counts again.
 */
@Injectable()
export class RecognitionListeners implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    private readonly badges: BadgesService,
    private readonly questions: QuestionQueue,
    private readonly people: PeopleService,
  ) {}

  /** Named, so a dead letter says which listener failed. */
  private on<T extends DomainEventType>(type: T, handler: (event: PublishedEvent<T>) => Promise<unknown>): void {
    this.bus.subscribe(
      type,
      async (event) => {
        await handler(event);
      },
      `recognition:${type}`,
    );
  }

  onModuleInit(): void {
    this.on('question.answer_accepted', async ({ payload: { questionId, answerId, answererId, askerId } }) => {
      const before = await this.badges.subjectsUnder('accepted_answer', questionId);
      await this.badges.forget(
        'accepted_answer',
        before.filter((id) => id !== answerId),
      );
      if (answererId === askerId) return;
      await this.badges.record({
        kind: 'accepted_answer',
        subject: { type: 'answer', id: answerId },
        parent: { type: 'question', id: questionId },
        userId: answererId,
      });
    });

    this.on('answer.voted', async ({ payload: { answerId, questionId, answererId } }) => {
      const voters = await this.questions.answerVoterIds(answerId);
      const profiles = await this.people.profileSummaries([answererId, ...voters]);
      const bridges = bridgesDepartments(
        profiles.get(answererId)?.department,
        voters.map((id) => profiles.get(id)?.department),
      );
      if (!bridges) return this.badges.forget('bridge_answer', [answerId]);
      await this.badges.record({
        kind: 'bridge_answer',
        subject: { type: 'answer', id: answerId },
        parent: { type: 'question', id: questionId },
        userId: answererId,
      });
    });

    this.on('review.created', async ({ payload: { ideaId, review } }) => {
      if (!isId(review.id)) return;
      await this.badges.record({
        kind: 'review',
        subject: { type: 'review', id: review.id },
        parent: { type: 'idea', id: ideaId },
        userId: review.reviewer.id,
      });
    });

    this.on('idea.status', async ({ payload: { ideaId, authorId, status } }) => {
      if (status !== 'implemented') return this.badges.forget('implemented_idea', [ideaId]);
      await this.badges.record({ kind: 'implemented_idea', subject: { type: 'idea', id: ideaId }, userId: authorId });
    });

    this.on('mentoring.confirmed', async ({ payload: { requestId, mentorId, pairedAt, closedAt } }) => {
      if (!mentoringCounts(new Date(pairedAt), new Date(closedAt))) return;
      await this.badges.record({ kind: 'mentoring', subject: { type: 'mentoring', id: requestId }, userId: mentorId });
    });

    this.on('content.held', async ({ payload: { targetType, targetId } }) => {
      if (WEIGHED.has(targetType)) await this.badges.setInSight({ type: targetType, id: targetId }, false);
    });
    this.on('content.moderated', async ({ payload: { targetType, targetId, state } }) => {
      if (WEIGHED.has(targetType)) await this.badges.setInSight({ type: targetType, id: targetId }, state === 'visible');
    });
  }
}
