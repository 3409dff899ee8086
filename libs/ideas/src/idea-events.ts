import { type EventSubject, type ModerationState, userRoom } from '@ruche/platform';

export const ideaRoom = (ideaId: string) => `idea:${ideaId}`;
export const campaignRoom = (campaignId: string) => `campaign:${campaignId}`;
export { userRoom };
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
