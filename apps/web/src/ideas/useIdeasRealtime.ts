import { useQueryClient } from '@tanstack/react-query';
import type {
  CampaignStatusEvent,
  IdeaCommentCreatedEvent,
  IdeaCreatedEvent,
  IdeaHiddenEvent,
  IdeaImplementationEvent,
  IdeaMergedEvent,
  IdeaRestoredEvent,
  IdeaStatusEvent,
  IdeaUpdatedEvent,
  IdeaVotedEvent,
  ItemLinkPreviewsEvent,
  ReviewCreatedEvent,
} from '../api/types';
import { useMe } from '../auth/useSession';
import { rememberPeople } from '../people/known';
import { useRealtimeEvent } from '../realtime/RealtimeProvider';
import { addIdea, addIdeaComment, addReview, ideaKeys, patchCampaign, patchIdea, patchIdeaComment, removeIdea, tickVotes } from './cache';

/**
 * Applies live idea events to whatever is loaded. Mounted once for the signed-in person; the
 * campaign and idea pages join the `campaign:<id>` / `idea:<id>` rooms that carry them.
 */
export function useIdeasRealtime(): void {
  const qc = useQueryClient();
  const moderator = useMe().roles.includes('moderator');

  useRealtimeEvent<IdeaVotedEvent>('idea.voted', ({ ideaId, campaignId, voteCount }) => {
    if (!ideaId || typeof voteCount !== 'number') return;
    tickVotes(ideaId);
    patchIdea(qc, ideaId, () => ({ voteCount }));
    if (campaignId) void qc.invalidateQueries({ queryKey: ideaKeys.summary(campaignId) });
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

  // #14: an idea's link cards, fetched after it was written, appear without a reload.
  useRealtimeEvent<ItemLinkPreviewsEvent>('item.link_previews', ({ itemType, itemId, parentId, linkPreviews }) => {
    if (!itemId || !Array.isArray(linkPreviews)) return;
    if (itemType === 'idea') patchIdea(qc, itemId, () => ({ linkPreviews }));
    else if (itemType === 'idea_comment' && parentId) patchIdeaComment(qc, parentId, itemId, { linkPreviews });
  });

  useRealtimeEvent<IdeaStatusEvent>('idea.status', ({ ideaId, campaignId, status, rationale }) => {
    if (!ideaId || !status) return;
    if (campaignId) void qc.invalidateQueries({ queryKey: ideaKeys.summary(campaignId) });
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

  useRealtimeEvent<IdeaMergedEvent>('idea.merged', ({ ideaId, mergedInto, campaignId, voteCount }) => {
    if (!ideaId || !campaignId) return;
    patchIdea(qc, ideaId, () => ({ status: 'merged', mergedInto, voteCount: 0 }));
    if (mergedInto && typeof voteCount === 'number') patchIdea(qc, mergedInto, () => ({ voteCount }));
    void qc.invalidateQueries({ queryKey: ideaKeys.campaignIdeas(campaignId) });
    void qc.invalidateQueries({ queryKey: ideaKeys.campaign(campaignId) });
  });

  useRealtimeEvent<IdeaImplementationEvent>('idea.implementation_updated', ({ ideaId, implementation }) => {
    if (!ideaId || !implementation) return;
    rememberPeople([implementation.owner]);
    patchIdea(qc, ideaId, () => ({ implementation }));
  });

  // Moderators keep a moderated idea, marked; everyone else loses it from lists, and its page
  // reads it again (a 404 there says it is no longer available; its author may still see it held).
  useRealtimeEvent<IdeaHiddenEvent>('idea.hidden', ({ ideaId, campaignId, state }) => {
    if (!ideaId) return;
    if (moderator && state) patchIdea(qc, ideaId, () => ({ moderation: { state } }));
    else {
      removeIdea(qc, ideaId);
      void qc.invalidateQueries({ queryKey: ideaKeys.idea(ideaId) });
    }
    if (campaignId) void qc.invalidateQueries({ queryKey: ideaKeys.campaign(campaignId) });
  });

  useRealtimeEvent<IdeaRestoredEvent>('idea.restored', ({ idea }) => {
    if (!idea?.id) return;
    rememberPeople([idea.author]);
    // Back in its place in the lists (order depends on votes and time): read them again.
    patchIdea(qc, idea.id, () => ({ moderation: undefined }));
    void qc.invalidateQueries({ queryKey: ideaKeys.campaignIdeas(idea.campaignId) });
    void qc.invalidateQueries({ queryKey: ideaKeys.campaign(idea.campaignId) });
    void qc.invalidateQueries({ queryKey: ideaKeys.idea(idea.id) });
  });
}
