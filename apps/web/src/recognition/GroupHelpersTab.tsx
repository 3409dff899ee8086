import { useQuery } from '@tanstack/react-query';
import { useId } from 'react';
import { useSearchParams } from 'react-router';
import { recognitionApi } from '../api/endpoints';
import type { HelperDigest } from '../api/types';
import { isManager } from '../groups/cache';
import { useGroupContext } from '../groups/GroupPage';
import { useI18n } from '../i18n/I18nProvider';
import { Avatar, ErrorBlock, Loading, PersonLink } from '../ui/bits';
import styles from './GroupHelpersTab.module.css';

/** Last month (UTC), `YYYY-MM`: what the monthly digest reports on, and the page's default. */
export function lastMonth(now = new Date()): string {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 1, 1)).toISOString().slice(0, 7);
}

function HelperList({ digest }: { digest: HelperDigest }) {
  const { t } = useI18n();
  if (digest.items.length === 0) return <p className="card empty">{t('helpers.empty')}</p>;
  return (
    <ol className={`card ${styles.list}`} aria-label={t('helpers.title')}>
      {digest.items.map((h, i) => (
        <li key={h.user.id} className={styles.helper}>
          <span className={styles.rank} aria-hidden="true">
            {i + 1}
          </span>
          <Avatar user={h.user} size="sm" />
          <span className={styles.who}>
            <PersonLink user={h.user} />
            <span className={styles.reasons}>
              {h.reasons.map((r) => t(`helpers.reason.${r.reason}`, { count: r.count })).join(' · ')}
            </span>
          </span>
          <span className={styles.score}>{t('helpers.score', { score: h.score })}</span>
        </li>
      ))}
    </ol>
  );
}

/**
 * A group's "who helped" digest for its owners and admins (#17): the month in the URL
 * (`?month=YYYY-MM`, where the notification leads), last month by default, the people ranked with
 * what counted for them. The api decides who may read it; the tab is shown to managers only.
 */
export function GroupHelpersTab() {
  const { t, dateTime } = useI18n();
  const { group } = useGroupContext();
  const monthId = useId();
  const [params, setParams] = useSearchParams();
  const month = params.get('month') ?? lastMonth();
  const allowed = isManager(group.myRole);
  const digest = useQuery({
    queryKey: ['groups', 'helpers', group.id, month],
    queryFn: () => recognitionApi.helpers(group.id, month),
    enabled: allowed,
    staleTime: 60_000,
  });
  if (!allowed) return <p className="card empty">{t('helpers.denied')}</p>;
  return (
    <section className="stack" aria-labelledby={`${monthId}-title`}>
      <div className="card stack">
        <h2 id={`${monthId}-title`} className="card__title">
          {t('helpers.title')}
        </h2>
        <p className="muted">{t('helpers.intro')}</p>
        <div className="row">
          <label htmlFor={monthId} className="field__label">
            {t('helpers.month')}
          </label>
          <input
            id={monthId}
            type="month"
            value={month}
            max={new Date().toISOString().slice(0, 7)}
            onChange={(event) => event.target.value && setParams({ month: event.target.value }, { replace: true })}
          />
        </div>
        {digest.data && (
          <p className="muted" role="status">
            {digest.data.sentAt ? t('helpers.sent', { date: dateTime(digest.data.sentAt) }) : t('helpers.notSent')}
          </p>
        )}
      </div>
      {digest.isPending ? (
        <Loading />
      ) : digest.isError ? (
        <ErrorBlock error={digest.error} onRetry={() => void digest.refetch()} />
      ) : (
        <HelperList digest={digest.data} />
      )}
    </section>
  );
}
