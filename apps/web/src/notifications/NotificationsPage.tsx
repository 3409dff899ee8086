import { Link, useSearchParams } from 'react-router';
import { notificationsApi } from '../api/endpoints';
import { useI18n } from '../i18n/I18nProvider';
import { ActionError } from '../ui/ActionError';
import { useTitle } from '../ui/bits';
import { PagedList } from '../ui/PagedList';
import { usePages } from '../ui/usePages';
import { notificationKeys } from './cache';
import { NotificationItem } from './NotificationItem';
import itemStyles from './NotificationItem.module.css';
import { PushSettings } from '../push/PushSettings';
import { NotificationPreferences } from './NotificationPreferences';
import { useMarkRead } from './useMarkRead';
import { CATEGORY_NAMES, isCategory, kindsOf } from './notificationCategories';
import styles from './NotificationsPage.module.css';

/**
 * My notifications, newest first (all or unread only), filtered by category (chips, `?category=` in
 * the URL), mark read one by one, a category at a time or all, and which kinds I get.
 */
export function NotificationsPage() {
  const { t } = useI18n();
  useTitle(t('notifications.title'));
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get('unread') === '1';
  const category = params.get('category');
  const selected = isCategory(category) ? category : null;
  const chooseCategory = (next: string | null) => {
    const copy = new URLSearchParams(params);
    if (next) copy.set('category', next);
    else copy.delete('category');
    setParams(copy, { replace: true });
  };
  // Under the list's key, so what invalidates the list (live events, mark read) reaches every category.
  const { list, items: all } = usePages(
    [...notificationKeys.list(unreadOnly), selected ?? 'all'],
    (cursor) => notificationsApi.list({ unread: unreadOnly, kinds: selected ? kindsOf(selected) : undefined }, cursor),
    { staleTime: 0 },
  );
  // The server filters by the category's kinds; a live item of another kind added to the cache is kept out here too.
  const items = selected ? all.filter((n) => kindsOf(selected).includes(n.kind)) : all;

  const markRead = useMarkRead();

  return (
    <div className="narrow">
      <div className="page-head">
        <h1 className="page-title">{t('notifications.title')}</h1>
        <button
          type="button"
          className="btn btn--secondary"
          disabled={markRead.isPending || !all.some((n) => !n.readAt)}
          onClick={() => markRead.mutate({ all: true })}
        >
          {t('notifications.markAll')}
        </button>
        {selected && (
          <button
            type="button"
            className="btn btn--ghost"
            disabled={markRead.isPending || !items.some((n) => !n.readAt)}
            onClick={() => markRead.mutate({ kinds: [...kindsOf(selected)] })}
          >
            {t('notifications.markCategory', { category: t(`notifications.category.${selected}`) })}
          </button>
        )}
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
      <div className={styles.chips} role="group" aria-label={t('notifications.categories')}>
        <button type="button" className={styles.chip} aria-pressed={selected === null} onClick={() => chooseCategory(null)}>
          {t('notifications.category.all')}
        </button>
        {CATEGORY_NAMES.map((name) => (
          <button
            key={name}
            type="button"
            className={styles.chip}
            aria-pressed={selected === name}
            onClick={() => chooseCategory(name)}
          >
            {t(`notifications.category.${name}`)}
          </button>
        ))}
      </div>
      <ActionError error={markRead.error} />
      <PagedList
        list={list}
        items={items}
        empty={<p className="card empty">{unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}</p>}
        className={`card ${itemStyles.list}`}
        label={t('notifications.title')}
        more={t('notifications.more')}
      >
        {(item) => <NotificationItem key={item.id} item={item} onRead={(id) => markRead.mutate({ ids: [id] })} />}
      </PagedList>
      <PushSettings />
      <NotificationPreferences />
    </div>
  );
}
