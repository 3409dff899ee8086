import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { Suspense } from 'react';
import { BrowserRouter, Link, Navigate, Outlet, Route, Routes, useLocation } from 'react-router';
import { ManageIndex, ManageSection } from './admin/ManagePage';
import { RegisterPage, SignInPage, SsoCallbackPage } from './auth/AuthPages';
import { ForgotPasswordPage, ResetPasswordPage, VerifyEmailPage } from './auth/AccountRecoveryPages';
import { useSession } from './auth/useSession';
import { FeedPage } from './feed/FeedPage';
import { I18nProvider, useI18n } from './i18n/I18nProvider';
import { AppLayout } from './layout/AppLayout';
import { HIGHLIGHTS, HighlightsPage } from './layout/Rail';
import {
  AnalyticsPage,
  AnnouncementsPage,
  AskQuestionPage,
  AuditLog,
  CampaignPage,
  CampaignsPage,
  CreateCampaignPage,
  CreateGroupPage,
  DigestPage,
  EmailSuppressionsAdmin,
  ExpertsPage,
  GroupFeedTab,
  GroupHealthTab,
  GroupHelpersTab,
  GroupMembersTab,
  GroupPage,
  GroupReportsTab,
  GroupRequestsTab,
  GroupSettingsTab,
  GroupsPage,
  GuidelinesEditor,
  IdeaPage,
  ManageTrainingPage,
  MentoringPage,
  ModerationSettingsForm,
  NotificationsPage,
  OrgChartPage,
  PeoplePage,
  PeopleImportAdmin,
  PostPage,
  ProfilePage,
  QuestionPage,
  QuestionsPage,
  TopicPage,
  ReceiptsPage,
  ReviewQueue,
  SearchPage,
  SessionsPage,
  SkillSynonymsAdmin,
  TrainingPage,
  UsersAdmin,
  InvitationsAdmin,
  WelcomePage,
} from './pages';
import { AnnouncerProvider } from './ui/Announcer';
import { Loading, useTitle } from './ui/bits';

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

/**
 * The pages of the links in emails run mutations (react-query) signed out too, outside the signed-in
 * shell's per-person client: without one of their own they threw and showed a blank page.
 */
const emailLinkQueries = new QueryClient();
function EmailLinkPages() {
  return (
    <QueryClientProvider client={emailLinkQueries}>
      <Outlet />
    </QueryClientProvider>
  );
}

function NotFound() {
  const { t } = useI18n();
  useTitle(t('notFound.title'));
  return (
    <div className="card empty">
      <h1 className="page-title">{t('notFound.title')}</h1>
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
      <Route path="/sso" element={<SsoCallbackPage />} />
      {/* Links from emails (#15): they work signed in or not. */}
      <Route element={<EmailLinkPages />}>
        <Route path="/forgot-password" element={<ForgotPasswordPage />} />
        <Route path="/reset-password" element={<ResetPasswordPage />} />
        <Route path="/verify" element={<VerifyEmailPage />} />
      </Route>
      <Route element={<RequireSession />}>
        <Route index element={<FeedPage scope="home" />} />
        <Route path="/discover" element={<FeedPage scope="company" />} />
        <Route path="/people" element={<PeoplePage />} />
        <Route path="/people/:id" element={<ProfilePage />} />
        <Route path="/people/:id/org" element={<OrgChartPage />} />
        <Route path="/groups" element={<GroupsPage />} />
        <Route path="/groups/new" element={<CreateGroupPage />} />
        <Route path="/groups/:id" element={<GroupPage />}>
          <Route index element={<GroupFeedTab />} />
          <Route path="members" element={<GroupMembersTab />} />
          <Route path="requests" element={<GroupRequestsTab />} />
          <Route path="settings" element={<GroupSettingsTab />} />
          <Route path="reports" element={<GroupReportsTab />} />
          <Route path="health" element={<GroupHealthTab />} />
          <Route path="helpers" element={<GroupHelpersTab />} />
        </Route>
        <Route path="/campaigns" element={<CampaignsPage />} />
        <Route path="/campaigns/new" element={<CreateCampaignPage />} />
        <Route path="/campaigns/:id" element={<CampaignPage />} />
        <Route path="/ideas/:id" element={<IdeaPage />} />
        <Route path="/posts/:id" element={<PostPage />} />
        <Route path="/announcements" element={<AnnouncementsPage />} />
        <Route path="/announcements/:id/receipts" element={<ReceiptsPage />} />
        <Route path="/questions" element={<QuestionsPage />} />
        <Route path="/questions/ask" element={<AskQuestionPage />} />
        <Route path="/questions/:id" element={<QuestionPage />} />
        <Route path="/topics/:topic" element={<TopicPage />} />
        <Route path="/experts" element={<ExpertsPage />} />
        <Route path="/search" element={<SearchPage />} />
        <Route path={HIGHLIGHTS} element={<HighlightsPage />} />
        <Route path="/mentoring" element={<MentoringPage />} />
        <Route path="/training" element={<TrainingPage />} />
        <Route path="/training/manage" element={<ManageTrainingPage />} />
        <Route path="/welcome" element={<WelcomePage />} />
        <Route path="/notifications" element={<NotificationsPage />} />
        <Route path="/digest" element={<DigestPage />} />
        <Route path="/settings/sessions" element={<SessionsPage />} />
        <Route path="/manage" element={<ManageIndex />} />
        <Route
          path="/manage/queue"
          element={
            <ManageSection path="queue">
              <ReviewQueue />
            </ManageSection>
          }
        />
        <Route
          path="/manage/audit"
          element={
            <ManageSection path="audit">
              <AuditLog />
            </ManageSection>
          }
        />
        <Route
          path="/manage/settings"
          element={
            <ManageSection path="settings">
              <ModerationSettingsForm />
            </ManageSection>
          }
        />
        <Route
          path="/manage/users"
          element={
            <ManageSection path="users">
              <UsersAdmin />
            </ManageSection>
          }
        />
        <Route
          path="/manage/guidelines"
          element={
            <ManageSection path="guidelines">
              <GuidelinesEditor />
            </ManageSection>
          }
        />
        <Route
          path="/manage/skills"
          element={
            <ManageSection path="skills">
              <SkillSynonymsAdmin />
            </ManageSection>
          }
        />
        <Route
          path="/manage/email"
          element={
            <ManageSection path="email">
              <EmailSuppressionsAdmin />
            </ManageSection>
          }
        />
        <Route
          path="/manage/invitations"
          element={
            <ManageSection path="invitations">
              <InvitationsAdmin />
            </ManageSection>
          }
        />
        <Route
          path="/manage/people-import"
          element={
            <ManageSection path="people-import">
              <PeopleImportAdmin />
            </ManageSection>
          }
        />
        <Route
          path="/manage/analytics"
          element={
            <ManageSection path="analytics">
              <AnalyticsPage />
            </ManageSection>
          }
        />
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
          {/* Route pages load on demand (./pages); AppLayout has its own boundary around the page area. */}
          <Suspense fallback={<Loading />}>
            <Routed />
          </Suspense>
        </BrowserRouter>
      </AnnouncerProvider>
    </I18nProvider>
  );
}
