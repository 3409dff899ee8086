import { useCallback } from 'react';
import { Navigate, NavLink } from 'react-router';
import { feedApi } from '../api/endpoints';
import type { FeedScope } from '../api/types';
import { PinnedAnnouncements } from '../announcements/PinnedAnnouncements';
import { useAnnouncementsRealtime } from '../announcements/useAnnouncementsRealtime';
import { useI18n } from '../i18n/I18nProvider';
import { useFirstRunState } from '../training/first-run';
import { useTitle } from '../ui/bits';
import { keys } from './cache';
import { Composer } from './Composer';
import { FeedNextSteps } from './FeedNextSteps';
import { PostList } from './PostList';

/** The home feed (people I follow, my groups, mentions) or Discover (everything company-wide). */
export function FeedPage({ scope }: { scope: FeedScope }) {
  const { t } = useI18n();
  const title = scope === 'home' ? t('feed.home.title') : t('feed.company.title');
  useTitle(title);
  useAnnouncementsRealtime();
  const fetchPage = useCallback((cursor: string | null) => feedApi.feed(scope, cursor), [scope]);
  // A newcomer's first sign-in lands here: the first-run screen comes first (#16).
  const firstRun = useFirstRunState();
  if (scope === 'home' && firstRun.data?.due) return <Navigate to="/welcome" replace />;
  return (
    <div className="feed">
      <h1 className="visually-hidden">{title}</h1>
      <nav className="tabs" aria-label={t('feed.tabs')}>
        <NavLink to="/" end className="tabs__tab">
          {t('feed.home.tab')}
        </NavLink>
        <NavLink to="/discover" className="tabs__tab">
          {t('feed.company.tab')}
        </NavLink>
      </nav>
      <PinnedAnnouncements />
      <Composer />
      <PostList
        key={scope}
        scope={scope}
        label={title}
        queryKey={keys.feed(scope)}
        fetchPage={fetchPage}
        emptyText={scope === 'home' ? t('feed.home.empty') : t('feed.company.empty')}
        empty={scope === 'home' ? <FeedNextSteps /> : undefined}
      />
    </div>
  );
}
