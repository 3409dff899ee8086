/** Shapes of the Ruche API (see shared/API.md). Responses may carry more fields than listed. */

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
}

export const REACTION_KINDS = ['like', 'celebrate', 'insightful', 'support'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
export type ReactionCounts = Partial<Record<ReactionKind, number>>;

export interface Post {
  id: string;
  author: UserSummary;
  body: string;
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
}

export interface Comment {
  id: string;
  postId: string;
  author: UserSummary;
  body: string;
  createdAt: string;
}

export type FeedScope = 'home' | 'company';

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
