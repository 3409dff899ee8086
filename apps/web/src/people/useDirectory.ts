import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { peopleApi } from '../api/endpoints';
import { rememberPeople } from './known';
import type { Place } from './usePeopleSearch';

export const directoryKey = (place: Place) => ['people-directory', place.department ?? '', place.location ?? ''] as const;

/** Everyone active, alphabetically, a page at a time (GET /api/users without q). */
export function useDirectory(place: Place, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: directoryKey(place),
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam, signal }) => {
      const page = await peopleApi.directory(place, pageParam, signal);
      rememberPeople(page.items);
      return page;
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}
