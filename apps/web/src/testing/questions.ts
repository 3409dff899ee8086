import type { Answer, QuestionDetail } from '../api/types';
import { me } from './render';

const mine = { id: me.id, handle: me.handle, displayName: me.displayName };

/** An answer as the api returns it, by the signed-in test person unless `change` says otherwise. */
export function answerFixture(change: Partial<Answer> = {}): Answer {
  return {
    id: 'a1',
    questionId: 'q1',
    author: mine,
    body: 'An answer',
    bodyHtml: '<p>An answer</p>',
    editedAt: null,
    voteCount: 0,
    myVote: false,
    accepted: false,
    createdAt: new Date().toISOString(),
    attachments: [],
    ...change,
  };
}

/** A question with its answers, asked by the signed-in test person unless `change` says otherwise. */
export function questionFixture(change: Partial<QuestionDetail> = {}): QuestionDetail {
  return {
    id: 'q1',
    title: 'A question?',
    body: 'Its details',
    bodyHtml: '<p>Its details</p>',
    editedAt: null,
    topics: [],
    status: 'open',
    asker: mine,
    answerCount: 1,
    acceptedAnswerId: null,
    createdAt: new Date().toISOString(),
    answeredAt: null,
    claim: null,
    routedTo: [],
    routing: [],
    routedRound: 1,
    attachments: [],
    answers: [],
    ...change,
  };
}
