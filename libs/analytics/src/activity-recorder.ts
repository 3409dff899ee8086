import { Injectable, OnModuleInit } from '@nestjs/common';
import { PostsService } from '@ruche/feed';
import { GroupsService } from '@ruche/groups';
import { PeopleService } from '@ruche/people';
import { Database, type DomainEventType, EventBus, type PublishedEvent, rows } from '@ruche/platform';

/** What an `analytics_activity` row records. */
export type ActivityKind =
  | 'post'
  | 'comment'
  | 'reaction'
  | 'follow'
  | 'member_joined'
  | 'member_left'
  | 'question'
  | 'answer'
  | 'answer_accepted'
  | 'idea'
  | 'idea_comment'
  | 'vote'
  | 'idea_merged'
  | 'review'
  | 'idea_status'
  | 'announcement_ack'
  | 'email_sent'
  | 'email_received';

export interface ActivityRow {
  eventId: number;
  kind: ActivityKind;
  actorId: string | null;
  actorDepartment: string;
  subjectType: string | null;
  subjectId: string | null;
  parentType: string | null;
  parentId: string | null;
  parentCreatedAt: Date | null;
  groupId: string | null;
  counterpartId: string | null;
  counterpartDepartment: string | null;
  delta: 1 | -1;
  voteCount: number | null;
  audienceSize: number | null;
  status: string | null;
  createdAt: Date;
}

type Draft = Omit<ActivityRow, 'eventId' | 'createdAt' | 'actorDepartment' | 'counterpartDepartment'>;

const blank = (kind: ActivityKind, actorId: string | null): Draft => ({
  kind,
  actorId,
  subjectType: null,
  subjectId: null,
  parentType: null,
  parentId: null,
  parentCreatedAt: null,
  groupId: null,
  counterpartId: null,
  delta: 1,
  voteCount: null,
  audienceSize: null,
  status: null,
});

/**
 * Feeds the analytics rollup: one row per event that counts, with what the metrics need later
 * (departments then, the author replied to, when the item replied to was written, the audience a
 * post reached), asked of the owning modules' exported services when the event arrives. Metrics
 * then read this table only.
 *
 * Events arrive after commit, once per event cluster-wide, in `eventId` order; the event id is the
 * row's key (a redelivery is a no-op) and an item announced twice (a held post, released) is
 * recorded once.
 */
@Injectable()
export class ActivityRecorder implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly bus: EventBus,
    private readonly posts: PostsService,
    private readonly groups: GroupsService,
    private readonly people: PeopleService,
  ) {}

  onModuleInit(): void {
    this.on('post.created', async (e) => {
      const { post } = e.payload;
      // Held for review: published (and counted) when a reviewer releases it.
      if (post.moderation) return null;
      const audience = post.groupId
        ? (await this.groups.memberIds(post.groupId)).filter((id) => id !== post.author.id).length
        : await this.people.followerCount(post.author.id);
      return {
        ...blank('post', post.author.id),
        subjectType: 'post',
        subjectId: post.id,
        groupId: post.groupId,
        audienceSize: audience,
      };
    });
    this.on('comment.created', async (e) => {
      const { comment } = e.payload;
      const post = (await this.posts.facts([comment.postId])).get(comment.postId);
      return {
        ...blank('comment', comment.author.id),
        subjectType: 'comment',
        subjectId: comment.id,
        parentType: 'post',
        parentId: comment.postId,
        parentCreatedAt: post?.createdAt ?? null,
        groupId: post?.groupId ?? null,
        counterpartId: post?.authorId ?? null,
      };
    });
    this.on('post.reaction_changed', (e) => ({
      ...blank('reaction', e.actorId),
      subjectType: 'post',
      subjectId: e.payload.postId,
      groupId: e.payload.groupId,
      counterpartId: e.payload.authorId,
      delta: e.payload.delta,
    }));
    this.on('user.followed', (e) => ({
      ...blank('follow', e.payload.followerId),
      subjectType: 'user',
      subjectId: e.payload.followeeId,
      counterpartId: e.payload.followeeId,
    }));
    this.on('group.created', (e) => ({ ...blank('member_joined', e.actorId), groupId: e.payload.group.id }));
    this.on('group.member_joined', (e) => ({ ...blank('member_joined', e.payload.userId), groupId: e.payload.groupId }));
    this.on('group.member_approved', (e) => ({ ...blank('member_joined', e.payload.userId), groupId: e.payload.groupId }));
    this.on('group.member_removed', (e) => ({ ...blank('member_left', e.payload.userId), groupId: e.payload.groupId }));

    this.on('question.created', (e) => ({
      ...blank('question', e.payload.question.asker.id),
      subjectType: 'question',
      subjectId: e.payload.question.id,
    }));
    this.on('answer.created', async (e) => ({
      ...blank('answer', e.payload.answer.author.id),
      subjectType: 'answer',
      subjectId: e.payload.answer.id,
      ...(await this.replyTo('question', e.payload.questionId, e.payload.askerId)),
    }));
    this.on('question.answer_accepted', (e) => ({
      ...blank('answer_accepted', e.actorId ?? e.payload.askerId),
      subjectType: 'question',
      subjectId: e.payload.questionId,
      parentType: 'question',
      parentId: e.payload.questionId,
      counterpartId: e.payload.answererId,
    }));

    this.on('idea.created', (e) => ({
      ...blank('idea', e.payload.idea.author.id),
      subjectType: 'idea',
      subjectId: e.payload.idea.id,
      parentType: 'campaign',
      parentId: e.payload.idea.campaignId,
    }));
    this.on('idea.comment_created', async (e) => ({
      ...blank('idea_comment', e.payload.comment.author.id),
      subjectType: 'idea_comment',
      subjectId: e.payload.comment.id,
      ...(await this.replyTo('idea', e.payload.ideaId, e.payload.authorId)),
    }));
    this.on('review.created', async (e) => ({
      ...blank('review', e.payload.review.reviewer.id),
      subjectType: 'review',
      subjectId: e.payload.review.id,
      ...(await this.replyTo('idea', e.payload.ideaId, e.payload.authorId)),
    }));
    this.on('idea.status', (e) => ({
      ...blank('idea_status', e.actorId),
      subjectType: 'idea',
      subjectId: e.payload.ideaId,
      counterpartId: e.payload.authorId,
      status: e.payload.status,
    }));
    this.on('idea.voted', async (e) => {
      // The event carries the count after the vote: the direction is the change from the last count seen.
      const previous = await this.lastVoteCount(e.payload.ideaId, e.eventId);
      const change = e.payload.voteCount - previous;
      if (change === 0) return null;
      return {
        ...blank('vote', e.actorId),
        subjectType: 'idea',
        subjectId: e.payload.ideaId,
        delta: change > 0 ? 1 : -1,
        voteCount: e.payload.voteCount,
      };
    });
    // Issue #13, the emails-avoided figure v2: must-reads read, and the email the bridge still carries.
    this.on('announcement.acknowledged', (e) => ({
      ...blank('announcement_ack', e.payload.userId),
      subjectType: 'announcement',
      subjectId: e.payload.announcementId,
    }));
    // Outbound: the recipient is the counterpart (nobody acted); the kind of email is the status.
    this.on('email.sent', (e) => ({ ...blank('email_sent', null), counterpartId: e.payload.recipientId, status: e.payload.kind }));
    // Inbound: what it was addressed to as the subject type, what became of it as the status.
    this.on('email.received', (e) => ({
      ...blank('email_received', e.payload.senderId),
      subjectType: e.payload.kind,
      status: e.payload.outcome,
    }));
    this.on('idea.merged', (e) => ({
      ...blank('idea_merged', e.actorId),
      subjectType: 'idea',
      subjectId: e.payload.mergedInto,
      voteCount: e.payload.voteCount,
    }));
  }

  /** Subscribes one event type: the handler says what to record (or null for nothing). */
  private on<T extends DomainEventType>(
    type: T,
    toRow: (event: PublishedEvent<T>) => Draft | null | Promise<Draft | null>,
  ): void {
    this.bus.subscribe(type, async (event) => {
      const draft = await toRow(event);
      if (draft) await this.record(event, draft);
    });
  }

  private async record(event: PublishedEvent, draft: Draft): Promise<void> {
    const ids = [draft.actorId, draft.counterpartId].filter((id): id is string => !!id);
    const profiles = await this.people.profileSummaries(ids);
    const department = (id: string | null) => (id ? (profiles.get(id)?.department ?? '').trim() : '');
    await this.db.query(
      `INSERT INTO analytics_activity
              (event_id, kind, actor_id, actor_department, subject_type, subject_id, parent_type, parent_id, parent_created_at,
               group_id, counterpart_id, counterpart_department, delta, vote_count, audience_size, status, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17)
       ON CONFLICT DO NOTHING`,
      [
        event.eventId,
        draft.kind,
        draft.actorId,
        department(draft.actorId),
        draft.subjectType,
        draft.subjectId,
        draft.parentType,
        draft.parentId,
        draft.parentCreatedAt,
        draft.groupId,
        draft.counterpartId,
        draft.counterpartId ? department(draft.counterpartId) : null,
        draft.delta,
        draft.voteCount,
        draft.audienceSize,
        draft.status,
        event.createdAt,
      ],
    );
  }

  /** A reply (an answer, an idea comment, a review) to an item recorded here: when it was written, and by whom. */
  private async replyTo(
    parentType: 'question' | 'idea',
    parentId: string,
    parentAuthorId: string,
  ): Promise<Pick<Draft, 'parentType' | 'parentId' | 'parentCreatedAt' | 'counterpartId'>> {
    return { parentType, parentId, parentCreatedAt: await this.createdAt(parentType, parentId), counterpartId: parentAuthorId };
  }

  /** When an item already recorded here (a question, an idea) was created. */
  private async createdAt(kind: 'question' | 'idea', id: string): Promise<Date | null> {
    const [row] = await rows<{ created_at: Date }>(
      this.db.manager,
      'SELECT created_at FROM analytics_activity WHERE kind = $1 AND subject_id = $2',
      [kind, id],
    );
    return row?.created_at ?? null;
  }

  private async lastVoteCount(ideaId: string, beforeEventId: number): Promise<number> {
    const [row] = await rows<{ vote_count: number }>(
      this.db.manager,
      `SELECT vote_count FROM analytics_activity
        WHERE subject_id = $1 AND kind IN ('vote', 'idea_merged') AND event_id < $2
        ORDER BY event_id DESC LIMIT 1`,
      [ideaId, beforeEventId],
    );
    return row?.vote_count ?? 0;
  }
}
