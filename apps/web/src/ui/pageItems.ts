import type { InfiniteData, QueryClient, QueryKey } from '@tanstack/react-query';
import type { Page } from '../api/types';

/** A paged list as the query cache holds it (what `usePages` loads). */
export type LoadedPages<T> = InfiniteData<Page<T>, string | null>;

/**
 * `data` with `change` applied to each page's items, for a live event or a mutation to patch a
 * loaded list. A page whose items `change` gives back as they were (the same array) is kept, and so
 * is `data` when no page changed, so that nothing re-renders for an item that is not loaded.
 */
export function mapPageItems<T>(data: LoadedPages<T> | undefined, change: (items: T[]) => T[]): LoadedPages<T> | undefined {
  if (!data?.pages) return data;
  let changed = false;
  const pages = data.pages.map((page) => {
    const items = change(page.items);
    if (items === page.items) return page;
    changed = true;
    return { ...page, items };
  });
  return changed ? { ...data, pages } : data;
}

/** `items` with the one whose id is `id` replaced by `change(it)`; the same array when it is not there. */
export function mapItem<T extends { id: string }>(items: T[], id: string, change: (item: T) => T): T[] {
  const index = items.findIndex((item) => item.id === id);
  if (index < 0) return items;
  const next = items.slice();
  next[index] = change(items[index]!);
  return next;
}

/** `items` without the one whose id is `id`; the same array when it is not there. */
export function withoutItem<T extends { id: string }>(items: T[], id: string): T[] {
  return items.some((item) => item.id === id) ? items.filter((item) => item.id !== id) : items;
}

/** Applies `patch` to the item `id` in every list loaded under the key `lists`. */
export function patchListed<T extends { id: string }>(
  qc: QueryClient,
  lists: QueryKey,
  id: string,
  patch: (item: T) => Partial<T>,
): void {
  qc.setQueriesData<LoadedPages<T>>({ queryKey: lists }, (data) =>
    mapPageItems(data, (items) => mapItem(items, id, (item) => ({ ...item, ...patch(item) }))),
  );
}

/** Applies `patch` to the item `id` wherever it is loaded: every list under the key `lists`, and its own page at `page`. */
export function patchLoaded<T extends { id: string }>(
  qc: QueryClient,
  lists: QueryKey,
  page: QueryKey,
  id: string,
  patch: (item: T) => Partial<T>,
): void {
  patchListed(qc, lists, id, patch);
  qc.setQueryData<T>(page, (item) => (item ? { ...item, ...patch(item) } : item));
}

/** Takes the item `id` out of every list loaded under the key `lists`. */
export function removeListed(qc: QueryClient, lists: QueryKey, id: string): void {
  qc.setQueriesData<LoadedPages<{ id: string }>>({ queryKey: lists }, (data) =>
    mapPageItems(data, (items) => withoutItem(items, id)),
  );
}
