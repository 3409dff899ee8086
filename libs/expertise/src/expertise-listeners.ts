import { Injectable, OnModuleInit } from '@nestjs/common';
import { EventBus, isId, type ModerationState } from '@ruche/platform';
import { type CreditedContent, ExpertiseIndex } from './expertise-index.service.js';

/** What a listener needs of an event it knows by name only. */
interface ForeignEvent {
  eventId: number;
  actorId: string | null;
  payload: unknown;
}
type ForeignHandler = (event: ForeignEvent) => Promise<void>;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const CREDITED: readonly string[] = ['post', 'answer'] satisfies CreditedContent[];
const isCredited = (type: string): type is CreditedContent => CREDITED.includes(type);
const strings = (v: unknown): string[] | null => (Array.isArray(v) && v.every((s) => typeof s === 'string') ? v : null);

/**
 * Keeps the expertise table in step with what people do. Events arrive after commit, once per
 * event across all instances, in `eventId` order on the instance that stamped them.
 *
 * The events of modules that expertise does not depend on (feed, questions, ideas) are
 * subscribed to by name and their payloads checked here, field by field: expertise relies on
 * these fields and nothing else.
 * - `post.created` / `post.updated` `{ post: { id, author: { id }, body, groupId } }`, `post.deleted` `{ postId }`
 * - `answer.voted` `{ answerId, answererId, topics, voteCount }`
 * - `question.answer_accepted` `{ answerId, answererId, askerId, topics }` (answering your own
 *   question earns nothing)
 * - `review.created` `{ review: { id, reviewer: { id } | actorId }, topics | campaignTopics }`:
 *   counted once per review id, when the payload carries the campaign's topics, skipped otherwise
 *   (see README).
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

    const onPost: ForeignHandler = async ({ eventId, payload }) => {
      const post = isRecord(payload) && isRecord(payload.post) ? payload.post : null;
      const author = post && isRecord(post.author) ? post.author : null;
      if (!post || !author || !isId(post.id) || !isId(author.id) || typeof post.body !== 'string') return;
      const groupId = typeof post.groupId === 'string' ? post.groupId : null;
      await this.index.creditPost(eventId, { id: post.id, authorId: author.id, body: post.body, groupId });
    };
    this.listen('post.created', onPost);
    this.listen('post.updated', onPost);
    this.listen('post.deleted', async ({ eventId, payload }) => {
      if (isRecord(payload) && isId(payload.postId))
        await this.index.creditPost(eventId, { id: payload.postId, deleted: true });
    });

    const onModeration = async (eventId: number, type: string, id: string, state: ModerationState) => {
      if (isCredited(type) && isId(id)) await this.index.applyModeration(eventId, type, id, state);
    };
    this.bus.subscribe('content.held', (e) => onModeration(e.eventId, e.payload.targetType, e.payload.targetId, 'held'));
    this.bus.subscribe('content.moderated', (e) =>
      onModeration(e.eventId, e.payload.targetType, e.payload.targetId, e.payload.state),
    );

    this.listen('answer.voted', async ({ eventId, payload }) => {
      if (!isRecord(payload) || !isId(payload.answerId) || !isId(payload.answererId)) return;
      const topics = strings(payload.topics);
      if (!topics || typeof payload.voteCount !== 'number') return;
      await this.index.creditAnswerVotes(eventId, {
        answerId: payload.answerId,
        answererId: payload.answererId,
        topics,
        voteCount: payload.voteCount,
      });
    });
    this.listen('question.answer_accepted', async ({ payload }) => {
      if (!isRecord(payload) || !isId(payload.answerId) || !isId(payload.answererId)) return;
      const topics = strings(payload.topics);
      if (!topics || payload.answererId === payload.askerId) return;
      await this.index.creditAccepted({ answerId: payload.answerId, answererId: payload.answererId, topics });
    });

    this.listen('review.created', async ({ eventId, actorId, payload }) => {
      if (!isRecord(payload)) return;
      const review = isRecord(payload.review) ? payload.review : null;
      const reviewer = review && isRecord(review.reviewer) ? review.reviewer.id : actorId;
      const topics = strings(payload.topics) ?? strings(payload.campaignTopics);
      // No review id, no credit to key it on: counting it could count a redelivery twice.
      if (!review || !isId(review.id) || !isId(reviewer) || !topics || topics.length === 0) return;
      await this.index.creditReview(eventId, { reviewId: review.id, reviewerId: reviewer, topics });
    });
  }

  /** Subscribes to an event declared by a module expertise does not import. */
  private listen(type: string, handler: ForeignHandler): void {
    (this.bus as unknown as { subscribe(type: string, handler: ForeignHandler): void }).subscribe(type, handler);
  }
}
