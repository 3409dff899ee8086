import type { AnswerView, QuestionView } from '@ruche/contracts';
import type { TestApp } from '../support/test-app.js';
import { expectBody } from './expect-status.js';
import { actingAs, type TestUser } from './user.factory.js';

export interface UserRef {
  id: string;
  handle: string;
  displayName: string;
}

/** A question with its answers, as `GET /api/questions/:id` answers it. */
export interface QuestionDetailBody extends QuestionView {
  answers: AnswerView[];
}

export interface ExpertBody {
  user: UserRef & { title: string; department: string; location: string };
  score: number;
  reasons: string[];
}

let counter = 0;

/** Asks a question through the real API; fails the test on anything but 201. */
export async function askQuestion(
  t: TestApp,
  asker: TestUser,
  body: Partial<{ title: string; body: string; topics: string[] }> = {},
): Promise<QuestionView> {
  return expectBody(
    actingAs(t, asker).post('/api/questions', {
      title: `Question number ${++counter}?`,
      body: 'Details.',
      topics: ['general'],
      ...body,
    }),
    201,
    'POST /api/questions',
  );
}

export async function answerQuestion(
  t: TestApp,
  author: TestUser,
  questionId: string,
  body = `Answer ${++counter}`,
): Promise<AnswerView> {
  return expectBody(
    actingAs(t, author).post(`/api/questions/${questionId}/answers`, { body }),
    201,
    `POST /api/questions/${questionId}/answers`,
  );
}

export async function acceptAnswer(
  t: TestApp,
  asker: TestUser,
  questionId: string,
  answerId: string,
): Promise<QuestionDetailBody> {
  return expectBody(
    actingAs(t, asker).post(`/api/questions/${questionId}/accept`, { answerId }),
    200,
    `POST /api/questions/${questionId}/accept`,
  );
}

export async function voteAnswer(t: TestApp, voter: TestUser, answerId: string): Promise<{ voteCount: number; myVote: boolean }> {
  return expectBody(actingAs(t, voter).put(`/api/answers/${answerId}/vote`), 200, `PUT /api/answers/${answerId}/vote`);
}

export async function questionOf(t: TestApp, viewer: TestUser, questionId: string): Promise<QuestionDetailBody> {
  return expectBody(actingAs(t, viewer).get(`/api/questions/${questionId}`), 200, `GET /api/questions/${questionId}`);
}

/** `GET /api/experts` with the given query string parameters; fails on anything but 200. */
export async function findExperts(t: TestApp, viewer: TestUser, query: Record<string, string | number>): Promise<ExpertBody[]> {
  return (
    await expectBody<{ items: ExpertBody[] }>(
      actingAs(t, viewer).get('/api/experts').query(query),
      200,
      `GET /api/experts ${JSON.stringify(query)}`,
    )
  ).items;
}

/** Someone answers, the asker accepts: `expert` earns an accepted answer on the question's topics. */
export async function earnAcceptedAnswer(t: TestApp, asker: TestUser, expert: TestUser, topics: string[]): Promise<void> {
  const question = await askQuestion(t, asker, { topics });
  const answer = await answerQuestion(t, expert, question.id);
  await acceptAnswer(t, asker, question.id, answer.id);
}

/** Marks an account suspended (what moderation does) or active again, directly in the database. */
export async function setStatus(t: TestApp, user: TestUser, status: 'active' | 'suspended'): Promise<void> {
  // The status follows suspended_at (users_status_derived): set the fact, the status with it.
  await t.sql(`UPDATE users SET status = $2, suspended_at = CASE WHEN $2 = 'suspended' THEN now() END WHERE id = $1`, [
    user.id,
    status,
  ]);
}
