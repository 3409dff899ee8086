import type { CommentView, PostView } from './dto.js';
import type { ReactionCounts } from './reaction-kinds.js';

/**
 * The feed's domain events. Each is about a post (`subject: { type: 'post', id }`), so replay
 * re-checks FeedVisibility before resending it.
 */
declare module '@ruche/platform' {
  interface DomainEventMap {
    /** Audience: the author, their followers, the people mentioned. `post.myReactions` is []. */
    'post.created': { post: PostView };
    /** Audience: `post:<id>` plus the author, their followers, the people mentioned before or after. */
    'post.updated': { post: PostView };
    /** Audience: as post.updated. */
    'post.deleted': { postId: string };
    /** For notifications (no socket audience): people newly mentioned, never the author. */
    'post.mentioned': { postId: string; userIds: string[] };
    /** For notifications (no socket audience): a group owner or admin wrote @group in a group post. */
    'post.group_mentioned': { postId: string; groupId: string };
    /** Audience: `post:<id>` and the post's author. `commentCount` is the post's count after it. */
    'comment.created': { comment: CommentView; commentCount: number };
    /** Audience: `post:<id>`. */
    'reaction.updated': { postId: string; reactions: ReactionCounts };
  }
}

export const postRoom = (postId: string) => `post:${postId}`;
export const userRoom = (userId: string) => `user:${userId}`;

export const groupRoom = (groupId: string) => `group:${groupId}`;

/**
 * Who hears about a post's life: its author and the people it mentions; for a company-wide post
 * the author's followers, for a group post the group's room (its members) instead.
 */
export function postAudience(
  authorId: string,
  followerIds: readonly string[],
  mentionedIds: readonly string[],
  groupId: string | null = null,
): string[] {
  const users = [...new Set([authorId, ...followerIds, ...mentionedIds])].map(userRoom);
  return groupId ? [groupRoom(groupId), ...users] : users;
}
