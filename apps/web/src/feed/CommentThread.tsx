import type { InfiniteData, UseInfiniteQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorBlock, Loading } from '../ui/bits';
import { ListMore } from '../ui/ListMore';

interface Page<T> {
  items: T[];
}

/** A paged comment list (posts, ideas): loading, error, empty, the items, and "more". */
export function CommentThread<T extends { id: string }>({
  thread,
  render,
}: {
  thread: UseInfiniteQueryResult<InfiniteData<Page<T>>>;
  render: (item: T) => ReactNode;
}) {
  const { t } = useI18n();
  const comments = thread.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <>
      {thread.isPending ? (
        <Loading />
      ) : thread.isError && !thread.isFetchNextPageError ? (
        <ErrorBlock error={thread.error} onRetry={() => void thread.refetch()} />
      ) : comments.length === 0 ? (
        <p className="muted comments__empty">{t('comments.empty')}</p>
      ) : (
        <ul className="comments__list">{comments.map((comment) => render(comment))}</ul>
      )}
      <ListMore list={thread} label={t('comments.more')} inline />
    </>
  );
}
