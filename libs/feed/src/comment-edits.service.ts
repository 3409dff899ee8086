import { LinkPreviews } from '@ruche/previews';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { FilesService } from '@ruche/files';
import { IdentityService, summaryOf } from '@ruche/identity';
import {
  type AuthUser,
  ContentModeration,
  Database,
  emitNewMentions,
  forbidden,
  hasPermission,
  notFound,
  Permission,
  renderMarkdown,
  revisionRows,
  rows,
  SqlParams,
  stateAfterEdit,
  Transactions,
} from '@ruche/platform';
import type { RevisionView } from '@ruche/contracts';
import { COMMENT_COLUMNS, type CommentRow, toCommentView } from './comments.service.js';
import { commentMentions, CommentMentions } from './comment-mentions.js';
import type { CommentView } from './dto.js';
import { postRoom, postSubject, userRoom, whileVisible } from './feed-events.js';
import { FeedGroups } from './feed-groups.js';
import { FeedVisibility } from './feed-visibility.js';

/**
 * Editing and deleting a comment (#14), like a post: its author edits (the new text screened again,
 * the previous one kept for moderators, an "edited" mark on the view); its author, a moderator or an
 * owner or admin of the post's group deletes (a soft delete: the comment leaves every read path,
 * the post's count drops in the same transaction). Both lock the post row first, as adding a
 * comment does, so counts and events follow one order; the comment row is then re-read under its
 * own lock, so an edit and a delete racing end with one winner and a 404 for the other.
 * Search needs no step: the comments' search vector is computed from the stored body.
 * `attachmentIds` on an edit is the comment's full list of files, attached by the files module's
 * rules in the same transaction (own unattached uploads only; a file left off is detached and
 * swept after a day); left out, the files stay as they are.
 */
@Injectable()
export class CommentEditsService {
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

  async update(user: AuthUser, commentId: string, body: string, attachmentIds?: string[]): Promise<CommentView> {
    const current = await this.visibleComment(user, commentId);
    if (current.author_id !== user.id) throw forbidden('Only the author can edit this comment');
    const screening = await this.moderation.screen(body);
    return this.transactions.run(async (tx) => {
      const post = await this.visibility.lockVisiblePost(tx.manager, user, current.post_id);
      const locked = await this.lockComment(tx.manager, user, commentId);
      if (locked.author_id !== user.id) throw forbidden('Only the author can edit this comment');
      const mentioned = await this.mentions.resolve(body, post);
      const before = new Set((await this.mentions.resolve(locked.body, post)).map((u) => u.id));
      const state = stateAfterEdit(locked.moderation_state, screening);
      await tx.manager.query('INSERT INTO post_comment_revisions (comment_id, body, edited_by) VALUES ($1, $2, $3)', [
        commentId,
        locked.body,
        user.id,
      ]);
      const [row] = await rows<CommentRow>(
        tx.manager,
        `UPDATE post_comments SET body = $2, body_html = $3, edited_at = now(), moderation_state = $4 WHERE id = $1
         RETURNING ${COMMENT_COLUMNS}`,
        [commentId, body, renderMarkdown(body, { mentions: mentioned }), state],
      );
      const item = { type: 'comment' as const, id: commentId };
      const attachments = await this.files.attachEdited(tx.manager, user.id, item, attachmentIds);
      // Re-done on edit: a removed link's card disappears, a new one is fetched and sent live.
      const linkPreviews = await this.previews.track(tx, user.id, item, body);
      const comment = { ...toCommentView(row, summaryOf(user), attachments), linkPreviews };
      const subject = postSubject(post.id);
      if (state === 'held' && locked.moderation_state === 'visible') {
        // Edited into a blocked term: everyone who had it drops it, a reviewer decides.
        await this.moderation.held(
          tx,
          { type: 'comment', id: commentId, authorId: user.id, groupId: post.group_id },
          screening.terms,
        );
        const commentCount = await this.countChange(tx.manager, post.id, -1);
        await tx.emit({
          type: 'comment.hidden',
          payload: { postId: post.id, commentId, state: 'held', commentCount },
          audience: whileVisible(post, [postRoom(post.id), userRoom(post.author_id), userRoom(user.id)]),
          subject,
          actorId: user.id,
        });
      }
      const audience =
        state === 'visible' ? whileVisible(post, [postRoom(post.id), userRoom(post.author_id)]) : [userRoom(user.id)];
      await tx.emit({ type: 'comment.updated', payload: { comment }, audience, subject, actorId: user.id });
      if (state === 'visible') await emitNewMentions(tx, commentMentions(comment), mentioned, before);
      return comment;
    });
  }

  /** Soft delete, by the author, a moderator, or an owner or admin of the post's group. */
  async remove(user: AuthUser, commentId: string): Promise<void> {
    const current = await this.visibleComment(user, commentId);
    const post = await this.visibility.visiblePost(user, current.post_id);
    const allowed =
      current.author_id === user.id ||
      hasPermission(user.roles, Permission.ModerateContent) ||
      (await this.groups.isGroupModerator(user.id, post.group_id));
    if (!allowed) throw forbidden('Only the author, a moderator or a group admin can delete this comment');
    await this.transactions.run(async (tx) => {
      const locked = await this.visibility.lockVisiblePost(tx.manager, user, current.post_id);
      const comment = await this.lockComment(tx.manager, user, commentId);
      await tx.manager.query('UPDATE post_comments SET deleted_at = now(), deleted_by = $2 WHERE id = $1', [commentId, user.id]);
      // Only a visible comment was counted.
      const commentCount =
        comment.moderation_state === 'visible' ? await this.countChange(tx.manager, locked.id, -1) : locked.comment_count;
      await tx.emit({
        type: 'comment.deleted',
        payload: { postId: locked.id, commentId, commentCount },
        audience: whileVisible(locked, [postRoom(locked.id), userRoom(locked.author_id), userRoom(comment.author_id)]),
        subject: postSubject(locked.id),
        actorId: user.id,
      });
    });
  }

  /** The comment's previous texts, newest first: for moderators (the route requires it). */
  async history(user: AuthUser, commentId: string): Promise<{ items: RevisionView[] }> {
    await this.visibleComment(user, commentId);
    const found = await revisionRows(this.db.manager, { table: 'post_comment_revisions', key: 'comment_id' }, commentId);
    return this.identity.editHistory(found);
  }

  /** The comment if the viewer may see it and its post (404 otherwise, deleted ones included). */
  private async visibleComment(user: AuthUser, commentId: string): Promise<CommentRow> {
    if (!(await this.visibility.visibleCommentIds(user.id, [commentId])).has(commentId)) throw notFound('Comment');
    const [row] = await rows<CommentRow>(this.db.manager, `SELECT ${COMMENT_COLUMNS} FROM post_comments WHERE id = $1`, [
      commentId,
    ]);
    if (!row) throw notFound('Comment');
    return row;
  }

  /** Inside the transaction, after the post's lock: the comment, still there and visible, row-locked. */
  private async lockComment(db: EntityManager, user: AuthUser, commentId: string): Promise<CommentRow> {
    const visible = await this.visibility.commentFilterFor(user);
    const params = new SqlParams();
    const text = `SELECT ${COMMENT_COLUMNS.split(', ')
      .map((c) => `c.${c}`)
      .join(', ')} FROM post_comments c WHERE c.id = ${params.add(commentId)}::uuid AND ${visible('c', params)} FOR UPDATE`;
    const [row] = await rows<CommentRow>(db, { text, values: params.values });
    if (!row) throw notFound('Comment');
    return row;
  }

  private async countChange(db: EntityManager, postId: string, delta: number): Promise<number> {
    const [{ comment_count: count }] = await rows<{ comment_count: number }>(
      db,
      'UPDATE posts SET comment_count = comment_count + $2 WHERE id = $1 RETURNING comment_count',
      [postId, delta],
    );
    return count;
  }
}
