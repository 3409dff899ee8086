import { type ComponentType, lazy, type LazyExoticComponent } from 'react';

/**
 * The route pages loaded on demand, each in its own chunk (with what only it uses), so signing in
 * and the home feed download none of the admin, analytics, ideas, questions or moderation code.
 * App.tsx renders them under a Suspense boundary (the page area in AppLayout). The sign-in pages,
 * the layout and the home feed stay in the main bundle: they are what the first visit shows.
 *
 * A new route page: add it here with the same name as its export, and import it from './pages'.
 */
// `any` props, as React.lazy's own signature: each page keeps its real props type through T.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function page<K extends string, T extends ComponentType<any>>(
  load: () => Promise<Record<K, T>>,
  name: K,
): LazyExoticComponent<T> {
  return lazy(async () => ({ default: (await load())[name] }));
}

export const GuidelinesEditor = page(() => import('./admin/GuidelinesEditor'), 'GuidelinesEditor');
export const SkillSynonymsAdmin = page(() => import('./admin/SkillSynonymsAdmin'), 'SkillSynonymsAdmin');
export const EmailSuppressionsAdmin = page(() => import('./admin/EmailSuppressionsAdmin'), 'EmailSuppressionsAdmin');
export const UsersAdmin = page(() => import('./admin/UsersAdmin'), 'UsersAdmin');
export const InvitationsAdmin = page(() => import('./admin/InvitationsAdmin'), 'InvitationsAdmin');
export const AnalyticsPage = page(() => import('./analytics/AnalyticsPage'), 'AnalyticsPage');
export const ReceiptsPage = page(() => import('./announcements/ReceiptsPage'), 'ReceiptsPage');
export const AnnouncementsPage = page(() => import('./announcements/AnnouncementsPage'), 'AnnouncementsPage');
export const PostPage = page(() => import('./feed/PostPage'), 'PostPage');
export const CreateGroupPage = page(() => import('./groups/CreateGroupPage'), 'CreateGroupPage');
export const GroupFeedTab = page(() => import('./groups/GroupFeedTab'), 'GroupFeedTab');
export const GroupHealthTab = page(() => import('./groups/GroupHealthTab'), 'GroupHealthTab');
export const GroupHelpersTab = page(() => import('./recognition/GroupHelpersTab'), 'GroupHelpersTab');
export const GroupMembersTab = page(() => import('./groups/GroupMembersTab'), 'GroupMembersTab');
export const GroupPage = page(() => import('./groups/GroupPage'), 'GroupPage');
export const GroupReportsTab = page(() => import('./groups/GroupReportsTab'), 'GroupReportsTab');
export const GroupRequestsTab = page(() => import('./groups/GroupRequestsTab'), 'GroupRequestsTab');
export const GroupSettingsTab = page(() => import('./groups/GroupSettingsTab'), 'GroupSettingsTab');
export const GroupsPage = page(() => import('./groups/GroupsPage'), 'GroupsPage');
export const CampaignPage = page(() => import('./ideas/CampaignPage'), 'CampaignPage');
export const CampaignsPage = page(() => import('./ideas/CampaignsPage'), 'CampaignsPage');
export const CreateCampaignPage = page(() => import('./ideas/CreateCampaignPage'), 'CreateCampaignPage');
export const IdeaPage = page(() => import('./ideas/IdeaPage'), 'IdeaPage');
export const MentoringPage = page(() => import('./mentoring/MentoringPage'), 'MentoringPage');
export const TrainingPage = page(() => import('./training/TrainingPage'), 'TrainingPage');
export const ManageTrainingPage = page(() => import('./training/ManageTrainingPage'), 'ManageTrainingPage');
export const WelcomePage = page(() => import('./training/WelcomePage'), 'WelcomePage');
export const AuditLog = page(() => import('./moderation/AuditLog'), 'AuditLog');
export const ModerationSettingsForm = page(() => import('./moderation/ModerationSettingsForm'), 'ModerationSettingsForm');
export const ReviewQueue = page(() => import('./moderation/ReviewQueue'), 'ReviewQueue');
export const DigestPage = page(() => import('./notifications/DigestPage'), 'DigestPage');
export const NotificationsPage = page(() => import('./notifications/NotificationsPage'), 'NotificationsPage');
export const SearchPage = page(() => import('./search/SearchPage'), 'SearchPage');
export const SessionsPage = page(() => import('./sessions/SessionsPage'), 'SessionsPage');
export const PeoplePage = page(() => import('./people/PeoplePage'), 'PeoplePage');
export const ProfilePage = page(() => import('./people/ProfilePage'), 'ProfilePage');
export const OrgChartPage = page(() => import('./people/OrgChartPage'), 'OrgChartPage');
export const PeopleImportAdmin = page(() => import('./admin/PeopleImportAdmin'), 'PeopleImportAdmin');
export const AskQuestionPage = page(() => import('./questions/AskQuestionPage'), 'AskQuestionPage');
export const ExpertsPage = page(() => import('./questions/ExpertsPage'), 'ExpertsPage');
export const QuestionPage = page(() => import('./questions/QuestionPage'), 'QuestionPage');
export const QuestionsPage = page(() => import('./questions/QuestionsPage'), 'QuestionsPage');
export const TopicPage = page(() => import('./questions/TopicPage'), 'TopicPage');
