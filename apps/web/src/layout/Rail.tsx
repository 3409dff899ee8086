import { useQuery } from '@tanstack/react-query';
import { useId, type ReactNode } from 'react';
import { Link } from 'react-router';
import { announcementKeys, announcementsApi } from '../api/announcements';
import { campaignsApi, questionsApi, topicsApi } from '../api/endpoints';
import { useI18n } from '../i18n/I18nProvider';
import { ideaKeys } from '../ideas/cache';
import { Countdown } from '../ideas/Countdown';
import { questionKeys } from '../questions/cache';
import { ErrorBlock, Loading, useTitle } from '../ui/bits';
import styles from './Rail.module.css';

/** Where the rail's blocks are a page of their own (from the navigation, below the desk width). */
export const HIGHLIGHTS = '/highlights';

/** How many entries each block shows: the rail is a glance, "more" leads to the whole list. */
const SHOWN = 4;

interface BlockQuery<T> {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data?: T[];
  refetch(): unknown;
}

/**
 * One headed block of the rail: its list (or loading, error with retry, empty), then the link
 * to the full list. A region named by its heading, so a screen reader user can jump to it.
 */
function RailBlock<T>({
  title,
  list,
  empty,
  more,
  children,
}: {
  title: string;
  list: BlockQuery<T>;
  empty: string;
  more: { to: string; label: string };
  children: (item: T) => ReactNode;
}) {
  const headingId = useId();
  const items = list.data?.slice(0, SHOWN) ?? [];
  return (
    <section className={`card ${styles.block}`} aria-labelledby={headingId}>
      <h2 id={headingId} className={styles.title}>
        {title}
      </h2>
      {list.isPending ? (
        <Loading />
      ) : list.isError ? (
        <ErrorBlock error={list.error} onRetry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        <p className={styles.empty}>{empty}</p>
      ) : (
        <ul className={styles.list}>{items.map(children)}</ul>
      )}
      <Link to={more.to} className={styles.more}>
        {more.label}
      </Link>
    </section>
  );
}

/**
 * The right rail of the desk layout (#16): what wants my attention beside any page. Pinned
 * announcements share the feed banner's query (one request, acknowledged in one place), questions
 * routed to me live under the questions cache (its realtime refreshes them), trending topics
 * (GET /api/topics/trending) lead to a search for the hashtag, and open campaigns with a deadline
 * count down, soonest first. Below the desk width the same blocks follow the home feed.
 */
export function Rail({ className }: { className?: string }) {
  const { t } = useI18n();
  const pinned = useQuery({ queryKey: announcementKeys.pinned, queryFn: announcementsApi.pinned, select: (page) => page.items });
  const waiting = useQuery({
    queryKey: [...questionKeys.all, 'rail'],
    queryFn: () => questionsApi.list({ status: 'open', forMe: true }, null),
    select: (page) => page.items,
  });
  const trending = useQuery({
    queryKey: ['topics', 'trending'],
    queryFn: () => topicsApi.trending(),
    select: (body) => body.items,
  });
  const deadlines = useQuery({
    // Under the campaigns list: a campaign opening, closing or moving its deadline refreshes it live.
    queryKey: [...ideaKeys.campaigns, 'rail'],
    queryFn: campaignsApi.open,
    select: (page) => page.items.filter((c) => c.closesAt).sort((a, b) => Date.parse(a.closesAt!) - Date.parse(b.closesAt!)),
  });

  return (
    <aside className={`${styles.rail} ${className ?? ''}`} aria-label={t('rail.label')}>
      <RailBlock
        title={t('rail.announcements')}
        list={pinned}
        empty={t('rail.announcements.empty')}
        more={{ to: '/announcements', label: t('rail.announcements.more') }}
      >
        {(item) => (
          <li key={item.id}>
            <span className={styles.name}>{item.title}</span>
            <span className={styles.meta}>{item.author.displayName}</span>
          </li>
        )}
      </RailBlock>
      <RailBlock
        title={t('rail.questions')}
        list={waiting}
        empty={t('rail.questions.empty')}
        more={{ to: '/questions?view=me', label: t('rail.questions.more') }}
      >
        {(question) => (
          <li key={question.id}>
            <Link to={`/questions/${question.id}`} className={styles.name}>
              {question.title}
            </Link>
            {question.topics.length > 0 && <span className={styles.meta}>{question.topics.join(', ')}</span>}
          </li>
        )}
      </RailBlock>
      <RailBlock
        title={t('rail.trending')}
        list={trending}
        empty={t('rail.trending.empty')}
        more={{ to: '/discover', label: t('rail.trending.more') }}
      >
        {(topic) => (
          <li key={topic.tag} className={styles.topic}>
            <Link to={`/search?q=${encodeURIComponent(`#${topic.tag}`)}`} className={styles.name}>
              #{topic.tag}
            </Link>
            <span className={styles.meta}>{t('rail.trending.posts', { count: topic.posts })}</span>
          </li>
        )}
      </RailBlock>
      <RailBlock
        title={t('rail.deadlines')}
        list={deadlines}
        empty={t('rail.deadlines.empty')}
        more={{ to: '/campaigns', label: t('rail.deadlines.more') }}
      >
        {(campaign) => (
          <li key={campaign.id}>
            <Link to={`/campaigns/${campaign.id}`} className={styles.name}>
              {campaign.title}
            </Link>
            <Countdown closesAt={campaign.closesAt!} />
          </li>
        )}
      </RailBlock>
    </aside>
  );
}

/** The rail as a page: below the desk width it has no room beside the page, so the navigation leads here. */
export function HighlightsPage() {
  const { t } = useI18n();
  useTitle(t('rail.label'));
  return (
    <div className="narrow">
      <h1 className="page-title">{t('rail.label')}</h1>
      <Rail />
    </div>
  );
}
