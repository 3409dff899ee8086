import { Injectable } from '@nestjs/common';
import { IdentityService, type UserSummary } from '@ruche/identity';
import { PeopleService } from '@ruche/people';
import { type AuthUser, forbidden, hasPermission, Permission, Transactions, type Tx } from '@ruche/platform';
import { rows } from './db.js';
import type { PostView } from './dto.js';
import { postAudience, postRoom } from './feed-events.js';
import { FeedGroups } from './feed-groups.js';
import { FeedVisibility } from './feed-visibility.js';
import { parseMentions } from './mentions.js';
import { POST_COLUMNS, type PostRow } from './post-sql.js';
import { PostViews, toPostView } from './post-views.js';
import { inKindOrder } from './reaction-kinds.js';

const postSubject = (id: string) => ({ type: 'post', id });
const summaryOf = (user: AuthUser): UserSummary => ({ id: user.id, handle: user.handle, displayName: user.displayName });
/** Everyone a freshly written post shows, known without asking identity again. */
const knownPeople = (author: AuthUser, mentioned: UserSummary[]) =>
  new Map([...mentioned, summaryOf(author)].map((u) => [u.id, u]));

function requireAuthor(user: AuthUser, post: PostRow): void {
  if (post.author_id !== user.id) throw forbidden('Only the author can edit this post');
}

/**
 * A post's life: write, read one, edit, delete, each change with its events in the same
 * transaction. Everything another module's service must answer (mentions, followers) is asked
 * before the transaction opens, so a transaction never waits for a second pooled connection.
 */
@Injectable()
export class PostsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly visibility: FeedVisibility,
    private readonly views: PostViews,
    private readonly identity: IdentityService,
    private readonly people: PeopleService,
    private readonly groups: FeedGroups,
  ) {}

  async create(author: AuthUser, input: { body: string; groupId?: string | null }): Promise<PostView> {
    if (input.groupId !== undefined && input.groupId !== null) await this.groups.assertCanPost(author.id, input.groupId);
    const mentioned = await this.resolveMentions(input.body);
    const followers = await this.people.followerIds(author.id);
    return this.transactions.run(async (tx) => {
      const [row] = await rows<PostRow>(
        tx.manager,
        `INSERT INTO posts (author_id, group_id, body) VALUES ($1, $2, $3) RETURNING ${POST_COLUMNS('posts')}`,
        [author.id, input.groupId ?? null, input.body],
      );
      await this.replaceMentions(tx, row.id, mentioned);
      const mentionedIds = mentioned.map((u) => u.id);
      const post = toPostView(row, knownPeople(author, mentioned), mentionedIds, []);
      await tx.emit({
        type: 'post.created',
        payload: { post },
        audience: postAudience(author.id, followers, mentionedIds),
        subject: postSubject(row.id),
        actorId: author.id,
      });
      await this.emitMentioned(tx, row.id, author.id, mentionedIds);
      return post;
    });
  }

  async get(viewerId: string, postId: string): Promise<PostView> {
    const row = await this.visibility.visiblePost(viewerId, postId);
    const [view] = await this.views.build(viewerId, [row]);
    return view;
  }

  async update(user: AuthUser, postId: string, body: string): Promise<PostView> {
    requireAuthor(user, await this.visibility.visiblePost(user.id, postId));
    const mentioned = await this.resolveMentions(body);
    const followers = await this.people.followerIds(user.id);
    return this.transactions.run(async (tx) => {
      requireAuthor(user, await this.visibility.lockVisiblePost(tx.manager, user.id, postId));
      const previous = await this.mentionedIds(tx, postId);
      const [row] = await rows<PostRow>(
        tx.manager,
        `UPDATE posts SET body = $2, updated_at = now() WHERE id = $1 RETURNING ${POST_COLUMNS('posts')}`,
        [postId, body],
      );
      await this.replaceMentions(tx, postId, mentioned);
      const mentionedIds = mentioned.map((u) => u.id);
      const post = toPostView(row, knownPeople(user, mentioned), mentionedIds, []);
      await tx.emit({
        type: 'post.updated',
        payload: { post },
        // People no longer mentioned still hold the post in their feed: they hear about the edit too.
        audience: [postRoom(postId), ...postAudience(user.id, followers, [...previous, ...mentionedIds])],
        subject: postSubject(postId),
        actorId: user.id,
      });
      await this.emitMentioned(
        tx,
        postId,
        user.id,
        mentionedIds.filter((id) => !previous.includes(id)),
      );
      const mine = await this.views.myReactions(tx.manager, user.id, [postId]);
      return { ...post, myReactions: inKindOrder(mine.get(postId) ?? []) };
    });
  }

  /** Soft delete, by the author or a moderator (group admins once groups exist). */
  async remove(user: AuthUser, postId: string): Promise<void> {
    const current = await this.visibility.visiblePost(user.id, postId);
    if (current.author_id !== user.id && !hasPermission(user.roles, Permission.ModerateContent)) {
      throw forbidden('Only the author or a moderator can delete this post');
    }
    const followers = await this.people.followerIds(current.author_id);
    await this.transactions.run(async (tx) => {
      const post = await this.visibility.lockVisiblePost(tx.manager, user.id, postId);
      await tx.manager.query('UPDATE posts SET deleted_at = now(), deleted_by = $2 WHERE id = $1', [postId, user.id]);
      await tx.emit({
        type: 'post.deleted',
        payload: { postId },
        audience: [postRoom(postId), ...postAudience(post.author_id, followers, await this.mentionedIds(tx, postId))],
        subject: postSubject(postId),
        actorId: user.id,
      });
    });
  }

  /** Active people the text @mentions (unknown handles are plain text). */
  private async resolveMentions(body: string): Promise<UserSummary[]> {
    const handles = parseMentions(body);
    return handles.length ? this.identity.findByHandles(handles) : [];
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

  /** For the notifications module: who was newly mentioned (never the author themselves). */
  private async emitMentioned(tx: Tx, postId: string, authorId: string, mentionedIds: string[]): Promise<void> {
    const userIds = mentionedIds.filter((id) => id !== authorId);
    if (userIds.length === 0) return;
    await tx.emit({
      type: 'post.mentioned',
      payload: { postId, userIds },
      audience: [],
      subject: postSubject(postId),
      actorId: authorId,
    });
  }
}
