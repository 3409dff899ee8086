import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Comment, FeedScope, Page, Post } from '../api/types';
import { mapItem, mapPageItems, withoutItem } from '../ui/pageItems';

/** Query keys. Every list of posts lives under ['posts', ...] so one update reaches them all. */
export const keys = {
  postLists: ['posts'] as const,
  feed: (scope: FeedScope) => ['posts', 'feed', scope] as const,
  userPosts: (userId: string) => ['posts', 'user', userId] as const,
  groupFeed: (groupId: string) => ['posts', 'group', groupId] as const,
  comments: (postId: string) => ['comments', postId] as const,
  profile: (userId: string) => ['profile', userId] as const,
};

export type PostPages = InfiniteData<Page<Post>, string | null>;
export type CommentPages = InfiniteData<Page<Comment>, string | null>;

/** Maps every post of every loaded list, keeping unchanged lists (and pages) as they were. */
function mapLists(qc: QueryClient, fn: (items: Post[]) => Post[]): void {
  qc.setQueriesData<PostPages>({ queryKey: keys.postLists }, (data) => mapPageItems(data, fn));
}

export function patchPost(qc: QueryClient, postId: string, patch: (post: Post) => Post): void {
  mapLists(qc, (items) => mapItem(items, postId, patch));
}

export function removePost(qc: QueryClient, postId: string): void {
  mapLists(qc, (items) => withoutItem(items, postId));
  qc.removeQueries({ queryKey: keys.comments(postId) });
}

export function listHas(qc: QueryClient, key: readonly unknown[], postId: string): boolean {
  const data = qc.getQueryData<PostPages>(key);
  return !!data?.pages.some((page) => page.items.some((p) => p.id === postId));
}

export function isLoaded(qc: QueryClient, key: readonly unknown[]): boolean {
  return !!qc.getQueryData<PostPages>(key)?.pages;
}

/** Puts `posts` (newest first) at the top of a loaded list, skipping any already there. */
export function prependPosts(qc: QueryClient, key: readonly unknown[], posts: Post[]): void {
  qc.setQueryData<PostPages>(key, (data) => {
    if (!data?.pages?.length) return data;
    const fresh = posts.filter((p) => !data.pages.some((page) => page.items.some((q) => q.id === p.id)));
    if (!fresh.length) return data;
    const [first, ...rest] = data.pages;
    return { ...data, pages: [{ ...first!, items: [...fresh, ...first!.items] }, ...rest] };
  });
}

export function findPost(qc: QueryClient, postId: string): Post | undefined {
  for (const [, data] of qc.getQueriesData<PostPages>({ queryKey: keys.postLists })) {
    for (const page of data?.pages ?? []) {
      const post = page.items.find((p) => p.id === postId);
      if (post) return post;
    }
  }
  return undefined;
}

/**
 * Adds a comment once, whether it comes from our own POST or from `comment.created`: appended
 * to the loaded thread when its last page is loaded, and counted on the post exactly once.
 */
const counted = new Set<string>();

export function addComment(qc: QueryClient, comment: Comment): void {
  const thread = qc.getQueryData<CommentPages>(keys.comments(comment.postId));
  const inThread = !!thread?.pages.some((page) => page.items.some((c) => c.id === comment.id));
  if (thread && !inThread) {
    const last = thread.pages[thread.pages.length - 1];
    if (last && !last.nextCursor) {
      qc.setQueryData<CommentPages>(keys.comments(comment.postId), {
        ...thread,
        pages: [...thread.pages.slice(0, -1), { ...last, items: [...last.items, comment] }],
      });
    }
  }
  if (!inThread && !counted.has(comment.id)) {
    counted.add(comment.id);
    patchPost(qc, comment.postId, (post) => ({ ...post, commentCount: post.commentCount + 1 }));
  }
}

/** Comments already in a fetched thread are part of the post's count from the server. */
export function markCounted(comments: Comment[]): void {
  for (const comment of comments) counted.add(comment.id);
}

/**
 * reaction.updated events received per post, so a slower PUT/DELETE answer does not overwrite
 * newer counts that arrived live while it was in flight.
 */
const reactionClock = new Map<string, number>();

export function tickReactions(postId: string): void {
  reactionClock.set(postId, (reactionClock.get(postId) ?? 0) + 1);
}

export function reactionTick(postId: string): number {
  return reactionClock.get(postId) ?? 0;
}
