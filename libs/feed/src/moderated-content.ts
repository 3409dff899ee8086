import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { IdentityService } from '@ruche/identity';
import { Database, EventBus, type ModerationState, type PublishedEvent, rows, Transactions, type Tx } from '@ruche/platform';
import { type CommentView, moderationMarker } from './dto.js';
import { postAudience, postRoom, userRoom, whileVisible } from './feed-events.js';
import { POST_COLUMNS, type PostRow } from './post-sql.js';
import { toPostView, unknownUser } from './post-views.js';

const postSubject = (id: string) => ({ type: 'post', id });

interface CommentRow {
  id: string;
  post_id: string;
  author_id: string;
  body: string;
  created_at: Date;
  moderation_state: ModerationState;
}

/**
 * Applies moderation decisions (`content.moderated`) to posts and comments, and tells the rooms
 * that hold them: out of sight → `post.hidden` / `comment.hidden` (clients drop it); back in
 * sight → `post.created` for a post released from a hold (its first publication, mentions
 * included), `post.restored` / `comment.restored` otherwise. `posts.comment_count` counts visible
 * comments: it moves with each comment's state, under the post's row lock, like any comment.
 * Idempotent: applying the state a row already has changes nothing and says nothing.
 */
@Injectable()
export class ModeratedContent implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly bus: EventBus,
    private readonly identity: IdentityService,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe('content.moderated', async (event) => {
      if (event.payload.targetType === 'post') await this.applyToPost(event);
      if (event.payload.targetType === 'comment') await this.applyToComment(event);
    });
  }

  private async applyToPost(event: PublishedEvent<'content.moderated'>): Promise<void> {
    const { targetId: postId, state } = event.payload;
    const [current] = await rows<PostRow>(
      this.db.manager,
      `SELECT ${POST_COLUMNS('p')} FROM posts p WHERE p.id = $1 AND p.deleted_at IS NULL`,
      [postId],
    );
    if (!current || current.moderation_state === state) return;
    // Asked before the transaction opens, so it never waits for a second pooled connection.
    const mentionedBefore = await this.mentionedIds(this.db.manager, postId);
    const people = await this.identity.summaries([current.author_id, ...mentionedBefore]);
    await this.transactions.run(async (tx) => {
      const [locked] = await rows<PostRow>(
        tx.manager,
        `SELECT ${POST_COLUMNS('p')} FROM posts p WHERE p.id = $1 AND p.deleted_at IS NULL FOR NO KEY UPDATE`,
        [postId],
      );
      if (!locked || locked.moderation_state === state) return;
      const [row] = await rows<PostRow>(
        tx.manager,
        `UPDATE posts SET moderation_state = $2 WHERE id = $1 RETURNING ${POST_COLUMNS('posts')}`,
        [postId, state],
      );
      const mentioned = await this.mentionedIds(tx.manager, postId);
      const audience = [postRoom(postId), ...postAudience(row.author_id, mentioned, row.group_id)];
      if (state !== 'visible') {
        await tx.emit({ type: 'post.hidden', payload: { postId, state }, audience, actorId: event.actorId });
        return;
      }
      const post = toPostView(row, people, mentioned, []);
      if (locked.moderation_state === 'held') {
        await tx.emit({
          type: 'post.created',
          payload: { post },
          audience,
          subject: postSubject(postId),
          actorId: row.author_id,
        });
        await this.emitMentioned(tx, postId, row.author_id, mentioned);
      } else {
        await tx.emit({
          type: 'post.restored',
          payload: { post },
          audience,
          subject: postSubject(postId),
          actorId: event.actorId,
        });
      }
    });
  }

  private async applyToComment(event: PublishedEvent<'content.moderated'>): Promise<void> {
    const { targetId: commentId, state } = event.payload;
    const [current] = await rows<CommentRow>(
      this.db.manager,
      `SELECT c.id, c.post_id, c.author_id, c.body, c.created_at, c.moderation_state
         FROM post_comments c JOIN posts p ON p.id = c.post_id
        WHERE c.id = $1 AND p.deleted_at IS NULL`,
      [commentId],
    );
    if (!current || current.moderation_state === state) return;
    const author = (await this.identity.summaries([current.author_id])).get(current.author_id) ?? unknownUser(current.author_id);
    await this.transactions.run(async (tx) => {
      // The post's row lock first, as when a comment is added: counts move in one order.
      const [post] = await rows<Pick<PostRow, 'author_id' | 'moderation_state'>>(
        tx.manager,
        'SELECT author_id, moderation_state FROM posts WHERE id = $1 AND deleted_at IS NULL FOR NO KEY UPDATE',
        [current.post_id],
      );
      if (!post) return;
      const [before] = await rows<{ moderation_state: ModerationState }>(
        tx.manager,
        'SELECT moderation_state FROM post_comments WHERE id = $1 FOR UPDATE',
        [commentId],
      );
      if (!before || before.moderation_state === state) return;
      await tx.manager.query('UPDATE post_comments SET moderation_state = $2 WHERE id = $1', [commentId, state]);
      const delta = (state === 'visible' ? 1 : 0) - (before.moderation_state === 'visible' ? 1 : 0);
      const [{ comment_count: commentCount }] = delta
        ? await rows<{ comment_count: number }>(
            tx.manager,
            'UPDATE posts SET comment_count = comment_count + $2 WHERE id = $1 RETURNING comment_count',
            [current.post_id, delta],
          )
        : await rows<{ comment_count: number }>(tx.manager, 'SELECT comment_count FROM posts WHERE id = $1', [current.post_id]);
      // Whoever may see the post; while the post itself is out of sight, only its author when held.
      const audience = whileVisible(post, [postRoom(current.post_id), userRoom(post.author_id), userRoom(current.author_id)]);
      const subject = postSubject(current.post_id);
      if (state !== 'visible') {
        await tx.emit({
          type: 'comment.hidden',
          payload: { postId: current.post_id, commentId, state, commentCount },
          audience,
          subject,
          actorId: event.actorId,
        });
        return;
      }
      const comment: CommentView = {
        id: current.id,
        postId: current.post_id,
        author,
        body: current.body,
        createdAt: current.created_at.toISOString(),
        ...moderationMarker(state),
      };
      if (before.moderation_state === 'held') {
        await tx.emit({
          type: 'comment.created',
          payload: { comment, commentCount },
          audience,
          subject,
          actorId: current.author_id,
        });
      } else {
        await tx.emit({
          type: 'comment.restored',
          payload: { comment, commentCount },
          audience,
          subject,
          actorId: event.actorId,
        });
      }
    });
  }

  private async mentionedIds(db: EntityManager, postId: string): Promise<string[]> {
    const list = await rows<{ user_id: string }>(db, 'SELECT user_id FROM post_mentions WHERE post_id = $1', [postId]);
    return list.map((r) => r.user_id);
  }

  /** A post released from a hold: the people it mentions hear about it now (never the author). */
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
