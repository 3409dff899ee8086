import { Injectable } from '@nestjs/common';
import { type AuthUser, invalid, notFound, Transactions, type Tx } from '@ruche/platform';
import type { VoteView } from './dto.js';
import { questionRoom, questionSubject } from './question-events.js';
import { rows } from './question-sql.js';
import { QuestionsVisibility } from './questions-visibility.js';

interface LockedAnswer {
  id: string;
  question_id: string;
  author_id: string;
  topics: string[];
}

/**
 * One upvote per person and answer, never on one's own. The counter moves only when a vote row
 * was really inserted or deleted, in the same transaction, under the answer's row lock: counts
 * stay exact however many people vote at once, and repeating a request changes nothing (no event).
 */
@Injectable()
export class AnswerVotesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly visibility: QuestionsVisibility,
  ) {}

  vote(user: AuthUser, answerId: string): Promise<VoteView> {
    return this.transactions.run(async (tx) => {
      const answer = await this.lockAnswer(tx, user, answerId);
      const inserted = await rows(
        tx.manager,
        'INSERT INTO answer_votes (answer_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1',
        [answerId, user.id],
      );
      return { voteCount: await this.settle(tx, user, answer, inserted.length), myVote: true };
    });
  }

  unvote(user: AuthUser, answerId: string): Promise<VoteView> {
    return this.transactions.run(async (tx) => {
      const answer = await this.lockAnswer(tx, user, answerId);
      const deleted = await rows(tx.manager, 'DELETE FROM answer_votes WHERE answer_id = $1 AND user_id = $2 RETURNING 1', [
        answerId,
        user.id,
      ]);
      return { voteCount: await this.settle(tx, user, answer, -deleted.length), myVote: false };
    });
  }

  /** The answer (and its question's topics), row-locked; 404 when missing or not visible, 400 when it is the caller's. */
  private async lockAnswer(tx: Tx, user: AuthUser, answerId: string): Promise<LockedAnswer> {
    const viewer = await this.visibility.viewer(user);
    const [answer] = await rows<LockedAnswer>(
      tx.manager,
      `SELECT a.id, a.question_id, a.author_id, q.topics
         FROM answers a JOIN questions q ON q.id = a.question_id
        WHERE a.id = $1 AND ${this.visibility.questionFilter(viewer, 'q', '$2')} AND ${this.visibility.answerFilter(viewer, 'a', '$2')}
          FOR NO KEY UPDATE OF a`,
      [answerId, user.id],
    );
    if (!answer) throw notFound('Answer');
    if (answer.author_id === user.id) throw invalid('You cannot vote for your own answer');
    return answer;
  }

  private async settle(tx: Tx, user: AuthUser, answer: LockedAnswer, delta: number): Promise<number> {
    if (!delta) {
      const [{ vote_count }] = await rows<{ vote_count: number }>(tx.manager, 'SELECT vote_count FROM answers WHERE id = $1', [
        answer.id,
      ]);
      return vote_count;
    }
    const [{ vote_count: voteCount }] = await rows<{ vote_count: number }>(
      tx.manager,
      'UPDATE answers SET vote_count = vote_count + $2 WHERE id = $1 RETURNING vote_count',
      [answer.id, delta],
    );
    await tx.emit({
      type: 'answer.voted',
      payload: {
        answerId: answer.id,
        questionId: answer.question_id,
        voteCount,
        answererId: answer.author_id,
        topics: answer.topics,
      },
      audience: [questionRoom(answer.question_id)],
      subject: questionSubject(answer.question_id),
      actorId: user.id,
    });
    return voteCount;
  }
}
