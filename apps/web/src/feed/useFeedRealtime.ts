import { useQueryClient } from '@tanstack/react-query';
import type {
  CommentCreatedEvent,
  CommentDeletedEvent,
  CommentUpdatedEvent,
  FeedScope,
  Post,
  PostCreatedEvent,
  PostDeletedEvent,
  PostHiddenEvent,
  ItemLinkPreviewsEvent,
  PostLinkPreviewsEvent,
  PollVotedEvent,
  PostUpdatedEvent,
  ReactionUpdatedEvent,
} from '../api/types';
import { useMe } from '../auth/useSession';
import { rememberPeople } from '../people/known';
import { useRealtimeEvent } from '../realtime/RealtimeProvider';
import { addComment, isLoaded, keys, listHas, patchPost, prependPosts, removePost, tickReactions } from './cache';
import { addPending, groupScope, isPending, patchPending } from './pending';
import { tickPoll, withCounts } from './poll-state';

const SCOPES: FeedScope[] = ['home', 'company'];

/**
 * Applies live feed events to every loaded list. Mounted once for the signed-in person.
 * New posts wait behind the "new posts" pill of each loaded feed; edits, deletions,
 * comments and reactions update the posts in place.
 */
export function useFeedRealtime(): void {
  const qc = useQueryClient();
  const moderator = useMe().roles.includes('moderator');

  useRealtimeEvent<PostCreatedEvent>('post.created', ({ post }) => {
    if (!post?.id) return;
    rememberPeople([post.author]);
    // The payload was shaped for its author: nobody has reacted yet, and not as us.
    const fresh: Post = { ...post, myReactions: [], reactions: post.reactions ?? {}, commentCount: post.commentCount ?? 0 };
    for (const scope of SCOPES) {
      if (scope === 'company' && fresh.groupId) continue; // group posts: public or not, we cannot tell here
      const key = keys.feed(scope);
      if (!isLoaded(qc, key) || listHas(qc, key, fresh.id) || isPending(scope, fresh.id)) continue;
      addPending(scope, fresh);
    }
    if (fresh.groupId) {
      const groupKey = keys.groupFeed(fresh.groupId);
      const scope = groupScope(fresh.groupId);
      if (isLoaded(qc, groupKey) && !listHas(qc, groupKey, fresh.id) && !isPending(scope, fresh.id)) addPending(scope, fresh);
    }
    const authorKey = keys.userPosts(fresh.author.id);
    if (isLoaded(qc, authorKey)) prependPosts(qc, authorKey, [fresh]);
  });

  useRealtimeEvent<PostUpdatedEvent>('post.updated', (payload) => {
    const post = payload.post ?? (payload as unknown as Post);
    if (!post?.id) return;
    // Keep our own reaction state and choices in the poll: the payload's are not ours.
    const merge = (old: Post): Post => ({
      ...old,
      ...post,
      myReactions: old.myReactions,
      author: post.author ?? old.author,
      poll: post.poll && old.poll ? { ...post.poll, myVotes: old.poll.myVotes } : (post.poll ?? old.poll),
    });
    patchPost(qc, post.id, merge);
    patchPending(post.id, merge);
  });

  // #14: a post's link cards, fetched by the server after it was written: they appear without a reload.
  useRealtimeEvent<PostLinkPreviewsEvent>('post.link_previews', ({ postId, linkPreviews }) => {
    if (!postId || !Array.isArray(linkPreviews)) return;
    patchPost(qc, postId, (post) => ({ ...post, linkPreviews }));
    patchPending(postId, (post) => ({ ...post, linkPreviews }));
  });

  // Deleted, or taken out of sight by moderation: gone for this reader either way.
  const drop = ({ postId }: PostDeletedEvent | PostHiddenEvent) => {
    if (!postId) return;
    removePost(qc, postId);
    patchPending(postId, () => null);
  };
  useRealtimeEvent<PostDeletedEvent>('post.deleted', drop);
  // Moderators still see moderated posts, marked; everyone else loses them.
  useRealtimeEvent<PostHiddenEvent>('post.hidden', (event) => {
    if (moderator && event.state) {
      const mark = (post: Post): Post => ({ ...post, moderation: { state: event.state! } });
      patchPost(qc, event.postId, mark);
      patchPending(event.postId, mark);
    } else drop(event);
  });

  useRealtimeEvent<ReactionUpdatedEvent>('reaction.updated', ({ postId, reactions }) => {
    if (!postId || !reactions) return;
    tickReactions(postId);
    patchPost(qc, postId, (post) => ({ ...post, reactions }));
    patchPending(postId, (post) => ({ ...post, reactions }));
  });

  // #14: a poll's counts after someone's vote, or final at its closing time; my own choices stay as I know them.
  const applyPoll = ({ postId, poll }: PollVotedEvent) => {
    if (!postId || !poll) return;
    tickPoll(postId);
    patchPost(qc, postId, (post) => withCounts(post, poll));
    patchPending(postId, (post) => withCounts(post, poll));
  };
  useRealtimeEvent<PollVotedEvent>('poll.voted', applyPoll);
  useRealtimeEvent<PollVotedEvent>('poll.closed', applyPoll);

  useRealtimeEvent<CommentCreatedEvent>('comment.created', ({ comment }) => {
    if (!comment?.id) return;
    rememberPeople([comment.author]);
    addComment(qc, comment);
  });

  // #14: an edited comment's new text, a deleted one gone; the thread is read again from the server.
  useRealtimeEvent<CommentUpdatedEvent>('comment.updated', ({ comment }) => {
    if (comment?.postId) void qc.invalidateQueries({ queryKey: keys.comments(comment.postId) });
  });
  // #14: a comment's link cards, fetched after it was written: its thread is read again.
  useRealtimeEvent<ItemLinkPreviewsEvent>('item.link_previews', ({ itemType, parentId }) => {
    if (itemType === 'comment' && parentId) void qc.invalidateQueries({ queryKey: keys.comments(parentId) });
  });
  useRealtimeEvent<CommentDeletedEvent>('comment.deleted', ({ postId, commentCount }) => {
    if (!postId) return;
    void qc.invalidateQueries({ queryKey: keys.comments(postId) });
    if (typeof commentCount === 'number') patchPost(qc, postId, (post) => ({ ...post, commentCount }));
  });
}
