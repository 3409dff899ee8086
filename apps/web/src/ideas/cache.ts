import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Campaign, Idea, IdeaComment, IdeaDetail, IdeaSort, Page, Review } from '../api/types';
import { mapItem, mapPageItems, patchLoaded, removeListed } from '../ui/pageItems';

/** Query keys of the idea campaign screens. Every list of ideas lives under ['ideas', 'list']. */
export const ideaKeys = {
  campaigns: ['campaigns', 'list'] as const,
  campaign: (campaignId: string) => ['campaigns', 'one', campaignId] as const,
  /** Under the campaign's key: whatever refreshes the campaign refreshes its summary. */
  summary: (campaignId: string) => ['campaigns', 'one', campaignId, 'summary'] as const,
  ideaLists: ['ideas', 'list'] as const,
  campaignIdeas: (campaignId: string) => ['ideas', 'list', campaignId] as const,
  ideas: (campaignId: string, sort: IdeaSort) => ['ideas', 'list', campaignId, sort] as const,
  idea: (ideaId: string) => ['ideas', 'one', ideaId] as const,
  comments: (ideaId: string) => ['ideas', 'comments', ideaId] as const,
  similar: (campaignId: string, title: string) => ['ideas', 'similar', campaignId, title.toLowerCase()] as const,
};

export type IdeaPages = InfiniteData<Page<Idea>, string | null>;
export type IdeaCommentPages = InfiniteData<Page<IdeaComment>, string | null>;

/** Applies `patch` to the idea wherever it is loaded: every list and its own page. */
export function patchIdea(qc: QueryClient, ideaId: string, patch: (idea: Idea) => Partial<Idea>): void {
  patchLoaded(qc, ideaKeys.ideaLists, ideaKeys.idea(ideaId), ideaId, patch);
}

/** Takes the idea out of every loaded list (moderation took it out of the reader's sight). */
export function removeIdea(qc: QueryClient, ideaId: string): void {
  removeListed(qc, ideaKeys.ideaLists, ideaId);
}

/**
 * A new idea in the loaded lists of its campaign, once: at the top of "new", and at the end of a
 * fully loaded "top" (no votes yet, so it ranks last).
 */
export function addIdea(qc: QueryClient, idea: Idea): void {
  const has = (data: IdeaPages) => data.pages.some((page) => page.items.some((i) => i.id === idea.id));
  qc.setQueryData<IdeaPages>(ideaKeys.ideas(idea.campaignId, 'new'), (data) => {
    if (!data?.pages?.length || has(data)) return data;
    const [first, ...rest] = data.pages;
    return { ...data, pages: [{ ...first!, items: [idea, ...first!.items] }, ...rest] };
  });
  qc.setQueryData<IdeaPages>(ideaKeys.ideas(idea.campaignId, 'top'), (data) => {
    const last = data?.pages?.[data.pages.length - 1];
    if (!data || !last || last.nextCursor || has(data)) return data;
    return { ...data, pages: [...data.pages.slice(0, -1), { ...last, items: [...last.items, idea] }] };
  });
}

export function patchCampaign(qc: QueryClient, campaignId: string, patch: Partial<Campaign>): void {
  qc.setQueryData<Campaign>(ideaKeys.campaign(campaignId), (c) => (c ? { ...c, ...patch } : c));
}

/** A review on the idea's page, once, with the new score and count. */
export function addReview(qc: QueryClient, review: Review, reviewScore?: number | null, reviewCount?: number): void {
  qc.setQueryData<IdeaDetail>(ideaKeys.idea(review.ideaId), (idea) => {
    if (!idea) return idea;
    const reviews = idea.reviews.some((r) => r.id === review.id) ? idea.reviews : [...idea.reviews, review];
    return {
      ...idea,
      reviews,
      reviewCount: reviewCount ?? reviews.length,
      ...(reviewScore !== undefined ? { reviewScore } : {}),
    };
  });
  if (reviewScore !== undefined || reviewCount !== undefined) {
    patchIdea(qc, review.ideaId, (idea) => ({
      reviewScore: reviewScore === undefined ? idea.reviewScore : reviewScore,
      reviewCount: reviewCount ?? idea.reviewCount,
    }));
  }
}

/** A comment at the end of a loaded thread, once; the count is the server's when it is known. */
export function addIdeaComment(qc: QueryClient, comment: IdeaComment, commentCount?: number): void {
  let added = false;
  qc.setQueryData<IdeaCommentPages>(ideaKeys.comments(comment.ideaId), (data) => {
    const last = data?.pages?.[data.pages.length - 1];
    if (!data || !last || last.nextCursor) return data;
    if (data.pages.some((page) => page.items.some((c) => c.id === comment.id))) return data;
    added = true;
    return { ...data, pages: [...data.pages.slice(0, -1), { ...last, items: [...last.items, comment] }] };
  });
  if (commentCount !== undefined) patchIdea(qc, comment.ideaId, () => ({ commentCount }));
  else if (added) patchIdea(qc, comment.ideaId, (idea) => ({ commentCount: idea.commentCount + 1 }));
}

/** Changes one comment of a loaded thread (its link cards arriving, #14). */
export function patchIdeaComment(qc: QueryClient, ideaId: string, commentId: string, change: Partial<IdeaComment>): void {
  qc.setQueryData<IdeaCommentPages>(ideaKeys.comments(ideaId), (data) =>
    mapPageItems(data, (items) => mapItem(items, commentId, (c) => ({ ...c, ...change }))),
  );
}

/**
 * idea.voted events received per idea, so a slower PUT/DELETE answer does not overwrite a newer
 * count that arrived live while it was in flight.
 */
const voteClock = new Map<string, number>();

export function tickVotes(ideaId: string): void {
  voteClock.set(ideaId, (voteClock.get(ideaId) ?? 0) + 1);
}

export function voteTick(ideaId: string): number {
  return voteClock.get(ideaId) ?? 0;
}
