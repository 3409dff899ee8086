import type { QueryKey } from '@tanstack/react-query';
import type { Page, UserSummary } from '../api/types';
import { usePages } from '../ui/usePages';
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
  return usePages(
    queryKey,
    async (cursor) => {
      const page = await fetchPage(cursor);
      rememberPeople(page.items.map(personOf));
      onPage?.(page.items);
      return page;
    },
    options,
  ).list;
}
