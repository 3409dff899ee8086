/** Shapes of the Ruche API (see shared/API.md). Responses may carry more fields than listed. */

import type { AttachmentView, FileView, PollCounts, PollView } from '@ruche/contracts';

/** A link's preview card (#14): plain text fields, `image.url` a signed link to the stored copy. */
export type LinkPreview = import('@ruche/contracts').LinkPreviewView;
/** `post.link_previews`: a post's cards, fetched after it was written. */
export interface PostLinkPreviewsEvent {
  eventId: number;
  postId: string;
  linkPreviews: LinkPreview[];
}
/** `item.link_previews`: a comment's, question's, answer's, idea's or idea comment's cards; `parentId` its post, question or idea. */
export interface ItemLinkPreviewsEvent {
  eventId: number;
  itemType: 'comment' | 'question' | 'answer' | 'idea' | 'idea_comment';
  itemId: string;
  parentId: string | null;
  linkPreviews: LinkPreview[];
}

/** A file on a post or comment: `url` and `thumbnailUrl` are signed links, usable in <img> and <a>. */
export type Attachment = AttachmentView;
/** An upload's answer (POST /api/files). */
export type UploadedFile = FileView;

/** A poll in a post (#14): exact counts, `myVotes` the caller's choices (option ids). */
export type Poll = PollView;
export type { PollCounts };

/** A poll as the composer sends it with a new post. */
export interface NewPoll {
  question?: string;
  options: string[];
  multiple: boolean;
  /** ISO-8601, in the future. */
  closesAt?: string;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type Role = 'employee' | 'innovation' | 'moderator' | 'admin';

/** The signed-in account (GET /api/me, and `user` in a session). */
export interface Me {
  id: string;
  email: string;
  handle: string;
  displayName: string;
  roles: Role[];
  /** False while the address waits for its verification link (#15): the account may read, not post. */
  emailVerified?: boolean;
  /** An admin set a temporary password: the person is asked to choose their own. */
  mustChangePassword?: boolean;
}

export interface Session {
  user: Me;
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn?: number;
}

/** A person as embedded in posts and comments. */
export interface UserSummary {
  id: string;
  handle: string;
  displayName: string;
}

export interface Skill {
  name: string;
  /** Normalised key for `/users/:id/skills/:skill/endorsement`. */
  skill?: string;
  endorsements: number;
  endorsedByMe?: boolean;
}

export interface Profile extends UserSummary {
  title: string | null;
  department: string | null;
  location: string | null;
  bio: string | null;
  /** `bio` as the server rendered and sanitised it (#14). */
  bioHtml?: string;
  /** Only on one's own profile: the language of emails (null: not set yet). */
  locale?: 'en' | 'fr' | null;
  /** Only on one's own profile: an IANA zone for emails and schedules (null: not set yet). */
  timeZone?: string | null;
  skills: Skill[];
  followers: number;
  following: number;
  followedByMe?: boolean;
}

export interface ProfilePatch {
  displayName?: string;
  title?: string;
  department?: string;
  location?: string;
  bio?: string;
  skills?: string[];
  locale?: 'en' | 'fr';
  timeZone?: string;
}

export const REACTION_KINDS = ['like', 'celebrate', 'insightful', 'support'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
export type ReactionCounts = Partial<Record<ReactionKind, number>>;

export interface Post {
  id: string;
  author: UserSummary;
  body: string;
  /** `body` as the server rendered and sanitised it (#14). */
  bodyHtml?: string;
  groupId: string | null;
  createdAt: string;
  /** Changes only when the body is edited. */
  updatedAt?: string;
  mentions: string[];
  /** The people mentioned, for rendering @handles as links. */
  mentionedUsers?: UserSummary[];
  commentCount: number;
  reactions: ReactionCounts;
  myReactions: ReactionKind[];
  /** Files attached, in the author's order. */
  attachments?: Attachment[];
  /** Preview cards of the links in the body (#14), once the server fetched them. */
  linkPreviews?: LinkPreview[];
  /** The poll the post carries (#14), null if none. */
  poll?: Poll | null;
  /** Only on content moderators (or, when held, its author) still see. */
  moderation?: ModerationMarker;
}

export interface Comment {
  id: string;
  postId: string;
  author: UserSummary;
  body: string;
  /** `body` as the server rendered and sanitised it (#14). */
  bodyHtml?: string;
  createdAt: string;
  /** Set once its author edited it. */
  editedAt?: string | null;
  attachments?: Attachment[];
  moderation?: ModerationMarker;
  /** Preview cards of the links in the body (#14), once the server fetched them. */
  linkPreviews?: LinkPreview[];
}

export type FeedScope = 'home' | 'company';

/** #14: a comment edited by its author, or deleted. */
export interface CommentUpdatedEvent {
  comment: Comment;
}
export interface CommentDeletedEvent {
  postId: string;
  commentId: string;
  commentCount: number;
}

/** Realtime payloads (each carries the monotonic `eventId`). */
export interface PostCreatedEvent {
  eventId: number;
  post: Post;
}
export interface PostUpdatedEvent {
  eventId: number;
  post?: Post;
}
export interface PostDeletedEvent {
  eventId: number;
  postId: string;
}
export interface CommentCreatedEvent {
  eventId: number;
  comment: Comment;
}
export interface ReactionUpdatedEvent {
  eventId: number;
  postId: string;
  reactions: ReactionCounts;
}
/** Someone voted in a post's poll (#14): its counts after the vote, nobody's choices. */
export interface PollVotedEvent {
  eventId: number;
  postId: string;
  poll: PollCounts;
}

/** A live event for a group member (`post.hidden` drops a post moderators took out of sight). */
export interface PostHiddenEvent {
  eventId: number;
  postId: string;
  state?: 'hidden' | 'removed' | 'held';
}

// ---- Groups ------------------------------------------------------------------------------

export type GroupVisibility = 'public' | 'private';
export type MemberRole = 'owner' | 'admin' | 'member';
export type GroupRole = MemberRole | 'pending';

export interface GroupCard {
  id: string;
  name: string;
  description: string;
  /** `description` as the server rendered and sanitised it (#14). */
  descriptionHtml?: string;
  visibility: GroupVisibility;
  memberCount: number;
  myRole: GroupRole | null;
  createdAt: string;
}

export interface Group extends GroupCard {
  /** Community guidelines, Markdown: shown as plain text. Absent for a pending requester of a private group. */
  guidelines?: string;
}

/** One of my pending requests to join a group. */
export interface MyJoinRequest {
  group: GroupCard;
  requestedAt: string;
}

export interface GroupInput {
  name: string;
  description: string;
  guidelines?: string;
  visibility: GroupVisibility;
}

export interface Member {
  user: UserSummary;
  role: MemberRole;
  joinedAt: string;
}

export interface JoinRequest {
  user: UserSummary;
  requestedAt: string;
}

export interface Ban {
  id: string;
  user: UserSummary;
  until: string | null;
  reason: string;
  createdAt: string;
}

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

export interface Criterion {
  name: string;
  weight: number;
  /** What a score of 1 and of 5 mean for this criterion; absent: the generic weak…excellent. */
  low?: string;
  high?: string;
}

export interface Campaign {
  id: string;
  title: string;
  description: string;
  topics: string[];
  criteria: Criterion[];
  reviewerIds: string[];
  reviewers: UserSummary[];
  advanceTopN: number;
  status: CampaignStatus;
  /** The deadline: an open campaign advances to review by itself then (#16); null: none. */
  closesAt: string | null;
  ideaCount: number;
  /** Whether the caller sits on the review panel. */
  isReviewer: boolean;
  createdBy: UserSummary | null;
  createdAt: string;
}

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

export interface Idea {
  id: string;
  campaignId: string;
  title: string;
  body: string;
  /** `body` as the server rendered and sanitised it (#14). */
  bodyHtml?: string;
  author: UserSummary;
  status: IdeaStatus;
  voteCount: number;
  myVote: boolean;
  commentCount: number;
  reviewCount: number;
  /** Weighted mean of the expert reviews, 1..5; null until reviewed. */
  reviewScore: number | null;
  rationale: string | null;
  decidedBy: UserSummary | null;
  decidedAt: string | null;
  mergedInto?: string | null;
  /** Implementation tracking, on selected and implemented ideas once started. */
  implementation?: Implementation | null;
  /** Only on ideas that only moderators (or, when held, the author) can see. */
  moderation?: ModerationMarker;
  createdAt: string;
  /** Preview cards of the links in the body (#14), once the server fetched them. */
  linkPreviews?: LinkPreview[];
}

export interface Milestone {
  title: string;
  /** A calendar date, YYYY-MM-DD. */
  date: string;
  done: boolean;
}

export interface Implementation {
  owner: UserSummary | null;
  /** 0..100 */
  progress: number;
  milestones: Milestone[];
  updatedAt: string;
}

export interface ImplementationPatch {
  ownerId?: string | null;
  progress?: number;
  milestones?: Milestone[];
}

export interface CampaignFigures {
  participants: number;
  ideas: number;
  votes: number;
  comments: number;
  reviews: number;
  reviewed: number;
  inReview: number;
  selected: number;
  rejected: number;
  implemented: number;
  merged: number;
}

export interface LeaderboardEntry {
  rank: number;
  id: string;
  title: string;
  author: UserSummary;
  status: IdeaStatus;
  voteCount: number;
  commentCount: number;
  reviewCount: number;
  reviewScore: number | null;
}

export interface CampaignSummary {
  campaignId: string;
  title: string;
  status: CampaignStatus;
  figures: CampaignFigures;
  leaderboard: LeaderboardEntry[];
}

export interface Review {
  id: string;
  ideaId: string;
  reviewer: UserSummary;
  scores: Record<string, number>;
  /** This review's weighted mean. */
  score: number;
  comment: string;
  createdAt: string;
}

export interface IdeaDetail extends Idea {
  reviews: Review[];
}

export interface IdeaComment {
  id: string;
  ideaId: string;
  author: UserSummary;
  body: string;
  /** `body` as the server rendered and sanitised it (#14). */
  bodyHtml?: string;
  createdAt: string;
  /** Cards of its links once the server fetched them (#14). */
  linkPreviews?: LinkPreview[];
}

export interface SimilarIdea {
  id: string;
  title: string;
  status: IdeaStatus;
  voteCount: number;
  similarity: number;
}

export interface VoteAnswer {
  ideaId?: string;
  voteCount: number;
  myVote: boolean;
}

export interface IdeaCreatedEvent {
  eventId: number;
  idea: Idea;
}
export interface IdeaUpdatedEvent {
  eventId: number;
  idea: Idea;
}
export interface IdeaVotedEvent {
  eventId: number;
  ideaId: string;
  campaignId?: string;
  voteCount: number;
}
export interface IdeaStatusEvent {
  eventId: number;
  ideaId: string;
  campaignId?: string;
  status: IdeaStatus;
  rationale?: string | null;
}
export interface ReviewCreatedEvent {
  eventId: number;
  ideaId: string;
  review: Review;
  reviewScore?: number | null;
  reviewCount?: number;
}
export interface IdeaCommentCreatedEvent {
  eventId: number;
  ideaId: string;
  comment: IdeaComment;
  commentCount?: number;
}
export interface CampaignStatusEvent {
  eventId: number;
  campaignId: string;
  status: CampaignStatus;
}
export interface IdeaHiddenEvent {
  eventId: number;
  ideaId: string;
  campaignId: string;
  state: Exclude<ModerationState, 'visible'>;
}
export interface IdeaRestoredEvent {
  eventId: number;
  idea: Idea;
}
export interface IdeaMergedEvent {
  eventId: number;
  ideaId: string;
  mergedInto: string;
  campaignId: string;
  voteCount: number;
}
export interface IdeaImplementationEvent {
  eventId: number;
  ideaId: string;
  campaignId: string;
  implementation: Implementation;
}

// ---- Moderation and administration ---------------------------------------------------------

export type ContentType = 'post' | 'comment' | 'idea' | 'question' | 'answer';
export type ModerationState = 'visible' | 'hidden' | 'removed' | 'held';
/** On content only moderators (or, when held, its author) can see. */
export interface ModerationMarker {
  state: Exclude<ModerationState, 'visible'>;
}
export type ResolutionAction = 'dismiss' | 'hide' | 'remove';

export interface Report {
  id: string;
  targetType: ContentType;
  targetId: string;
  reason: string;
  status: 'open' | 'resolved';
  createdAt: string;
}

export interface QueueItem {
  id: string;
  reportId: string;
  target: {
    type: ContentType;
    id: string;
    groupId: string | null;
    author: UserSummary | null;
    excerpt: string | null;
    state: ModerationState;
    available: boolean;
  };
  reportCount: number;
  reasons: string[];
  reports: { id: string; reporter: UserSummary | null; reason: string; automatic: boolean; createdAt: string }[];
  autoHidden: boolean;
  held: boolean;
  heldTerms: string[];
  openedAt: string;
  lastReportedAt: string;
}

export interface Resolution {
  id: string;
  action: ResolutionAction;
  state: ModerationState;
  reportCount: number;
}

export interface AuditEntry {
  id: string;
  action: string;
  actor: UserSummary | null;
  targetType: string;
  targetId: string | null;
  /** The account acted on, or the author of the moderated content. */
  targetPerson: UserSummary | null;
  groupId: string | null;
  note: string | null;
  details: Record<string, unknown>;
  createdAt: string;
}

export interface ModerationSettings {
  autoHideThreshold: number;
  blockedTerms: string[];
  updatedAt: string;
}

export interface Guidelines {
  version: number | null;
  body: string;
  publishedAt: string | null;
  publishedBy: UserSummary | null;
  acceptedVersion: number | null;
  mustAccept: boolean;
}

/** An account as the admin endpoints answer it. */
export interface Account extends Me {
  status: string;
}

export interface PostRestoredEvent {
  eventId: number;
  post: Post;
}
export interface CommentHiddenEvent {
  eventId: number;
  postId: string;
  commentId: string;
  state: Exclude<ModerationState, 'visible'>;
  commentCount: number;
}
export interface CommentRestoredEvent {
  eventId: number;
  comment: Comment;
  commentCount: number;
}

// ---- Notifications ---------------------------------------------------------------------------

export interface AppNotification {
  id: string;
  kind: string;
  actor: UserSummary | null;
  actors?: UserSummary[];
  actorCount?: number;
  subject: { type: string; id: string };
  context: Record<string, string | number | boolean | null>;
  /** What and where, as the server read it for me now (null: nothing to show, e.g. a person). */
  about?: NotificationAbout | null;
  createdAt: string;
  readAt: string | null;
}

export interface NotificationAbout {
  title: string | null;
  excerpt: string | null;
  group?: { id: string; name: string };
  campaign?: { id: string; title: string };
}

/** What POST /api/notifications/read takes: some ids, every one of some kinds, or all. */
export type MarkReadBody = { ids: string[] } | { kinds: string[] } | { all: true };

export interface NotificationPreference {
  kind: string;
  enabled: boolean;
  /** Also by email (only sent when the server has email configured). */
  email?: boolean;
  /** Also pushed to the browsers the person subscribed. */
  push?: boolean;
}

export interface NotificationPreferences {
  items: NotificationPreference[];
  /** The daily digest by email. */
  digestEmail?: boolean;
  /** Whether the server sends email at all. */
  emailConfigured?: boolean;
}

/** A change to one kind: the fields given change, the others stay. */
export interface NotificationPreferenceChange {
  kind: string;
  enabled?: boolean;
  email?: boolean;
  push?: boolean;
}

/** An address no email is sent to (admins). */
export interface EmailSuppression {
  address: string;
  reason: string;
  source: 'bounce' | 'send' | 'admin';
  createdAt: string;
}

// ---- Questions and experts -------------------------------------------------------------------

export type QuestionStatus = 'open' | 'answered';

export interface Question {
  id: string;
  title: string;
  body: string;
  /** `body` as the server rendered and sanitised it (#14). */
  bodyHtml?: string;
  /** Set once its asker edited it. */
  editedAt?: string | null;
  /** Its files (#14), with signed links. */
  attachments?: Attachment[];
  topics: string[];
  status: QuestionStatus;
  asker: UserSummary;
  answerCount: number;
  acceptedAnswerId: string | null;
  createdAt: string;
  answeredAt: string | null;
  claim: { user: UserSummary; expiresAt: string } | null;
  routedTo: string[];
  /** Who was asked and why (#17), in the order of `routedTo`. */
  routing?: QuestionRoute[];
  routedRound?: number;
  moderation?: ModerationMarker;
  /** Preview cards of the links in the body (#14), once the server fetched them. */
  linkPreviews?: LinkPreview[];
}

/** A topic's page (#17): its experts, open questions and recent answers, who follows and helps. */
/** GET /api/topics/trending (#16): hashtags (lower-cased, no #) by posts in the window. */
export interface TrendingTopics {
  items: { tag: string; posts: number }[];
  since: string;
}

export interface TopicPageData {
  topic: string;
  label: string;
  experts: Expert[];
  openQuestions: Question[];
  recentAnswers: { id: string; questionId: string; questionTitle: string; author: UserSummary; voteCount: number; accepted: boolean; createdAt: string }[];
  followers: number;
  helpers: number;
  following: boolean;
  helping: { weeklyCap: number } | null;
}

/** A thank-you for a specific answer, idea review or post (#17). */
export interface Kudos {
  id: string;
  from: UserSummary;
  to: UserSummary;
  targetType: 'answer' | 'review' | 'post';
  targetId: string;
  message: string;
  createdAt: string;
}

/** A group's monthly "who helped" digest, for its owners and admins (#17). */
export interface HelperDigest {
  groupId: string;
  /** YYYY-MM (UTC). */
  month: string;
  from: string;
  to: string;
  /** When the monthly job sent it; null: computed now, not sent yet. */
  sentAt: string | null;
  items: {
    user: UserSummary;
    score: number;
    kudos: number;
    threadsHelped: number;
    reactionsReceived: number;
    reasons: { reason: 'kudos' | 'threadsHelped' | 'reactionsReceived'; count: number }[];
  }[];
}

export interface EarnedBadge {
  badge: 'first_accepted_answer' | 'helper' | 'bridge_builder' | 'reviewer' | 'idea_made_real' | 'mentor';
  label: string;
  awardedAt: string;
}

/** Why someone was asked a question (#17). */
export interface QuestionRoute {
  userId: string;
  reason: 'expert' | 'helper' | 'topic_follower' | 'department_answerer';
  detail: string;
  round: number;
}

export interface Answer {
  id: string;
  questionId: string;
  author: UserSummary;
  body: string;
  /** `body` as the server rendered and sanitised it (#14). */
  bodyHtml?: string;
  /** Set once its author edited it. */
  editedAt?: string | null;
  /** Its files (#14), with signed links. */
  attachments?: Attachment[];
  voteCount: number;
  myVote: boolean;
  accepted: boolean;
  createdAt: string;
  moderation?: ModerationMarker;
  /** Preview cards of the links in the body (#14), once the server fetched them. */
  linkPreviews?: LinkPreview[];
}

export interface QuestionDetail extends Question {
  answers: Answer[];
}

export interface SimilarQuestion {
  id: string;
  title: string;
  status: QuestionStatus;
  answerCount: number;
}

export interface Expert {
  user: UserSummary & { title?: string | null; department?: string | null; location?: string | null };
  score: number;
  reasons: string[];
}

/** A person in the directory (GET /api/users without q): who, and where they work. */
export interface DirectoryPerson extends UserSummary {
  title: string;
  department: string;
  location: string;
}

/** A skill as a topic: the normalised key and the label people read. */
export interface MentoringTopic {
  topic: string;
  label: string;
}

/** What I offer as a mentor (GET/PUT /api/me/mentoring). */
export interface MentoringProfile {
  available: boolean;
  maxMentees: number;
  activeMentees: number;
  topics: MentoringTopic[];
}

export type MentoringStatus = 'waiting' | 'paired' | 'closed';

export interface MentoringRequest {
  id: string;
  /** Topic key. */
  skill: string;
  label: string;
  note: string;
  status: MentoringStatus;
  mentee: UserSummary;
  mentor: UserSummary | null;
  createdAt: string;
  pairedAt: string | null;
  closedAt: string | null;
}

/** One entry of the skill synonym table: `alias` means `canonical` (both normalised keys). */
export interface SkillSynonym {
  alias: string;
  canonical: string;
}

export interface AnswerCreatedEvent {
  eventId: number;
  answer: Answer;
}
export interface AnswerVotedEvent {
  eventId: number;
  answerId: string;
  questionId?: string;
  voteCount: number;
}
export interface AnswerAcceptedEvent {
  eventId: number;
  questionId: string;
  answerId: string;
}
export interface QuestionHiddenEvent {
  eventId: number;
  questionId: string;
  state: Exclude<ModerationState, 'visible'>;
}
export interface QuestionRestoredEvent {
  eventId: number;
  question: Question;
}
export interface AnswerHiddenEvent {
  eventId: number;
  questionId: string;
  answerId: string;
  state: Exclude<ModerationState, 'visible'>;
  answerCount: number;
}
export interface AnswerRestoredEvent {
  eventId: number;
  questionId: string;
  answer: Answer;
  answerCount: number;
}

// ---- Analytics -------------------------------------------------------------------------------

export interface DayStats {
  date: string;
  activeUsers: number;
  posts: number;
  comments: number;
  reactions: number;
  questions: number;
  answers: number;
  ideas: number;
  votes: number;
}

export interface Overview {
  from: string;
  to: string;
  activeUsers: number;
  posts: number;
  comments: number;
  reactions: number;
  questions: number;
  answers: number;
  answeredRate: number | null;
  medianMinutesToFirstAnswer: number | null;
  ideas: { submitted: number; inReview: number; selected: number; implemented: number };
  votes: number;
  engagementDepth: number | null;
  estimatedEmailsAvoided: number;
  byDay: DayStats[];
}

export interface GroupHealth {
  groupId: string;
  weeks: number;
  from: string;
  to: string;
  memberCount: number;
  activeMembers: number;
  postsPerWeek: number;
  repliesPerWeek: number;
  answeredShare: number | null;
  medianReplyMinutes: number | null;
  newMembers: number;
  lostMembers: number;
  /** 0..100 */
  score: number;
  previousScore: number;
  trend: { delta: number; direction: 'up' | 'down' | 'flat' };
  /** Each 0..1. */
  scoreParts: { participation: number; answered: number; responsiveness: number; growth: number };
  byWeek: { weekStart: string; posts: number; replies: number; activeMembers: number }[];
  unansweredPosts: { postId: string; authorId: string; createdAt: string; waitingHours: number }[];
}

export interface Digest {
  since: string;
  until: string;
  groups: { group: { id: string; name: string }; posts: number; comments: number; topPostIds: string[] }[];
  questions: { questionId: string; title: string; answerCount: number; createdAt: string }[];
  ideas: { ideaId: string; change: 'status' | 'review'; status: string | null; at: string }[];
  unreadNotifications: number;
  empty: boolean;
}

/** What the one search box finds. */
export type SearchType = 'post' | 'person' | 'group' | 'idea' | 'question';

export interface SearchHit {
  type: SearchType;
  id: string;
  /** Plain text: a title, a name, or a post's first line. */
  title: string;
  /** Plain text around the match. */
  snippet: string;
  /** [start, end) ranges of the matched words in `snippet`. */
  highlights: [number, number][];
  score: number;
  createdAt: string | null;
}

// ---- training paths (#17) --------------------------------------------------------------------

export type TrainingAudience = 'newcomers' | 'community_owners';
export type TrainingStepKind =
  | 'read'
  | 'accept_guidelines'
  | 'first_post'
  | 'first_question'
  | 'join_group'
  | 'meet_mentor'
  | 'declare_skills'
  | 'follow_people';
export type TrainingPathStatus = 'draft' | 'published' | 'archived';

export interface TrainingStep {
  id: string;
  position: number;
  kind: TrainingStepKind;
  title: string;
  body: string;
  groupId: string | null;
  done: boolean;
}

export interface TrainingPath {
  id: string;
  title: string;
  description: string;
  audience: TrainingAudience;
  groupId: string | null;
  status: TrainingPathStatus;
  publishedAt: string | null;
  createdBy: UserSummary;
  canManage: boolean;
  steps: TrainingStep[];
  progress: { enrolled: boolean; done: number; total: number; completedAt: string | null };
}

export interface TrainingStepInput {
  kind: TrainingStepKind;
  title: string;
  body?: string;
  groupId?: string;
}

export interface TrainingPathInput {
  title: string;
  description?: string;
  audience: TrainingAudience;
  groupId?: string;
  steps: TrainingStepInput[];
}

export interface TrainingProgress {
  enrolled: number;
  completed: number;
  steps: { stepId: string; title: string; done: number }[];
  byDepartment: { department: string | null; enrolled: number; completed: number }[];
}

// ---- department dashboard (#17) -------------------------------------------------------------

export interface DepartmentFigures {
  people: number;
  activeUsers: number;
  engagementDepth: number | null;
  questions: number;
  answeredRate: number | null;
  medianMinutesToFirstAnswer: number | null;
  crossDepartmentReplies: number;
  crossDepartmentShare: number | null;
  ideaParticipation: number | null;
}

export interface DepartmentStats extends DepartmentFigures {
  department: string;
  previous: Pick<DepartmentFigures, 'activeUsers' | 'engagementDepth' | 'answeredRate' | 'medianMinutesToFirstAnswer' | 'ideaParticipation'>;
}

export interface DepartmentDashboard extends DepartmentStats {
  from: string;
  to: string;
  actions: {
    topics: string[];
    unansweredQuestions: { id: string; title: string; topics: string[]; createdAt: string }[];
    fallingGroups: { groupId: string; name: string; score: number; previousScore: number }[];
    possibleMentors: { user: UserSummary; topics: string[] }[];
  };
}

// ---- First run (#16) ---------------------------------------------------------------------

export type ColleagueReason = 'manager' | 'report' | 'department' | 'group' | 'popular';

export interface SuggestedColleague extends UserSummary {
  title: string;
  department: string;
  location: string;
  reason: ColleagueReason;
}

export interface SuggestedGroup extends GroupCard {
  /** How many people of my department belong to it. */
  colleagues: number;
}

export interface Suggestions {
  colleagues: SuggestedColleague[];
  groups: SuggestedGroup[];
  skills: { name: string; skill: string; people: number }[];
}

export interface FirstRunState {
  /** Show the first-run screen now (a newcomer on the company onboarding path who has not finished or skipped it). */
  due: boolean;
  outcome: 'finished' | 'skipped' | null;
  finishedAt: string | null;
}
