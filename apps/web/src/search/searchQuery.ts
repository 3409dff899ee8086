import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { searchApi } from '../api/endpoints';
import type { SearchType } from '../api/types';

/** The api refuses longer queries (400); the boxes stop there. */
export const MAX_QUERY_LENGTH = 500;

export const SEARCH_TYPES: SearchType[] = ['post', 'person', 'group', 'idea', 'question'];

/** "Who knows…?" for these words: the experts page, its query in the address. */
export function expertsPath(q: string): string {
  return `/experts?${new URLSearchParams({ q }).toString()}`;
}

export function searchPath(q: string, type?: SearchType | null): string {
  const params = new URLSearchParams({ q });
  if (type) params.set('type', type);
  return `/search?${params.toString()}`;
}

/** Where a result opens. */
export function resultPath(type: SearchType, id: string): string {
  const base: Record<SearchType, string> = {
    post: '/posts',
    person: '/people',
    group: '/groups',
    idea: '/ideas',
    question: '/questions',
  };
  return `${base[type]}/${encodeURIComponent(id)}`;
}

/** Ranked results for `q` (all types, or one), a page at a time. */
export function useSearch(q: string, type: SearchType | null) {
  return useInfiniteQuery({
    queryKey: ['search', q, type ?? 'all'],
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => searchApi.search({ q, type: type ?? undefined, cursor: pageParam }, signal),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: q.length > 0,
    staleTime: 30_000,
    placeholderData: keepPreviousData,
  });
}
