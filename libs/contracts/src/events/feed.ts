import type { AttachmentView } from '../files.js';
import type { LinkPreviewView } from '../link-previews.js';
import type { UserSummary } from './identity.js';
import type { ModerationMarker, OutOfSight } from './moderation.js';

/** The reactions a post can receive. Adding one needs a migration (CHECK and counter column). */
export const REACTION_KINDS = ['like', 'celebrate', 'insightful', 'support'] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];
export type ReactionCounts = Record<ReactionKind, number>;

/** A poll in a post (#14): counts are exact; `closed` once `closesAt` is reached. */
export interface PollView {
  id: string;
  question: string | null;
  options: { id: string; text: string; votes: number }[];
  multiple: boolean;
  closesAt: string | null;
  closed: boolean;
  /** People with at least one choice. */
  totalVoters: number;
  /** The caller's choices, in option order; always [] in events. */
  myVotes: string[];
}

/** A poll's counts after a vote, as `poll.voted` carries them (no one's choices). */
export interface PollCounts {
  id: string;
  options: { id: string; votes: number }[];
  totalVoters: number;
  closed: boolean;
}

/** A post as the REST API and `post.*` events show it (feed's PostView implements it). */
export interface PostView {
  id: string;
  author: UserSummary;
  body: string;
  /** `body` rendered once on the server (Markdown, sanitised HTML: #14). */
  bodyHtml: string;
  groupId: string | null;
  createdAt: string;
  updatedAt: string;
  /** Ids of the people mentioned. */
  mentions: string[];
  mentionedUsers: UserSummary[];
  commentCount: number;
  reactions: ReactionCounts;
  /** The caller's reactions; always [] in events. */
  myReactions: ReactionKind[];
  /** Preview cards of the links in `body` once fetched (#14), in the order written; [] until then. */
  linkPreviews?: LinkPreviewView[];
  /** Files attached (images first shown inline by the web app); signed links, short-lived. */
  attachments?: AttachmentView[];
  /** The poll the post carries (#14), null if none. */
  poll?: PollView | null;
  moderation?: ModerationMarker;
}

export interface CommentView {
  id: string;
  postId: string;
  author: UserSummary;
  body: string;
  /** `body` rendered once on the server (Markdown, sanitised HTML: #14). */
  bodyHtml: string;
  createdAt: string;
  /** When its author last edited it ("edited" mark), null if never. */
  editedAt: string | null;
  /** Preview cards of the links in its body once fetched (#14), in the order written; [] until then. */
  linkPreviews?: LinkPreviewView[];
  /** Files attached; signed links, short-lived. */
  attachments?: AttachmentView[];
  moderation?: ModerationMarker;
}

/** A previous text of something edited (#14), for moderators: what it said until `editedAt`. */
export interface RevisionView {
  body: string;
  /** Only for questions: the previous title. */
  title?: string;
  editedAt: string;
  editedBy: UserSummary;
}

/**
 * Produced by `libs/feed`. Each is about a post (`subject: { type: 'post', id }`), so replay
 * re-checks FeedVisibility before resending it (except `post.hidden`, which carries only an id).
 * Content held for review (blocked terms) publishes nothing to others: `post.created` goes to its
 * author alone, and to everyone else when a reviewer releases it.
 */
export interface FeedEvents {
  /** Audience: the author, their followers, the people mentioned. `post.myReactions` is []. */
  'post.created': { post: PostView };
  /** Audience: `post:<id>` plus the author, their followers, the people mentioned before or after. */
  'post.updated': { post: PostView };
  /** Audience: as post.updated. */
  'post.deleted': { postId: string };
  /** Audience: as post.updated. The post's link previews were fetched (or refreshed): its cards, in order. */
  'post.link_previews': { postId: string; linkPreviews: LinkPreviewView[] };
  /** For notifications (no socket audience): people newly mentioned, never the author. */
  'post.mentioned': { postId: string; userIds: string[] };
  /** For notifications (no socket audience): a group owner or admin wrote @group in a group post. */
  'post.group_mentioned': { postId: string; groupId: string };
  /** Audience: `post:<id>` and the post's author. `commentCount` is the post's count after it. */
  'comment.created': { comment: CommentView; commentCount: number };
  /** Audience: `post:<id>` and the post's author (the comment's author alone while it is held). Its author edited it. */
  'comment.updated': { comment: CommentView };
  /** Audience: as comment.updated, and the comment's author. `commentCount` counts visible comments. */
  'comment.deleted': { postId: string; commentId: string; commentCount: number };
  /** For notifications (no socket audience): people newly @mentioned in a comment who may see the post. */
  'comment.mentioned': { postId: string; commentId: string; userIds: string[] };
  /** Audience: `post:<id>`. */
  'reaction.updated': { postId: string; reactions: ReactionCounts };
  /**
   * Audience: `post:<id>` (nobody while the post is out of sight). Someone voted, changed or
   * withdrew their choice; `poll` carries the counts after it. Events commit in the order of the
   * poll's lock, so the last one delivered carries the final counts.
   */
  'poll.voted': { postId: string; poll: PollCounts };
  /** Audience: `post:<id>` (nobody while the post is out of sight). The poll's closing time came: its final counts. */
  'poll.closed': { postId: string; poll: PollCounts };
  /**
   * For notifications and analytics (no socket audience): someone added (`delta` 1) or withdrew
   * (`delta` -1) a reaction; only when a row really changed. Carries the post's author and group.
   */
  'post.reaction_changed': { postId: string; authorId: string; groupId: string | null; kind: ReactionKind; delta: 1 | -1 };
  /**
   * Audience: as post.updated (and the group room). Moderation took the post out of sight
   * (`state`: hidden, removed, or held for review after an edit): clients drop it, as for
   * post.deleted. No subject, so a reconnecting client gets it on replay too; it carries only the id.
   */
  'post.hidden': { postId: string; state: OutOfSight };
  /** Audience: as post.updated. A hidden or removed post is visible again after review. */
  'post.restored': { post: PostView };
  /** Audience: `post:<id>`, the post's author and the comment's author. `commentCount` counts visible comments. */
  'comment.hidden': { postId: string; commentId: string; state: OutOfSight; commentCount: number };
  /** Audience: `post:<id>` and the post's author. A hidden or removed comment is visible again after review. */
  'comment.restored': { comment: CommentView; commentCount: number };
  /** No socket audience: a reader's home timeline must be (re)built (first read, or back after a while). */
  'home_timeline.stale': { userId: string };
}
