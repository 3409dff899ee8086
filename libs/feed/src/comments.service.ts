import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdentityService, type UserSummary } from '@ruche/identity';
import { type AuthUser, decodeCursor, type Page, type PageQuery, toPage, Transactions } from '@ruche/platform';
import { rows } from './db.js';
import type { CommentView } from './dto.js';
import { postRoom, userRoom } from './feed-events.js';
import { FeedGroups } from './feed-groups.js';
import { FeedVisibility } from './feed-visibility.js';
import { unknownUser } from './post-views.js';

interface CommentRow {
  id: string;
  post_id: string;
  author_id: string;
  body: string;
  created_at: Date;
}

const toView = (row: CommentRow, author: UserSummary): CommentView => ({
  id: row.id,
  postId: row.post_id,
  author,
  body: row.body,
  createdAt: row.created_at.toISOString(),
});

/** Comments on a post: oldest first, counted on the post in the same transaction. */
@Injectable()
export class CommentsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: Transactions,
    private readonly visibility: FeedVisibility,
    private readonly identity: IdentityService,
    private readonly groups: FeedGroups,
  ) {}

  async add(user: AuthUser, postId: string, body: string): Promise<CommentView> {
    const { group_id: groupId } = await this.visibility.visiblePost(user.id, postId);
    await this.groups.assertCanInteract(user.id, groupId);
    return this.transactions.run(async (tx) => {
      const post = await this.visibility.lockVisiblePost(tx.manager, user.id, postId);
      const [row] = await rows<CommentRow>(
        tx.manager,
        'INSERT INTO post_comments (post_id, author_id, body) VALUES ($1, $2, $3) RETURNING id, post_id, author_id, body, created_at',
        [postId, user.id, body],
      );
      // The post row is locked, so this count is exact and events carry counts in commit order.
      const [{ comment_count: commentCount }] = await rows<{ comment_count: number }>(
        tx.manager,
        'UPDATE posts SET comment_count = comment_count + 1 WHERE id = $1 RETURNING comment_count',
        [postId],
      );
      const comment = toView(row, { id: user.id, handle: user.handle, displayName: user.displayName });
      await tx.emit({
        type: 'comment.created',
        payload: { comment, commentCount },
        audience: [postRoom(postId), userRoom(post.author_id)],
        subject: { type: 'post', id: postId },
        actorId: user.id,
      });
      return comment;
    });
  }

  async list(viewerId: string, postId: string, page: PageQuery): Promise<Page<CommentView>> {
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    await this.visibility.visiblePost(viewerId, postId);
    const list = await rows<CommentRow>(
      this.dataSource.manager,
      `SELECT id, post_id, author_id, body, created_at
         FROM post_comments
        WHERE post_id = $1 ${after ? 'AND (created_at, id) > ($3::timestamptz, $4::uuid)' : ''}
        ORDER BY created_at, id
        LIMIT $2`,
      after ? [postId, page.limit + 1, after[0], after[1]] : [postId, page.limit + 1],
    );
    const authors = await this.identity.summaries(list.slice(0, page.limit).map((c) => c.author_id));
    return toPage(
      list,
      page.limit,
      (c) => [c.created_at, c.id],
      (c) => toView(c, authors.get(c.author_id) ?? unknownUser(c.author_id)),
    );
  }
}
