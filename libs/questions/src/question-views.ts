import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AttachmentView } from '@ruche/contracts';
import { FilesService } from '@ruche/files';
import { IdentityService, summaryIn, type UserSummary } from '@ruche/identity';
import { LinkPreviews } from '@ruche/previews';
import { type AnswerView, moderationMarker, type QuestionDetailView, type QuestionRouteView, type QuestionView } from './dto.js';
import { ANSWER_COLUMNS, type AnswerRow, type QuestionRow } from './question-sql.js';
import { QuestionsVisibility } from './questions-visibility.js';
import { Database, markdownBody, rows } from '@ruche/platform';

export function toQuestionView(
  q: QuestionRow,
  people: ReadonlyMap<string, UserSummary>,
  routing: readonly QuestionRouteView[],
  attachments: AttachmentView[] = [],
): QuestionView {
  return {
    id: q.id,
    title: q.title,
    ...markdownBody(q),
    topics: q.topics,
    status: q.status,
    asker: summaryIn(people, q.asker_id),
    answerCount: q.answer_count,
    acceptedAnswerId: q.accepted_answer_id,
    createdAt: q.created_at.toISOString(),
    answeredAt: q.answered_at?.toISOString() ?? null,
    claim:
      q.claimed_by && q.claim_expires_at
        ? { user: summaryIn(people, q.claimed_by), expiresAt: q.claim_expires_at.toISOString() }
        : null,
    routedTo: routing.map((r) => r.userId),
    routing: routing.map((r) => ({ ...r })),
    routedRound: q.routed_round,
    editedAt: q.edited_at?.toISOString() ?? null,
    attachments,
    ...moderationMarker(q.moderation_state),
  };
}

export function toAnswerView(a: AnswerRow, author: UserSummary, myVote: boolean, attachments: AttachmentView[] = []): AnswerView {
  return {
    id: a.id,
    questionId: a.question_id,
    author,
    ...markdownBody(a),
    voteCount: a.vote_count,
    myVote,
    accepted: a.accepted,
    createdAt: a.created_at.toISOString(),
    editedAt: a.edited_at?.toISOString() ?? null,
    attachments,
    ...moderationMarker(a.moderation_state),
  };
}

/**
 * Turns question rows into views with a fixed number of round trips whatever the page size: the
 * routes (1 query), the people shown (1 `summaries` call); a detail adds its answers and the
 * viewer's votes (1 query each). Not for use inside a transaction (`summaries` takes a second
 * pooled connection); writes assemble their views from what they already hold.
 */
@Injectable()
export class QuestionViews {
  constructor(
    private readonly db: Database,
    private readonly identity: IdentityService,
    private readonly visibility: QuestionsVisibility,
    private readonly files: FilesService,
    private readonly previews: LinkPreviews,
  ) {}

  async build(questions: QuestionRow[]): Promise<QuestionView[]> {
    if (questions.length === 0) return [];
    const routes = await this.routesOf(
      this.db.manager,
      questions.map((q) => q.id),
    );
    const people = await this.identity.summaries(
      questions.flatMap((q) => (q.claimed_by ? [q.asker_id, q.claimed_by] : [q.asker_id])),
    );
    const ids = questions.map((q) => q.id);
    const attachments = await this.files.attachmentsFor('question', ids);
    // Link preview cards (#14): part of the question's view, so exactly as visible as the question.
    const cards = await this.previews.previewsFor('question', ids);
    return questions.map((q) => ({
      ...toQuestionView(q, people, routes.get(q.id) ?? [], attachments.get(q.id) ?? []),
      linkPreviews: cards.get(q.id) ?? [],
    }));
  }

  /** The question (already known visible to the viewer) with the answers the viewer may see. */
  async detail(viewerId: string, question: QuestionRow): Promise<QuestionDetailView> {
    const db = this.db.manager;
    const viewer = await this.visibility.viewer(viewerId);
    const answers = await rows<AnswerRow>(
      db,
      `SELECT ${ANSWER_COLUMNS('a')} FROM answers a WHERE a.question_id = $1 AND ${this.visibility.answerFilter(viewer, 'a', '$2')}
        ORDER BY a.accepted DESC, a.vote_count DESC, a.created_at, a.id`,
      [question.id, viewerId],
    );
    const mine = await rows<{ answer_id: string }>(
      db,
      'SELECT answer_id FROM answer_votes WHERE user_id = $1 AND answer_id = ANY ($2::uuid[])',
      [viewerId, answers.map((a) => a.id)],
    );
    const voted = new Set(mine.map((v) => v.answer_id));
    const routes = await this.routesOf(db, [question.id]);
    const people = await this.identity.summaries([
      question.asker_id,
      ...(question.claimed_by ? [question.claimed_by] : []),
      ...answers.map((a) => a.author_id),
    ]);
    const answerIds = answers.map((a) => a.id);
    const [ownFiles, answerFiles, ownCards, answerCards] = await Promise.all([
      this.files.attachmentsFor('question', [question.id], db),
      this.files.attachmentsFor('answer', answerIds, db),
      this.previews.previewsFor('question', [question.id], db),
      this.previews.previewsFor('answer', answerIds, db),
    ]);
    return {
      ...toQuestionView(question, people, routes.get(question.id) ?? [], ownFiles.get(question.id) ?? []),
      linkPreviews: ownCards.get(question.id) ?? [],
      answers: answers.map((a) => ({
        ...toAnswerView(a, summaryIn(people, a.author_id), voted.has(a.id), answerFiles.get(a.id) ?? []),
        linkPreviews: answerCards.get(a.id) ?? [],
      })),
    };
  }

  /** Who each question was routed to, and why: by round, in the order each round was filled. */
  async routesOf(db: EntityManager, questionIds: string[]): Promise<Map<string, QuestionRouteView[]>> {
    const found = await rows<{ question_id: string; user_id: string; reason: QuestionRouteView['reason']; detail: string; round: number }>(
      db,
      `SELECT question_id, user_id, reason, detail, round FROM question_routes WHERE question_id = ANY ($1::uuid[])
        ORDER BY question_id, round, position, user_id`,
      [questionIds],
    );
    const map = new Map<string, QuestionRouteView[]>();
    for (const r of found) {
      const route = { userId: r.user_id, reason: r.reason, detail: r.detail, round: r.round };
      map.set(r.question_id, [...(map.get(r.question_id) ?? []), route]);
    }
    return map;
  }
}
