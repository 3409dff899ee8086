import { Injectable } from '@nestjs/common';
import { type AuthUser, Database, rows } from '@ruche/platform';
import { QuestionsVisibility } from './questions-visibility.js';

export interface TopicCount {
  topic: string;
  questions: number;
}

export interface UnansweredQuestion {
  id: string;
  title: string;
  topics: string[];
  askerId: string;
  createdAt: string;
}

/**
 * What a department's dashboard asks of questions (#17), as the reader may see it: the topics a
 * group of people ask and answer about, and the questions on those topics still waiting for a
 * first answer. Read-only, through the one visibility rule.
 */
@Injectable()
export class QuestionInsights {
  constructor(
    private readonly db: Database,
    private readonly visibility: QuestionsVisibility,
  ) {}

  /** Topics of the questions these people asked, or answered, since `since`; the most frequent first. */
  async topicsOf(reader: AuthUser, userIds: readonly string[], since: Date, limit: number): Promise<TopicCount[]> {
    if (userIds.length === 0) return [];
    const viewer = await this.visibility.viewer(reader);
    const found = await rows<{ topic: string; questions: string }>(
      this.db.reader,
      `WITH theirs AS (
         SELECT q.id, q.topics FROM questions q
          WHERE q.created_at >= $2 AND ${this.visibility.questionFilter(viewer, 'q', '$4')}
            AND (q.asker_id = ANY ($1::uuid[])
                 OR EXISTS (SELECT 1 FROM answers a
                             WHERE a.question_id = q.id AND a.author_id = ANY ($1::uuid[])
                               AND ${this.visibility.answerFilter(viewer, 'a', '$4')})))
       SELECT t.topic, count(*) AS questions FROM theirs, unnest(theirs.topics) AS t (topic)
        GROUP BY t.topic ORDER BY count(*) DESC, t.topic LIMIT $3`,
      [userIds, since, limit, reader.id],
    );
    return found.map((r) => ({ topic: r.topic, questions: Number(r.questions) }));
  }

  /** Open questions on any of these topics that nobody has answered yet, the longest waiting first. */
  async unansweredOn(reader: AuthUser, topics: readonly string[], limit: number): Promise<UnansweredQuestion[]> {
    if (topics.length === 0) return [];
    const viewer = await this.visibility.viewer(reader);
    const found = await rows<{ id: string; title: string; topics: string[]; asker_id: string; created_at: Date }>(
      this.db.reader,
      `SELECT q.id, q.title, q.topics, q.asker_id, q.created_at FROM questions q
        WHERE q.status = 'open' AND q.answer_count = 0 AND q.topics && $1::text[]
          AND ${this.visibility.questionFilter(viewer, 'q', '$3')}
        ORDER BY q.created_at, q.id LIMIT $2`,
      [topics, limit, reader.id],
    );
    return found.map((r) => ({
      id: r.id,
      title: r.title,
      topics: r.topics,
      askerId: r.asker_id,
      createdAt: r.created_at.toISOString(),
    }));
  }
}
