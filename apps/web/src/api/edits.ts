import { request } from './client';
import type { Body, Schema } from './schema';
import type { Answer, Comment, QuestionDetail } from './types';

const id = encodeURIComponent;

/** A previous text of an edited item, as moderators read it (`GET /api/{kind}/:id/history`). */
export type Revision = Schema<'RevisionView'>;

export type EditableKind = 'comments' | 'questions' | 'answers';

/**
 * Editing comments, questions and answers, and deleting questions and answers (#14). An edit may send `attachmentIds`, the item's
 * full list of files; left out, the files stay as they are.
 */
export const editsApi = {
  editComment: (commentId: string, body: Body<'/api/comments/{id}', 'patch'>) =>
    request<Comment>('PATCH', `/api/comments/${id(commentId)}`, body),
  editQuestion: (questionId: string, body: Body<'/api/questions/{id}', 'patch'>) =>
    request<QuestionDetail>('PATCH', `/api/questions/${id(questionId)}`, body),
  removeQuestion: (questionId: string) => request<void>('DELETE', `/api/questions/${id(questionId)}`),
  editAnswer: (answerId: string, body: Body<'/api/answers/{id}', 'patch'>) =>
    request<Answer>('PATCH', `/api/answers/${id(answerId)}`, body),
  removeAnswer: (answerId: string) => request<void>('DELETE', `/api/answers/${id(answerId)}`),
  /** Moderators only (403 for anyone else). */
  history: (kind: EditableKind, itemId: string) => request<{ items: Revision[] }>('GET', `/api/${kind}/${id(itemId)}/history`),
};
