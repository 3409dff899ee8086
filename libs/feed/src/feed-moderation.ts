import { Injectable, OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FilesService } from '@ruche/files';
import { IdentityService, summaryIn, type UserSummary } from '@ruche/identity';
import { ContentModeration, Database, emitNewMentions, rows } from '@ruche/platform';
import { COMMENT_COLUMNS, type CommentRow, toCommentView } from './comments.service.js';
import { postAudience, postMentions, postRoom, postSubject, userRoom, whileVisible } from './feed-events.js';
import { POST_COLUMNS, type PostRow } from './post-sql.js';
import { pollsOf } from './poll-views.js';
import { toPostView } from './post-views.js';

type PostParent = Pick<PostRow, 'author_id' | 'moderation_state'>;

/**
 * Posts and comments under the platform's moderation kit (the feed never imports the moderation
 * module): reportable, and moderation decisions applied with what the feed tells its rooms. Out of
 * sight → `post.hidden` / `comment.hidden` (clients drop it); released from a hold → its first
 * publication, `post.created` (and its mentions) / `comment.created`; otherwise
 * `post.restored` / `comment.restored`. `posts.comment_count` counts visible comments.
 */
@Injectable()
export class FeedModeration implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly kit: ContentModeration,
    private readonly identity: IdentityService,
    private readonly files: FilesService,
  ) {}

  onModuleInit(): void {
    this.kit.register<PostRow, undefined, Map<string, UserSummary>>({
      type: 'post',
      table: 'posts',
      columns: POST_COLUMNS,
      excerpt: 'body',
      group: 'group_id',
      live: (p) => `${p}.deleted_at IS NULL`,
      prepare: async (post) => this.identity.summaries([post.author_id, ...(await mentionedIds(this.db.manager, post.id))]),
      announce: async ({ tx, decision, row, prepared: people, ...change }) => {
        const postId = row.id;
        const mentioned = await mentionedIds(tx.manager, postId);
        const audience = [postRoom(postId), ...postAudience(row.author_id, mentioned, row.group_id)];
        if (change.transition === 'hidden') {
          return tx.emit({ type: 'post.hidden', payload: { postId, state: change.state }, audience, actorId: decision.actorId });
        }
        const attachments = (await this.files.attachmentsFor('post', [postId], tx.manager)).get(postId) ?? [];
        const poll = (await pollsOf(tx.manager, null, [row])).get(postId) ?? null;
        const post = toPostView(row, people, mentioned, [], attachments, poll);
        const subject = postSubject(postId);
        if (change.transition === 'restored') {
          return tx.emit({ type: 'post.restored', payload: { post }, audience, subject, actorId: decision.actorId });
        }
        await tx.emit({ type: 'post.created', payload: { post }, audience, subject, actorId: row.author_id });
        await emitNewMentions(tx, postMentions(postId, row.author_id), mentioned);
      },
    });
    this.kit.register<CommentRow, PostParent, UserSummary>({
      type: 'comment',
      table: 'post_comments',
      columns: (c) =>
        COMMENT_COLUMNS.split(', ')
          .map((column) => `${c}.${column}`)
          .join(', '),
      excerpt: 'body',
      parent: {
        table: 'posts',
        key: 'post_id',
        columns: (p) => `${p}.author_id, ${p}.moderation_state`,
        live: (p) => `${p}.deleted_at IS NULL`,
        counter: 'comment_count',
        group: 'group_id',
      },
      prepare: async (comment) => summaryIn(await this.identity.summaries([comment.author_id]), comment.author_id),
      announce: async ({ tx, decision, row, parent: { row: post, count: commentCount }, prepared: author, ...change }) => {
        const postId = row.post_id;
        // Whoever may see the post; while the post itself is out of sight, only its author when held.
        const audience = whileVisible(post, [postRoom(postId), userRoom(post.author_id), userRoom(row.author_id)]);
        const subject = postSubject(postId);
        if (change.transition === 'hidden') {
          const payload = { postId, commentId: row.id, state: change.state, commentCount };
          return tx.emit({ type: 'comment.hidden', payload, audience, subject, actorId: decision.actorId });
        }
        const attachments = (await this.files.attachmentsFor('comment', [row.id], tx.manager)).get(row.id) ?? [];
        const payload = { comment: toCommentView(row, author, attachments), commentCount };
        if (change.transition === 'restored') {
          return tx.emit({ type: 'comment.restored', payload, audience, subject, actorId: decision.actorId });
        }
        await tx.emit({ type: 'comment.created', payload, audience, subject, actorId: row.author_id });
      },
    });
  }
}

async function mentionedIds(db: EntityManager, postId: string): Promise<string[]> {
  const list = await rows<{ user_id: string }>(db, 'SELECT user_id FROM post_mentions WHERE post_id = $1', [postId]);
  return list.map((r) => r.user_id);
}
