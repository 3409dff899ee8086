import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventBus, type ModerationState, type PublishedEvent } from '@ruche/platform';
import { type CreditedContent, ExpertiseIndex } from './expertise-index.service.js';

const CREDITED: readonly string[] = ['post', 'answer'] satisfies CreditedContent[];
const isCredited = (type: string): type is CreditedContent => CREDITED.includes(type);

/**
 * Keeps the expertise table in step with what people do. Events arrive after commit, once per
 * event across all instances, in `eventId` order on the instance that stamped them.
 *
 * Expertise listens to the events of modules it does not import (feed, questions, ideas): their
 * payload types come from the contracts layer, so a producer that changes a field it relies on
 * fails to compile here instead of crediting nothing at run time.
 * - `post.created` / `post.updated`, `post.deleted`
 * - `answer.voted`, `question.answer_accepted` (answering your own question earns nothing)
 * - `review.created`: counted once per review id when the payload carries the campaign's
 *   `topics`, skipped otherwise (see README).
 *
 * And moderation's word on posts and answers, from the platform's content events: `content.held`
 * (blocked terms, at creation or edit) and `content.moderated` (hidden, removed, or back in sight).
 * What a post or answer earned counts only while it is visible (see ExpertiseIndex.applyModeration).
 */
@Injectable()
export class ExpertiseListeners implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    private readonly index: ExpertiseIndex,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe('skills.updated', (e) => this.index.resyncDeclared([e.payload.userId]));
    this.bus.subscribe('skill.endorsed', (e) => this.index.resyncDeclared([e.payload.userId]));
    this.bus.subscribe('skill.unendorsed', (e) => this.index.resyncDeclared([e.payload.userId]));
    this.bus.subscribe('skill_synonyms.updated', (e) => this.index.applySynonymChange(e.payload.added, e.payload.removed));

    const onPost = async ({ eventId, payload: { post } }: PublishedEvent<'post.created' | 'post.updated'>) =>
      this.index.creditPost(eventId, { id: post.id, authorId: post.author.id, body: post.body, groupId: post.groupId });
    this.bus.subscribe('post.created', onPost);
    this.bus.subscribe('post.updated', onPost);
    this.bus.subscribe('post.deleted', ({ eventId, payload }) =>
      this.index.creditPost(eventId, { id: payload.postId, deleted: true }),
    );

    const onModeration = async (eventId: number, type: string, id: string, state: ModerationState) => {
      if (isCredited(type)) await this.index.applyModeration(eventId, type, id, state);
    };
    this.bus.subscribe('content.held', (e) => onModeration(e.eventId, e.payload.targetType, e.payload.targetId, 'held'));
    this.bus.subscribe('content.moderated', (e) =>
      onModeration(e.eventId, e.payload.targetType, e.payload.targetId, e.payload.state),
    );

    this.bus.subscribe('answer.voted', ({ eventId, payload }) =>
      this.index.creditAnswerVotes(eventId, {
        answerId: payload.answerId,
        answererId: payload.answererId,
        topics: payload.topics,
        voteCount: payload.voteCount,
      }),
    );
    this.bus.subscribe('question.answer_accepted', async ({ payload }) => {
      if (payload.answererId === payload.askerId) return;
      await this.index.creditAccepted({ answerId: payload.answerId, answererId: payload.answererId, topics: payload.topics });
    });

    this.bus.subscribe('review.created', async ({ eventId, payload: { review, topics } }) => {
      if (!topics || topics.length === 0) return;
      await this.index.creditReview(eventId, { reviewId: review.id, reviewerId: review.reviewer.id, topics });
    });
  }
}
