import { type InfiniteData, useMutation, type UseInfiniteQueryResult } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import type { UserSummary } from '../api/types';
import { useMe } from '../auth/useSession';
import { useI18n } from '../i18n/I18nProvider';
import { Avatar, ErrorBlock, Loading, PersonLink, RelativeTime } from '../ui/bits';
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
 * One comment of a thread: the author's avatar, then a bubble whose first line says who and when
 * (and `meta`: marks and actions), with the comment's content (`children`) under it.
 */
export function CommentBubble({
  comment,
  meta,
  children,
}: {
  comment: { author: UserSummary; createdAt: string };
  meta?: ReactNode;
  children: ReactNode;
}) {
  return (
    <li className={threadStyles.comment}>
      <Avatar user={comment.author} size="sm" />
      <div className={threadStyles.bubble}>
        <p className={threadStyles.meta}>
          <PersonLink user={comment.author} /> <span aria-hidden="true">·</span> <RelativeTime iso={comment.createdAt} />
          {meta}
        </p>
        {children}
      </div>
    </li>
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

/** The form under a thread: my avatar, the text box (`children`), and the send button while nothing is sending. */
export function CommentBox({
  composer,
  children,
}: {
  composer: Pick<ReturnType<typeof useCommentComposer>, 'body' | 'pending' | 'submit'>;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const me = useMe();
  return (
    <form className={threadStyles.form} onSubmit={composer.submit}>
      <Avatar user={me} size="sm" />
      {children}
      <button type="submit" className="btn btn--secondary btn--small" disabled={!composer.body.trim() || composer.pending}>
        {composer.pending ? t('comments.busy') : t('comments.submit')}
      </button>
    </form>
  );
}
