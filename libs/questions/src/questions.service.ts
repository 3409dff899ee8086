import { Injectable } from '@nestjs/common';
import { FilesService } from '@ruche/files';
import { LinkPreviews } from '@ruche/previews';
import { DataSource } from 'typeorm';
import {
  type AuthUser,
  ContentModeration,
  Database,
  decodeCursor,
  ExpertFinderPort,
  invalid,
  type Page,
  renderMarkdown,
  rows,
  SqlParams,
  stateOnCreate,
  toPage,
  Transactions,
} from '@ruche/platform';
import type { QuestionDetailView, QuestionListQuery, QuestionStatus, QuestionView, SimilarQuestionView } from './dto.js';
import { questionSubject, userRoom } from './question-events.js';
import { QuestionRouting } from './question-routing.js';
import { QUESTION_COLUMNS, type QuestionRow } from './question-sql.js';
import { QuestionViews, toQuestionView } from './question-views.js';
import { QuestionsVisibility } from './questions-visibility.js';
import { QuestionMentions } from './question-mentions.js';

/** Below this many significant characters a title matches almost anything: no suggestions yet. */
export const SIMILAR_MIN_LENGTH = 3;
/**
 * Word similarity (pg_trgm, accents and case folded) from which an existing title is suggested,
 * comparing the typed title's significant words (stop words left out) with each title. Measured:
 * "configure kubernetes ingress" scores 0.94 against "How do I configure a Kubernetes ingress
 * controller?" and 0.37 against "How do I configure the VPN on Linux?"; "notes frais" 0.80 against
 * "Où déclarer mes notes de frais ?"; unrelated titles stay under 0.2. With two words, sharing one
 * already passes ("configure vpn": 0.78 for the VPN question, 0.71 for the ingress one): the best
 * match comes first.
 */
export const SIMILAR_THRESHOLD = 0.5;

/** Asking, reading one question, the lists, and "has this been asked before?". */
@Injectable()
export class QuestionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly visibility: QuestionsVisibility,
    private readonly views: QuestionViews,
    private readonly routing: QuestionRouting,
    private readonly experts: ExpertFinderPort,
    private readonly moderation: ContentModeration,
    private readonly mentions: QuestionMentions,
    private readonly files: FilesService,
    private readonly previews: LinkPreviews,
  ) {}

  /**
   * Asks a question; the best experts on its topics (up to 5, never the asker, never a suspended
   * account) are asked at once (`question.routed`), and `routedTo` says who.
   *
   * Moderation: asking needs the company guidelines accepted (403); a title or body with a blocked
   * term is held for review (`moderation_state = 'held'`): only its asker and moderators see it,
   * nobody is asked and nobody hears of it until a moderator releases it (QuestionModeration).
   */
  async ask(user: AuthUser, input: { title: string; body?: string; topics: string[]; attachmentIds?: string[] }): Promise<QuestionView> {
    if (!input.topics.every((topic) => this.experts.hasTopicKey(topic))) throw invalid('each topic must contain letters or digits');
    const refs = await this.experts.topicKeys(input.topics);
    if (refs.length === 0) throw invalid('each topic must contain letters or digits');
    const topics = refs.map((r) => r.topic);
    const screening = await this.moderation.beforePublish(user.id, `${input.title}\n\n${input.body ?? ''}`);
    const experts = screening.held ? [] : await this.routing.firstRound(topics, user.id);
    const bodyHtml = renderMarkdown(input.body ?? '', { mentions: await this.mentions.resolve(input.body ?? '') });
    return this.transactions.run(async (tx) => {
      const [row] = await rows<QuestionRow>(
        tx.manager,
        `INSERT INTO questions AS q (asker_id, title, body, body_html, topics, routed_round, moderation_state)
         VALUES ($1, $2, $3, $6, $4, 1, $5)
         RETURNING ${QUESTION_COLUMNS('q')}`,
        [user.id, input.title, input.body ?? '', topics, stateOnCreate(screening), bodyHtml],
      );
      const attachments = await this.files.attach(tx.manager, user.id, { type: 'question', id: row.id }, input.attachmentIds ?? []);
      // Cards already cached show at once; the others are fetched after commit and sent live (item.link_previews).
      const linkPreviews = await this.previews.track(tx, user.id, { type: 'question', id: row.id }, input.body ?? '', { created: true });
      if (screening.held) {
        await this.moderation.held(tx, { type: 'question', id: row.id, authorId: user.id }, screening.terms);
        return {
          ...toQuestionView(row, new Map([[user.id, { id: user.id, handle: user.handle, displayName: user.displayName }]]), [], attachments),
          linkPreviews,
        };
      }
      const routing = await this.routing.record(tx, row, experts, 1);
      const question = {
        ...toQuestionView(row, new Map([[user.id, { id: user.id, handle: user.handle, displayName: user.displayName }]]), routing, attachments),
        linkPreviews,
      };
      await tx.emit({
        type: 'question.created',
        payload: { question },
        audience: [user.id, ...routing.map((r) => r.userId)].map(userRoom),
        subject: questionSubject(row.id),
        actorId: user.id,
      });
      return question;
    });
  }

  /**
   * For notifications: the question's title and what the question or the answer says (cut to `max`
   * characters), one query per type, deleted answers left out. Callers check SubjectVisibility first.
   */
  async texts(
    type: 'question' | 'answer',
    ids: readonly string[],
    max = 400,
  ): Promise<Map<string, { title: string; body: string; questionId: string }>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const found = await rows<{ id: string; title: string; body: string; question_id: string }>(
      this.db.manager,
      type === 'question'
        ? 'SELECT id, title, left(body, $2) AS body, id AS question_id FROM questions WHERE id = ANY($1::uuid[])'
        : `SELECT a.id, q.title, left(a.body, $2) AS body, q.id AS question_id FROM answers a JOIN questions q ON q.id = a.question_id
            WHERE a.id = ANY($1::uuid[]) AND a.deleted_at IS NULL`,
      [unique, max],
    );
    return new Map(found.map((r) => [r.id, { title: r.title, body: r.body, questionId: r.question_id }]));
  }

  async get(viewerId: string, questionId: string): Promise<QuestionDetailView> {
    return this.views.detail(viewerId, await this.visibility.question(viewerId, questionId));
  }

  /**
   * Newest first, keyset-paginated: every question, or by topic (any spelling or synonym) and
   * status; `for=me` lists the questions routed to the caller, most recently routed first.
   */
  async list(viewerId: string, query: QuestionListQuery): Promise<Page<QuestionView>> {
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    let topic: string | null = null;
    if (query.topic !== undefined) {
      const [ref] = await this.experts.topicKeys([query.topic]);
      if (!ref) throw invalid('topic must contain letters or digits');
      topic = ref.topic;
    }
    const viewer = await this.visibility.viewer(viewerId);
    const params = new SqlParams();
    const take = params.add(query.limit + 1);
    const where: string[] = [];
    where.push(this.visibility.questionFilter(viewer, 'q', params.add(viewerId)));
    if (query.status) where.push(`q.status = ${params.add(query.status satisfies QuestionStatus)}`);
    if (topic) where.push(`q.topics @> ARRAY[${params.add(topic)}::text]`);

    if (query.for === 'me') {
      where.push(`r.user_id = ${params.add(viewerId)}::uuid`);
      if (after) where.push(params.keyset('r.routed_at, q.id', '<', after));
      const found = await rows<QuestionRow & { sort_at: Date }>(
        this.db.manager,
        `SELECT ${QUESTION_COLUMNS('q')}, r.routed_at AS sort_at
           FROM question_routes r JOIN questions q ON q.id = r.question_id
          WHERE ${where.join(' AND ')}
          ORDER BY r.routed_at DESC, q.id DESC
          LIMIT ${take}`,
        params.values,
      );
      return this.page(found, query.limit);
    }

    if (after) where.push(params.keyset('q.created_at, q.id', '<', after));
    const found = await rows<QuestionRow & { sort_at: Date }>(
      this.db.manager,
      `SELECT ${QUESTION_COLUMNS('q')}, q.created_at AS sort_at
         FROM questions q
        WHERE ${where.join(' AND ')}
        ORDER BY q.created_at DESC, q.id DESC
        LIMIT ${take}`,
      params.values,
    );
    return this.page(found, query.limit);
  }

  /**
   * Existing questions whose titles contain something like the typed title's significant words
   * (trigram word similarity over folded titles, served by questions_title_trgm_idx), best match
   * first, answered ones before open ones on a tie: what to read before asking again.
   */
  async similar(viewerId: string, title: string, limit: number): Promise<{ items: SimilarQuestionView[] }> {
    const words = this.experts.significantWords(title);
    if ([...words].length < SIMILAR_MIN_LENGTH) return { items: [] };
    const viewer = await this.visibility.viewer(viewerId);
    const found = await this.dataSource.transaction(async (manager) => {
      // `<%` compares against this setting; the third argument keeps it to this transaction.
      await manager.query(`SELECT set_config('pg_trgm.word_similarity_threshold', $1, true)`, [String(SIMILAR_THRESHOLD)]);
      return rows<{
        id: string;
        title: string;
        status: QuestionStatus;
        answer_count: number;
        created_at: Date;
        similarity: number;
      }>(
        manager,
        `SELECT q.id, q.title, q.status, q.answer_count, q.created_at, word_similarity(ruche_fold($1), ruche_fold(q.title)) AS similarity
           FROM questions q
          WHERE ruche_fold($1) <% ruche_fold(q.title) AND ${this.visibility.questionFilter(viewer, 'q', '$3')}
          ORDER BY similarity DESC, (q.status = 'answered') DESC, q.created_at DESC, q.id
          LIMIT $2`,
        [words, limit, viewerId],
      );
    });
    return {
      items: found.map((r) => ({
        id: r.id,
        title: r.title,
        status: r.status,
        answerCount: r.answer_count,
        similarity: Math.round(Number(r.similarity) * 100) / 100,
        createdAt: r.created_at.toISOString(),
      })),
    };
  }

  private async page(found: (QuestionRow & { sort_at: Date })[], limit: number): Promise<Page<QuestionView>> {
    const views = new Map((await this.views.build(found.slice(0, limit))).map((v) => [v.id, v]));
    return toPage(
      found,
      limit,
      (r) => [r.sort_at, r.id],
      (r) => views.get(r.id)!,
    );
  }
}
