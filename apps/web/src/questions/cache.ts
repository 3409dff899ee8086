import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Answer, Page, Question, QuestionDetail, QuestionStatus } from '../api/types';
import { patchLoaded, removeListed } from '../ui/pageItems';

export const questionKeys = {
  all: ['questions'] as const,
  lists: ['questions', 'list'] as const,
  list: (view: string, topic: string) => ['questions', 'list', view, topic] as const,
  detail: (id: string) => ['questions', 'detail', id] as const,
  similar: (title: string) => ['questions', 'similar', title] as const,
};

export type QuestionsView = QuestionStatus | 'me';
export type QuestionPages = InfiniteData<Page<Question>, string | null>;

/** Applies `patch` to the question wherever it is listed, and on its page. */
export function patchQuestion(qc: QueryClient, questionId: string, patch: (q: Question) => Partial<Question>): void {
  patchLoaded(qc, questionKeys.lists, questionKeys.detail(questionId), questionId, patch);
}

/** Takes the question out of every loaded list. */
export function removeQuestion(qc: QueryClient, questionId: string): void {
  removeListed(qc, questionKeys.lists, questionId);
}

/** Applies `change` to the answers on the question's page. */
export function mapAnswers(qc: QueryClient, questionId: string, change: (answers: Answer[]) => Answer[]): void {
  qc.setQueryData<QuestionDetail>(questionKeys.detail(questionId), (q) => (q ? { ...q, answers: change(q.answers) } : q));
}
