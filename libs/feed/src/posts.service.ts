import { Injectable } from '@nestjs/common';
import { FilesService } from '@ruche/files';
import { LinkPreviews } from '@ruche/previews';
import { IdentityService, summaryOf, type UserSummary } from '@ruche/identity';
import {
  type AuthUser,
  ContentModeration,
  Database,
  emitNewMentions,
  forbidden,
  hasPermission,
  Permission,
  renderMarkdown,
  rows,
  stateAfterEdit,
  stateOnCreate,
  Transactions,
  type Tx,
} from '@ruche/platform';
import type { CreatePollDto, PollView, PostView } from './dto.js';
import { postAudience, postMentions, postRoom, postSubject, userRoom } from './feed-events.js';
import { FeedGroups } from './feed-groups.js';
import { FeedVisibility } from './feed-visibility.js';
import { parseMentions } from './mentions.js';
import { pollsOf } from './poll-views.js';
import { replaceHashtags } from './post-hashtags.js';
import { PollsService } from './polls.service.js';
import { POST_COLUMNS, type PostRow } from './post-sql.js';
import { PostViews, toPostView } from './post-views.js';
import { inKindOrder } from './reaction-kinds.js';

/** What listeners need to know about a post, without its text. */
export interface PostFacts {
  id: string;
  authorId: string;
  groupId: string | null;
  createdAt: Date;
  deleted: boolean;
}

/** In a group post, `@group` means every member of the group. */
const GROUP_MENTION = 'group';
/** Everyone a freshly written post shows, known without asking identity again. */
const knownPeople = (author: AuthUser, mentioned: UserSummary[]) =>
  new Map([...mentioned, summaryOf(author)].map((u) => [u.id, u]));

function requireAuthor(user: AuthUser, post: PostRow): void {
  if (post.author_id !== user.id) throw forbidden('Only the author can edit this post');
}

/**
 * A post's life: write, read one, edit, delete, each change with its events in the same
 * transaction. Everything another module's service must answer (mentions) is asked
 * before the transaction opens, so a transaction never waits for a second pooled connection.
 *
 * Moderation: writing needs the company guidelines accepted; text with a blocked term is held for
 * review (`moderation_state = 'held'`): only its author and moderators see it, nobody else hears
 * of it (`post.created` goes to the author alone, no mention notifications) until it is released.
 */
@Injectable()
export class PostsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly visibility: FeedVisibility,
    private readonly views: PostViews,
    private readonly identity: IdentityService,
    private readonly groups: FeedGroups,
    private readonly moderation: ContentModeration,
    private readonly db: Database,
    private readonly files: FilesService,
    private readonly previews: LinkPreviews,
    private readonly polls: PollsService,
  ) {}

  async create(
    author: AuthUser,
    input: { body: string; groupId?: string | null; attachmentIds?: string[]; poll?: CreatePollDto },
  ): Promise<PostView> {
    const groupId = input.groupId ?? null;
    // Refused before anything is written (a closing time in the past is a 400, not a half-made post).
    const newPoll = input.poll ? this.polls.check(input.poll) : null;
    const screening = await this.moderation.beforePublish(author.id, input.body);
    return this.transactions.run(async (tx) => {
      // Who may post and whether the post is private are decided here, under the group's lock.
      const groupPrivate = groupId ? await this.groups.lockForPosting(author, groupId) : false;
      const { mentioned, groupMention } = await this.resolveMentions(author, input.body, groupId, groupPrivate);
      const [row] = await this.db.prepared<PostRow>(
        'feed.post.insert',
        {
          text: `INSERT INTO posts (author_id, group_id, group_private, body, body_html, moderation_state, has_mentions)
                 VALUES ($1, $2, $3, $4, $5, $6, $7)
                 RETURNING ${POST_COLUMNS('posts')}`,
          values: [
            author.id,
            groupId,
            groupPrivate,
            input.body,
            renderMarkdown(input.body, { mentions: mentioned }),
            stateOnCreate(screening),
            mentioned.length > 0,
          ],
        },
        tx.manager,
      );
      // A new post has no mentions to replace: only write the ones it makes.
      if (mentioned.length > 0) await this.replaceMentions(tx, row.id, mentioned);
      await replaceHashtags(tx.manager, row, true);
      const mentionedIds = mentioned.map((u) => u.id);
      // The author's own unattached uploads only; anything else refuses the whole post.
      const attachments = await this.files.attach(tx.manager, author.id, { type: 'post', id: row.id }, input.attachmentIds ?? []);
      if (attachments.length > 0) await this.countAttachments(tx, row, attachments.length);
      const poll = newPoll ? await this.polls.create(tx, row, newPoll) : null;
      const post = toPostView(row, knownPeople(author, mentioned), mentionedIds, [], attachments, poll);
      // Cards already cached show at once; the others are fetched after commit and sent live (post.link_previews).
      post.linkPreviews = await this.previews.track(tx, author.id, { type: 'post', id: row.id }, input.body, { created: true });
      if (screening.held) {
        await this.moderation.held(tx, { type: 'post', id: row.id, authorId: author.id, groupId }, screening.terms);
        await tx.emit({
          type: 'post.created',
          payload: { post },
          audience: [userRoom(author.id)],
          subject: postSubject(row.id),
          actorId: author.id,
        });
        return post;
      }
      await tx.emit({
        type: 'post.created',
        payload: { post },
        audience: postAudience(author.id, mentionedIds, groupId),
        subject: postSubject(row.id),
        actorId: author.id,
      });
      await emitNewMentions(tx, postMentions(row.id, author.id), mentionedIds);
      if (groupId && groupMention) {
        await tx.emit({
          type: 'post.group_mentioned',
          payload: { postId: row.id, groupId },
          audience: [],
          subject: postSubject(row.id),
          actorId: author.id,
        });
      }
      return post;
    });
  }

  /**
   * For listeners (notifications, analytics): who wrote each post, in which group, and when, for a
   * set of ids in one query, deleted posts included. Says nothing about who may see them: callers
   * ask FeedVisibility (or SubjectVisibility) for that.
   */
  async facts(postIds: readonly string[]): Promise<Map<string, PostFacts>> {
    const ids = [...new Set(postIds)];
    if (ids.length === 0) return new Map();
    const found = await rows<{ id: string; author_id: string; group_id: string | null; created_at: Date; deleted: boolean }>(
      this.db.manager,
      'SELECT id, author_id, group_id, created_at, deleted_at IS NOT NULL AS deleted FROM posts WHERE id = ANY($1::uuid[])',
      [ids],
    );
    return new Map(
      found.map((r) => [
        r.id,
        { id: r.id, authorId: r.author_id, groupId: r.group_id, createdAt: r.created_at, deleted: r.deleted },
      ]),
    );
  }

  /**
   * For notifications: what each post or comment says (its body, cut to `max` characters) and the
   * group it is in, in one query per type, deleted ones left out. Says nothing about who may see
   * them: callers check SubjectVisibility first, as for `facts`.
   */
  async texts(
    type: 'post' | 'comment',
    ids: readonly string[],
    max = 400,
  ): Promise<Map<string, { body: string; groupId: string | null; postId: string }>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const found = await rows<{ id: string; body: string; group_id: string | null; post_id: string }>(
      this.db.manager,
      type === 'post'
        ? 'SELECT id, left(body, $2) AS body, group_id, id AS post_id FROM posts WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL'
        : `SELECT c.id, left(c.body, $2) AS body, p.group_id, p.id AS post_id FROM post_comments c JOIN posts p ON p.id = c.post_id
            WHERE c.id = ANY($1::uuid[]) AND c.deleted_at IS NULL AND p.deleted_at IS NULL`,
      [unique, max],
    );
    return new Map(found.map((r) => [r.id, { body: r.body, groupId: r.group_id, postId: r.post_id }]));
  }

  async get(viewerId: string, postId: string): Promise<PostView> {
    const row = await this.visibility.visiblePost(viewerId, postId);
    const [view] = await this.views.build(viewerId, [row]);
    return view;
  }

  /** `attachmentIds`: the post's full list of files (left out: unchanged). */
  async update(user: AuthUser, postId: string, body: string, attachmentIds?: string[]): Promise<PostView> {
    const current = await this.visibility.visiblePost(user, postId);
    requireAuthor(user, current);
    const screening = await this.moderation.screen(body);
    return this.transactions.run(async (tx) => {
      const locked = await this.visibility.lockVisiblePost(tx.manager, user, postId);
      requireAuthor(user, locked);
      // The post row is locked: a group going private (which rewrites it) is before or after this edit.
      const { mentioned } = await this.resolveMentions(user, body, locked.group_id, locked.group_private);
      const state = stateAfterEdit(locked.moderation_state, screening);
      const previous = await this.mentionedIds(tx, postId);
      const [row] = await rows<PostRow>(
        tx.manager,
        `UPDATE posts SET body = $2, body_html = $4, updated_at = now(), moderation_state = $3, has_mentions = $5
          WHERE id = $1 RETURNING ${POST_COLUMNS('posts')}`,
        [postId, body, state, renderMarkdown(body, { mentions: mentioned }), mentioned.length > 0],
      );
      await this.replaceMentions(tx, postId, mentioned);
      await replaceHashtags(tx.manager, row);
      const mentionedIds = mentioned.map((u) => u.id);
      const attachments =
        attachmentIds === undefined
          ? row.attachment_count > 0
            ? ((await this.files.attachmentsFor('post', [postId], tx.manager)).get(postId) ?? [])
            : []
          : await this.files.attach(tx.manager, user.id, { type: 'post', id: postId }, attachmentIds, { replace: true });
      if (attachments.length !== row.attachment_count) await this.countAttachments(tx, row, attachments.length);
      // An edit never touches the poll (its options are fixed with the post): the views carry it as it is.
      const poll = (await pollsOf(tx.manager, null, [row])).get(postId) ?? null;
      const post = toPostView(row, knownPeople(user, mentioned), mentionedIds, [], attachments, poll);
      post.linkPreviews = await this.previews.track(tx, user.id, { type: 'post', id: postId }, body);
      // Content out of public sight (held, or hidden from a moderator's own post) changes for its author alone.
      if (state !== 'visible') {
        if (screening.held && state === 'held') {
          await this.moderation.held(tx, { type: 'post', id: postId, authorId: user.id, groupId: row.group_id }, screening.terms);
        }
        if (locked.moderation_state === 'visible') {
          // Everyone who had it drops it; the new text goes to its author alone.
          await tx.emit({
            type: 'post.hidden',
            payload: { postId, state: 'held' },
            audience: [postRoom(postId), ...postAudience(user.id, [...previous, ...mentionedIds], row.group_id)],
            actorId: user.id,
          });
        }
        await tx.emit({
          type: 'post.updated',
          payload: { post },
          audience: [userRoom(user.id)],
          subject: postSubject(postId),
          actorId: user.id,
        });
        return this.forAuthor(tx, user, post);
      }
      await tx.emit({
        type: 'post.updated',
        payload: { post },
        // People no longer mentioned still hold the post in their feed: they hear about the edit too.
        audience: [postRoom(postId), ...postAudience(user.id, [...previous, ...mentionedIds], row.group_id)],
        subject: postSubject(postId),
        actorId: user.id,
      });
      await emitNewMentions(tx, postMentions(postId, user.id), mentionedIds, new Set(previous));
      return this.forAuthor(tx, user, post);
    });
  }

  /** The edited post as its author sees it: their reactions and choices in the poll (events carry none). */
  private async forAuthor(tx: Tx, user: AuthUser, post: PostView): Promise<PostView> {
    const mine = await this.views.myReactions(tx.manager, user.id, [post.id]);
    const poll: PollView | null = post.poll ? await this.polls.read(tx.manager, post.id, user.id) : null;
    return { ...post, myReactions: inKindOrder(mine.get(post.id) ?? []), poll };
  }

  /** Soft delete, by the author, a moderator, or an owner or admin of the post's group. */
  async remove(user: AuthUser, postId: string): Promise<void> {
    const current = await this.visibility.visiblePost(user, postId);
    const allowed =
      current.author_id === user.id ||
      hasPermission(user.roles, Permission.ModerateContent) ||
      (await this.groups.isGroupModerator(user.id, current.group_id));
    if (!allowed) throw forbidden('Only the author, a moderator or a group admin can delete this post');
    await this.transactions.run(async (tx) => {
      const post = await this.visibility.lockVisiblePost(tx.manager, user, postId);
      await tx.manager.query('UPDATE posts SET deleted_at = now(), deleted_by = $2 WHERE id = $1', [postId, user.id]);
      await tx.emit({
        type: 'post.deleted',
        payload: { postId },
        audience: [postRoom(postId), ...postAudience(post.author_id, await this.mentionedIds(tx, postId), post.group_id)],
        subject: postSubject(postId),
        actorId: user.id,
      });
    });
  }

  /**
   * Active people the text @mentions (unknown handles are plain text). In a private group only its
   * members count, so a mention never reveals the group to anyone else. In a group post `@group`
   * addresses every member, which only the group's owners and admins may do.
   */
  private async resolveMentions(
    author: AuthUser,
    body: string,
    groupId: string | null,
    groupPrivate: boolean,
  ): Promise<{ mentioned: UserSummary[]; groupMention: boolean }> {
    let handles = parseMentions(body);
    const groupMention = groupId !== null && handles.includes(GROUP_MENTION);
    if (groupMention) {
      handles = handles.filter((h) => h !== GROUP_MENTION);
      if (!(await this.groups.isGroupModerator(author.id, groupId))) {
        throw forbidden('Only the group’s owners and admins can mention @group');
      }
    }
    let mentioned = handles.length ? await this.identity.findByHandles(handles) : [];
    if (groupId && groupPrivate) mentioned = await this.groups.readersAmong(groupId, mentioned);
    return { mentioned, groupMention };
  }

  /** Keeps `posts.attachment_count` with the files attached, in the writing transaction. */
  private async countAttachments(tx: Tx, row: PostRow, count: number): Promise<void> {
    await tx.manager.query('UPDATE posts SET attachment_count = $2 WHERE id = $1', [row.id, count]);
    row.attachment_count = count;
  }

  private async mentionedIds(tx: Tx, postId: string): Promise<string[]> {
    const list = await rows<{ user_id: string }>(tx.manager, 'SELECT user_id FROM post_mentions WHERE post_id = $1', [postId]);
    return list.map((r) => r.user_id);
  }

  private async replaceMentions(tx: Tx, postId: string, mentioned: UserSummary[]): Promise<void> {
    const ids = mentioned.map((u) => u.id);
    await tx.manager.query('DELETE FROM post_mentions WHERE post_id = $1 AND NOT (user_id = ANY($2::uuid[]))', [postId, ids]);
    if (ids.length === 0) return;
    await tx.manager.query('INSERT INTO post_mentions (post_id, user_id) SELECT $1, unnest($2::uuid[]) ON CONFLICT DO NOTHING', [
      postId,
      ids,
    ]);
  }
}
