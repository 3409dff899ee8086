import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { notificationsApi } from '../api/endpoints';
import type { IdeaStatus } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { IdeaStatusBadge } from '../ideas/StatusBadge';
import { ErrorBlock, Loading, RelativeTime, useTitle } from '../ui/bits';
import { CardSection } from '../ui/CardSection';
import styles from './DigestPage.module.css';

/** What happened for me in the last 24 hours: my groups, questions routed to me, ideas I follow. */
export function DigestPage() {
  const { t } = useI18n();
  useTitle(t('digest.title'));
  const digest = useQuery({ queryKey: ['digest'], queryFn: notificationsApi.digest });
  if (digest.isPending) return <Loading />;
  if (digest.isError) return <ErrorBlock error={digest.error} onRetry={() => void digest.refetch()} />;
  const d = digest.data;
  return (
    <div className="narrow stack">
      <h1 className="page-title">{t('digest.title')}</h1>
      <p className="muted">
        {t('digest.since')} <RelativeTime iso={d.since} /> ·{' '}
        <Link to="/notifications?unread=1">{t('notifications.unreadCount', { count: d.unreadNotifications })}</Link>
      </p>
      {d.empty ? (
        <p className="card empty">{t('digest.empty')}</p>
      ) : (
        <>
          <DigestSection title={t('digest.groups')} items={d.groups} itemKey={(g) => g.group.id}>
            {(g) => (
              <>
                <Link to={`/groups/${g.group.id}`}>{g.group.name}</Link>{' '}
                <span className="muted">
                  · {t('digest.posts', { count: g.posts })} · {t('post.comments', { count: g.comments })}
                </span>
              </>
            )}
          </DigestSection>
          <DigestSection title={t('digest.questions')} items={d.questions} itemKey={(q) => q.questionId}>
            {(q) => (
              <>
                <Link to={`/questions/${q.questionId}`}>{q.title}</Link>{' '}
                <span className="muted">· {t('questions.answers', { count: q.answerCount })}</span>
              </>
            )}
          </DigestSection>
          <DigestSection title={t('digest.ideas')} items={d.ideas} itemKey={(i) => `${i.ideaId}-${i.at}`}>
            {(i) => (
              <>
                <Link to={`/ideas/${i.ideaId}`}>{i.change === 'review' ? t('digest.ideaReviewed') : t('digest.ideaStatus')}</Link>{' '}
                {i.status && <IdeaStatusBadge status={i.status as IdeaStatus} />} <RelativeTime iso={i.at} />
              </>
            )}
          </DigestSection>
        </>
      )}
    </div>
  );
}

/** One kind of news in the digest, as a titled list; left out when there is none. */
function DigestSection<T>({
  title,
  items,
  itemKey,
  children,
}: {
  title: string;
  items: T[];
  itemKey: (item: T) => string;
  children: (item: T) => ReactNode;
}) {
  if (!items.length) return null;
  return (
    <CardSection title={title} className="card" titleClassName="section-title">
      <ul className={styles.list}>
        {items.map((item) => (
          <li key={itemKey(item)}>{children(item)}</li>
        ))}
      </ul>
    </CardSection>
  );
}
