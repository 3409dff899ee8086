import { query, request, requestBlob } from './client';
import type { Body, Schema } from './schema';
import type {
  Account,
  AvatarChange,
  Answer,
  EarnedBadge,
  HelperDigest,
  Kudos,
  TopicPageData,
  TrendingTopics,
  AppNotification,
  MarkReadBody,
  AuditEntry,
  Ban,
  ContentType,
  Digest,
  DirectoryPerson,
  Expert,
  Guidelines,
  MentoringProfile,
  MentoringRequest,
  SkillSynonym,
  ModerationSettings,
  NotificationPreferenceChange,
  NotificationPreferences,
  EmailSuppression,
  Overview,
  Question,
  QuestionDetail,
  QuestionStatus,
  QueueItem,
  Report,
  Resolution,
  ResolutionAction,
  Role,
  SimilarQuestion,
  Campaign,
  CampaignInput,
  CampaignSummary,
  GroupHealth,
  ImplementationPatch,
  Comment,
  Decision,
  FeedScope,
  Group,
  GroupCard,
  GroupInput,
  GroupRole,
  IdeaComment,
  Idea,
  IdeaDetail,
  IdeaSort,
  JoinRequest,
  Me,
  Member,
  MemberRole,
  MyJoinRequest,
  NewPoll,
  Page,
  Poll,
  Post,
  Profile,
  ProfilePatch,
  ReactionCounts,
  ReactionKind,
  Review,
  Session,
  SimilarIdea,
  UserSummary,
  VoteAnswer,
  SearchHit,
  SearchType,
} from './types';

const PAGE = 20;

interface ReactionsAnswer {
  reactions: ReactionCounts;
  myReactions?: ReactionKind[];
}
const id = encodeURIComponent;

/** GET /api/auth/providers (#15). */
export type SignInProviders = Schema<'SignInProvidersView'>;

/** The session single sign-on hands over, with where to end the provider's session on sign-out. */
export type SsoSession = Schema<'SsoSessionView'>;

export const authApi = {
  register: (body: Schema<'RegisterDto'>) => request<Session>('POST', '/api/auth/register', body, { auth: false }),
  /** How people sign in here (#15): passwords, single sign-on, the sign-up mode. */
  providers: () => request<SignInProviders>('GET', '/api/auth/providers', undefined, { auth: false }),
  /** Trades the single sign-on callback's one-time code for the session. */
  ssoExchange: (code: string) => request<SsoSession>('POST', '/api/auth/oidc/exchange', { code }, { auth: false }),
  login: (body: { email: string; password: string }) => request<Session>('POST', '/api/auth/login', body, { auth: false }),
  me: () => request<Me>('GET', '/api/me'),
};

export const peopleApi = {
  get: (userId: string) => request<Profile>('GET', `/api/users/${id(userId)}`),
  updateMe: (patch: ProfilePatch) => request<Profile>('PATCH', '/api/me', patch),
  setAvatar: (fileId: string) => request<AvatarChange>('PUT', '/api/me/avatar', { fileId }),
  removeAvatar: () => request<AvatarChange>('DELETE', '/api/me/avatar'),
  follow: (userId: string) => request<void>('PUT', `/api/users/${id(userId)}/follow`),
  unfollow: (userId: string) => request<void>('DELETE', `/api/users/${id(userId)}/follow`),
  endorse: (userId: string, skill: string) => request<void>('PUT', `/api/users/${id(userId)}/skills/${id(skill)}/endorsement`),
  unendorse: (userId: string, skill: string) =>
    request<void>('DELETE', `/api/users/${id(userId)}/skills/${id(skill)}/endorsement`),
  posts: (userId: string, cursor: string | null) =>
    request<Page<Post>>('GET', `/api/users/${id(userId)}/posts${query({ limit: PAGE, cursor })}`),
  /** Handle prefix or part of the name; `q` must not be blank. Filters: department, location. */
  search: (q: string, limit = 10, signal?: AbortSignal, filters: { department?: string; location?: string } = {}) =>
    request<{ items: UserSummary[] }>('GET', `/api/users${query({ q, limit, ...filters })}`, undefined, { signal }),
  /** Everyone active, alphabetically, optionally in one department and/or location. */
  directory: (filters: { department?: string; location?: string }, cursor: string | null, signal?: AbortSignal) =>
    request<Page<DirectoryPerson>>('GET', `/api/users${query({ ...filters, limit: PAGE, cursor })}`, undefined, { signal }),
};

export const feedApi = {
  feed: (scope: FeedScope, cursor: string | null) =>
    request<Page<Post>>('GET', `/api/feed${query({ scope: scope === 'company' ? 'company' : undefined, limit: PAGE, cursor })}`),
  create: (body: string, groupId?: string, attachmentIds: string[] = [], poll?: NewPoll) =>
    request<Post>('POST', '/api/posts', {
      body,
      ...(groupId ? { groupId } : {}),
      ...(attachmentIds.length ? { attachmentIds } : {}),
      ...(poll ? { poll } : {}),
    }),
  get: (postId: string) => request<Post>('GET', `/api/posts/${id(postId)}`),
  update: (postId: string, body: string) => request<Post>('PATCH', `/api/posts/${id(postId)}`, { body }),
  remove: (postId: string) => request<void>('DELETE', `/api/posts/${id(postId)}`),
  comments: (postId: string, cursor: string | null) =>
    request<Page<Comment>>('GET', `/api/posts/${id(postId)}/comments${query({ limit: 50, cursor })}`),
  comment: (postId: string, body: string) => request<Comment>('POST', `/api/posts/${id(postId)}/comments`, { body }),
  editComment: (commentId: string, body: string) => request<Comment>('PATCH', `/api/comments/${id(commentId)}`, { body }),
  removeComment: (commentId: string) => request<void>('DELETE', `/api/comments/${id(commentId)}`),
  react: (postId: string, kind: ReactionKind) => request<ReactionsAnswer>('PUT', `/api/posts/${id(postId)}/reactions/${kind}`),
  unreact: (postId: string, kind: ReactionKind) =>
    request<ReactionsAnswer>('DELETE', `/api/posts/${id(postId)}/reactions/${kind}`),
  /** Replaces my choice in the post's poll (#14). */
  vote: (postId: string, optionIds: string[]) => request<Poll>('PUT', `/api/posts/${id(postId)}/poll/vote`, { optionIds }),
  /** Withdraws my choice. */
  unvote: (postId: string) => request<Poll>('DELETE', `/api/posts/${id(postId)}/poll/vote`),
};

export const groupsApi = {
  list: (params: { q?: string; mine?: boolean }, cursor: string | null) =>
    request<Page<GroupCard>>(
      'GET',
      `/api/groups${query({ q: params.q, mine: params.mine ? 'true' : undefined, limit: PAGE, cursor })}`,
    ),
  get: (groupId: string) => request<Group>('GET', `/api/groups/${id(groupId)}`),
  create: (body: GroupInput) => request<Group>('POST', '/api/groups', body),
  update: (groupId: string, patch: Body<'/api/groups/{id}', 'patch'>) =>
    request<Group>('PATCH', `/api/groups/${id(groupId)}`, patch),
  feed: (groupId: string, cursor: string | null) =>
    request<Page<Post>>('GET', `/api/groups/${id(groupId)}/feed${query({ limit: PAGE, cursor })}`),
  join: (groupId: string) => request<{ myRole: GroupRole }>('POST', `/api/groups/${id(groupId)}/join`),
  /** My pending requests to join groups, newest first. */
  myRequests: (cursor: string | null) =>
    request<Page<MyJoinRequest>>('GET', `/api/me/group-requests${query({ limit: PAGE, cursor })}`),
  /** Leave (yourself, also withdraws a request) or remove someone. */
  removeMember: (groupId: string, userId: string) => request<void>('DELETE', `/api/groups/${id(groupId)}/members/${id(userId)}`),
  members: (groupId: string, cursor: string | null) =>
    request<Page<Member>>('GET', `/api/groups/${id(groupId)}/members${query({ limit: 50, cursor })}`),
  setRole: (groupId: string, userId: string, role: MemberRole) =>
    request<Member>('PUT', `/api/groups/${id(groupId)}/members/${id(userId)}`, { role }),
  requests: (groupId: string, cursor: string | null) =>
    request<Page<JoinRequest>>('GET', `/api/groups/${id(groupId)}/requests${query({ limit: 50, cursor })}`),
  decide: (groupId: string, userId: string, decision: 'approve' | 'reject') =>
    request<unknown>('POST', `/api/groups/${id(groupId)}/requests/${id(userId)}/${decision}`),
  ban: (groupId: string, body: { userId: string; reason: string; until?: string }) =>
    request<Ban>('POST', `/api/groups/${id(groupId)}/bans`, body),
  bans: (groupId: string, cursor: string | null) =>
    request<Page<Ban>>('GET', `/api/groups/${id(groupId)}/bans${query({ limit: 50, cursor })}`),
  unban: (groupId: string, userId: string) => request<void>('DELETE', `/api/groups/${id(groupId)}/bans/${id(userId)}`),
};

export const campaignsApi = {
  list: (cursor: string | null) => request<Page<Campaign>>('GET', `/api/campaigns${query({ limit: PAGE, cursor })}`),
  open: () => request<Page<Campaign>>('GET', `/api/campaigns${query({ status: 'open', limit: PAGE })}`),
  get: (campaignId: string) => request<Campaign>('GET', `/api/campaigns/${id(campaignId)}`),
  create: (body: CampaignInput) => request<Campaign>('POST', '/api/campaigns', body),
  /** Drafts only (409 once open). */
  update: (campaignId: string, patch: Partial<CampaignInput>) =>
    request<Campaign>('PATCH', `/api/campaigns/${id(campaignId)}`, patch),
  summary: (campaignId: string, top = 10) =>
    request<CampaignSummary>('GET', `/api/campaigns/${id(campaignId)}/summary${query({ top })}`),
  transition: (campaignId: string, action: 'open' | 'advance' | 'close') =>
    request<Campaign>('POST', `/api/campaigns/${id(campaignId)}/${action}`),
  ideas: (campaignId: string, sort: IdeaSort, cursor: string | null) =>
    request<Page<Idea>>('GET', `/api/campaigns/${id(campaignId)}/ideas${query({ sort, limit: PAGE, cursor })}`),
  submit: (campaignId: string, body: { title: string; body: string }) =>
    request<Idea>('POST', `/api/campaigns/${id(campaignId)}/ideas`, body),
  similar: (campaignId: string, title: string, signal?: AbortSignal) =>
    request<{ items: SimilarIdea[] }>(
      'GET',
      `/api/campaigns/${id(campaignId)}/ideas/similar${query({ title, limit: 5 })}`,
      undefined,
      {
        signal,
      },
    ),
};

export const ideasApi = {
  get: (ideaId: string) => request<IdeaDetail>('GET', `/api/ideas/${id(ideaId)}`),
  vote: (ideaId: string) => request<VoteAnswer>('PUT', `/api/ideas/${id(ideaId)}/vote`),
  unvote: (ideaId: string) => request<VoteAnswer>('DELETE', `/api/ideas/${id(ideaId)}/vote`),
  comments: (ideaId: string, cursor: string | null) =>
    request<Page<IdeaComment>>('GET', `/api/ideas/${id(ideaId)}/comments${query({ limit: 50, cursor })}`),
  comment: (ideaId: string, body: string) => request<IdeaComment>('POST', `/api/ideas/${id(ideaId)}/comments`, { body }),
  review: (ideaId: string, body: { scores: Record<string, number>; comment: string }) =>
    request<Review>('POST', `/api/ideas/${id(ideaId)}/reviews`, body),
  decide: (ideaId: string, body: { status: Decision; rationale?: string }) =>
    request<IdeaDetail>('POST', `/api/ideas/${id(ideaId)}/decision`, body),
  /** `ideaId` is the duplicate; `intoId` survives. */
  merge: (ideaId: string, intoId: string) =>
    request<{ merged: Idea; into: Idea }>('POST', `/api/ideas/${id(ideaId)}/merge`, { intoId }),
  implementation: (ideaId: string, patch: ImplementationPatch) =>
    request<IdeaDetail>('PATCH', `/api/ideas/${id(ideaId)}/implementation`, patch),
};

export const moderationApi = {
  report: (body: { targetType: ContentType; targetId: string; reason: string }) => request<Report>('POST', '/api/reports', body),
  queue: (params: { groupId?: string }, cursor: string | null) =>
    request<Page<QueueItem>>('GET', `/api/moderation/queue${query({ groupId: params.groupId, limit: PAGE, cursor })}`),
  resolve: (reportId: string, body: { action: ResolutionAction; note?: string }) =>
    request<Resolution>('POST', `/api/moderation/reports/${id(reportId)}/resolve`, body),
  audit: (params: { action?: string; targetId?: string; limit?: number }, cursor: string | null) =>
    request<Page<AuditEntry>>(
      'GET',
      `/api/moderation/audit${query({ action: params.action, targetId: params.targetId, limit: params.limit ?? PAGE, cursor })}`,
    ),
  settings: () => request<ModerationSettings>('GET', '/api/moderation/settings'),
  updateSettings: (body: { autoHideThreshold?: number; blockedTerms?: string[] }) =>
    request<ModerationSettings>('PUT', '/api/moderation/settings', body),
};

export const guidelinesApi = {
  get: () => request<Guidelines>('GET', '/api/guidelines'),
  publish: (body: string) => request<Guidelines>('PUT', '/api/guidelines', { body }),
  accept: (version: number) => request<void>('POST', '/api/guidelines/accept', { version }),
};

export const adminApi = {
  setRoles: (userId: string, roles: Role[]) => request<Account>('PUT', `/api/admin/users/${id(userId)}/roles`, { roles }),
  setSuspension: (userId: string, body: { suspended: boolean; reason: string }) =>
    request<Account>('PUT', `/api/admin/users/${id(userId)}/suspension`, body),
};

export const notificationsApi = {
  list: (params: { unread?: boolean; kinds?: readonly string[] }, cursor: string | null) =>
    request<Page<AppNotification>>(
      'GET',
      `/api/notifications${query({ unread: params.unread ? 'true' : undefined, kinds: params.kinds?.join(','), limit: PAGE, cursor })}`,
    ),
  unreadCount: () => request<{ count: number }>('GET', '/api/notifications/unread-count'),
  markRead: (body: MarkReadBody) => request<void>('POST', '/api/notifications/read', body),
  digest: () => request<Digest>('GET', '/api/digest'),
  preferences: () => request<NotificationPreferences>('GET', '/api/notifications/preferences'),
  setPreferences: (preferences: NotificationPreferenceChange[], digestEmail?: boolean) =>
    request<NotificationPreferences>('PUT', '/api/notifications/preferences', {
      ...(preferences.length ? { preferences } : {}),
      ...(digestEmail === undefined ? {} : { digestEmail }),
    }),
};

/** Kudos and badges (#17). */
export const recognitionApi = {
  /** A group's "who helped" digest for a month (YYYY-MM; default last month): managers only. */
  helpers: (groupId: string, month?: string) =>
    request<HelperDigest>('GET', `/api/groups/${id(groupId)}/helpers${query({ month })}`),
  give: (body: { targetType: Kudos['targetType']; targetId: string; message: string }) =>
    request<Kudos>('POST', '/api/kudos', body),
  kudosOf: (userId: string) => request<Page<Kudos>>('GET', `/api/users/${id(userId)}/kudos${query({ limit: 10 })}`),
  badgesOf: (userId: string) => request<{ items: EarnedBadge[] }>('GET', `/api/users/${id(userId)}/badges`),
};

/** Topics as places (#17): follow, help with a weekly cap, the page. */
export const topicsApi = {
  get: (topic: string) => request<TopicPageData>('GET', `/api/topics/${id(topic)}`),
  /** The hashtags with the most posts I may see in the last 7 days (#16). */
  trending: (limit = 5) => request<TrendingTopics>('GET', `/api/topics/trending${query({ limit })}`),
  follow: (topic: string) => request<void>('PUT', `/api/topics/${id(topic)}/follow`),
  unfollow: (topic: string) => request<void>('DELETE', `/api/topics/${id(topic)}/follow`),
  help: (topic: string, weeklyCap: number) => request<unknown>('PUT', `/api/topics/${id(topic)}/helper`, { weeklyCap }),
  stopHelping: (topic: string) => request<void>('DELETE', `/api/topics/${id(topic)}/helper`),
};

export const questionsApi = {
  list: (params: { status?: QuestionStatus; topic?: string; forMe?: boolean }, cursor: string | null) =>
    request<Page<Question>>(
      'GET',
      `/api/questions${query({ status: params.status, topic: params.topic, for: params.forMe ? 'me' : undefined, limit: PAGE, cursor })}`,
    ),
  get: (questionId: string) => request<QuestionDetail>('GET', `/api/questions/${id(questionId)}`),
  ask: (body: { title: string; body: string; topics: string[] }) => request<Question>('POST', '/api/questions', body),
  similar: (title: string, signal?: AbortSignal) =>
    request<{ items: SimilarQuestion[] }>('GET', `/api/questions/similar${query({ title, limit: 5 })}`, undefined, { signal }),
  answer: (questionId: string, body: string) => request<Answer>('POST', `/api/questions/${id(questionId)}/answers`, { body }),
  accept: (questionId: string, answerId: string) =>
    request<QuestionDetail>('POST', `/api/questions/${id(questionId)}/accept`, { answerId }),
  claim: (questionId: string) => request<unknown>('POST', `/api/questions/${id(questionId)}/claim`),
  release: (questionId: string) => request<void>('DELETE', `/api/questions/${id(questionId)}/claim`),
  vote: (answerId: string) => request<{ voteCount: number; myVote: boolean }>('PUT', `/api/answers/${id(answerId)}/vote`),
  unvote: (answerId: string) => request<{ voteCount: number; myVote: boolean }>('DELETE', `/api/answers/${id(answerId)}/vote`),
};

export const expertsApi = {
  search: (params: { q: string; department?: string; location?: string }, signal?: AbortSignal) =>
    request<{ items: Expert[] }>('GET', `/api/experts${query({ ...params, limit: 10 })}`, undefined, { signal }),
};

/** What anyone may know of a person's mentoring (GET /api/users/:id/mentoring). */
export type PublicMentoring = Schema<'PublicMentoringView'>;

export const mentoringApi = {
  mine: () => request<MentoringProfile>('GET', '/api/me/mentoring'),
  /** Another person's offer: the skills they mentor on and whether they take a mentee now. */
  of: (userId: string) => request<PublicMentoring>('GET', `/api/users/${id(userId)}/mentoring`),
  update: (body: Body<'/api/me/mentoring', 'put'>) => request<MentoringProfile>('PUT', '/api/me/mentoring', body),
  /** Paired at once with a willing mentor when one has room, else `waiting`. */
  ask: (body: { skill: string; note?: string }) => request<MentoringRequest>('POST', '/api/mentoring/requests', body),
  requests: (role: 'mentee' | 'mentor', cursor: string | null) =>
    request<Page<MentoringRequest>>('GET', `/api/mentoring/requests${query({ role, limit: PAGE, cursor })}`),
  close: (requestId: string) => request<MentoringRequest>('POST', `/api/mentoring/requests/${id(requestId)}/close`),
};

export const emailAdminApi = {
  suppressions: (cursor?: string) =>
    request<Page<EmailSuppression>>('GET', `/api/admin/email/suppressions${query({ limit: 50, cursor })}`),
  lift: (address: string) => request<void>('DELETE', `/api/admin/email/suppressions/${encodeURIComponent(address)}`),
};

export const skillSynonymsApi = {
  list: () => request<{ items: SkillSynonym[] }>('GET', '/api/admin/skill-synonyms'),
  /** Replaces the whole table. */
  replace: (synonyms: SkillSynonym[]) => request<{ items: SkillSynonym[] }>('PUT', '/api/admin/skill-synonyms', { synonyms }),
};

export const searchApi = {
  /** One ranked search over posts, people, groups, ideas and questions (only what the caller may see). */
  search: (params: { q: string; type?: SearchType; cursor: string | null }, signal?: AbortSignal) =>
    request<Page<SearchHit>>('GET', `/api/search${query({ ...params, limit: PAGE })}`, undefined, { signal }),
};

export const analyticsApi = {
  overview: (from: string, to: string) => request<Overview>('GET', `/api/analytics/overview${query({ from, to })}`),
  exportCsv: (from: string, to: string) => requestBlob(`/api/analytics/export.csv${query({ from, to })}`),
  groupHealth: (groupId: string, weeks: number) =>
    request<GroupHealth>('GET', `/api/groups/${id(groupId)}/health${query({ weeks })}`),
};
