import { peopleApi } from '../api/endpoints';
import { usePages } from '../ui/usePages';
import { rememberPeople } from './known';
import type { Place } from './usePeopleSearch';

export const directoryKey = (place: Place) => ['people-directory', place.department ?? '', place.location ?? ''] as const;

/** Everyone active, alphabetically, a page at a time (GET /api/users without q): the list and its people so far. */
export function useDirectory(place: Place, enabled: boolean) {
  return usePages(
    directoryKey(place),
    async (cursor, signal) => {
      const page = await peopleApi.directory(place, cursor, signal);
      rememberPeople(page.items);
      return page;
    },
    { staleTime: 60_000, enabled, keepPrevious: true },
  );
}
