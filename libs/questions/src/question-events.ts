import { type EventSubject, type ModerationState, userRoom } from '@ruche/platform';

export const questionRoom = (questionId: string) => `question:${questionId}`;
export { userRoom };
export const questionSubject = (id: string): EventSubject => ({ type: 'question', id });

/**
 * Who hears of activity on a question: its room, and its asker unless it is hidden or removed
 * (then for moderators only, who are the only ones left in its room: sockets leave it when it is hidden).
 */
export const questionAudience = (question: { id: string; asker_id: string; moderation_state: ModerationState }) =>
  question.moderation_state === 'hidden' || question.moderation_state === 'removed'
    ? [questionRoom(question.id)]
    : [questionRoom(question.id), userRoom(question.asker_id)];
