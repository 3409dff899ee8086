import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { Page, UserSummary } from '../api/types';
import { ErrorBlock, Loading } from '../ui/bits';
import { ListMore } from '../ui/ListMore';

/**
 * A group tab of people (members, join requests): loading, a failed first page, then the tab's
 * section with its rows (`children`) or `empty`, and "more" under them.
 */
export function PeopleTab<T extends { user: UserSummary }>({
  list,
  label,
  empty,
  more,
  children,
}: {
  list: UseInfiniteQueryResult<InfiniteData<Page<T>>>;
  label: string;
  empty: string;
  more: string;
  children(item: T): ReactNode;
}) {
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  if (list.isPending) return <Loading />;
  if (list.isError && !list.isFetchNextPageError) return <ErrorBlock error={list.error} onRetry={() => void list.refetch()} />;
  return (
    <section aria-label={label}>
      {items.length === 0 ? <p className="card empty">{empty}</p> : <ul className="card person-list">{items.map(children)}</ul>}
      <ListMore list={list} label={more} />
    </section>
  );
}
