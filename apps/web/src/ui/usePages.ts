import { keepPreviousData, useInfiniteQuery, type QueryKey } from '@tanstack/react-query';
import type { Page } from '../api/types';

/**
 * A list the api gives a page at a time (a `Page`: items, the cursor to the next, and whatever else
 * the page carries): `list` is the infinite query that ListStates and ListMore read, `items` every
 * page's items so far, in order. `keepPrevious` shows the last answer while a changed query loads.
 */
export function usePages<P extends Page<unknown>>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | null, signal: AbortSignal) => Promise<P>,
  { keepPrevious, ...options }: { enabled?: boolean; staleTime?: number; keepPrevious?: boolean } = {},
) {
  const list = useInfiniteQuery({
    queryKey,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => fetchPage(pageParam, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    ...(keepPrevious ? { placeholderData: keepPreviousData } : {}),
    ...options,
  });
  const items: P['items'] = list.data?.pages.flatMap((page) => page.items) ?? [];
  return { list, items };
}
