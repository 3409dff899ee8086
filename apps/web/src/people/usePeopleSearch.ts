import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { peopleApi } from '../api/endpoints';
import type { UserSummary } from '../api/types';
import { useDebounced } from '../ui/useDebounced';
import { rememberPeople } from './known';

export const peopleSearchKey = (q: string, limit: number) => ['people-search', q.toLowerCase(), limit] as const;

/**
 * People whose handle starts with, or whose name contains, `text` (GET /api/users), asked once
 * typing pauses. Results stay cached a minute, so going back and forth costs nothing.
 */
export function usePeopleSearch(text: string, { limit = 8, delay = 250 }: { limit?: number; delay?: number } = {}) {
  const q = useDebounced(text.trim(), delay);
  const result = useQuery({
    queryKey: peopleSearchKey(q, limit),
    queryFn: async ({ signal }) => {
      const { items } = await peopleApi.search(q, limit, signal);
      rememberPeople(items);
      return items;
    },
    enabled: q.length > 0,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
  const people: UserSummary[] = q.length > 0 ? (result.data ?? []) : [];
  /** True while the typed text has not been searched yet (debounce or request in flight). */
  const settling = text.trim() !== q || result.isFetching;
  return { q, people, settling, isError: result.isError, error: result.error, refetch: result.refetch };
}
