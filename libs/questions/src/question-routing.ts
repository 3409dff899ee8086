import { BeforeApplicationShutdown, Inject, Injectable, OnModuleInit } from '@nestjs/common';
import type { RouteReason } from '@ruche/contracts';
import { IdentityService } from '@ruche/identity';
import { PeopleService } from '@ruche/people';
import {
  Database,
  ExpertFinderPort,
  JobEngine,
  lockKey,
  rows,
  RUCHE_CONFIG,
  type RucheConfig,
  Transactions,
  type Tx,
} from '@ruche/platform';
import type { QuestionRouteView } from './dto.js';
import { questionSubject, userRoom } from './question-events.js';
import { QUESTION_COLUMNS, type QuestionRow } from './question-sql.js';

/** People asked per round. */
export const EXPERTS_PER_ROUND = 5;
/** Rounds attempted at most (1 at creation, then re-routes): at most 20 people asked. */
export const MAX_ROUNDS = 4;
/** How often questions due are looked for (a pg-boss schedule: one instance runs each round). */
const TICK_CRON = '* * * * *';
/** Questions re-routed per run, oldest routing first. */
const BATCH = 100;
/** Helpers considered per round (their caps are counted under their locks, in id order). */
const HELPER_CANDIDATES = 20;
/** A helper's weekly cap counts the routes of the last seven days. */
const CAP_WINDOW = "interval '7 days'";

/** Someone who may be asked in a round, why, and (helpers) their weekly cap. */
export interface RouteCandidate {
  userId: string;
  reason: RouteReason;
  detail: string;
  weeklyCap?: number;
}

/**
 * Who is asked a question, and why (issue #17). A round is filled in this order: the best active
 * experts on its topics (the expertise ranking); only when fewer than {@link EXPERTS_PER_ROUND}
 * are found, then helpers (volunteers for one of its topics, each asked as a helper at most their
 * weekly cap in any 7 days: counted in the writing transaction under a per-helper lock, so
 * concurrent questions never exceed it), then the topics' followers, then the most active
 * answerers of the asker's department. Never the asker, never a suspended or deactivated account,
 * never someone asked before about the same question; a held question asks nobody until released
 * (every employee may see a visible question: there are no private questions). At creation
 * round 1; then, while it stays open with no answer and nobody has an active claim on it, every
 * `RUCHE_REROUTE_MINUTES` the next round, for at most {@link MAX_ROUNDS} rounds in all. Each round
 * is a `question.routed` event to the people asked; each route keeps its reason and detail.
 *
 * After the last round, a question still unanswered `RUCHE_UNANSWERED_MINUTES` later is stamped
 * `unanswered_at` (it joins the unanswered queue) and its asker is told (`question.unanswered`).
 *
 * The job is a pg-boss schedule, every minute, run by one instance that runs jobs at a time (a
 * singleton queue; each question is re-checked under its row lock anyway). `rerouteDue(now)` is
 * the job itself, callable directly (tests pass a later `now`).
 */
@Injectable()
export class QuestionRouting implements OnModuleInit, BeforeApplicationShutdown {
  private stopped = false;

  constructor(
    private readonly jobs: JobEngine,
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly experts: ExpertFinderPort,
    private readonly identity: IdentityService,
    private readonly people: PeopleService,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.every('questions-reroute', TICK_CRON, async () => {
      await this.rerouteDue();
      await this.markUnanswered();
    });
  }

  /** The job engine waits for a round in progress; this only stops it between questions. */
  beforeApplicationShutdown(): void {
    this.stopped = true;
  }

  /** The first round's candidates for a new question (asked before its transaction opens). */
  firstRound(topics: readonly string[], askerId: string): Promise<RouteCandidate[]> {
    return this.candidates(topics, askerId, []);
  }

  /**
   * Everyone who may fill a round, in order: experts; and when fewer than a round of them, helpers
   * (their caps are applied by {@link record}), followers, the department's answerers. Read before
   * the round's transaction opens (it asks expertise and people on pooled connections).
   */
  async candidates(topics: readonly string[], askerId: string, asked: readonly string[]): Promise<RouteCandidate[]> {
    const exclude = [askerId, ...asked];
    const label = topics.join(', ');
    const experts = await this.experts.topExperts(topics, { limit: EXPERTS_PER_ROUND, exclude });
    const out: RouteCandidate[] = experts.map((userId) => ({ userId, reason: 'expert', detail: label }));
    if (out.length >= EXPERTS_PER_ROUND) return out;
    const taken = () => [...exclude, ...out.map((c) => c.userId)];
    for (const h of await this.experts.topicHelpers(topics, { limit: HELPER_CANDIDATES, exclude: taken() })) {
      out.push({ userId: h.userId, reason: 'helper', detail: h.label, weeklyCap: h.weeklyCap ?? 0 });
    }
    for (const f of await this.experts.topicFollowers(topics, { limit: EXPERTS_PER_ROUND, exclude: taken() })) {
      out.push({ userId: f.userId, reason: 'topic_follower', detail: f.label });
    }
    out.push(...(await this.departmentAnswerers(askerId, taken())));
    return out;
  }

  /**
   * The asker's department's most active answerers (visible answers to visible questions), most
   * answers first; nobody when the asker's profile names no department.
   */
  private async departmentAnswerers(askerId: string, exclude: readonly string[]): Promise<RouteCandidate[]> {
    const department = (await this.people.profileSummaries([askerId])).get(askerId)?.department.trim() ?? '';
    if (!department) return [];
    const colleagues = await this.people.idsInPlace({ department });
    if (colleagues.length === 0) return [];
    const found = await rows<{ author_id: string; answers: number }>(
      this.db.manager,
      `SELECT a.author_id, count(*)::int AS answers FROM answers a JOIN questions q ON q.id = a.question_id
        WHERE a.author_id = ANY ($1::uuid[]) AND NOT a.author_id = ANY ($2::uuid[])
          AND a.moderation_state = 'visible' AND q.moderation_state = 'visible' AND a.deleted_at IS NULL AND q.deleted_at IS NULL
        GROUP BY a.author_id
        ORDER BY answers DESC, max(a.created_at) DESC, a.author_id
        LIMIT $3`,
      [colleagues, [...exclude], EXPERTS_PER_ROUND * 4],
    );
    const active = await this.identity.activeIds(found.map((r) => r.author_id));
    return found
      .filter((r) => active.has(r.author_id))
      .slice(0, EXPERTS_PER_ROUND)
      .map((r) => ({
        userId: r.author_id,
        reason: 'department_answerer',
        detail: `${department}: ${r.answers} answer${r.answers === 1 ? '' : 's'}`,
      }));
  }

  /**
   * Inside the transaction that created or re-routes the question: fills the round from the
   * candidates in order (helpers within their weekly caps, counted here under each helper's lock,
   * taken in id order so concurrent rounds never deadlock), records the routes with their
   * reasons, and tells the people asked.
   */
  async record(
    tx: Tx,
    question: Pick<QuestionRow, 'id' | 'title' | 'topics' | 'asker_id'>,
    candidates: readonly RouteCandidate[],
    round: number,
  ): Promise<QuestionRouteView[]> {
    if (candidates.length === 0) return [];
    const helpers = candidates.filter((c) => c.reason === 'helper');
    const used = new Map<string, number>();
    if (helpers.length > 0 && candidates.filter((c) => c.reason === 'expert').length < EXPERTS_PER_ROUND) {
      for (const id of [...new Set(helpers.map((h) => h.userId))].sort()) await lockKey(tx.manager, `topic-helper:${id}`);
      const counted = await rows<{ user_id: string; n: number }>(
        tx.manager,
        `SELECT user_id, count(*)::int AS n FROM question_routes
          WHERE reason = 'helper' AND user_id = ANY ($1::uuid[]) AND routed_at > now() - ${CAP_WINDOW}
          GROUP BY user_id`,
        [helpers.map((h) => h.userId)],
      );
      for (const r of counted) used.set(r.user_id, r.n);
    }
    const chosen: RouteCandidate[] = [];
    for (const c of candidates) {
      if (chosen.length >= EXPERTS_PER_ROUND) break;
      if (chosen.some((x) => x.userId === c.userId) || c.userId === question.asker_id) continue;
      if (c.reason === 'helper' && (used.get(c.userId) ?? 0) >= (c.weeklyCap ?? 0)) continue;
      chosen.push(c);
    }
    if (chosen.length === 0) return [];
    const inserted = await rows<{ user_id: string }>(
      tx.manager,
      `INSERT INTO question_routes (question_id, user_id, round, position, reason, detail)
       SELECT $1, x.user_id, $3, x.n - 1, x.reason, left(x.detail, 300)
         FROM unnest($2::uuid[], $4::text[], $5::text[]) WITH ORDINALITY AS x (user_id, reason, detail, n)
       ON CONFLICT (question_id, user_id) DO NOTHING RETURNING user_id`,
      [question.id, chosen.map((c) => c.userId), round, chosen.map((c) => c.reason), chosen.map((c) => c.detail)],
    );
    const routed = chosen
      .filter((c) => inserted.some((r) => r.user_id === c.userId))
      .map((c): QuestionRouteView => ({ userId: c.userId, reason: c.reason, detail: c.detail.slice(0, 300), round }));
    const asked = routed.map((r) => r.userId);
    if (asked.length > 0) {
      await tx.emit({
        type: 'question.routed',
        payload: {
          questionId: question.id,
          userIds: asked,
          round,
          title: question.title,
          topics: question.topics,
          askerId: question.asker_id,
        },
        // Round 1 is in the asker's answer to the POST; a later round reaches the asker live too,
        // so their page says who else was asked without a reload.
        audience: (round > 1 ? [...asked, question.asker_id] : asked).map(userRoom),
        subject: questionSubject(question.id),
        actorId: question.asker_id,
      });
    }
    return routed;
  }

  /**
   * Routes every question that is due to its next experts; returns how many questions were
   * re-routed. Due: open, in public sight (never held, hidden, removed or deleted), no (visible) answer, no active claim, last routed at least `RUCHE_REROUTE_MINUTES`
   * before `now`, fewer than {@link MAX_ROUNDS} rounds. Does nothing (returns 0) while another
   * instance runs it.
   */
  async rerouteDue(now: Date = new Date()): Promise<number> {
    const dueBefore = new Date(now.getTime() - this.config.questions.rerouteMinutes * 60_000);
    const due = await rows<QuestionRow>(
      this.db.manager,
      `SELECT ${QUESTION_COLUMNS('q')} FROM questions q
        WHERE q.status = 'open' AND q.moderation_state = 'visible' AND q.deleted_at IS NULL AND q.answer_count = 0 AND q.last_routed_at <= $1
          AND q.routed_round < $2 AND (q.claim_expires_at IS NULL OR q.claim_expires_at <= $3)
        ORDER BY q.last_routed_at, q.id
        LIMIT $4`,
      [dueBefore, MAX_ROUNDS, now, BATCH],
    );
    let rerouted = 0;
    for (const question of due) {
      if (this.stopped) break;
      if (await this.reroute(question, dueBefore)) rerouted++;
    }
    return rerouted;
  }

  private async reroute(question: QuestionRow, dueBefore: Date): Promise<boolean> {
    const already = await rows<{ user_id: string }>(
      this.db.manager,
      'SELECT user_id FROM question_routes WHERE question_id = $1',
      [question.id],
    );
    const next = await this.candidates(
      question.topics,
      question.asker_id,
      already.map((r) => r.user_id),
    );
    return this.transactions.run(async (tx) => {
      // Still due now that the row is locked (an answer or a claim may have come in meanwhile).
      const [current] = await rows<{ routed_round: number }>(
        tx.manager,
        `SELECT routed_round FROM questions
          WHERE id = $1 AND status = 'open' AND moderation_state = 'visible' AND deleted_at IS NULL AND answer_count = 0
            AND last_routed_at <= $2 AND routed_round = $3
            AND (claim_expires_at IS NULL OR claim_expires_at <= now())
          FOR NO KEY UPDATE`,
        [question.id, dueBefore, question.routed_round],
      );
      if (!current) return false;
      const round = current.routed_round + 1;
      await tx.manager.query('UPDATE questions SET routed_round = $2, last_routed_at = now() WHERE id = $1', [
        question.id,
        round,
      ]);
      await this.record(tx, question, next, round);
      return true;
    });
  }

  /**
   * Stamps every question still unanswered {@link RucheConfig.questions.unansweredMinutes} after
   * its last round (open, in public sight, no answer, no active claim) as unanswered, and tells its
   * asker what happened (`question.unanswered`): it is now in the unanswered queue. Returns how
   * many joined the queue. Each question is re-checked under its row lock, so it is told once.
   */
  async markUnanswered(now: Date = new Date()): Promise<number> {
    const dueBefore = new Date(now.getTime() - this.config.questions.unansweredMinutes * 60_000);
    const due = await rows<{ id: string }>(
      this.db.manager,
      `SELECT q.id FROM questions q
        WHERE q.status = 'open' AND q.moderation_state = 'visible' AND q.deleted_at IS NULL AND q.answer_count = 0 AND q.unanswered_at IS NULL
          AND q.routed_round >= $2 AND q.last_routed_at <= $1
          AND (q.claim_expires_at IS NULL OR q.claim_expires_at <= $3)
        ORDER BY q.last_routed_at, q.id
        LIMIT $4`,
      [dueBefore, MAX_ROUNDS, now, BATCH],
    );
    let marked = 0;
    for (const { id } of due) {
      if (this.stopped) break;
      const done = await this.transactions.run(async (tx) => {
        const [row] = await rows<QuestionRow>(
          tx.manager,
          `SELECT ${QUESTION_COLUMNS('q')} FROM questions q
            WHERE q.id = $1 AND q.status = 'open' AND q.moderation_state = 'visible' AND q.deleted_at IS NULL AND q.answer_count = 0
              AND q.unanswered_at IS NULL AND q.routed_round >= $3 AND q.last_routed_at <= $2
              AND (q.claim_expires_at IS NULL OR q.claim_expires_at <= now())
            FOR NO KEY UPDATE`,
          [id, dueBefore, MAX_ROUNDS],
        );
        if (!row) return false;
        await tx.manager.query('UPDATE questions SET unanswered_at = now() WHERE id = $1', [id]);
        const [{ asked }] = await rows<{ asked: number }>(
          tx.manager,
          'SELECT count(*)::int AS asked FROM question_routes WHERE question_id = $1',
          [id],
        );
        await tx.emit({
          type: 'question.unanswered',
          payload: {
            questionId: id,
            askerId: row.asker_id,
            title: row.title,
            topics: row.topics,
            rounds: row.routed_round,
            asked,
          },
          audience: [userRoom(row.asker_id)],
          subject: questionSubject(id),
          actorId: null,
        });
        return true;
      });
      if (done) marked++;
    }
    return marked;
  }
}
