import type { InfiniteData, QueryClient } from '@tanstack/react-query';
import type { Answer, Page, Question, QuestionDetail, QuestionStatus } from '../api/types';

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
  qc.setQueriesData<QuestionPages>({ queryKey: questionKeys.lists }, (data) => {
    if (!data?.pages?.some((page) => page.items.some((q) => q.id === questionId))) return data;
    return {
      ...data,
      pages: data.pages.map((page) => ({
        ...page,
        items: page.items.map((q) => (q.id === questionId ? { ...q, ...patch(q) } : q)),
      })),
    };
  });
  qc.setQueryData<QuestionDetail>(questionKeys.detail(questionId), (q) => (q ? { ...q, ...patch(q) } : q));
}

/** Takes the question out of every loaded list. */
export function removeQuestion(qc: QueryClient, questionId: string): void {
  qc.setQueriesData<QuestionPages>({ queryKey: questionKeys.lists }, (data) => {
    if (!data?.pages?.some((page) => page.items.some((q) => q.id === questionId))) return data;
    return { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.filter((q) => q.id !== questionId) })) };
  });
}

/** Applies `change` to the answers on the question's page. */
export function mapAnswers(qc: QueryClient, questionId: string, change: (answers: Answer[]) => Answer[]): void {
  qc.setQueryData<QuestionDetail>(questionKeys.detail(questionId), (q) => (q ? { ...q, answers: change(q.answers) } : q));
}
