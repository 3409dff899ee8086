import { type InfiniteData, useMutation, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorBlock, Loading } from '../ui/bits';
import { errorLines } from '../ui/errors';
import { ListMore } from '../ui/ListMore';
import threadStyles from './CommentThread.module.css';

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
        <p className={`muted ${threadStyles.empty}`}>{t('comments.empty')}</p>
      ) : (
        <ul className={threadStyles.list}>{comments.map((comment) => render(comment))}</ul>
      )}
      <ListMore list={thread} label={t('comments.more')} inline />
    </>
  );
}

/**
 * The box under a thread (posts, ideas): what is typed, the api's messages when sending fails
 * (the text is kept), and `submit` for the form and the keyboard shortcut.
 */
export function useCommentComposer<C>(send: (text: string) => Promise<C>, onSent: (comment: C) => void) {
  const i18n = useI18n();
  const [body, setBody] = useState('');
  const [errors, setErrors] = useState<string[] | undefined>();
  const mutation = useMutation({
    mutationFn: send,
    onSuccess: (comment) => {
      setBody('');
      setErrors(undefined);
      onSent(comment);
    },
    onError: (error) => setErrors(errorLines(error, i18n)),
  });
  return {
    body,
    setBody,
    errors,
    pending: mutation.isPending,
    submit(event?: FormEvent) {
      event?.preventDefault();
      if (!body.trim() || mutation.isPending) return;
      mutation.mutate(body);
    },
  };
}
