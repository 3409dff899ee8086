import { useQueryClient } from '@tanstack/react-query';
import type {
  CampaignStatusEvent,
  IdeaCommentCreatedEvent,
  IdeaCreatedEvent,
  IdeaStatusEvent,
  IdeaUpdatedEvent,
  IdeaVotedEvent,
  ReviewCreatedEvent,
} from '../api/types';
import { rememberPeople } from '../people/known';
import { useRealtimeEvent } from '../realtime/RealtimeProvider';
import { addIdea, addIdeaComment, addReview, ideaKeys, patchCampaign, patchIdea, tickVotes } from './cache';

/**
 * Applies live idea events to whatever is loaded. Mounted once for the signed-in person; the
 * campaign and idea pages join the `campaign:<id>` / `idea:<id>` rooms that carry them.
 */
export function useIdeasRealtime(): void {
  const qc = useQueryClient();

  useRealtimeEvent<IdeaVotedEvent>('idea.voted', ({ ideaId, voteCount }) => {
    if (!ideaId || typeof voteCount !== 'number') return;
    tickVotes(ideaId);
    patchIdea(qc, ideaId, () => ({ voteCount }));
  });

  useRealtimeEvent<IdeaCreatedEvent>('idea.created', ({ idea }) => {
    if (!idea?.id) return;
    rememberPeople([idea.author]);
    // Shaped for nobody in particular: not my vote.
    addIdea(qc, { ...idea, myVote: false });
    void qc.invalidateQueries({ queryKey: ideaKeys.campaign(idea.campaignId) });
  });

  useRealtimeEvent<IdeaUpdatedEvent>('idea.updated', ({ idea }) => {
    if (!idea?.id) return;
    patchIdea(qc, idea.id, () => ({ title: idea.title, body: idea.body }));
  });

  useRealtimeEvent<IdeaStatusEvent>('idea.status', ({ ideaId, status, rationale }) => {
    if (!ideaId || !status) return;
    patchIdea(qc, ideaId, () => ({ status, ...(rationale !== undefined ? { rationale } : {}) }));
    // Who decided and when come with the idea itself.
    void qc.invalidateQueries({ queryKey: ideaKeys.idea(ideaId) });
  });

  useRealtimeEvent<ReviewCreatedEvent>('review.created', ({ review, reviewScore, reviewCount }) => {
    if (!review?.id) return;
    rememberPeople([review.reviewer]);
    addReview(qc, review, reviewScore, reviewCount);
  });

  useRealtimeEvent<IdeaCommentCreatedEvent>('idea.comment_created', ({ comment, commentCount }) => {
    if (!comment?.id) return;
    rememberPeople([comment.author]);
    addIdeaComment(qc, comment, commentCount);
  });

  useRealtimeEvent<CampaignStatusEvent>('campaign.status', ({ campaignId, status }) => {
    if (!campaignId || !status) return;
    patchCampaign(qc, campaignId, { status });
    void qc.invalidateQueries({ queryKey: ideaKeys.campaign(campaignId) });
    void qc.invalidateQueries({ queryKey: ideaKeys.campaigns });
    // The advance moves every idea (in review or not selected).
    void qc.invalidateQueries({ queryKey: ideaKeys.campaignIdeas(campaignId) });
  });

  useRealtimeEvent<{ ideaId?: string; campaignId?: string }>('idea.merged', ({ campaignId }) => {
    if (campaignId) void qc.invalidateQueries({ queryKey: ideaKeys.campaignIdeas(campaignId) });
  });
}
