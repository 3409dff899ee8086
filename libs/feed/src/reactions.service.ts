import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AuthUser, Database, notFound, rows, SqlParams, Transactions, type Tx } from '@ruche/platform';
import type { ReactionsView } from './dto.js';
import { postRoom, whileVisible } from './feed-events.js';
import { FeedGroups } from './feed-groups.js';
import { FeedVisibility } from './feed-visibility.js';
import type { PostRow } from './post-sql.js';
import { countsOf, PostViews } from './post-views.js';
import { COUNT_COLUMN, inKindOrder, type ReactionKind } from './reaction-kinds.js';

type CountRow = Pick<
  PostRow,
  'like_count' | 'celebrate_count' | 'insightful_count' | 'support_count' | 'author_id' | 'moderation_state'
>;
const COUNTS = 'like_count, celebrate_count, insightful_count, support_count, author_id, moderation_state';

/**
 * One reaction per person and kind; repeating a request changes nothing (idempotent, no event).
 * The counter moves only when a row was really inserted or deleted, in the same transaction, so
 * counts stay exact however many people react at once.
 *
 * The post's row is locked last, by the counter update itself, for the reason votes do it
 * (VotesService): reactions used to queue on the row for the whole transaction. The update adds to
 * the newest committed count and holds the lock until commit, so the reaction.updated events
 * commit in the order of the counts they carry (the last one delivered is the final count). It
 * carries the visibility rule in its WHERE clause, checked again on the row as it is now: a post
 * deleted, hidden or made private while the reaction was on its way refuses it (404), and the
 * reaction row rolls back with it. Like a vote, it commits without waiting for the WAL flush, which
 * would otherwise be held under the lock too (see VotesService).
 */
@Injectable()
export class ReactionsService {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly visibility: FeedVisibility,
    private readonly views: PostViews,
    private readonly groups: FeedGroups,
  ) {}

  async react(user: AuthUser, postId: string, kind: ReactionKind): Promise<ReactionsView> {
    const post = await this.visibility.visiblePost(user, postId);
    await this.groups.assertCanInteract(user.id, post.group_id);
    return this.transactions.run(async (tx) => {
      await tx.commitWithoutFlushWait();
      const inserted = await rows(
        tx.manager,
        'INSERT INTO post_reactions (post_id, user_id, kind) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING RETURNING kind',
        [postId, user.id, kind],
      );
      return this.settle(tx, user, post, kind, inserted.length);
    });
  }

  unreact(user: AuthUser, postId: string, kind: ReactionKind): Promise<ReactionsView> {
    return this.transactions.run(async (tx) => {
      await tx.commitWithoutFlushWait();
      const post = await this.visibility.visiblePost(user, postId, tx.manager);
      const deleted = await rows(
        tx.manager,
        'DELETE FROM post_reactions WHERE post_id = $1 AND user_id = $2 AND kind = $3 RETURNING kind',
        [postId, user.id, kind],
      );
      return this.settle(tx, user, post, kind, -deleted.length);
    });
  }

  /**
   * Whether the person has any reaction on the post now. `db` lets a listener read it inside its
   * own transaction, after taking its lock (so the answer is as fresh as that lock is held).
   */
  async hasReacted(userId: string, postId: string, db: EntityManager = this.db.manager): Promise<boolean> {
    const found = await rows(db, 'SELECT 1 FROM post_reactions WHERE post_id = $1 AND user_id = $2 LIMIT 1', [postId, userId]);
    return found.length > 0;
  }

  /**
   * Everything that needs no lock first (the caller's own reactions, the delta event), then the
   * counter update and the event carrying the counts, just before commit. A repeat answers the
   * counts committed when it asks (after the insert or delete that found nothing to do).
   */
  private async settle(tx: Tx, user: AuthUser, post: PostRow, kind: ReactionKind, delta: number): Promise<ReactionsView> {
    const postId = post.id;
    const mine = await this.views.myReactions(tx.manager, user.id, [postId]);
    const myReactions = inKindOrder(mine.get(postId) ?? []);
    if (!delta) {
      const [counts] = await rows<CountRow>(tx.manager, `SELECT ${COUNTS} FROM posts WHERE id = $1`, [postId]);
      return { reactions: countsOf(counts), myReactions };
    }
    await tx.emit({
      type: 'post.reaction_changed',
      payload: { postId, authorId: post.author_id, groupId: post.group_id, kind, delta: delta > 0 ? 1 : -1 },
      audience: [],
      subject: { type: 'post', id: postId },
      actorId: user.id,
    });
    const visible = await this.visibility.filterFor(user);
    const params = new SqlParams();
    const column = COUNT_COLUMN[kind];
    const [counts] = await rows<CountRow>(tx.manager, {
      text: `UPDATE posts p SET ${column} = ${column} + ${params.add(delta)}
              WHERE p.id = ${params.add(postId)} AND ${visible('p', params)} RETURNING ${COUNTS}`,
      values: params.values,
    });
    if (!counts) throw notFound('Post');
    const reactions = countsOf(counts);
    await tx.emit({
      type: 'reaction.updated',
      payload: { postId, reactions },
      audience: whileVisible(counts, [postRoom(postId)]),
      subject: { type: 'post', id: postId },
      actorId: user.id,
    });
    return { reactions, myReactions };
  }
}
