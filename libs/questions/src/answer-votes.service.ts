import { Injectable } from '@nestjs/common';
import { type AuthUser, invalid, notFound, rows, Transactions, type Tx } from '@ruche/platform';
import type { VoteView } from './dto.js';
import { questionRoom, questionSubject } from './question-events.js';
import { QuestionsVisibility } from './questions-visibility.js';

interface VotableAnswer {
  id: string;
  question_id: string;
  author_id: string;
  topics: string[];
}

/**
 * One upvote per person and answer, never on one's own. The counter moves only when a vote row
 * was really inserted or deleted, in the same transaction: counts stay exact however many people
 * vote at once, and repeating a request changes nothing (no event).
 *
 * As for idea votes (VotesService), the answer's row is locked last, by the counter update, which
 * re-applies the visibility rule to the row as it is then (an answer hidden meanwhile refuses the
 * vote, rolled back whole), and the commit does not wait for the WAL flush: voters queue on the
 * update, the event and the commit, not on a whole transaction and an fsync each.
 */
@Injectable()
export class AnswerVotesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly visibility: QuestionsVisibility,
  ) {}

  vote(user: AuthUser, answerId: string): Promise<VoteView> {
    return this.transactions.run(async (tx) => {
      await tx.commitWithoutFlushWait();
      const answer = await this.votableAnswer(tx, user, answerId);
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
      await tx.commitWithoutFlushWait();
      const answer = await this.votableAnswer(tx, user, answerId);
      const deleted = await rows(tx.manager, 'DELETE FROM answer_votes WHERE answer_id = $1 AND user_id = $2 RETURNING 1', [
        answerId,
        user.id,
      ]);
      return { voteCount: await this.settle(tx, user, answer, -deleted.length), myVote: false };
    });
  }

  /** SQL: the answer `a` (on its question `q`) is visible to the viewer ($2 is their id). */
  private async visibleSql(user: AuthUser): Promise<string> {
    const viewer = await this.visibility.viewer(user);
    return `${this.visibility.questionFilter(viewer, 'q', '$2')} AND ${this.visibility.answerFilter(viewer, 'a', '$2')}`;
  }

  /** The answer and its question's topics, unlocked; 404 when missing or not visible, 400 when it is the caller's. */
  private async votableAnswer(tx: Tx, user: AuthUser, answerId: string): Promise<VotableAnswer> {
    const [answer] = await rows<VotableAnswer>(
      tx.manager,
      `SELECT a.id, a.question_id, a.author_id, q.topics
         FROM answers a JOIN questions q ON q.id = a.question_id
        WHERE a.id = $1 AND ${await this.visibleSql(user)}`,
      [answerId, user.id],
    );
    if (!answer) throw notFound('Answer');
    if (answer.author_id === user.id) throw invalid('You cannot vote for your own answer');
    return answer;
  }

  private async settle(tx: Tx, user: AuthUser, answer: VotableAnswer, delta: number): Promise<number> {
    if (!delta) {
      const [{ vote_count }] = await rows<{ vote_count: number }>(tx.manager, 'SELECT vote_count FROM answers WHERE id = $1', [
        answer.id,
      ]);
      return vote_count;
    }
    const [now] = await rows<{ vote_count: number }>(
      tx.manager,
      `UPDATE answers a SET vote_count = a.vote_count + $3 FROM questions q
        WHERE a.id = $1 AND q.id = a.question_id AND ${await this.visibleSql(user)} RETURNING a.vote_count`,
      [answer.id, user.id, delta],
    );
    if (!now) throw notFound('Answer');
    const voteCount = now.vote_count;
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
