import type { EventSubject, ModerationState } from '@ruche/platform';
import type { CampaignStatus, Decision, IdeaStatus } from './campaign-rules.js';
import type { IdeaCommentView, IdeaView, ImplementationView, ReviewView } from './dto.js';

/**
 * The ideas module's domain events. Each is about a campaign or an idea (`subject`), so replay
 * re-checks IdeasVisibility (a draft campaign's events replay to the innovation team only).
 *
 * Payloads are what sockets receive, so they carry nothing the audience may not see: no voter
 * lists. Whom to notify is derivable with IdeasService.participantIds(ideaId) (author ∪ voters ∪
 * commenters) and IdeasService.campaignParticipantIds(campaignId); `authorId` is given where the
 * event concerns the author. `actorId` (on the event, not in the payload) says who did it.
 */
declare module '@ruche/platform' {
  interface DomainEventMap {
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
    'idea.hidden': { ideaId: string; campaignId: string; state: 'hidden' | 'removed' | 'held' };
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
}

export const ideaRoom = (ideaId: string) => `idea:${ideaId}`;
export const campaignRoom = (campaignId: string) => `campaign:${campaignId}`;
export const userRoom = (userId: string) => `user:${userId}`;
export const ideaSubject = (id: string): EventSubject => ({ type: 'idea', id });
export const campaignSubject = (id: string): EventSubject => ({ type: 'campaign', id });

type WatchedIdea = { id: string; campaign_id: string; author_id: string; moderation_state: ModerationState };

/**
 * The rooms that hear of activity on an idea. While it is out of public sight, not its campaign's
 * room: whoever may see the campaign is there, and what a moderator says on a hidden idea is not
 * theirs to read. Its own room then holds only those who may still see it (sockets leave it when
 * the idea is hidden).
 */
export const ideaRooms = (idea: WatchedIdea) =>
  idea.moderation_state === 'visible' ? [ideaRoom(idea.id), campaignRoom(idea.campaign_id)] : [ideaRoom(idea.id)];

/** Who watches an idea live: {@link ideaRooms}, and its author while they may see it. */
export const ideaAudience = (idea: WatchedIdea) =>
  idea.moderation_state === 'visible' || idea.moderation_state === 'held'
    ? [...ideaRooms(idea), userRoom(idea.author_id)]
    : ideaRooms(idea);
