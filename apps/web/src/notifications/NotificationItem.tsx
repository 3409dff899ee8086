import { Link } from 'react-router';
import type { AppNotification } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { Avatar, RelativeTime } from '../ui/bits';
import styles from './NotificationItem.module.css';
import { notificationLink, notificationText } from './notificationText';

/**
 * One notification: who, what (a link to its subject when there is one), when, unread state.
 * Following the link marks it read. `compact` (the bell's dropdown) leaves out the "Mark read" button.
 */
export function NotificationItem({
  item,
  onRead,
  compact = false,
}: {
  item: AppNotification;
  onRead(id: string): void;
  compact?: boolean;
}) {
  const i18n = useI18n();
  const text = notificationText(item, i18n);
  const link = notificationLink(item);
  const unread = !item.readAt;
  const who = item.actors?.[0] ?? item.actor;
  return (
    <li className={unread ? `${styles.notification} ${styles.unread}` : styles.notification}>
      {who ? <Avatar user={who} size="sm" /> : <span className={`avatar avatar--sm ${styles.dot}`} aria-hidden="true" />}
      <div className={styles.text}>
        {link ? (
          <Link to={link} onClick={() => unread && onRead(item.id)}>
            {text}
          </Link>
        ) : (
          <span>{text}</span>
        )}
        <p className={`muted ${styles.when}`}>
          {unread && <span className="visually-hidden">{i18n.t('notifications.unread')} · </span>}
          <RelativeTime iso={item.createdAt} />
        </p>
      </div>
      {unread && !compact && (
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
