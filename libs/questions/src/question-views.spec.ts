import type { QuestionRow } from './question-sql.js';
import { unknownUser } from '@ruche/identity';
import { toAnswerView, toQuestionView } from './question-views.js';

const asker = { id: '0b6f3f5e-2a44-4f0e-9d55-5f1b2f7d9c11', handle: 'ada', displayName: 'Ada' };
const expert = { id: '1b6f3f5e-2a44-4f0e-9d55-5f1b2f7d9c11', handle: 'grace', displayName: 'Grace' };
const at = new Date('2026-11-23T10:11:12.345Z');

const row = (over: Partial<QuestionRow> = {}): QuestionRow => ({
  id: '2b6f3f5e-2a44-4f0e-9d55-5f1b2f7d9c11',
  asker_id: asker.id,
  title: 'How do I drain a node?',
  body: '',
  body_html: null,
  topics: ['kubernetes'],
  status: 'open',
  accepted_answer_id: null,
  answer_count: 0,
  created_at: at,
  answered_at: null,
  claimed_by: null,
  claim_expires_at: null,
  routed_round: 1,
  last_routed_at: at,
  edited_at: null,
  moderation_state: 'visible',
  ...over,
});

describe('question views', () => {
  const people = new Map([asker, expert].map((u) => [u.id, u]));

  it('shows the asker, routing with its reasons and no claim', () => {
    const route = { userId: expert.id, reason: 'expert' as const, detail: 'kubernetes', round: 1 };
    expect(toQuestionView(row(), people, [route])).toEqual({
      id: row().id,
      title: 'How do I drain a node?',
      body: '',
      bodyHtml: '',
      topics: ['kubernetes'],
      status: 'open',
      asker,
      answerCount: 0,
      acceptedAnswerId: null,
      createdAt: '2026-11-23T10:11:12.345Z',
      answeredAt: null,
      claim: null,
      routedTo: [expert.id],
      routing: [route],
      routedRound: 1,
      editedAt: null,
      attachments: [],
    });
  });

  it('shows an active claim with its holder and end', () => {
    const claimed = toQuestionView(
      row({ claimed_by: expert.id, claim_expires_at: new Date(at.getTime() + 30 * 60_000) }),
      people,
      [],
    );
    expect(claimed.claim).toEqual({ user: expert, expiresAt: '2026-11-23T10:41:12.345Z' });
  });

  it('never shows half a claim, and names people it cannot load "Unknown user"', () => {
    expect(toQuestionView(row({ claimed_by: expert.id }), people, []).claim).toBeNull();
    expect(toQuestionView(row({ asker_id: 'gone' }), people, []).asker).toEqual(unknownUser('gone'));
  });

  it('marks content out of public sight, and only that', () => {
    expect(toQuestionView(row(), people, []).moderation).toBeUndefined();
    expect(toQuestionView(row({ moderation_state: 'held' }), people, []).moderation).toEqual({ state: 'held' });
  });

  it('shows an answer with the caller’s vote', () => {
    const answer = toAnswerView(
      {
        id: 'a',
        question_id: 'q',
        author_id: expert.id,
        body: 'Cordon first',
        body_html: '<p>Cordon first</p>\n',
        vote_count: 3,
        accepted: true,
        created_at: at,
        accepted_at: at,
        edited_at: null,
        moderation_state: 'visible',
      },
      expert,
      true,
    );
    expect(answer).toEqual({
      id: 'a',
      questionId: 'q',
      author: expert,
      body: 'Cordon first',
      bodyHtml: '<p>Cordon first</p>\n',
      voteCount: 3,
      myVote: true,
      accepted: true,
      createdAt: '2026-11-23T10:11:12.345Z',
      editedAt: null,
      attachments: [],
    });
  });
});
