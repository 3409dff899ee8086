import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { GroupsService } from '@ruche/groups';
import { IdentityService } from '@ruche/identity';
import {
  type AuthUser,
  Database,
  foundIds,
  isId,
  moderationViewer,
  type ModerationViewer,
  moderationVisibleForRolesSql,
  moderationVisibleSql,
  notFound,
  rows,
  SqlParams,
  SubjectVisibility,
} from '@ruche/platform';
import { type PostRow, postsByIdQuery, readableBy, type SqlList, type VisibilityFilter } from './post-sql.js';

/**
 * The one answer to "may this viewer see this post". Every read path goes through it: single
 * reads and writes (`visiblePostIds`), every list query (`filterFor`, the same rule as SQL), and
 * realtime subscriptions and replay (registered as the `post` subject). Both forms come from the
 * same filter, so they cannot disagree.
 *
 * A post is visible while it is not deleted and is company-wide, in a public group, or in a
 * private group the viewer belongs to (membership is asked of the groups module on every call, so
 * a removed member loses access at once). Moderation: hidden and removed content is for
 * moderators only, held content (blocked terms) for its author and moderators; the same rule
 * applies to comments (`commentFilterFor`, the `comment` subject). Roles are read on every call,
 * like memberships, so a role change applies at once.
 */
@Injectable()
export class FeedVisibility implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly subjects: SubjectVisibility,
    private readonly groups: GroupsService,
    private readonly identity: IdentityService,
  ) {}

  onModuleInit(): void {
    this.subjects.register('post', (viewerId, ids) => this.visiblePostIds(viewerId, ids));
    this.subjects.register('comment', (viewerId, ids) => this.visibleCommentIds(viewerId, ids));
    this.subjects.registerContainment('post', 'group', (groupId, ids) => this.postIdsInGroup(groupId, ids));
  }

  /** Of these posts, those written in the group (a group going private re-checks their live watchers). */
  private async postIdsInGroup(groupId: string, postIds: readonly string[]): Promise<Set<string>> {
    if (!isId(groupId)) return new Set();
    return foundIds(this.db.manager, postIds, (ids) => ({
      text: 'SELECT id FROM posts WHERE group_id = $1 AND id = ANY($2::uuid[])',
      values: [groupId.toLowerCase(), ids],
    }));
  }

  /**
   * The visibility rule for one viewer as a SQL condition. Pass the viewer's groups when the caller
   * already has them (or a {@link SqlList} the statement computes itself), and the request's caller
   * (roles loaded) rather than an id, to save asking twice: given both, nothing is asked.
   */
  async filterFor(who: string | AuthUser, memberGroupIds?: readonly string[] | SqlList): Promise<VisibilityFilter> {
    const [groupIds, viewer] = await Promise.all([
      memberGroupIds ?? this.groups.memberGroupIds(typeof who === 'string' ? who : who.id),
      this.moderationViewer(who),
    ]);
    return readableBy(groupIds, viewer.moderator ? undefined : moderatedFor(viewer));
  }

  /**
   * The rule for a statement that checks its caller itself and reads their roles (`roles`, a SQL
   * `text[]`, null when it found no caller): the same rule, the moderator's part decided by those
   * roles in the statement. `memberGroupIds` as for {@link filterFor}.
   */
  filterForRoles(viewerId: string, roles: string, memberGroupIds: SqlList): VisibilityFilter {
    return readableBy(memberGroupIds, (alias, params) => moderationVisibleForRolesSql(viewerId, roles, { alias }, (id) => params.add(id)));
  }

  /**
   * The rule for comments (aliased as given), once their post is known to be visible: not deleted
   * (#14: a deleted comment is gone for everyone, moderators included), and moderation.
   */
  async commentFilterFor(who: string | AuthUser): Promise<VisibilityFilter> {
    const moderated = moderatedFor(await this.moderationViewer(who));
    return (alias, params) => `${alias}.deleted_at IS NULL AND ${moderated(alias, params)}`;
  }

  /** Comments the viewer may see: on a post they may see, and visible to them under moderation. */
  async visibleCommentIds(viewerId: string, commentIds: readonly string[]): Promise<Set<string>> {
    return foundIds(this.db.manager, commentIds, async (ids) => {
      const [posts, comments] = await Promise.all([this.filterFor(viewerId), this.commentFilterFor(viewerId)]);
      const params = new SqlParams();
      const text = `SELECT c.id FROM post_comments c JOIN posts p ON p.id = c.post_id
                     WHERE c.id = ANY(${params.add(ids)}::uuid[]) AND ${posts('p', params)} AND ${comments('c', params)}`;
      return { text, values: params.values };
    });
  }

  /**
   * Site moderators see moderated content; a gone or suspended account sees nothing more than anyone.
   * Given the request's caller (authenticated, roles loaded with it), nothing is asked.
   */
  private async moderationViewer(who: string | AuthUser): Promise<ModerationViewer> {
    if (typeof who !== 'string') return moderationViewer(who.id, who);
    return moderationViewer(who, await this.identity.authenticate(who));
  }

  async visiblePostIds(viewerId: string, postIds: readonly string[]): Promise<Set<string>> {
    return foundIds(this.db.manager, postIds, async (ids) => {
      const visible = await this.filterFor(viewerId);
      const params = new SqlParams();
      const text = `SELECT p.id FROM posts p WHERE p.id = ANY(${params.add(ids)}::uuid[]) AND ${visible('p', params)}`;
      return { text, values: params.values };
    });
  }

  /** The post if the viewer may see it, else 404 (missing and invisible look the same). */
  async visiblePost(
    who: string | AuthUser,
    postId: string,
    db: EntityManager = this.db.manager,
    lock = false,
  ): Promise<PostRow> {
    const [post] = await rows<PostRow>(db, postsByIdQuery({ ids: [postId], visible: await this.filterFor(who), lock }));
    if (!post) throw notFound('Post');
    return post;
  }

  /**
   * Inside a write transaction: the visible post, row-locked until commit. Writes on one post
   * queue here, so counters and the events that carry them move in one order, and nothing is
   * added to a post deleted in the meantime. Pass the request's caller (roles loaded): the rule
   * then reads only the viewer's groups, on the transaction's own connection.
   */
  lockVisiblePost(db: EntityManager, who: string | AuthUser, postId: string): Promise<PostRow> {
    return this.visiblePost(who, postId, db, true);
  }
}

/** Moderation, for a post or a comment aliased as given. */
const moderatedFor =
  (viewer: ModerationViewer): VisibilityFilter =>
  (alias, params) =>
    moderationVisibleSql(viewer, { alias }, (id) => params.add(id));
