import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { notificationsApi } from '../api/endpoints';
import { useI18n } from '../i18n/I18nProvider';
import { useRealtimeEvent, useResync } from '../realtime/RealtimeProvider';
import { Icon } from '../ui/icons';
import { notificationKeys } from './cache';

/**
 * The bell in the top bar: the unread count, kept live (`notification.created`, and
 * `notifications.read` from my other tabs), linking to the notifications page.
 */
export function NotificationBell() {
  const { t } = useI18n();
  const qc = useQueryClient();
  const unread = useQuery({ queryKey: notificationKeys.unread, queryFn: notificationsApi.unreadCount, staleTime: 60_000 });
  const refresh = () => void qc.invalidateQueries({ queryKey: notificationKeys.all });
  useRealtimeEvent('notification.created', refresh);
  useRealtimeEvent('notifications.read', refresh);
  useResync(refresh);
  const count = unread.data?.count ?? 0;
  const shown = count > 99 ? '99+' : String(count);
  return (
    <Link
      to="/notifications"
      className="bell"
      aria-label={count ? t('notifications.bellUnread', { count }) : t('notifications.title')}
      data-testid="bell"
    >
      <Icon name="bell" />
      {count > 0 && (
        <span className="bell__count" aria-hidden="true">
          {shown}
        </span>
      )}
    </Link>
  );
}
