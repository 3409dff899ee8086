import type { LinkPreviewView } from '../link-previews.js';
import type { AttachmentView } from '../files.js';
import type { UserSummary } from './identity.js';
import type { ModerationMarker, OutOfSight } from './moderation.js';

export const CAMPAIGN_STATUSES = ['draft', 'open', 'review', 'closed'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const IDEA_STATUSES = ['submitted', 'in_review', 'not_selected', 'selected', 'rejected', 'implemented', 'merged'] as const;
export type IdeaStatus = (typeof IDEA_STATUSES)[number];
/** What the innovation team may decide about an idea. */
export const DECISIONS = ['selected', 'rejected', 'implemented'] as const;
export type Decision = (typeof DECISIONS)[number];

/** Score per criterion name. */
export type Scores = Record<string, number>;

export interface MilestoneView {
  title: string;
  date: string;
  done: boolean;
}

export interface ImplementationView {
  owner: UserSummary | null;
  progress: number;
  milestones: MilestoneView[];
  updatedAt: string;
}

/** An idea as the REST API and `idea.*` events show it (ideas' IdeaView implements it). */
export interface IdeaView {
  id: string;
  campaignId: string;
  title: string;
  body: string;
  /** `body` rendered once on the server (Markdown, sanitised HTML: #14). */
  bodyHtml: string;
  author: UserSummary;
  status: IdeaStatus;
  voteCount: number;
  /** The caller's vote; false in events. */
  myVote: boolean;
  commentCount: number;
  reviewCount: number;
  reviewScore: number | null;
  rationale: string | null;
  decidedBy: UserSummary | null;
  decidedAt: string | null;
  mergedInto: string | null;
  implementation: ImplementationView | null;
  createdAt: string;
  updatedAt: string;
  moderation?: ModerationMarker;
  /** Preview cards of the links in its body once fetched (#14), in the order written; [] until then. */
  linkPreviews?: LinkPreviewView[];
  /** Files attached; signed links, short-lived. */
  attachments?: AttachmentView[];
}

export interface ReviewView {
  id: string;
  ideaId: string;
  reviewer: UserSummary;
  scores: Scores;
  score: number;
  comment: string;
  /** `comment` rendered once on the server (Markdown, sanitised HTML: #14). */
  commentHtml: string;
  createdAt: string;
}

export interface IdeaCommentView {
  id: string;
  ideaId: string;
  author: UserSummary;
  body: string;
  /** `body` rendered once on the server (Markdown, sanitised HTML: #14). */
  bodyHtml: string;
  createdAt: string;
  /** The cards of its links once fetched (#14); [] until then. */
  linkPreviews?: LinkPreviewView[];
}

/**
 * Produced by `libs/ideas`. Each is about a campaign or an idea (`subject`), so replay re-checks
 * IdeasVisibility (a draft campaign's events replay to the innovation team only).
 *
 * Payloads are what sockets receive, so they carry nothing the audience may not see: no voter
 * lists. Whom to notify is derivable with IdeasService.participantIds(ideaId) (author ∪ voters ∪
 * commenters) and IdeasService.campaignParticipantIds(campaignId); `authorId` is given where the
 * event concerns the author. `actorId` (on the event, not in the payload) says who did it.
 */
export interface IdeaEvents {
  /** Audience: none (a draft is for the innovation team, who list campaigns). */
  'campaign.created': { campaignId: string; title: string; status: CampaignStatus };
  /** Audience: `campaign:<id>`. A draft's fields changed (`changed` names them). */
  'campaign.updated': { campaignId: string; changed: string[] };
  /**
   * Audience: `campaign:<id>`. A phase change by the innovation team. On the advance,
   * `inReviewIds` lists the ideas that went to expert review (every other one is not_selected).
   * Notify: IdeasService.campaignParticipantIds(campaignId).
   */
  'campaign.status': {
    campaignId: string;
    title: string;
    status: CampaignStatus;
    previousStatus: CampaignStatus;
    at: string;
    inReviewIds?: string[];
  };
  /**
   * Audience: `campaign:<id>`, the author. `idea.myVote` is false. An idea held for review
   * (blocked terms) goes to its author alone, and to everyone when a moderator releases it.
   */
  'idea.created': { idea: IdeaView };
  /**
   * Audience: `idea:<id>`, `campaign:<id>`. The idea left public sight (moderation: `hidden`,
   * `removed`, or `held` for review after an edit): clients drop it. No subject, so replay does
   * not re-check visibility of an idea that is, by then, out of sight.
   */
  'idea.hidden': { ideaId: string; campaignId: string; state: OutOfSight };
  /** Audience: `idea:<id>`, `campaign:<id>`, the idea's author. A hidden or removed idea is visible again. */
  'idea.restored': { idea: IdeaView };
  /** Audience: `idea:<id>`, `campaign:<id>`. The author edited title or body. */
  'idea.updated': { idea: IdeaView };
  /** Audience: `idea:<id>`, `campaign:<id>`. Only when the count really changed. */
  'idea.voted': { ideaId: string; campaignId: string; voteCount: number };
  /** Audience: `idea:<id>`, `campaign:<id>`, the idea's author. Notify: participantIds(ideaId). */
  'idea.comment_created': {
    ideaId: string;
    campaignId: string;
    authorId: string;
    comment: IdeaCommentView;
    commentCount: number;
  };
  /**
   * Audience: `idea:<id>`, `campaign:<id>` (not on the advance, which announces itself with
   * campaign.status), the idea's author. `decision` is set when the innovation team decided;
   * absent when the advance moved it. Notify: participantIds(ideaId).
   */
  'idea.status': {
    ideaId: string;
    campaignId: string;
    authorId: string;
    title: string;
    status: IdeaStatus;
    previousStatus: IdeaStatus;
    rationale: string | null;
    decision?: Decision;
  };
  /**
   * Audience: `idea:<id>`, `campaign:<id>`, the idea's author. An expert review, public by
   * design. Notify: the author and voters, participantIds(ideaId, ['author', 'voters']).
   */
  'review.created': {
    ideaId: string;
    campaignId: string;
    authorId: string;
    review: ReviewView;
    reviewScore: number | null;
    reviewCount: number;
    /** The campaign's topic keys, which expertise credits the reviewer on (none: nothing is credited). */
    topics?: string[];
  };
  /**
   * Audience: both ideas' rooms, `campaign:<id>`, both authors. The duplicate `ideaId` now points
   * to `mergedInto`, whose `voteCount` counts each voter once.
   */
  'idea.merged': {
    ideaId: string;
    mergedInto: string;
    campaignId: string;
    authorId: string;
    survivorAuthorId: string;
    voteCount: number;
  };
  /** Audience: `idea:<id>`, `campaign:<id>`, the idea's author. Notify: participantIds(ideaId). */
  'idea.implementation_updated': {
    ideaId: string;
    campaignId: string;
    authorId: string;
    title: string;
    implementation: ImplementationView;
  };
}
