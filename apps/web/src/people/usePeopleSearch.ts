import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { peopleApi } from '../api/endpoints';
import type { UserSummary } from '../api/types';
import { useDebounced } from '../ui/useDebounced';
import { withoutAt } from './handles';
import { rememberPeople } from './known';

/** Only people of this department and/or location (case and accents ignored); empty: anywhere. */
export interface Place {
  department?: string;
  location?: string;
}

export const peopleSearchKey = (q: string, limit: number, place: Place = {}) =>
  ['people-search', q.toLowerCase(), limit, place.department ?? '', place.location ?? ''] as const;

/**
 * People whose handle starts with, or whose name contains, `text` (GET /api/users; a leading @ is
 * dropped, as people type a handle), asked once typing pauses, optionally in one place (`place` is used as given: the caller settles it).
 * Results stay cached a minute, so going back and forth costs nothing.
 */
export function usePeopleSearch(
  text: string,
  { limit = 8, delay = 250, place = {} }: { limit?: number; delay?: number; place?: Place } = {},
) {
  const typed = withoutAt(text).trim();
  const q = useDebounced(typed, delay);
  const result = useQuery({
    queryKey: peopleSearchKey(q, limit, place),
    queryFn: async ({ signal }) => {
      const { items } = await peopleApi.search(q, limit, signal, place);
      rememberPeople(items);
      return items;
    },
    enabled: q.length > 0,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  const people: UserSummary[] = q.length > 0 ? (result.data ?? []) : [];
  /** True while the typed text has not been searched yet (debounce or request in flight). */
  const settling = typed !== q || result.isFetching;
  return { q, people, settling, isError: result.isError, error: result.error, refetch: result.refetch };
}
