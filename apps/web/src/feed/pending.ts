import { useSyncExternalStore } from 'react';
import type { FeedScope, Post } from '../api/types';

/** A live list with a "new posts" pill: the home or company feed, or a group's (`group:<id>`). */
export type ListScope = FeedScope | `group:${string}`;

export const groupScope = (groupId: string): ListScope => `group:${groupId}`;

/**
 * Posts that arrived live and wait behind the "N new posts" pill, per feed, newest first.
 * Showing them is the reader's choice, so the page never jumps under them.
 */
const pending = new Map<ListScope, Post[]>();
const listeners = new Set<() => void>();
const EMPTY: Post[] = [];

function notify(): void {
  for (const listener of listeners) listener();
}

export function addPending(scope: ListScope, post: Post): void {
  const list = pending.get(scope) ?? EMPTY;
  if (list.some((p) => p.id === post.id)) return;
  pending.set(scope, [post, ...list]);
  notify();
}

export function isPending(scope: ListScope, postId: string): boolean {
  return (pending.get(scope) ?? EMPTY).some((p) => p.id === postId);
}

export function patchPending(postId: string, patch: (post: Post) => Post | null): void {
  let changed = false;
  for (const [scope, list] of pending) {
    if (!list.some((p) => p.id === postId)) continue;
    changed = true;
    pending.set(
      scope,
      list.flatMap((p) => {
        if (p.id !== postId) return [p];
        const next = patch(p);
        return next ? [next] : [];
      }),
    );
  }
  if (changed) notify();
}

export function takePending(scope: ListScope): Post[] {
  const list = pending.get(scope) ?? EMPTY;
  pending.delete(scope);
  notify();
  return list;
}

export function clearPending(): void {
  pending.clear();
  notify();
}

export function usePending(scope: ListScope): Post[] {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => pending.get(scope) ?? EMPTY,
  );
}
