import type { ReactNode } from 'react';
import { ErrorBlock, Loading } from './bits';

/** What `ListStates` reads from a TanStack `useInfiniteQuery` (or plain `useQuery`) result. */
interface FirstPage {
  isPending: boolean;
  isError: boolean;
  /** Absent from a plain query, which has no next page. */
  isFetchNextPageError?: boolean;
  error: unknown;
  refetch(): Promise<unknown>;
}

/**
 * The body of a paged list in the order a reader meets it: loading, the first load failed (with a
 * retry), nothing to show (`empty`), or the items (`children`). A failed *next* page is not this
 * component's: the pages already shown stay, and `ListMore` below them says why and retries.
 */
export function ListStates({
  list,
  count,
  empty,
  children,
}: {
  list: FirstPage;
  count: number;
  empty: ReactNode;
  children: ReactNode;
}) {
  if (list.isPending) return <Loading />;
  if (list.isError && !list.isFetchNextPageError) return <ErrorBlock error={list.error} onRetry={() => void list.refetch()} />;
  return <>{count === 0 ? empty : children}</>;
}
