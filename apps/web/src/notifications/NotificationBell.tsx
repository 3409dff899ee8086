import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId } from 'react';
import { Link } from 'react-router';
import { notificationsApi } from '../api/endpoints';
import { useI18n } from '../i18n/I18nProvider';
import { useRealtimeEvent, useResync } from '../realtime/RealtimeProvider';
import { ActionError } from '../ui/ActionError';
import { ErrorBlock, Loading } from '../ui/bits';
import { Icon } from '../ui/icons';
import { useDisclosure } from '../ui/useDisclosure';
import { notificationKeys } from './cache';
import styles from './NotificationBell.module.css';
import bell from './bell.module.css';
import { NotificationItem } from './NotificationItem';
import itemStyles from './NotificationItem.module.css';
import { useMarkRead } from './useMarkRead';

/** How many of the latest notifications the dropdown lists (the page has them all). */
const LATEST = 8;

/** The dropdown's content: the latest notifications, "mark all read" and "see all". */
function NotificationMenu({ id, unread }: { id: string; unread: number }) {
  const { t } = useI18n();
  // Live: the bell invalidates every notification query on `notification.created`.
  const latest = useQuery({
    queryKey: notificationKeys.latest,
    queryFn: () => notificationsApi.list({ unread: false }, null),
    staleTime: 0,
  });
  const markRead = useMarkRead();
  const items = latest.data?.items.slice(0, LATEST) ?? [];
  return (
    <div id={id} className={`${styles.panel} card`} role="region" aria-label={t('notifications.latest')}>
      <div className={styles.head}>
        <h2 className={styles.title}>{t('notifications.title')}</h2>
        <button
          type="button"
          className="btn btn--ghost btn--small"
          disabled={markRead.isPending || (unread === 0 && !items.some((n) => !n.readAt))}
          onClick={() => markRead.mutate({ all: true })}
        >
          {t('notifications.markAll')}
        </button>
      </div>
      <ActionError error={markRead.error} />
      {latest.isPending ? (
        <Loading />
      ) : latest.isError ? (
        <ErrorBlock error={latest.error} onRetry={() => void latest.refetch()} />
      ) : items.length === 0 ? (
        <p className={`${styles.empty} muted`}>{t('notifications.empty')}</p>
      ) : (
        <ul className={itemStyles.list} aria-label={t('notifications.latest')}>
          {items.map((item) => (
            <NotificationItem key={item.id} item={item} compact onRead={(nid) => markRead.mutate({ ids: [nid] })} />
          ))}
        </ul>
      )}
      <p className={styles.foot}>
        <Link to="/notifications">{t('notifications.seeAll')}</Link>
      </p>
    </div>
  );
}

/**
 * The bell in the top bar: the unread count, kept live (`notification.created`,
 * `notification.removed`, and `notifications.read` from my other tabs). It opens a dropdown (a
 * disclosure: a button with aria-expanded and the panel after it, so Tab reaches every link in
 * order) with the latest notifications. Escape closes it and gives focus back to the bell; a
 * click outside, moving focus out of it, and following one of its links close it too.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const panelId = useId();
  const { open, setOpen, button, rootProps } = useDisclosure();
  const unread = useQuery({ queryKey: notificationKeys.unread, queryFn: notificationsApi.unreadCount, staleTime: 60_000 });
  const refresh = () => void qc.invalidateQueries({ queryKey: notificationKeys.all });
  useRealtimeEvent('notification.created', refresh);
  useRealtimeEvent('notifications.read', refresh);
  // A grouped notification everyone withdrew from (reactions taken back) is gone.
  useRealtimeEvent('notification.removed', refresh);
  useResync(refresh);

  const count = unread.data?.count ?? 0;
  const shown = count > 99 ? '99+' : String(count);
  return (
    <div className={styles.menu} {...rootProps}>
      <button
        type="button"
        ref={button}
        className={open ? `${bell.bell} ${bell.active}` : bell.bell}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        aria-label={count ? t('notifications.bellUnread', { count }) : t('notifications.title')}
        data-testid="bell"
        onClick={() => setOpen((o) => !o)}
      >
        <Icon name="bell" />
        {count > 0 && (
          <span className={bell.count} aria-hidden="true">
            {shown}
          </span>
        )}
      </button>
      {open && <NotificationMenu id={panelId} unread={count} />}
    </div>
  );
}
