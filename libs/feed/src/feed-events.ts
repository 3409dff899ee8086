import { followersRoom } from '@ruche/people';
import { type MentionedText, userRoom } from '@ruche/platform';

export const postRoom = (postId: string) => `post:${postId}`;
export { userRoom };

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

export const postSubject = (id: string) => ({ type: 'post', id });

/** A post's `post.mentioned` (when it is published, edited or released from a hold): the post as subject, by its author. */
export const postMentions = (postId: string, authorId: string): MentionedText<'post.mentioned'> => ({
  type: 'post.mentioned',
  payload: { postId },
  subject: postSubject(postId),
  authorId,
});
