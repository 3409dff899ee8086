/**
 * Shapes of the Ruche API. Those the OpenAPI document describes are aliases of the generated
 * schemas (openapi.d.ts, `npm run api:types`, #16); the rest (live events, request bodies, views
 * whose documented schema does not match yet) are still written here by hand.
 */

import type { AttachmentView, ClientEventMap, FileView, PollCounts, PollView } from '@ruche/contracts';
import type { Body, Schema } from './schema';

/** A link's preview card (#14): plain text fields, `image.url` a signed link to the stored copy. */
export type LinkPreview = import('@ruche/contracts').LinkPreviewView;
/** `post.link_previews`: a post's cards, fetched after it was written. */
export type PostLinkPreviewsEvent = ClientEventMap['post.link_previews'];
/** `item.link_previews`: a comment's, question's, answer's, idea's or idea comment's cards; `parentId` its post, question or idea. */
export type ItemLinkPreviewsEvent = ClientEventMap['item.link_previews'];

/** A file on a post or comment: `url` and `thumbnailUrl` are signed links, usable in <img> and <a>. */
export type Attachment = AttachmentView;
/** An upload's answer (POST /api/files). */
export type UploadedFile = FileView;
/** What setting or removing one's photo answers (#16). */
export type AvatarChange = Schema<'AvatarView'>;

/** A poll in a post (#14): exact counts, `myVotes` the caller's choices (option ids). */
export type Poll = PollView;
export type { PollCounts };

/** A poll as the composer sends it with a new post. */
export type NewPoll = Schema<'CreatePollDto'>;

/**
 * A live event as the contract types it, but carrying the generated view (which caches share with
 * REST answers) as `field` in place of the contract's own copy of it.
 */
type CarryingView<E extends keyof ClientEventMap, F extends keyof ClientEventMap[E], View> = Omit<ClientEventMap[E], F> &
  Record<F, View>;

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Role = Schema<'UserView'>['roles'][number];

/** The signed-in account (GET /api/me, and `user` in a session). */
export type Me = Schema<'UserView'>;

export type Session = Schema<'SessionView'>;

/** A person as embedded in posts and comments. */
export type UserSummary = Schema<'UserSummaryView'>;

export type Skill = Schema<'ProfileSkillView'>;

/** A profile as `GET /api/users/:id` shows it; `locale` and `timeZone` only on one's own. */
export type Profile = Schema<'ProfileView'>;

export type ProfilePatch = Body<'/api/me', 'patch'>;

export const REACTION_KINDS = ['like', 'celebrate', 'insightful', 'support'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
/** Every kind, 0 when nobody reacted so. */
export type ReactionCounts = Schema<'ReactionCountsView'>;

/** A post as the feed and its live events carry it (`myReactions` always [] in events). */
export type Post = Schema<'PostView'>;

export type Comment = Schema<'CommentView'>;

export type FeedScope = 'home' | 'company';

/** #14: a comment edited by its author, or deleted. */
export type CommentUpdatedEvent = CarryingView<'comment.updated', 'comment', Comment>;
export type CommentDeletedEvent = ClientEventMap['comment.deleted'];

/** Realtime payloads (each carries the monotonic `eventId`). */
export type PostCreatedEvent = CarryingView<'post.created', 'post', Post>;
// Not CarryingView: `post` stays optional, as useFeedRealtime also reads a payload that is the post itself.
export interface PostUpdatedEvent {
  eventId: number;
  post?: Post;
}
export type PostDeletedEvent = ClientEventMap['post.deleted'];
export type CommentCreatedEvent = CarryingView<'comment.created', 'comment', Comment>;
export type ReactionUpdatedEvent = ClientEventMap['reaction.updated'];
/** Someone voted in a post's poll (#14): its counts after the vote, nobody's choices. */
export type PollVotedEvent = ClientEventMap['poll.voted'];

/** A live event for a group member (`post.hidden` drops a post moderators took out of sight). */
export type PostHiddenEvent = ClientEventMap['post.hidden'];

// ---- Groups ------------------------------------------------------------------------------

export type GroupVisibility = 'public' | 'private';
export type MemberRole = 'owner' | 'admin' | 'member';
export type GroupRole = MemberRole | 'pending';

export type GroupCard = Schema<'GroupCardView'>;

/** A group; a pending requester of a private group gets the card only, without its guidelines. */
export type Group = Schema<'GroupView'>;

/** One of my pending requests to join a group. */
export type MyJoinRequest = Schema<'MyJoinRequestView'>;

export type GroupInput = Body<'/api/groups', 'post'>;

export type Member = Schema<'MemberView'>;

export type JoinRequest = Schema<'JoinRequestView'>;

export type Ban = Schema<'BanView'>;

export interface GroupMembershipEvent {
  eventId: number;
  groupId: string;
  userId: string;
}

// ---- Idea campaigns ----------------------------------------------------------------------

export type CampaignStatus = 'draft' | 'open' | 'review' | 'closed';
export type IdeaStatus = 'submitted' | 'in_review' | 'not_selected' | 'selected' | 'rejected' | 'implemented' | 'merged';
export type Decision = 'selected' | 'rejected' | 'implemented';
export type IdeaSort = 'top' | 'new';

export type Criterion = Schema<'CriterionView'>;

export type Campaign = Schema<'CampaignView'>;

/** The campaign form's value, for create and edit alike (so not the create DTO: on edit, a null `closesAt` clears the deadline). */
export interface CampaignInput {
  title: string;
  description: string;
  topics: string[];
  criteria: Criterion[];
  reviewerIds: string[];
  advanceTopN: number;
  /** ISO date-time in the future, or null for none. */
  closesAt?: string | null;
}

export type Idea = Schema<'IdeaView'>;

export type Milestone = Schema<'MilestoneView'>;

export type Implementation = Schema<'ImplementationView'>;

export type ImplementationPatch = Body<'/api/ideas/{id}/implementation', 'patch'>;

export type CampaignFigures = Schema<'CampaignFigures'>;

export type LeaderboardEntry = Schema<'LeaderboardEntry'>;

export type CampaignSummary = Schema<'CampaignSummaryView'>;

export type Review = Schema<'ReviewView'>;

export type IdeaDetail = Schema<'IdeaDetailView'>;

export type IdeaComment = Schema<'IdeaCommentView'>;

export type SimilarIdea = Schema<'SimilarIdeaView'>;

export type VoteAnswer = Schema<'IdeaVoteView'>;

export type IdeaCreatedEvent = CarryingView<'idea.created', 'idea', Idea>;
export type IdeaUpdatedEvent = CarryingView<'idea.updated', 'idea', Idea>;
export type IdeaVotedEvent = ClientEventMap['idea.voted'];
export type IdeaStatusEvent = ClientEventMap['idea.status'];
export type ReviewCreatedEvent = CarryingView<'review.created', 'review', Review>;
export type IdeaCommentCreatedEvent = ClientEventMap['idea.comment_created'];
export type CampaignStatusEvent = ClientEventMap['campaign.status'];
export type IdeaHiddenEvent = ClientEventMap['idea.hidden'];
export type IdeaRestoredEvent = CarryingView<'idea.restored', 'idea', Idea>;
export type IdeaMergedEvent = ClientEventMap['idea.merged'];
export type IdeaImplementationEvent = ClientEventMap['idea.implementation_updated'];

// ---- Moderation and administration ---------------------------------------------------------

/** What can be reported: the server's list, kudos (a public thank-you's message) included. */
export type ContentType = Schema<'ReportView'>['targetType'];
export type ModerationState = 'visible' | 'hidden' | 'removed' | 'held';
/** On content only moderators (or, when held, its author) can see. */
export type ModerationMarker = Schema<'ModerationMarkerView'>;
export type ResolutionAction = 'dismiss' | 'hide' | 'remove';

export type Report = Schema<'ReportView'>;

/** A case of the review queue: every open report on one piece of content. */
export type QueueItem = Schema<'QueueItem'>;

export type Resolution = Schema<'ResolutionView'>;

export type AuditEntry = Schema<'AuditEntryView'>;

export type ModerationSettings = Schema<'SettingsView'>;

export type Guidelines = Schema<'GuidelinesView'>;

/** An account as the admin endpoints answer it. */
/** An account as admins change it (roles, suspension): the same view as the signed-in account's. */
export type Account = Schema<'UserView'>;

export type PostRestoredEvent = CarryingView<'post.restored', 'post', Post>;
export type CommentHiddenEvent = ClientEventMap['comment.hidden'];
export type CommentRestoredEvent = CarryingView<'comment.restored', 'comment', Comment>;

// ---- Notifications ---------------------------------------------------------------------------

export type AppNotification = Schema<'NotificationView'>;

/** What and where, as the server read it for me now. */
export type NotificationAbout = Schema<'NotificationAboutView'>;

/**
 * What POST /api/notifications/read takes: some ids, every one of some kinds, or all. Stricter than the
 * generated MarkReadDto, whose fields are all optional: exactly one way of choosing.
 */
export type MarkReadBody = { ids: string[] } | { kinds: string[] } | { all: true };

export type NotificationPreference = Schema<'PreferenceView'>;

export type NotificationPreferences = Schema<'PreferencesView'>;

/** A change to one kind: the fields given change, the others stay. */
export type NotificationPreferenceChange = Schema<'PreferenceDto'>;

/** An address no email is sent to (admins). */
export type EmailSuppression = Schema<'SuppressionView'>;

// ---- Questions and experts -------------------------------------------------------------------

export type QuestionStatus = 'open' | 'answered';

export type Question = Schema<'QuestionView'>;

/** A topic's page (#17): its experts, open questions and recent answers, who follows and helps. */
/** GET /api/topics/trending (#16): hashtags (lower-cased, no #) by posts in the window. */
export type TrendingTopics = Schema<'TrendingTopicsView'>;

export type TopicPageData = Schema<'TopicPageView'>;

/** A thank-you for a specific answer, idea review or post (#17). */
export type Kudos = Schema<'KudosView'>;

/** A group's monthly "who helped" digest, for its owners and admins (#17). */
export type HelperDigest = Schema<'HelperDigestView'>;

export type EarnedBadge = Schema<'BadgeView'>;

/** Why someone was asked a question (#17). */
export type QuestionRoute = Schema<'QuestionRouteView'>;

export type Answer = Schema<'AnswerView'>;

export type QuestionDetail = Schema<'QuestionDetailView'>;

export type SimilarQuestion = Schema<'SimilarQuestionView'>;

export type Expert = Schema<'ExpertView'>;

/** A person in the directory (GET /api/users without q): who, and where they work. */
export type DirectoryPerson = Schema<'DirectoryEntryView'>;

/** A skill as a topic: the normalised key and the label people read. */
export type MentoringTopic = Schema<'MentoringTopicView'>;

/** What I offer as a mentor (GET/PUT /api/me/mentoring). */
export type MentoringProfile = Schema<'MentoringProfileView'>;

export type MentoringStatus = 'waiting' | 'paired' | 'closed';

export type MentoringRequest = Schema<'MentoringRequestView'>;

/** One entry of the skill synonym table: `alias` means `canonical` (both normalised keys). */
export type SkillSynonym = Schema<'SynonymView'>;

export type AnswerCreatedEvent = CarryingView<'answer.created', 'answer', Answer>;
export type AnswerVotedEvent = ClientEventMap['answer.voted'];
export type AnswerAcceptedEvent = ClientEventMap['question.answer_accepted'];
export type QuestionHiddenEvent = ClientEventMap['question.hidden'];
export type QuestionRestoredEvent = CarryingView<'question.restored', 'question', Question>;
export type AnswerHiddenEvent = ClientEventMap['answer.hidden'];
export type AnswerRestoredEvent = CarryingView<'answer.restored', 'answer', Answer>;

// ---- Analytics -------------------------------------------------------------------------------

/** One day of the company's activity (analytics overview's `byDay`). */
export type DayStats = Schema<'DayView'>;

export type Overview = Schema<'OverviewView'>;

export type GroupHealth = Schema<'GroupHealthView'>;

export type Digest = Schema<'DigestView'>;

/** What the one search box finds: one hit (title and snippet plain text, marked ranges in each). */
export type SearchHit = Schema<'SearchHitView'>;
export type SearchType = SearchHit['type'];

// ---- training paths (#17) --------------------------------------------------------------------

export type TrainingStep = Schema<'StepView'>;

export type TrainingPath = Schema<'PathView'>;

export type TrainingAudience = TrainingPath['audience'];
export type TrainingStepKind = TrainingStep['kind'];
export type TrainingPathStatus = TrainingPath['status'];

export type TrainingStepInput = Schema<'StepDto'>;

export type TrainingPathInput = Body<'/api/training/paths', 'post'>;

export type TrainingProgress = Schema<'PathProgressView'>;

// ---- department dashboard (#17) -------------------------------------------------------------

export type DepartmentStats = Schema<'DepartmentView'>;

export type DepartmentDashboard = Schema<'DepartmentDashboardView'>;

// ---- First run (#16) ---------------------------------------------------------------------

export type SuggestedColleague = Schema<'SuggestedColleagueView'>;
export type ColleagueReason = SuggestedColleague['reason'];

export type SuggestedGroup = Schema<'SuggestedGroupView'>;

export type Suggestions = Schema<'SuggestionsView'>;

export type FirstRunState = Schema<'FirstRunView'>;
