import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { CommentsService, PostsService, ReactionsService } from '@ruche/feed';
import { GroupsService } from '@ruche/groups';
import { IdeasService, type Participation } from '@ruche/ideas';
import { type DomainEventType, EventBus, isId, type PublishedEvent } from '@ruche/platform';
import type { EntityManager } from 'typeorm';
import type { NotificationContext } from './dto.js';
import type { NotificationKind } from './notification-kinds.js';
import { type NotificationDraft, NotificationStore } from './notification-store.js';
import { usersOfAudience } from './notification-rules.js';

const post = (id: string) => ({ type: 'post', id });

/** What one event tells whom, as a listener works it out; its event becomes the notification's source. */
type Notice = Omit<NotificationDraft, 'source'>;

/**
 * Turns domain events into notifications: for each kind, who should hear of it (asking the owning
 * module's exported services, never their tables), then the store applies the rules (no
 * self-notification, preferences, mutes, visibility of the subject to each recipient).
 * See notification-kinds.ts for the table of kinds and recipients. Most events make one notice
 * (`notify`: the handler answers it and is otherwise pure); a comment and a reaction are handled whole.
 *
 * Events arrive after commit, once per event cluster-wide, in `eventId` order; a failure is logged
 * by the bus and never blocks the producer.
 */
@Injectable()
export class NotificationListeners implements OnModuleInit {
  private readonly logger = new Logger('notifications');

  constructor(
    private readonly bus: EventBus,
    private readonly store: NotificationStore,
    private readonly posts: PostsService,
    private readonly comments: CommentsService,
    private readonly reactions: ReactionsService,
    private readonly groups: GroupsService,
    private readonly ideas: IdeasService,
  ) {}

  onModuleInit(): void {
    this.notify('post.mentioned', (e) => this.mentioned(e));
    this.notify('post.group_mentioned', (e) => this.groupMentioned(e));
    this.notify('comment.mentioned', (e) => this.commentMentioned(e));
    this.notify('answer.mentioned', (e) => this.answerMentioned(e));
    this.notify('user.followed', (e) => this.followed(e));
    this.notify('group.join_requested', (e) => this.joinRequested(e));
    this.notify('group.member_approved', (e) => this.approved(e));
    this.notify('question.routed', (e) => this.questionRouted(e));
    this.notify('answer.created', (e) => this.answered(e));
    this.notify('question.answer_accepted', (e) => this.accepted(e));
    this.notify('question.unanswered', (e) => this.unanswered(e));
    this.notify('kudos.created', (e) => this.kudos(e));
    this.notify('badge.awarded', (e) => this.badge(e));
    this.notify('helpers.digest_ready', (e) => this.helperDigest(e));
    this.notify('idea.status', (e) => this.ideaStatus(e));
    this.notify('review.created', (e) => this.reviewed(e));
    this.notify('idea.comment_created', (e) => this.ideaCommented(e));
    this.notify('idea.implementation_updated', (e) => this.implementationUpdated(e));
    this.notify('campaign.status', (e) => this.campaignStatus(e));
    this.notify('report.resolved', (e) => this.reportResolved(e));
    // Two deliveries (the post's author, earlier commenters), and a reaction taken back retracts.
    this.on('comment.created', (e) => this.commented(e));
    this.on('post.reaction_changed', (e) => this.reacted(e));
  }

  /** For each event of `type`, delivers the notice `noticeOf` answers (null: nobody is told). */
  private notify<T extends DomainEventType>(
    type: T,
    noticeOf: (event: PublishedEvent<T>) => Notice | null | Promise<Notice | null>,
  ): void {
    this.on(type, async (event) => {
      const notice = await noticeOf(event);
      if (notice) await this.store.deliver({ source: event, ...notice });
    });
  }

  private on<T extends DomainEventType>(type: T, handler: (event: PublishedEvent<T>) => Promise<unknown>): void {
    this.bus.subscribe(type, async (event) => {
      await handler(event);
    });
  }

  // ---- feed ------------------------------------------------------------------------------

  private async mentioned(e: PublishedEvent<'post.mentioned'>): Promise<Notice | null> {
    const facts = (await this.posts.facts([e.payload.postId])).get(e.payload.postId);
    if (!facts) return null;
    return {
      kind: 'mention',
      recipients: e.payload.userIds,
      actorId: e.actorId ?? facts.authorId,
      subject: post(facts.id),
      postId: facts.id,
      groupId: facts.groupId,
      context: { postId: facts.id, groupId: facts.groupId },
    };
  }

  /** People @mentioned in a comment (#14); the subject is the comment, so only those who may see it are told. */
  private async commentMentioned(e: PublishedEvent<'comment.mentioned'>): Promise<Notice | null> {
    const { postId, commentId, userIds } = e.payload;
    const facts = (await this.posts.facts([postId])).get(postId);
    if (!facts) return null;
    return {
      kind: 'mention',
      recipients: userIds,
      actorId: e.actorId,
      subject: { type: 'comment', id: commentId },
      postId,
      groupId: facts.groupId,
      context: { postId, commentId, groupId: facts.groupId },
    };
  }

  /** People @mentioned in an answer (#14); the subject is the answer, so only those who may see it are told. */
  private answerMentioned(e: PublishedEvent<'answer.mentioned'>): Notice {
    const { questionId, answerId, userIds } = e.payload;
    return {
      kind: 'mention',
      recipients: userIds,
      actorId: e.actorId,
      subject: { type: 'answer', id: answerId },
      context: { questionId, answerId },
    };
  }

  /** Every member of the group, except those the post already mentions by name (told once). */
  private async groupMentioned(e: PublishedEvent<'post.group_mentioned'>): Promise<Notice> {
    const { postId, groupId } = e.payload;
    const members = await this.groups.memberIds(groupId);
    const named = await this.store.alreadyTold('mention', postId, members);
    return {
      kind: 'group.mention',
      recipients: members.filter((id) => !named.has(id)),
      actorId: e.actorId,
      subject: post(postId),
      postId,
      groupId,
      context: { postId, groupId },
    };
  }

  /**
   * The post's author ("commented on your post") and everyone who commented before this comment
   * ("also commented"). The subject is the comment, so a comment hidden by moderation since is
   * never shown.
   */
  private async commented(e: PublishedEvent<'comment.created'>): Promise<void> {
    const { comment } = e.payload;
    const facts = (await this.posts.facts([comment.postId])).get(comment.postId);
    if (!facts) return;
    const actorId = e.actorId ?? comment.author.id;
    const base = {
      source: e,
      kind: 'comment' as const,
      actorId,
      subject: { type: 'comment', id: comment.id },
      // Grouped per post: one unread "Alice and 3 others commented" per thread, not one row each.
      groupOn: facts.id,
      postId: facts.id,
      groupId: facts.groupId,
    };
    const context = { postId: facts.id, commentId: comment.id, groupId: facts.groupId, commentCount: e.payload.commentCount };
    await this.store.deliver({ ...base, recipients: [facts.authorId], context: { ...context, onYourPost: true } });
    const earlier = await this.comments.commenterIds(facts.id, new Date(comment.createdAt));
    await this.store.deliver({
      ...base,
      recipients: earlier.filter((id) => id !== facts.authorId),
      context: { ...context, onYourPost: false },
    });
  }

  /**
   * Adding a reaction tells the post's author (grouped per post while unread). Taking it back
   * retracts that: the actor leaves the unread notification, which is deleted once nobody is left.
   * A notification already read is history and stays as it was. Someone who still has another
   * reaction on the post stays in. Both ways re-read "does the actor react to the post now?" inside
   * the store's write, under its lock, so races between reacting and unreacting (and events handled
   * late or twice) settle on the current state.
   */
  private async reacted(e: PublishedEvent<'post.reaction_changed'>): Promise<void> {
    const { postId, authorId, groupId, kind, delta } = e.payload;
    const actorId = e.actorId;
    if (!actorId || actorId === authorId) return;
    const stillHolds = (db: EntityManager) => this.reactions.hasReacted(actorId, postId, db);
    if (delta < 0) {
      await this.store.retract({ kind: 'reaction', subjectId: postId, actorId, recipients: [authorId], stillHolds });
      return;
    }
    await this.store.deliver({
      source: e,
      kind: 'reaction',
      recipients: [authorId],
      actorId: e.actorId,
      subject: post(postId),
      postId,
      groupId,
      context: { postId, groupId, reaction: kind },
      stillHolds,
    });
  }

  // ---- people and groups -----------------------------------------------------------------

  private followed(e: PublishedEvent<'user.followed'>): Notice {
    const { followerId, followeeId } = e.payload;
    return {
      kind: 'follow',
      recipients: [followeeId],
      actorId: followerId,
      subject: { type: 'user', id: followerId },
      context: { userId: followerId },
    };
  }

  private async joinRequested(e: PublishedEvent<'group.join_requested'>): Promise<Notice> {
    const { groupId, userId } = e.payload;
    return {
      kind: 'group.request',
      recipients: await this.groups.managerIds(groupId),
      actorId: userId,
      subject: { type: 'group', id: groupId },
      groupId,
      context: { groupId, userId },
    };
  }

  private approved(e: PublishedEvent<'group.member_approved'>): Notice {
    const { groupId, userId, approvedBy } = e.payload;
    return {
      kind: 'group.approved',
      recipients: [userId],
      actorId: approvedBy,
      subject: { type: 'group', id: groupId },
      groupId,
      context: { groupId },
    };
  }

  // ---- questions -------------------------------------------------------------------------

  private questionRouted(e: PublishedEvent<'question.routed'>): Notice | null {
    const { questionId, userIds, askerId, round } = e.payload;
    if (!isId(questionId)) return null;
    return {
      kind: 'question.routed',
      recipients: userIds,
      actorId: isId(askerId) ? askerId : null,
      subject: { type: 'question', id: questionId },
      context: { questionId, round: typeof round === 'number' ? round : 1 },
    };
  }

  private answered(e: PublishedEvent<'answer.created'>): Notice | null {
    const { answer, questionId, askerId } = e.payload;
    if (!isId(questionId) || !isId(askerId)) return null;
    return {
      kind: 'answer',
      recipients: [askerId],
      actorId: e.actorId ?? answer.author.id,
      subject: { type: 'question', id: questionId },
      context: { questionId, answerId: answer.id },
    };
  }

  /** The asker hears their question went unanswered after every round and joined the unanswered queue. */
  private unanswered(e: PublishedEvent<'question.unanswered'>): Notice | null {
    const { questionId, askerId, rounds, asked } = e.payload;
    if (!isId(questionId) || !isId(askerId)) return null;
    return {
      kind: 'question.unanswered',
      recipients: [askerId],
      actorId: null,
      subject: { type: 'question', id: questionId },
      context: { questionId, rounds, asked },
    };
  }

  /** Someone thanked the recipient (recognition, #17); about the giver, whose profile shows it. */
  private kudos(e: PublishedEvent<'kudos.created'>): Notice | null {
    const { kudos } = e.payload;
    if (!isId(kudos.to.id) || !isId(kudos.from.id)) return null;
    return {
      kind: 'kudos.received',
      recipients: [kudos.to.id],
      actorId: kudos.from.id,
      subject: { type: 'user', id: kudos.from.id },
      context: { kudosId: kudos.id, targetType: kudos.targetType, targetId: kudos.targetId },
    };
  }

  /** A badge earned (recognition, #17); about the person's own profile. */
  private badge(e: PublishedEvent<'badge.awarded'>): Notice | null {
    const { userId, badge } = e.payload;
    if (!isId(userId)) return null;
    return {
      kind: 'badge.earned',
      recipients: [userId],
      actorId: null,
      subject: { type: 'user', id: userId },
      context: { badge },
    };
  }

  /** A group's monthly "who helped" digest was written (recognition, #17): to its managers still in charge. */
  private async helperDigest(e: PublishedEvent<'helpers.digest_ready'>): Promise<Notice | null> {
    const { groupId, month, managerIds, helperCount } = e.payload;
    if (!isId(groupId)) return null;
    const current = new Set(await this.groups.managerIds(groupId));
    return {
      kind: 'digest.helpers',
      recipients: managerIds.filter((id) => current.has(id)),
      actorId: null,
      subject: { type: 'group', id: groupId },
      context: { groupId, month, helperCount },
    };
  }

  private accepted(e: PublishedEvent<'question.answer_accepted'>): Notice | null {
    const { questionId, answerId, answererId, askerId } = e.payload;
    if (!isId(questionId) || !isId(answererId)) return null;
    return {
      kind: 'answer.accepted',
      recipients: [answererId],
      actorId: e.actorId ?? askerId,
      subject: { type: 'question', id: questionId },
      context: { questionId, answerId },
    };
  }

  // ---- ideas -----------------------------------------------------------------------------

  /** Its author, voters and commenters (a decision, or the campaign's advance moving it). */
  private ideaStatus(e: PublishedEvent<'idea.status'>): Promise<Notice> {
    const { ideaId, campaignId, status, previousStatus } = e.payload;
    const decided = e.payload.decision !== undefined;
    return this.toIdeaParticipants('idea.status', ideaId, e.actorId, { ideaId, campaignId, status, previousStatus, decided });
  }

  private reviewed(e: PublishedEvent<'review.created'>): Promise<Notice> {
    const { ideaId, campaignId, review, reviewCount } = e.payload;
    const context = { ideaId, campaignId, reviewId: review.id, reviewCount };
    return this.toIdeaParticipants('idea.review', ideaId, e.actorId ?? review.reviewer.id, context, ['author', 'voters']);
  }

  private ideaCommented(e: PublishedEvent<'idea.comment_created'>): Promise<Notice> {
    const { ideaId, campaignId, comment } = e.payload;
    return this.toIdeaParticipants('idea.comment', ideaId, e.actorId, { ideaId, campaignId, commentId: comment.id });
  }

  /** Progress on a selected idea: nobody who supported it is left wondering what became of it. */
  private implementationUpdated(e: PublishedEvent<'idea.implementation_updated'>): Promise<Notice> {
    const { ideaId, campaignId, implementation } = e.payload;
    return this.toIdeaParticipants('idea.implementation', ideaId, e.actorId, {
      ideaId,
      campaignId,
      progress: implementation.progress,
    });
  }

  /** A notice about an idea to the people taking part in it: `among` them (by default its author, voters and commenters). */
  private async toIdeaParticipants(
    kind: NotificationKind,
    ideaId: string,
    actorId: string | null,
    context: NotificationContext,
    among?: readonly Participation[],
  ): Promise<Notice> {
    return {
      kind,
      recipients: await this.ideas.participantIds(ideaId, among),
      actorId,
      subject: { type: 'idea', id: ideaId },
      context,
    };
  }

  /** A campaign opened, moved to review or closed: its reviewers and everyone who took part. */
  private async campaignStatus(e: PublishedEvent<'campaign.status'>): Promise<Notice> {
    const { campaignId, status, previousStatus } = e.payload;
    return {
      kind: 'campaign.status',
      recipients: await this.ideas.campaignParticipantIds(campaignId),
      actorId: e.actorId,
      subject: { type: 'campaign', id: campaignId },
      context: { campaignId, status, previousStatus },
    };
  }

  // ---- moderation ------------------------------------------------------------------------

  /**
   * The people the moderation module addressed (reporters, or the author), as a case they are a
   * party to. The moderator stays anonymous (not shown) and the note (text) is not copied.
   */
  private reportResolved(e: PublishedEvent<'report.resolved'>): Notice | null {
    const { caseId, targetType, targetId, action, recipient } = e.payload;
    if (!isId(caseId)) {
      this.logger.warn({ msg: 'report.resolved without a case id', eventId: e.eventId });
      return null;
    }
    return {
      kind: 'report.resolved',
      recipients: usersOfAudience(e.audience),
      actorId: null,
      excluded: e.actorId ? [e.actorId] : [],
      subject: { type: 'report', id: caseId },
      context: { caseId, targetType, targetId, action, recipient },
    };
  }
}
