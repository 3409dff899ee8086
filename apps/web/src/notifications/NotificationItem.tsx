import { Link } from 'react-router';
import type { AppNotification } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { Avatar, RelativeTime } from '../ui/bits';
import styles from './NotificationItem.module.css';
import { notificationLink, notificationText } from './notificationText';

/**
 * One notification: who and what (a link to its subject when there is one), what it is about (the
 * subject's title or a clipped excerpt, as the server read it for me) and where (group, campaign),
 * when, unread state.
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
  const about = item.about ?? null;
  const where = about?.group
    ? i18n.t('notifications.inGroup', { name: about.group.name })
    : about?.campaign && about.campaign.title !== about.title
      ? i18n.t('notifications.inCampaign', { title: about.campaign.title })
      : null;
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
        {about && (about.title || about.excerpt) && (
          <p className={styles.about} data-testid="notification-about">
            {about.title && <span className={styles.aboutTitle}>{about.title}</span>}
            {about.title && about.excerpt && ' — '}
            {about.excerpt && <span className={styles.excerpt}>“{about.excerpt}”</span>}
          </p>
        )}
        <p className={`muted ${styles.when}`}>
          {unread && <span className="visually-hidden">{i18n.t('notifications.unread')} · </span>}
          {where && <span className={styles.where}>{where} · </span>}
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
