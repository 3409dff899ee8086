import { type QueryKey, useInfiniteQuery } from '@tanstack/react-query';
import type { Page, UserSummary } from '../api/types';
import { rememberPeople } from './known';

/**
 * A paged list whose items each name a person (a thread's comments, a group's members): each
 * page's people are remembered as it comes, so @mentions can suggest them. `onPage` sees each
 * page's items too; `staleTime` overrides the app's default.
 */
export function usePeoplePages<T>(
  queryKey: QueryKey,
  fetchPage: (cursor: string | null) => Promise<Page<T>>,
  personOf: (item: T) => UserSummary,
  { onPage, ...options }: { onPage?: (items: T[]) => void; staleTime?: number } = {},
) {
  return useInfiniteQuery({
    queryKey,
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => {
      const page = await fetchPage(pageParam);
      rememberPeople(page.items.map(personOf));
      onPage?.(page.items);
      return page;
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    ...options,
  });
}
