import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { notificationsApi } from '../api/endpoints';
import type { IdeaStatus } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { IdeaStatusBadge } from '../ideas/StatusBadge';
import { ErrorBlock, Loading, RelativeTime, useTitle } from '../ui/bits';
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
          {d.groups.length > 0 && (
            <section className="card" aria-labelledby="digest-groups">
              <h2 className="section-title" id="digest-groups">
                {t('digest.groups')}
              </h2>
              <ul className={styles.list}>
                {d.groups.map((g) => (
                  <li key={g.group.id}>
                    <Link to={`/groups/${g.group.id}`}>{g.group.name}</Link>{' '}
                    <span className="muted">
                      · {t('digest.posts', { count: g.posts })} · {t('post.comments', { count: g.comments })}
                    </span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {d.questions.length > 0 && (
            <section className="card" aria-labelledby="digest-questions">
              <h2 className="section-title" id="digest-questions">
                {t('digest.questions')}
              </h2>
              <ul className={styles.list}>
                {d.questions.map((q) => (
                  <li key={q.questionId}>
                    <Link to={`/questions/${q.questionId}`}>{q.title}</Link>{' '}
                    <span className="muted">· {t('questions.answers', { count: q.answerCount })}</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          {d.ideas.length > 0 && (
            <section className="card" aria-labelledby="digest-ideas">
              <h2 className="section-title" id="digest-ideas">
                {t('digest.ideas')}
              </h2>
              <ul className={styles.list}>
                {d.ideas.map((i) => (
                  <li key={`${i.ideaId}-${i.at}`}>
                    <Link to={`/ideas/${i.ideaId}`}>
                      {i.change === 'review' ? t('digest.ideaReviewed') : t('digest.ideaStatus')}
                    </Link>{' '}
                    {i.status && <IdeaStatusBadge status={i.status as IdeaStatus} />} <RelativeTime iso={i.at} />
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </div>
  );
}
