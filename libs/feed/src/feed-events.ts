import { followersRoom } from '@ruche/people';
import type { CommentView, PostView } from './dto.js';
import type { ReactionCounts, ReactionKind } from './reaction-kinds.js';

/**
 * The feed's domain events. Each is about a post (`subject: { type: 'post', id }`), so replay
 * re-checks FeedVisibility before resending it (except `post.hidden`, which carries only an id).
 * Content held for review (blocked terms) publishes nothing to others: `post.created` goes to its
 * author alone, and to everyone else when a reviewer releases it.
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
    /**
     * For notifications and analytics (no socket audience): someone added (`delta` 1) or withdrew
     * (`delta` -1) a reaction; only when a row really changed. Carries the post's author and group.
     */
    'post.reaction_changed': { postId: string; authorId: string; groupId: string | null; kind: ReactionKind; delta: 1 | -1 };
    /**
     * Audience: as post.updated (and the group room). Moderation took the post out of sight
     * (`state`: hidden, removed, or held for review after an edit): clients drop it, as for
     * post.deleted. No subject, so a reconnecting client gets it on replay too; it carries only the id.
     */
    'post.hidden': { postId: string; state: 'hidden' | 'removed' | 'held' };
    /** Audience: as post.updated. A hidden or removed post is visible again after review. */
    'post.restored': { post: PostView };
    /** Audience: `post:<id>`, the post's author and the comment's author. `commentCount` counts visible comments. */
    'comment.hidden': { postId: string; commentId: string; state: 'hidden' | 'removed' | 'held'; commentCount: number };
    /** Audience: `post:<id>` and the post's author. A hidden or removed comment is visible again after review. */
    'comment.restored': { comment: CommentView; commentCount: number };
  }
}

export const postRoom = (postId: string) => `post:${postId}`;
export const userRoom = (userId: string) => `user:${userId}`;

export const groupRoom = (groupId: string) => `group:${groupId}`;

/**
 * Rooms that may hear about activity on a post (comments, reactions) given its moderation state:
 * all of `audience` while it is visible; while it is held, its author alone; while it is hidden or
 * removed, nobody (sockets subscribed before it was hidden are still in `post:<id>`).
 */
export function whileVisible(
  post: { author_id: string; moderation_state: 'visible' | 'hidden' | 'removed' | 'held' },
  audience: string[],
): string[] {
  if (post.moderation_state === 'visible') return audience;
  return post.moderation_state === 'held' && audience.includes(userRoom(post.author_id)) ? [userRoom(post.author_id)] : [];
}

/**
 * Who hears about a post's life: its author and the people it mentions; for a company-wide post
 * the author's followers (one room, whatever their number), for a group post the group's room
 * (its members) instead: a private group's post never goes to followers who are not members.
 */
export function postAudience(authorId: string, mentionedIds: readonly string[], groupId: string | null = null): string[] {
  const users = [...new Set([authorId, ...mentionedIds])].map(userRoom);
  return [groupId ? groupRoom(groupId) : followersRoom(authorId), ...users];
}
