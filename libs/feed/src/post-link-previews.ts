import { Injectable, OnModuleInit } from '@nestjs/common';
import { LinkPreviews } from '@ruche/previews';
import { Database, rows, Transactions } from '@ruche/platform';
import { postAudience, postRoom, postSubject, userRoom, whileVisible } from './feed-events.js';

/**
 * Sends a post's link preview cards live once libs/previews has fetched them (after commit, in the
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
