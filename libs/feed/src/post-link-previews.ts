import { Injectable, OnModuleInit } from '@nestjs/common';
import { cardAudience, LinkPreviews } from '@ruche/previews';
import { Database, rows, Transactions } from '@ruche/platform';
import { postAudience, postRoom, postSubject, userRoom, whileVisible } from './feed-events.js';

/**
 * Sends a post's (and a comment's) link preview cards live once libs/previews has fetched them (after commit, in the
 * job engine), as `post.link_previews`, to the audience a `post.updated` of the post would have:
 * its room, author, mentioned people and followers or group while it is visible; its author alone
 * while it is held; nobody when it is hidden, removed or deleted. The event names the post as its
 * subject, so replay re-checks the post's visibility: a card never travels without its post.
 */
@Injectable()
export class PostLinkPreviews implements OnModuleInit {
  constructor(
    private readonly previews: LinkPreviews,
    private readonly transactions: Transactions,
    private readonly db: Database,
  ) {}

  onModuleInit(): void {
    this.previews.onChanged('post', (ids) => this.send(ids));
    // A comment's cards go where `comment.updated` would: while it and its post are visible, the
    // post's room and author (the post as subject, so replay re-checks a private group's membership);
    // while it is held, its author alone; deleted, hidden or removed, nobody.
    this.previews.sendLiveRows<{
      id: string;
      post_id: string;
      comment_author_id: string;
      comment_state: string;
      author_id: string;
      moderation_state: 'visible' | 'hidden' | 'removed' | 'held';
    }>(
      'comment',
      `SELECT c.id, c.post_id, c.author_id AS comment_author_id, c.moderation_state AS comment_state, p.author_id, p.moderation_state
         FROM post_comments c JOIN posts p ON p.id = c.post_id
        WHERE c.id = ANY($1::uuid[]) AND c.deleted_at IS NULL AND p.deleted_at IS NULL`,
      (c) => ({
        id: c.id,
        parentId: c.post_id,
        audience: cardAudience(c.comment_state, c.comment_author_id, () =>
          whileVisible(c, [postRoom(c.post_id), userRoom(c.author_id)]),
        ),
        subject: postSubject(c.post_id),
        actorId: c.comment_author_id,
      }),
    );
  }

  async send(postIds: string[]): Promise<void> {
    const posts = await rows<{
      id: string;
      author_id: string;
      group_id: string | null;
      moderation_state: 'visible' | 'hidden' | 'removed' | 'held';
      mentioned: string[];
    }>(
      this.db.manager,
      `SELECT p.id, p.author_id, p.group_id, p.moderation_state,
              coalesce((SELECT array_agg(m.user_id) FROM post_mentions m WHERE m.post_id = p.id), '{}') AS mentioned
         FROM posts p WHERE p.id = ANY($1::uuid[]) AND p.deleted_at IS NULL`,
      [postIds],
    );
    if (posts.length === 0) return;
    const cards = await this.previews.previewsFor(
      'post',
      posts.map((p) => p.id),
    );
    await this.transactions.run(async (tx) => {
      for (const post of posts) {
        const audience = whileVisible(post, [postRoom(post.id), ...postAudience(post.author_id, post.mentioned, post.group_id)]);
        if (audience.length === 0) continue;
        await tx.emit({
          type: 'post.link_previews',
          payload: { postId: post.id, linkPreviews: cards.get(post.id) ?? [] },
          audience: post.moderation_state === 'held' ? [userRoom(post.author_id)] : audience,
          subject: postSubject(post.id),
          actorId: post.author_id,
        });
      }
    });
  }
}
