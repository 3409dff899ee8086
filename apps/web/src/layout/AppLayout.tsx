import { QueryClient, QueryClientProvider, useQuery } from '@tanstack/react-query';
import { Suspense, useEffect, useState } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { ApiError } from '../api/errors';
import { authApi } from '../api/endpoints';
import { updateUser } from '../auth/session';
import { signOut } from '../auth/signOut';
import { MustChangePasswordNotice, VerifyEmailBanner } from '../auth/AccountRecoveryPages';
import { useMe } from '../auth/useSession';
import { clearPending } from '../feed/pending';
import { useFeedRealtime } from '../feed/useFeedRealtime';
import { useGroupsRealtime } from '../groups/useGroupsRealtime';
import { useIdeasRealtime } from '../ideas/useIdeasRealtime';
import { firstSection } from '../admin/ManagePage';
import { useI18n } from '../i18n/I18nProvider';
import { useModerationRealtime } from '../moderation/useModerationRealtime';
import { NotificationBell } from '../notifications/NotificationBell';
import { forgetPeople, rememberPeople } from '../people/known';
import { useQuestionsRealtime } from '../questions/useQuestionsRealtime';
import { useTrainingRealtime } from '../training/useTrainingRealtime';
import { RealtimeProvider, useRealtimeStatus } from '../realtime/RealtimeProvider';
import { HeaderSearch } from '../search/HeaderSearch';
import { Avatar, Loading } from '../ui/bits';
import { Icon } from '../ui/icons';
import { LanguageSwitch } from './LanguageSwitch';
import styles from './AppLayout.module.css';
import brand from './Brand.module.css';
import nav from './MainNav.module.css';
import { MainNavLink, MoreMenu, type NavItem } from './MoreMenu';
import { HIGHLIGHTS, Rail } from './Rail';

function LiveStatus() {
  const { t } = useI18n();
  const status = useRealtimeStatus();
  const label = status === 'online' ? t('live.online') : status === 'connecting' ? t('live.connecting') : t('live.offline');
  return (
    <p className={`${styles.live} ${status === 'online' ? styles.online : status === 'offline' ? styles.offline : ''}`} role="status">
      <span className={styles.dot} aria-hidden="true" />
      <span className={styles.liveLabel}>{label}</span>
    </p>
  );
}

function SignOutButton({ className }: { className: string }) {
  const { t } = useI18n();
  const [leaving, setLeaving] = useState(false);
  return (
    <button
      type="button"
      className={className}
      disabled={leaving}
      onClick={() => {
        setLeaving(true);
        void signOut();
      }}
    >
      {t('nav.signOut')}
    </button>
  );
}

function Shell() {
  const { t } = useI18n();
  const me = useMe();
  const location = useLocation();
  const inFeeds = location.pathname === '/' || location.pathname === '/discover';
  useFeedRealtime();
  useGroupsRealtime();
  useIdeasRealtime();
  useModerationRealtime();
  useQuestionsRealtime();
  useTrainingRealtime();
  const manage = firstSection(me.roles);
  // On a phone these wait behind "More" (see MoreMenu); elsewhere they sit in the bar.
  const more: NavItem[] = [
    { to: '/people', end: true, icon: 'search', label: t('nav.people') },
    { to: '/mentoring', icon: 'mentoring', label: t('nav.mentoring') },
    { to: '/training', icon: 'mentoring', label: t('nav.training') },
    { to: '/announcements', icon: 'bell', label: t('nav.announcements') },
    // The rail's blocks as a page, where the rail does not fit beside the page.
    { to: HIGHLIGHTS, icon: 'star', label: t('rail.label'), narrowOnly: true },
    { to: `/people/${me.id}`, icon: 'profile', label: t('nav.profile') },
    ...(manage ? [{ to: manage, section: '/manage', icon: 'shield' as const, label: t('nav.manage') }] : []),
  ];

  // Keep the stored account current (name changes elsewhere); also checks the session on load.
  const account = useQuery({ queryKey: ['me'], queryFn: authApi.me, staleTime: 5 * 60_000 });
  useEffect(() => {
    if (account.data) {
      updateUser({
        displayName: account.data.displayName,
        handle: account.data.handle,
        roles: account.data.roles,
        // The verification banner follows the account (a link followed in another tab).
        emailVerified: account.data.emailVerified,
        mustChangePassword: account.data.mustChangePassword,
      });
    }
  }, [account.data]);
  useEffect(() => rememberPeople([me]), [me]);

  // Move focus to the new page's content on navigation, for keyboard and screen reader users.
  useEffect(() => {
    const main = document.getElementById('main');
    if (main && document.activeElement && document.activeElement !== document.body) main.focus({ preventScroll: true });
  }, [location.pathname]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skip')}
      </a>
      <header className={styles.topbar}>
        <div className={styles.inner}>
          <Link to="/" className={brand.brand} aria-label={`${t('app.name')} — ${t('nav.home')}`}>
            <span className={brand.mark} aria-hidden="true" />
            <span>{t('app.name')}</span>
          </Link>
          <div className={styles.tools}>
            <HeaderSearch />
            <LiveStatus />
            <NotificationBell />
            <LanguageSwitch />
            <Link to={`/people/${me.id}`} className={styles.me} aria-hidden="true" tabIndex={-1}>
              <Avatar user={me} size="sm" />
            </Link>
            <SignOutButton className={`btn btn--ghost btn--small ${styles.signOut}`} />
          </div>
        </div>
      </header>
      {/* The desk layout (#16): navigation, page and rail side by side; narrower, the navigation is a bottom bar. */}
      <div className={styles.frame}>
        <nav className={nav.nav} aria-label={t('nav.main')}>
          <NavLink
            to="/"
            className={() => (inFeeds ? `${nav.link} ${nav.active}` : nav.link)}
            aria-current={inFeeds ? 'page' : undefined}
          >
            <Icon name="home" />
            <span>{t('nav.home')}</span>
          </NavLink>
          <NavLink to="/groups" className={nav.link}>
            <Icon name="groups" />
            <span>{t('nav.groups')}</span>
          </NavLink>
          <NavLink to="/campaigns" className={nav.link}>
            <Icon name="idea" />
            <span>{t('nav.ideas')}</span>
          </NavLink>
          <NavLink to="/questions" className={nav.link}>
            <Icon name="question" />
            <span>{t('nav.questions')}</span>
          </NavLink>
          {more.map((item) => (
            <MainNavLink
              key={item.to}
              item={item}
              className={`${nav.link} ${nav.inMore} ${item.narrowOnly ? nav.narrowOnly : ''}`}
            />
          ))}
          <MoreMenu items={more}>
            <SignOutButton className={`btn btn--ghost ${nav.menuAction}`} />
          </MoreMenu>
        </nav>
        <main id="main" className={styles.page} tabIndex={-1}>
          {/* Pages load on demand (see pages.ts): the header stays while one loads. */}
          <VerifyEmailBanner />
          <MustChangePasswordNotice mustChange={me.mustChangePassword} />
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </main>
        {/* The highlights page shows the same blocks as its content. */}
        {location.pathname !== HIGHLIGHTS && <Rail className={styles.rail} />}
      </div>
    </div>
  );
}

function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        // Live events keep lists current; refetching on focus would make the page jump.
        refetchOnWindowFocus: false,
        retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      },
      mutations: { retry: false },
    },
  });
}

/**
 * The signed-in app: its own query cache and one realtime connection, live feed updates,
 * header and navigation. Mounted per person (keyed by user id), so nothing leaks between people.
 */
export function AppLayout() {
  const [queryClient] = useState(() => {
    // Module-level stores start empty for this person (before any child can fill them).
    clearPending();
    forgetPeople();
    return makeQueryClient();
  });
  return (
    <QueryClientProvider client={queryClient}>
      <RealtimeProvider>
        <Shell />
      </RealtimeProvider>
    </QueryClientProvider>
  );
}
