import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { topicsApi } from '../api/endpoints';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorBlock, Loading, PersonLink, RelativeTime, useTitle } from '../ui/bits';
import { CardSection } from '../ui/CardSection';
import { InlineError } from '../ui/InlineError';
import { ListOrNone } from '../ui/ListOrNone';
import { useAction } from '../ui/useAction';

/** One of a topic's lists, as a card under its heading. */
function TopicList<T>({
  title,
  items,
  none,
  children,
}: {
  title: string;
  items: readonly T[];
  none: string;
  children(item: T): ReactNode;
}) {
  return (
    <CardSection title={title} titleClassName="section-title">
      <ListOrNone items={items} none={none} className="bare-list stack">
        {children}
      </ListOrNone>
    </CardSection>
  );
}

/**
 * A topic's page (#17): its experts (with the reasons for their rank), its open questions and its
 * recent answers, and the way to follow it or volunteer as a helper with a weekly cap.
 */
export function TopicPage() {
  const { topic = '' } = useParams();
  const { t } = useI18n();
  const qc = useQueryClient();
  const key = ['topic', topic];
  const page = useQuery({ queryKey: key, queryFn: () => topicsApi.get(topic) });
  const [cap, setCap] = useState(3);
  const { error, run: act } = useAction();
  useTitle(page.data?.label ?? topic);
  if (page.isPending) return <Loading />;
  if (page.isError) return <ErrorBlock error={page.error} onRetry={() => void page.refetch()} />;
  const p = page.data;

  const run = (action: () => Promise<unknown>) =>
    act(async () => {
      await action();
      await qc.invalidateQueries({ queryKey: key });
    });

  return (
    <div className="narrow stack">
      <p className="crumbs">
        <Link to="/questions">{t('questions.title')}</Link>
      </p>
      <section className="card stack" aria-labelledby="topic-title">
        <h1 className="page-title" id="topic-title">
          {p.label}
        </h1>
        <p className="muted">{t('topic.counts', { followers: p.followers, helpers: p.helpers })}</p>
        <div className="row">
          <button
            type="button"
            className="btn btn--outline btn--small"
            aria-pressed={p.following}
            onClick={() => void run(() => (p.following ? topicsApi.unfollow(topic) : topicsApi.follow(topic)))}
          >
            {p.following ? t('topic.following') : t('topic.follow')}
          </button>
          {p.helping ? (
            <>
              <span className="muted">{t('topic.helping', { cap: p.helping.weeklyCap })}</span>
              <button
                type="button"
                className="btn btn--ghost btn--small"
                onClick={() => void run(() => topicsApi.stopHelping(topic))}
              >
                {t('topic.stopHelping')}
              </button>
            </>
          ) : (
            <form
              className="row"
              onSubmit={(e) => {
                e.preventDefault();
                void run(() => topicsApi.help(topic, cap));
              }}
            >
              <label>
                {t('topic.cap')}{' '}
                <input type="number" min={1} max={100} value={cap} onChange={(e) => setCap(Number(e.target.value))} />
              </label>
              <button type="submit" className="btn btn--outline btn--small">
                {t('topic.help')}
              </button>
            </form>
          )}
        </div>
        <InlineError>{error}</InlineError>
      </section>
      <TopicList title={t('topic.experts')} items={p.experts} none={t('topic.noExperts')}>
        {(e) => (
          <li key={e.user.id}>
            <PersonLink user={e.user} /> <span className="muted">· {e.reasons.join(' · ')}</span>
          </li>
        )}
      </TopicList>
      <TopicList title={t('topic.open')} items={p.openQuestions} none={t('topic.noOpen')}>
        {(q) => (
          <li key={q.id}>
            <Link to={`/questions/${q.id}`}>{q.title}</Link> <RelativeTime iso={q.createdAt} />
          </li>
        )}
      </TopicList>
      <TopicList title={t('topic.answers')} items={p.recentAnswers} none={t('topic.noAnswers')}>
        {(a) => (
          <li key={a.id}>
            <PersonLink user={a.author} /> {t('topic.answered')} <Link to={`/questions/${a.questionId}`}>{a.questionTitle}</Link>{' '}
            <RelativeTime iso={a.createdAt} />
          </li>
        )}
      </TopicList>
    </div>
  );
}
