/** What ListStates, ListMore and PagedList read from a paged list's query. */
export interface FakeList {
  isPending: boolean;
  isError: boolean;
  isFetchNextPageError: boolean;
  hasNextPage: boolean;
  isFetchingNextPage: boolean;
  error: unknown;
  refetch(): Promise<unknown>;
  fetchNextPage(): Promise<unknown>;
}

/**
 * A paged list's query, loaded and with a next page unless `overrides` say otherwise; `asked`
 * gets one entry each time the list is read again or its next page is asked for.
 */
export function fakeList(overrides: Partial<FakeList> = {}): { list: FakeList; asked: string[] } {
  const asked: string[] = [];
  const list: FakeList = {
    isPending: false,
    isError: false,
    isFetchNextPageError: false,
    hasNextPage: true,
    isFetchingNextPage: false,
    error: null,
    refetch: () => {
      asked.push('refetch');
      return Promise.resolve();
    },
    fetchNextPage: () => {
      asked.push('next page');
      return Promise.resolve();
    },
    ...overrides,
  };
  return { list, asked };
}
