import { useInfiniteQuery, useQueryClient } from '@tanstack/react-query';
import { type ReactNode, useEffect, useRef } from 'react';
import type { Page, Post } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { rememberPeople } from '../people/known';
import { ErrorBlock, Loading } from '../ui/bits';
import { Icon } from '../ui/icons';
import listMore from '../ui/ListMore.module.css';
import { prependPosts } from './cache';
import { takePending, usePending, type ListScope } from './pending';
import { PostCard } from './PostCard';
import styles from './PostList.module.css';

interface Props {
  queryKey: readonly unknown[];
  fetchPage(cursor: string | null): Promise<Page<Post>>;
  emptyText: string;
  /** Shown instead of `emptyText` when there is more to say than a sentence (the home feed's next steps). */
  empty?: ReactNode;
  /** A feed whose live arrivals wait behind the "new posts" pill. */
  scope?: ListScope;
  label: string;
  /** In a group's own feed the group name on each post says nothing new. */
  hideGroup?: boolean;
}

function NewPostsPill({
  scope,
  queryKey,
  onShown,
}: {
  scope: ListScope;
  queryKey: readonly unknown[];
  onShown(first?: string): void;
}) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const pending = usePending(scope);
  return (
    <div className={styles.newPosts} aria-live="polite">
      {pending.length > 0 && (
        <button
          type="button"
          className={styles.pill}
          onClick={() => {
            const posts = takePending(scope);
            prependPosts(qc, queryKey, posts);
            onShown(posts[0]?.id);
          }}
        >
          <Icon name="arrowUp" />
          {t('feed.newPosts', { count: pending.length })}
        </button>
      )}
    </div>
  );
}

/** Posts, newest first, loading the next page as the end comes into view. */
export function PostList({ queryKey, fetchPage, emptyText, empty, scope, label, hideGroup }: Props) {
  const { t } = useI18n();
  const sentinel = useRef<HTMLDivElement>(null);
  const top = useRef<HTMLDivElement>(null);
  const cards = useRef(new Map<string, HTMLElement>());

  const list = useInfiniteQuery({
    queryKey,
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => {
      const page = await fetchPage(pageParam);
      rememberPeople(page.items.flatMap((p) => [p.author, ...(p.mentionedUsers ?? [])]));
      return page;
    },
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });

  const { hasNextPage, isFetchingNextPage, fetchNextPage } = list;
  useEffect(() => {
    const element = sentinel.current;
    if (!element || !hasNextPage || typeof IntersectionObserver === 'undefined') return;
    const observer = new IntersectionObserver(
      ([entry]) => {
        if (entry?.isIntersecting && !isFetchingNextPage) void fetchNextPage();
      },
      { rootMargin: '600px' },
    );
    observer.observe(element);
    return () => observer.disconnect();
  }, [hasNextPage, isFetchingNextPage, fetchNextPage]);

  const posts = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <section className="post-list" aria-label={label}>
      <div ref={top} />
      {scope && (
        <NewPostsPill
          scope={scope}
          queryKey={queryKey}
          onShown={(first) => {
            top.current?.scrollIntoView({ behavior: 'smooth', block: 'start' });
            // Let keyboard and screen reader users land on the newest post.
            requestAnimationFrame(() => (first ? cards.current.get(first) : undefined)?.focus({ preventScroll: true }));
          }}
        />
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorBlock error={list.error} onRetry={() => void list.refetch()} />
      ) : posts.length === 0 ? (
        (empty ?? <p className="card empty">{emptyText}</p>)
      ) : (
        <div className={styles.items}>
          {posts.map((post) => (
            <PostCard
              key={post.id}
              post={post}
              hideGroup={hideGroup}
              ref={(element) => {
                if (element) cards.current.set(post.id, element);
                else cards.current.delete(post.id);
              }}
            />
          ))}
        </div>
      )}
      <div ref={sentinel} className={listMore.end}>
        {list.isFetchNextPageError ? (
          <ErrorBlock error={list.error} onRetry={() => void fetchNextPage()} />
        ) : hasNextPage ? (
          <button type="button" className="btn btn--secondary" onClick={() => void fetchNextPage()} disabled={isFetchingNextPage}>
            {isFetchingNextPage ? t('feed.loadingMore') : t('feed.loadMore')}
          </button>
        ) : (
          posts.length > 0 && <p className="muted">{t('feed.end')}</p>
        )}
      </div>
    </section>
  );
}
