import { useQueryClient } from '@tanstack/react-query';
import type {
  AnswerHiddenEvent,
  AnswerRestoredEvent,
  ItemLinkPreviewsEvent,
  QuestionHiddenEvent,
  QuestionRestoredEvent,
} from '../api/types';
import { useMe } from '../auth/useSession';
import { rememberPeople } from '../people/known';
import { useRealtimeEvent } from '../realtime/RealtimeProvider';
import { mapAnswers, patchQuestion, questionKeys, removeQuestion } from './cache';

/**
 * Moderation of questions and answers, live. Moderators keep what was moderated, marked; everyone
 * else loses it from lists and pages (a question's page reads it again: a 404 there says it is no
 * longer available), and gets it back when it is restored. The events reach the `question:<id>`
 * room (the question's page) and the asker.
 */
export function useQuestionsRealtime(): void {
  const qc = useQueryClient();
  const moderator = useMe().roles.includes('moderator');

  // #14: link cards fetched after a question or an answer was written appear without a reload.
  useRealtimeEvent<ItemLinkPreviewsEvent>('item.link_previews', ({ itemType, itemId, parentId, linkPreviews }) => {
    if (!itemId || !Array.isArray(linkPreviews)) return;
    if (itemType === 'question') patchQuestion(qc, itemId, () => ({ linkPreviews }));
    if (itemType === 'answer' && parentId)
      mapAnswers(qc, parentId, (answers) => answers.map((a) => (a.id === itemId ? { ...a, linkPreviews } : a)));
  });

  useRealtimeEvent<QuestionHiddenEvent>('question.hidden', ({ questionId, state }) => {
    if (!questionId) return;
    if (moderator && state) {
      patchQuestion(qc, questionId, () => ({ moderation: { state } }));
      return;
    }
    removeQuestion(qc, questionId);
    void qc.invalidateQueries({ queryKey: questionKeys.detail(questionId) });
  });

  useRealtimeEvent<QuestionRestoredEvent>('question.restored', ({ question }) => {
    if (!question?.id) return;
    rememberPeople([question.asker]);
    patchQuestion(qc, question.id, () => ({ moderation: undefined }));
    // Back in its place in the lists: read them again.
    void qc.invalidateQueries({ queryKey: questionKeys.lists });
    void qc.invalidateQueries({ queryKey: questionKeys.detail(question.id) });
  });

  useRealtimeEvent<AnswerHiddenEvent>('answer.hidden', ({ questionId, answerId, state, answerCount }) => {
    if (!questionId || !answerId) return;
    mapAnswers(qc, questionId, (answers) =>
      moderator && state
        ? answers.map((a) => (a.id === answerId ? { ...a, moderation: { state } } : a))
        : answers.filter((a) => a.id !== answerId),
    );
    if (typeof answerCount === 'number') patchQuestion(qc, questionId, () => ({ answerCount }));
  });

  useRealtimeEvent<AnswerRestoredEvent>('answer.restored', ({ questionId, answer, answerCount }) => {
    if (!questionId || !answer?.id) return;
    rememberPeople([answer.author]);
    // The payload is shaped for nobody in particular: keep my own vote where the answer is loaded.
    let present = false;
    mapAnswers(qc, questionId, (answers) =>
      answers.map((a) => {
        if (a.id !== answer.id) return a;
        present = true;
        return { ...a, ...answer, myVote: a.myVote, moderation: undefined };
      }),
    );
    // Gone from this page: its place among the others is the server's to say.
    if (!present) void qc.invalidateQueries({ queryKey: questionKeys.detail(questionId) });
    if (typeof answerCount === 'number') patchQuestion(qc, questionId, () => ({ answerCount }));
  });
}
