import { BeforeApplicationShutdown, Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { Database, ExpertFinderPort, JobEngine, rows, RUCHE_CONFIG, type RucheConfig, Transactions, type Tx } from '@ruche/platform';
import { questionSubject, userRoom } from './question-events.js';
import { QUESTION_COLUMNS, type QuestionRow } from './question-sql.js';

/** Experts asked per round. */
export const EXPERTS_PER_ROUND = 5;
/** Rounds attempted at most (1 at creation, then re-routes): at most 20 people asked. */
export const MAX_ROUNDS = 4;
/** How often questions due are looked for (a pg-boss schedule: one instance runs each round). */
const TICK_CRON = '* * * * *';
/** Questions re-routed per run, oldest routing first. */
const BATCH = 100;

/**
 * Who is asked a question. At creation the best {@link EXPERTS_PER_ROUND} active experts on its
 * topics (not the asker); then, while it stays open with no answer and nobody has an active claim
 * on it, every `RUCHE_REROUTE_MINUTES` the next ones not asked yet, for at most
 * {@link MAX_ROUNDS} rounds in all. Each round is a `question.routed` event to the people asked.
 *
 * The re-routing job is a pg-boss schedule, every minute, run by one instance that runs jobs at a
 * time (a singleton queue; each question is re-checked under its row lock anyway). `rerouteDue(now)` is the job itself, callable directly (tests pass a later `now`).
 */
@Injectable()
export class QuestionRouting implements OnModuleInit, BeforeApplicationShutdown {
  private stopped = false;

  constructor(
    private readonly jobs: JobEngine,
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly experts: ExpertFinderPort,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  onModuleInit(): void {
    this.jobs.every('questions-reroute', TICK_CRON, () => this.rerouteDue());
  }

  /** The job engine waits for a round in progress; this only stops it between questions. */
  beforeApplicationShutdown(): void {
    this.stopped = true;
  }

  /** The first round's experts for a new question (asked before its transaction opens). */
  firstRound(topics: readonly string[], askerId: string): Promise<string[]> {
    return this.experts.topExperts(topics, { limit: EXPERTS_PER_ROUND, exclude: [askerId] });
  }

  /** Inside the transaction that created or re-routes the question: records the routes and tells the people asked. */
  async record(
    tx: Tx,
    question: Pick<QuestionRow, 'id' | 'title' | 'topics' | 'asker_id'>,
    userIds: string[],
    round: number,
  ): Promise<string[]> {
    if (userIds.length === 0) return [];
    const inserted = await rows<{ user_id: string }>(
      tx.manager,
      `INSERT INTO question_routes (question_id, user_id, round, position)
       SELECT $1, x.user_id, $3, x.n - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS x (user_id, n)
       ON CONFLICT (question_id, user_id) DO NOTHING RETURNING user_id`,
      [question.id, userIds, round],
    );
    const asked = userIds.filter((id) => inserted.some((r) => r.user_id === id));
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
        audience: asked.map(userRoom),
        subject: questionSubject(question.id),
        actorId: question.asker_id,
      });
    }
    return asked;
  }

  /**
   * Routes every question that is due to its next experts; returns how many questions were
   * re-routed. Due: open, in public sight (never held, hidden or removed), no (visible) answer, no active claim, last routed at least `RUCHE_REROUTE_MINUTES`
   * before `now`, fewer than {@link MAX_ROUNDS} rounds. Does nothing (returns 0) while another
   * instance runs it.
   */
  async rerouteDue(now: Date = new Date()): Promise<number> {
    const dueBefore = new Date(now.getTime() - this.config.questions.rerouteMinutes * 60_000);
    const due = await rows<QuestionRow>(
      this.db.manager,
      `SELECT ${QUESTION_COLUMNS('q')} FROM questions q
        WHERE q.status = 'open' AND q.moderation_state = 'visible' AND q.answer_count = 0 AND q.last_routed_at <= $1
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
    const next = await this.experts.topExperts(question.topics, {
      limit: EXPERTS_PER_ROUND,
      exclude: [question.asker_id, ...already.map((r) => r.user_id)],
    });
    return this.transactions.run(async (tx) => {
      // Still due now that the row is locked (an answer or a claim may have come in meanwhile).
      const [current] = await rows<{ routed_round: number }>(
        tx.manager,
        `SELECT routed_round FROM questions
          WHERE id = $1 AND status = 'open' AND moderation_state = 'visible' AND answer_count = 0
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
}
