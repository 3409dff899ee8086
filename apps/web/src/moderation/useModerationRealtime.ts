import { useQueryClient } from '@tanstack/react-query';
import type { CommentHiddenEvent, CommentRestoredEvent, Post, PostRestoredEvent } from '../api/types';
import { useMe } from '../auth/useSession';
import { addComment, findPost, keys, patchPost, type CommentPages } from '../feed/cache';
import { patchPending } from '../feed/pending';
import { useRealtimeEvent } from '../realtime/RealtimeProvider';
import { mapItem, mapPageItems, withoutItem } from '../ui/pageItems';

/**
 * Moderation decisions, live: a restored post loses its marker (or, for a reader who had lost it,
 * comes back on the next load); a hidden comment leaves the thread (moderators keep it, marked);
 * a restored one comes back. Counts follow the server's.
 */
export function useModerationRealtime(): void {
  const qc = useQueryClient();
  const moderator = useMe().roles.includes('moderator');

  useRealtimeEvent<PostRestoredEvent>('post.restored', ({ post }) => {
    if (!post?.id) return;
    const restore = (old: Post): Post => ({ ...old, ...post, myReactions: old.myReactions, moderation: undefined });
    if (findPost(qc, post.id)) patchPost(qc, post.id, restore);
    patchPending(post.id, restore);
  });

  useRealtimeEvent<CommentHiddenEvent>('comment.hidden', ({ postId, commentId, state, commentCount }) => {
    if (!postId || !commentId) return;
    qc.setQueryData<CommentPages>(keys.comments(postId), (thread) =>
      mapPageItems(thread, (items) =>
        moderator ? mapItem(items, commentId, (c) => ({ ...c, moderation: { state } })) : withoutItem(items, commentId),
      ),
    );
    if (typeof commentCount === 'number') patchPost(qc, postId, (p) => ({ ...p, commentCount }));
  });

  useRealtimeEvent<CommentRestoredEvent>('comment.restored', ({ comment, commentCount }) => {
    if (!comment?.id) return;
    const restored = { ...comment, moderation: undefined };
    qc.setQueryData<CommentPages>(keys.comments(comment.postId), (thread) =>
      mapPageItems(thread, (items) => mapItem(items, comment.id, () => restored)),
    );
    addComment(qc, restored);
    if (typeof commentCount === 'number') patchPost(qc, comment.postId, (p) => ({ ...p, commentCount }));
  });
}
