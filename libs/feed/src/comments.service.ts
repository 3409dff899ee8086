import { LinkPreviews } from '@ruche/previews';
import { Injectable } from '@nestjs/common';
import type { AttachmentView } from '@ruche/contracts';
import { FilesService } from '@ruche/files';
import { IdentityService, summaryIn, type UserSummary } from '@ruche/identity';
import {
  type AuthUser,
  ContentModeration,
  Database,
  decodeCursor,
  emitNewMentions,
  markdownBody,
  type ModerationState,
  type Page,
  type PageQuery,
  renderMarkdown,
  rows,
  SqlParams,
  stateOnCreate,
  toPage,
  Transactions,
} from '@ruche/platform';
import { type CommentView, moderationMarker } from './dto.js';
import { postRoom, userRoom, whileVisible } from './feed-events.js';
import { FeedGroups } from './feed-groups.js';
import { FeedVisibility } from './feed-visibility.js';
import { commentMentions, CommentMentions } from './comment-mentions.js';

export interface CommentRow {
  id: string;
  post_id: string;
  author_id: string;
  body: string;
  /** NULL for comments written before #14: rendered on read. */
  body_html: string | null;
  created_at: Date;
  edited_at: Date | null;
  moderation_state: ModerationState;
}

export const COMMENT_COLUMNS = 'id, post_id, author_id, body, body_html, created_at, edited_at, moderation_state';

export const toCommentView = (row: CommentRow, author: UserSummary, attachments: AttachmentView[] = []): CommentView => ({
  id: row.id,
  postId: row.post_id,
  author,
  ...markdownBody(row),
  createdAt: row.created_at.toISOString(),
  editedAt: row.edited_at?.toISOString() ?? null,
  attachments,
  ...moderationMarker(row.moderation_state),
});

/**
 * Comments on a post: oldest first, counted on the post in the same transaction. The count is of
 * visible comments: a comment held for review (blocked terms) is seen by its author and moderators
 * only, counted and announced (`comment.created`) when a reviewer releases it.
 */
@Injectable()
export class CommentsService {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly visibility: FeedVisibility,
    private readonly identity: IdentityService,
    private readonly groups: FeedGroups,
    private readonly moderation: ContentModeration,
    private readonly mentions: CommentMentions,
    private readonly files: FilesService,
    private readonly previews: LinkPreviews,
  ) {}

  async add(user: AuthUser, postId: string, body: string, attachmentIds: string[] = []): Promise<CommentView> {
    const { group_id: groupId } = await this.visibility.visiblePost(user, postId);
    await this.groups.assertCanInteract(user.id, groupId);
    const screening = await this.moderation.beforePublish(user.id, body);
    return this.transactions.run(async (tx) => {
      const post = await this.visibility.lockVisiblePost(tx.manager, user, postId);
      // The post row is locked: whether its group is private is settled for this comment.
      const mentioned = await this.mentions.resolve(body, post);
      const [row] = await rows<CommentRow>(
        tx.manager,
        `INSERT INTO post_comments (post_id, author_id, body, body_html, moderation_state) VALUES ($1, $2, $3, $4, $5)
         RETURNING ${COMMENT_COLUMNS}`,
        [postId, user.id, body, renderMarkdown(body, { mentions: mentioned }), stateOnCreate(screening)],
      );
      const attachments = await this.files.attach(tx.manager, user.id, { type: 'comment', id: row.id }, attachmentIds);
      // Cards already cached show at once; the others are fetched after commit and sent live (item.link_previews).
      const linkPreviews = await this.previews.track(tx, user.id, { type: 'comment', id: row.id }, body, { created: true });
      if (screening.held) {
        await this.moderation.held(
          tx,
          { type: 'comment', id: row.id, authorId: user.id, groupId: post.group_id },
          screening.terms,
        );
        return {
          ...toCommentView(row, { id: user.id, handle: user.handle, displayName: user.displayName }, attachments),
          linkPreviews,
        };
      }
      // The post row is locked, so this count is exact and events carry counts in commit order.
      const [{ comment_count: commentCount }] = await rows<{ comment_count: number }>(
        tx.manager,
        'UPDATE posts SET comment_count = comment_count + 1 WHERE id = $1 RETURNING comment_count',
        [postId],
      );
      const comment = {
        ...toCommentView(row, { id: user.id, handle: user.handle, displayName: user.displayName }, attachments),
        linkPreviews,
      };
      await tx.emit({
        type: 'comment.created',
        payload: { comment, commentCount },
        audience: whileVisible(post, [postRoom(postId), userRoom(post.author_id)]),
        subject: { type: 'post', id: postId },
        actorId: user.id,
      });
      await emitNewMentions(tx, commentMentions(comment), mentioned);
      return comment;
    });
  }

  /**
   * For notifications: everyone who commented on the post before `before` (each once), whatever
   * the comments' moderation state. Callers check what each person may see.
   */
  async commenterIds(postId: string, before?: Date): Promise<string[]> {
    const list = await rows<{ author_id: string }>(
      this.db.manager,
      `SELECT DISTINCT author_id FROM post_comments WHERE post_id = $1 ${before ? 'AND created_at < $2' : ''}`,
      before ? [postId, before] : [postId],
    );
    return list.map((r) => r.author_id);
  }

  async list(viewerId: string, postId: string, page: PageQuery): Promise<Page<CommentView>> {
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    await this.visibility.visiblePost(viewerId, postId);
    const visible = await this.visibility.commentFilterFor(viewerId);
    const params = new SqlParams();
    const text = `
      SELECT ${COMMENT_COLUMNS}
        FROM post_comments c
       WHERE c.post_id = ${params.add(postId)}::uuid
         AND ${visible('c', params)}
         ${after ? `AND (c.created_at, c.id) > (${params.add(after[0])}::timestamptz, ${params.add(after[1])}::uuid)` : ''}
       ORDER BY c.created_at, c.id
       LIMIT ${params.add(page.limit + 1)}`;
    const list = await rows<CommentRow>(this.db.manager, { text, values: params.values });
    const authors = await this.identity.summaries(list.slice(0, page.limit).map((c) => c.author_id));
    const shown = list.slice(0, page.limit).map((c) => c.id);
    const attachments = await this.files.attachmentsFor('comment', shown);
    // Link preview cards (#14): part of the comment's view, so exactly as visible as the comment.
    const cards = await this.previews.previewsFor('comment', shown);
    return toPage(
      list,
      page.limit,
      (c) => [c.created_at, c.id],
      (c) => ({
        ...toCommentView(c, summaryIn(authors, c.author_id), attachments.get(c.id) ?? []),
        linkPreviews: cards.get(c.id) ?? [],
      }),
    );
  }
}
