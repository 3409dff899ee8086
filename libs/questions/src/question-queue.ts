import { Injectable } from '@nestjs/common';
import { IdentityService, summaryIn } from '@ruche/identity';
import { canonicalId, Database, decodeCursor, type Page, rows, SqlParams, toPage } from '@ruche/platform';
import type { QuestionView, TopicAnswerView } from './dto.js';
import { QUESTION_COLUMNS, type QuestionRow } from './question-sql.js';
import { QuestionViews } from './question-views.js';
import { QuestionsVisibility } from './questions-visibility.js';

/** A question in the unanswered queue: when it joined. */
export type UnansweredQuestionView = QuestionView & { unansweredAt: string };

/**
 * What the hive work of issue #17 asks of questions beyond the REST views: the unanswered queue
 * (for moderators and analytics readers: the route's permission), a topic's recent answers (topic
 * pages), and an answer's voters and author (recognition's badges and kudos). Every read applies
 * QuestionsVisibility's rule, so moderation (hidden, removed, held) holds here too.
 */
@Injectable()
export class QuestionQueue {
  constructor(
    private readonly db: Database,
    private readonly identity: IdentityService,
    private readonly views: QuestionViews,
    private readonly visibility: QuestionsVisibility,
  ) {}

  /**
   * Questions still unanswered after their last routing round (stamped by QuestionRouting), most
   * recently stamped first; a question leaves the queue when it gets an answer.
   */
  async unanswered(viewerId: string, query: { limit: number; cursor?: string }): Promise<Page<UnansweredQuestionView>> {
    const viewer = await this.visibility.viewer(viewerId);
    const params = new SqlParams();
    const where = [
      'q.unanswered_at IS NOT NULL',
      "q.status = 'open'",
      'q.answer_count = 0',
      this.visibility.questionFilter(viewer, 'q', params.add(viewerId)),
    ];
    if (query.cursor) where.push(params.keyset('q.unanswered_at, q.id', '<', decodeCursor(query.cursor)));
    const found = await rows<QuestionRow & { unanswered_at: Date }>(
      this.db.manager,
      `SELECT ${QUESTION_COLUMNS('q')}, q.unanswered_at FROM questions q
        WHERE ${where.join(' AND ')}
        ORDER BY q.unanswered_at DESC, q.id DESC
        LIMIT ${params.add(query.limit + 1)}`,
      params.values,
    );
    const views = new Map((await this.views.build(found.slice(0, query.limit))).map((v) => [v.id, v]));
    return toPage(
      found,
      query.limit,
      (r) => [r.unanswered_at, r.id],
      (r) => ({ ...views.get(r.id)!, unansweredAt: r.unanswered_at.toISOString() }),
    );
  }

  /** The newest answers the viewer may see to questions on a topic key (its page), newest first. */
  async recentAnswers(viewerId: string, topic: string, limit: number): Promise<TopicAnswerView[]> {
    const viewer = await this.visibility.viewer(viewerId);
    const found = await rows<{
      id: string;
      question_id: string;
      title: string;
      author_id: string;
      vote_count: number;
      accepted: boolean;
      created_at: Date;
    }>(
      this.db.manager,
      `SELECT a.id, a.question_id, q.title, a.author_id, a.vote_count, a.accepted, a.created_at
         FROM answers a JOIN questions q ON q.id = a.question_id
        WHERE q.topics @> ARRAY[$1::text] AND ${this.visibility.questionFilter(viewer, 'q', '$2')}
          AND ${this.visibility.answerFilter(viewer, 'a', '$2')}
        ORDER BY a.created_at DESC, a.id DESC
        LIMIT $3`,
      [topic, viewerId, limit],
    );
    const people = await this.identity.summaries(found.map((r) => r.author_id));
    return found.map((r) => ({
      id: r.id,
      questionId: r.question_id,
      questionTitle: r.title,
      author: summaryIn(people, r.author_id),
      voteCount: r.vote_count,
      accepted: r.accepted,
      createdAt: r.created_at.toISOString(),
    }));
  }

  /** Who voted for an answer now (recognition weighs answers upvoted across departments). */
  async answerVoterIds(answerId: string): Promise<string[]> {
    const id = canonicalId(answerId);
    if (!id) return [];
    const found = await rows<{ user_id: string }>(this.db.manager, 'SELECT user_id FROM answer_votes WHERE answer_id = $1', [id]);
    return found.map((r) => r.user_id);
  }

  /** An answer's author and question, when `viewerId` may see it (kudos); null otherwise. */
  async visibleAnswer(viewerId: string, answerId: string): Promise<{ authorId: string; questionId: string } | null> {
    const id = canonicalId(answerId);
    if (!id || !(await this.visibility.visibleAnswerIds(viewerId, [id])).has(id)) return null;
    const [row] = await rows<{ author_id: string; question_id: string }>(
      this.db.manager,
      'SELECT author_id, question_id FROM answers WHERE id = $1',
      [id],
    );
    return row ? { authorId: row.author_id, questionId: row.question_id } : null;
  }
}
