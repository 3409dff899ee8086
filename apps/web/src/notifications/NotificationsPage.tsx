import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useSearchParams } from 'react-router';
import { notificationsApi } from '../api/endpoints';
import type { AppNotification } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { Avatar, ErrorBlock, Loading, RelativeTime, useTitle } from '../ui/bits';
import { errorText } from '../ui/errors';
import { notificationKeys } from './cache';
import { notificationLink, notificationText } from './notificationText';
import { NotificationPreferences } from './NotificationPreferences';

function NotificationItem({ item, onRead }: { item: AppNotification; onRead(id: string): void }) {
  const i18n = useI18n();
  const text = notificationText(item, i18n);
  const link = notificationLink(item);
  const unread = !item.readAt;
  const who = item.actors?.[0] ?? item.actor;
  return (
    <li className={unread ? 'notification is-unread' : 'notification'}>
      {who ? <Avatar user={who} size="sm" /> : <span className="avatar avatar--sm notification__dot" aria-hidden="true" />}
      <div className="notification__text">
        {link ? (
          <Link to={link} onClick={() => unread && onRead(item.id)}>
            {text}
          </Link>
        ) : (
          <span>{text}</span>
        )}
        <p className="muted notification__when">
          {unread && <span className="visually-hidden">{i18n.t('notifications.unread')} · </span>}
          <RelativeTime iso={item.createdAt} />
        </p>
      </div>
      {unread && (
        <button
          type="button"
          className="btn btn--ghost btn--small"
          aria-label={i18n.t('notifications.markReadOf', { text })}
          onClick={() => onRead(item.id)}
        >
          {i18n.t('notifications.markRead')}
        </button>
      )}
    </li>
  );
}

/** My notifications, newest first (all or unread only), mark read, and which kinds I get. */
export function NotificationsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  useTitle(t('notifications.title'));
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [params] = useSearchParams();
  const unreadOnly = params.get('unread') === '1';
  const list = useInfiniteQuery({
    queryKey: notificationKeys.list(unreadOnly),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => notificationsApi.list({ unread: unreadOnly }, pageParam),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: 0,
  });
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  const markRead = useMutation({
    mutationFn: (body: { ids: string[] } | { all: true }) => notificationsApi.markRead(body),
    onSuccess: (_v, body) => {
      if ('all' in body) announce(t('notifications.allRead'));
      void qc.invalidateQueries({ queryKey: notificationKeys.all });
    },
  });

  return (
    <div className="narrow">
      <div className="page-head">
        <h1 className="page-title">{t('notifications.title')}</h1>
        <button
          type="button"
          className="btn btn--secondary"
          disabled={markRead.isPending || !items.some((n) => !n.readAt)}
          onClick={() => markRead.mutate({ all: true })}
        >
          {t('notifications.markAll')}
        </button>
      </div>
      <nav className="tabs" aria-label={t('notifications.tabs')}>
        <Link
          to="/notifications"
          className={unreadOnly ? 'tabs__tab' : 'tabs__tab active'}
          aria-current={unreadOnly ? undefined : 'page'}
        >
          {t('notifications.tab.all')}
        </Link>
        <Link
          to="/notifications?unread=1"
          className={unreadOnly ? 'tabs__tab active' : 'tabs__tab'}
          aria-current={unreadOnly ? 'page' : undefined}
        >
          {t('notifications.tab.unread')}
        </Link>
        <Link to="/digest" className="tabs__tab">
          {t('digest.title')}
        </Link>
      </nav>
      {markRead.isError && (
        <p className="inline-error" role="alert">
          {errorText(markRead.error, i18n)}
        </p>
      )}
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorBlock error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p className="card empty">{unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}</p>
      ) : (
        <ul className="card notifications" aria-label={t('notifications.title')}>
          {items.map((item) => (
            <NotificationItem key={item.id} item={item} onRead={(id) => markRead.mutate({ ids: [id] })} />
          ))}
        </ul>
      )}
      {list.hasNextPage && (
        <div className="post-list__end">
          <button
            type="button"
            className="btn btn--secondary"
            onClick={() => void list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
          >
            {list.isFetchingNextPage ? t('common.loading') : t('notifications.more')}
          </button>
        </div>
      )}
      <NotificationPreferences />
    </div>
  );
}
