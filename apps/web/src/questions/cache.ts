import type { QuestionStatus } from '../api/types';

export const questionKeys = {
  all: ['questions'] as const,
  list: (view: string, topic: string) => ['questions', 'list', view, topic] as const,
  detail: (id: string) => ['questions', 'detail', id] as const,
  similar: (title: string) => ['questions', 'similar', title] as const,
};

export type QuestionsView = QuestionStatus | 'me';
