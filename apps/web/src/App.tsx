import { BrowserRouter, Link, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { RegisterPage, SignInPage } from './auth/AuthPages';
import { useSession } from './auth/useSession';
import { FeedPage } from './feed/FeedPage';
import { I18nProvider, useI18n } from './i18n/I18nProvider';
import { AppLayout } from './layout/AppLayout';
import { ProfilePage } from './people/ProfilePage';
import { AnnouncerProvider } from './ui/Announcer';
import { useTitle } from './ui/bits';

function RequireSession() {
  const session = useSession();
  const location = useLocation();
  if (!session) return <Navigate to="/signin" replace state={{ from: location.pathname + location.search }} />;
  // One cache and one realtime connection per person: a different person remounts everything.
  return <AppLayout key={session.user.id} />;
}

function PublicOnly() {
  const session = useSession();
  const location = useLocation();
  if (session) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={from && from.startsWith('/') && !from.startsWith('//') ? from : '/'} replace />;
  }
  return <Outlet />;
}

function NotFound() {
  const { t } = useI18n();
  useTitle(t('notFound.title'));
  return (
    <div className="card empty">
      <h1>{t('notFound.title')}</h1>
      <p>{t('error.notFound')}</p>
      <Link to="/">{t('common.backHome')}</Link>
    </div>
  );
}

function Routed() {
  return (
    <Routes>
      <Route element={<PublicOnly />}>
        <Route path="/signin" element={<SignInPage />} />
        <Route path="/register" element={<RegisterPage />} />
      </Route>
      <Route element={<RequireSession />}>
        <Route index element={<FeedPage scope="home" />} />
        <Route path="/discover" element={<FeedPage scope="company" />} />
        <Route path="/people/:id" element={<ProfilePage />} />
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <I18nProvider>
      <AnnouncerProvider>
        <BrowserRouter>
          <Routed />
        </BrowserRouter>
      </AnnouncerProvider>
    </I18nProvider>
  );
}
