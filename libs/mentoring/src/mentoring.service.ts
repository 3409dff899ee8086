import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ExpertiseService, hasTopicKey, topicScoreSql } from '@ruche/expertise';
import { IdentityService, summaryIn, type UserSummary } from '@ruche/identity';
import {
  conflict,
  Database,
  decodeCursor,
  forbidden,
  invalid,
  notFound,
  type Page,
  rows,
  SqlParams,
  toPage,
  Transactions,
  type Tx,
  userRoom,
} from '@ruche/platform';
import type {
  MentoringListQuery,
  MentoringProfileView,
  MentoringRequestView,
  MentoringStatus,
  PublicMentoringView,
} from './dto.js';

/** Willing mentors considered per request, best first. */
const MENTOR_CANDIDATES = 20;
const DEFAULT_MAX_MENTEES = 3;

interface RequestRow {
  id: string;
  mentee_id: string;
  mentor_id: string | null;
  topic: string;
  label: string;
  note: string;
  status: MentoringStatus;
  created_at: Date;
  paired_at: Date | null;
  closed_at: Date | null;
  confirmed_at: Date | null;
}

const REQUEST_COLUMNS =
  'r.id, r.mentee_id, r.mentor_id, r.topic, r.label, r.note, r.status, r.created_at, r.paired_at, r.closed_at, r.confirmed_at';

function toView(r: RequestRow, people: ReadonlyMap<string, UserSummary>): MentoringRequestView {
  return {
    id: r.id,
    skill: r.topic,
    label: r.label,
    note: r.note,
    status: r.status,
    mentee: summaryIn(people, r.mentee_id),
    mentor: r.mentor_id ? summaryIn(people, r.mentor_id) : null,
    createdAt: r.created_at.toISOString(),
    pairedAt: r.paired_at?.toISOString() ?? null,
    closedAt: r.closed_at?.toISOString() ?? null,
    confirmedAt: r.confirmed_at?.toISOString() ?? null,
  };
}

/**
 * Mentoring: people say which skills they will guide others on (and whether they take mentees
 * now, and how many at once); anyone asks for a guide on a skill and is paired at once with the
 * best willing, available mentor (most expertise on the skill, then fewest current mentees), or
 * waits until one offers. Both are told (`mentoring.paired`).
 *
 * A mentor's capacity holds under concurrency: pairing locks the mentor's mentoring profile row
 * and counts their current mentees after the lock.
 */
@Injectable()
export class MentoringService {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly identity: IdentityService,
    private readonly expertise: ExpertiseService,
  ) {}

  async profile(userId: string): Promise<MentoringProfileView> {
    const db = this.db.manager;
    const [p] = await rows<{ available: boolean; max_mentees: number }>(
      db,
      'SELECT available, max_mentees FROM mentoring_profiles WHERE user_id = $1',
      [userId],
    );
    const topics = await rows<{ topic: string; label: string }>(
      db,
      'SELECT topic, label FROM mentoring_offers WHERE user_id = $1 ORDER BY topic',
      [userId],
    );
    return {
      available: p?.available ?? false,
      maxMentees: p?.max_mentees ?? DEFAULT_MAX_MENTEES,
      activeMentees: await this.activeMentees(db, userId),
      topics,
    };
  }

  /**
   * What anyone may know of an active person's mentoring: the skills they offer and whether they
   * take a mentee now. Unknown and suspended people are 404, like other reads about a person.
   */
  async publicProfile(userId: string): Promise<PublicMentoringView> {
    if (!(await this.identity.activeIds([userId])).has(userId)) throw notFound('User');
    const { available, maxMentees, activeMentees, topics } = await this.profile(userId);
    return { userId, available: available && topics.length > 0 && activeMentees < maxMentees, topics };
  }

  /**
   * Sets what the caller offers; absent fields are kept (`topics` replaces the set). Then requests
   * waiting on the offered topics are paired with the caller while they have room.
   */
  async updateProfile(
    userId: string,
    input: { topics?: string[]; available?: boolean; maxMentees?: number },
  ): Promise<MentoringProfileView> {
    if (input.topics && !input.topics.every(hasTopicKey)) throw invalid('each topic must contain letters or digits');
    const topics = input.topics ? await this.expertise.topicKeys(input.topics) : null;
    await this.transactions.run(async (tx) => {
      await tx.manager.query(
        `INSERT INTO mentoring_profiles AS p (user_id, available, max_mentees) VALUES ($1, coalesce($2, true), coalesce($3, ${DEFAULT_MAX_MENTEES}))
         ON CONFLICT (user_id) DO UPDATE
            SET available = coalesce($2, p.available), max_mentees = coalesce($3, p.max_mentees), updated_at = now()`,
        [userId, input.available ?? null, input.maxMentees ?? null],
      );
      if (topics) {
        await tx.manager.query('DELETE FROM mentoring_offers WHERE user_id = $1 AND NOT (topic = ANY ($2::text[]))', [
          userId,
          topics.map((t) => t.topic),
        ]);
        await tx.manager.query(
          `INSERT INTO mentoring_offers (user_id, topic, label) SELECT $1, * FROM unnest($2::text[], $3::text[])
           ON CONFLICT (user_id, topic) DO NOTHING`,
          [userId, topics.map((t) => t.topic), topics.map((t) => t.label.slice(0, 200))],
        );
      }
    });
    await this.pairWaiting(userId);
    return this.profile(userId);
  }

  /** Asks for a guide on a skill; paired at once when a willing, available mentor exists. */
  async request(menteeId: string, input: { skill: string; note?: string }): Promise<MentoringRequestView> {
    const [ref] = await this.expertise.topicKeys([input.skill]);
    if (!ref) throw invalid('skill must contain letters or digits');
    const candidates = await this.mentorCandidates(ref.topic, menteeId);
    const people = await this.identity.summaries([menteeId, ...candidates]);
    const open = await rows(
      this.db.manager,
      `SELECT 1 FROM mentoring_requests WHERE mentee_id = $1 AND topic = $2 AND status IN ('waiting', 'paired')`,
      [menteeId, ref.topic],
    );
    if (open.length > 0) throw conflict('You already have an open mentoring request on this skill');
    // One transaction per candidate, each holding one mentor's lock: a request waits for another
    // pairing with the same mentor (never skips a mentor who still has room), and two requests
    // trying mentors in different orders cannot deadlock. (A second open request by the same
    // person racing this one fails on mentoring_requests_one_open_idx: 409.)
    let row: RequestRow | null = null;
    for (const candidate of candidates) {
      row = await this.transactions.run(async (tx) => {
        if (!(await this.hasRoom(tx.manager, candidate, ref.topic))) return null;
        const created = await this.insertRequest(tx, menteeId, ref, input.note, candidate);
        await this.emitPaired(tx, created, people);
        return created;
      });
      if (row) break;
    }
    row ??= await this.transactions.run((tx) => this.insertRequest(tx, menteeId, ref, input.note, null));
    return toView(row, people);
  }

  async list(userId: string, query: MentoringListQuery): Promise<Page<MentoringRequestView>> {
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const params = new SqlParams();
    const [user, take] = [params.add(userId), params.add(query.limit + 1)];
    const keyset = after ? `AND ${params.keyset('r.created_at, r.id', '<', after)}` : '';
    const who =
      query.role === 'mentee'
        ? `r.mentee_id = ${user}`
        : query.role === 'mentor'
          ? `r.mentor_id = ${user}`
          : `(r.mentee_id = ${user} OR r.mentor_id = ${user})`;
    const found = await rows<RequestRow>(
      this.db.manager,
      `SELECT ${REQUEST_COLUMNS} FROM mentoring_requests r
        WHERE ${who} ${keyset}
        ORDER BY r.created_at DESC, r.id DESC
        LIMIT ${take}`,
      params.values,
    );
    const people = await this.identity.summaries(
      found.flatMap((r) => (r.mentor_id ? [r.mentee_id, r.mentor_id] : [r.mentee_id])),
    );
    return toPage(
      found,
      query.limit,
      (r) => [r.created_at, r.id],
      (r) => toView(r, people),
    );
  }

  /** Closes a request (its mentee or mentor; anyone else gets 404). Idempotent. */
  async close(userId: string, requestId: string): Promise<MentoringRequestView> {
    const row = await this.transactions.run(async (tx) => {
      const found = await this.lockOwnRequest(tx, requestId, userId);
      if (found.status === 'closed') return found;
      const [closed] = await rows<RequestRow>(
        tx.manager,
        `UPDATE mentoring_requests r SET status = 'closed', closed_at = now() WHERE r.id = $1 RETURNING ${REQUEST_COLUMNS}`,
        [requestId],
      );
      await tx.emit({
        type: 'mentoring.closed',
        payload: { requestId, menteeId: closed.mentee_id, mentorId: closed.mentor_id, skill: closed.topic, by: userId },
        audience: [closed.mentee_id, ...(closed.mentor_id ? [closed.mentor_id] : [])].map(userRoom),
        actorId: userId,
      });
      return closed;
    });
    const people = await this.identity.summaries(row.mentor_id ? [row.mentee_id, row.mentor_id] : [row.mentee_id]);
    return toView(row, people);
  }

  /**
   * The mentee confirms a closed pairing took place (#17: the Mentor badge counts confirmed pairings
   * of 14 days or more). Only the mentee (the mentor: 403; anyone else: 404); the request must be
   * closed after a pairing (else 409). Idempotent.
   */
  async confirm(userId: string, requestId: string): Promise<MentoringRequestView> {
    const row = await this.transactions.run(async (tx) => {
      const found = await this.lockOwnRequest(tx, requestId, userId);
      if (found.mentee_id !== userId) throw forbidden('Only the mentee confirms a pairing');
      if (found.status !== 'closed' || !found.mentor_id || !found.paired_at || !found.closed_at)
        throw conflict('Only a closed pairing can be confirmed');
      if (found.confirmed_at) return found;
      const [confirmed] = await rows<RequestRow>(
        tx.manager,
        `UPDATE mentoring_requests r SET confirmed_at = now() WHERE r.id = $1 RETURNING ${REQUEST_COLUMNS}`,
        [requestId],
      );
      await tx.emit({
        type: 'mentoring.confirmed',
        payload: {
          requestId,
          menteeId: found.mentee_id,
          mentorId: found.mentor_id,
          pairedAt: found.paired_at.toISOString(),
          closedAt: found.closed_at.toISOString(),
        },
        audience: [found.mentee_id, found.mentor_id].map(userRoom),
        actorId: userId,
      });
      return confirmed;
    });
    const people = await this.identity.summaries(row.mentor_id ? [row.mentee_id, row.mentor_id] : [row.mentee_id]);
    return toView(row, people);
  }

  // ---- internals ----------------------------------------------------------------------------

  /** Active people offering the topic who take mentees and have room, best expertise first. */
  /** The request locked for update, if `userId` is its mentee or mentor; anyone else gets 404. */
  private async lockOwnRequest(tx: Tx, requestId: string, userId: string): Promise<RequestRow> {
    const [found] = await rows<RequestRow>(
      tx.manager,
      `SELECT ${REQUEST_COLUMNS} FROM mentoring_requests r WHERE r.id = $1 AND (r.mentee_id = $2 OR r.mentor_id = $2) FOR UPDATE`,
      [requestId, userId],
    );
    if (!found) throw notFound('Mentoring request');
    return found;
  }

  private async mentorCandidates(topic: string, menteeId: string): Promise<string[]> {
    const found = await rows<{ user_id: string }>(
      this.db.manager,
      `SELECT o.user_id
         FROM mentoring_offers o
         JOIN mentoring_profiles p ON p.user_id = o.user_id
         CROSS JOIN LATERAL (SELECT count(*)::int AS n FROM mentoring_requests r WHERE r.mentor_id = o.user_id AND r.status = 'paired') m
        WHERE o.topic = $1 AND o.user_id <> $2 AND p.available AND m.n < p.max_mentees
        ORDER BY ${topicScoreSql('o.user_id', 'o.topic')} DESC, m.n, o.user_id
        LIMIT $3`,
      [topic, menteeId, MENTOR_CANDIDATES],
    );
    const active = await this.identity.activeIds(found.map((r) => r.user_id));
    return found.map((r) => r.user_id).filter((id) => active.has(id));
  }

  private async insertRequest(
    tx: Tx,
    menteeId: string,
    ref: { topic: string; label: string },
    note: string | undefined,
    mentorId: string | null,
  ): Promise<RequestRow> {
    const [created] = await rows<RequestRow>(
      tx.manager,
      `INSERT INTO mentoring_requests AS r (mentee_id, mentor_id, topic, label, note, status, paired_at)
       VALUES ($1, $2, $3, $4, $5, $6, CASE WHEN $2::uuid IS NULL THEN NULL ELSE now() END)
       RETURNING ${REQUEST_COLUMNS}`,
      [menteeId, mentorId, ref.topic, ref.label.slice(0, 200), note ?? '', mentorId ? 'paired' : 'waiting'],
    );
    return created;
  }

  /**
   * Inside a transaction: locks the mentor's profile (waiting for another pairing that holds it)
   * and says whether they still offer the topic, take mentees and have room. The lock is held until
   * commit, so two pairings cannot both take a mentor's last place.
   */
  private async hasRoom(db: EntityManager, mentorId: string, topic: string): Promise<boolean> {
    const [p] = await rows<{ available: boolean; max_mentees: number }>(
      db,
      'SELECT available, max_mentees FROM mentoring_profiles WHERE user_id = $1 FOR UPDATE',
      [mentorId],
    );
    if (!p?.available) return false;
    const offers = await rows(db, 'SELECT 1 FROM mentoring_offers WHERE user_id = $1 AND topic = $2', [mentorId, topic]);
    return offers.length > 0 && (await this.activeMentees(db, mentorId)) < p.max_mentees;
  }

  private async activeMentees(db: EntityManager, mentorId: string): Promise<number> {
    const [{ n }] = await rows<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM mentoring_requests WHERE mentor_id = $1 AND status = 'paired'`,
      [mentorId],
    );
    return n;
  }

  /** Pairs requests waiting on the topics `mentorId` offers with them, oldest first, while they have room. */
  private async pairWaiting(mentorId: string): Promise<void> {
    const waiting = await rows<{ id: string; mentee_id: string }>(
      this.db.manager,
      `SELECT r.id, r.mentee_id
         FROM mentoring_offers o
         JOIN mentoring_profiles p ON p.user_id = o.user_id AND p.available
         JOIN mentoring_requests r ON r.topic = o.topic AND r.status = 'waiting' AND r.mentee_id <> o.user_id
        WHERE o.user_id = $1
        ORDER BY r.created_at, r.id
        LIMIT 20`,
      [mentorId],
    );
    if (waiting.length === 0) return;
    const active = await this.identity.activeIds([mentorId, ...waiting.map((w) => w.mentee_id)]);
    if (!active.has(mentorId)) return;
    const people = await this.identity.summaries([mentorId, ...waiting.map((w) => w.mentee_id)]);
    await this.transactions.run(async (tx) => {
      for (const w of waiting) {
        if (!active.has(w.mentee_id)) continue;
        const [locked] = await rows<RequestRow>(
          tx.manager,
          `SELECT ${REQUEST_COLUMNS} FROM mentoring_requests r WHERE r.id = $1 AND r.status = 'waiting' FOR UPDATE SKIP LOCKED`,
          [w.id],
        );
        if (!locked) continue;
        if (!(await this.hasRoom(tx.manager, mentorId, locked.topic))) return;
        const [paired] = await rows<RequestRow>(
          tx.manager,
          `UPDATE mentoring_requests r SET status = 'paired', mentor_id = $2, paired_at = now() WHERE r.id = $1 RETURNING ${REQUEST_COLUMNS}`,
          [w.id, mentorId],
        );
        await this.emitPaired(tx, paired, people);
      }
    });
  }

  private async emitPaired(tx: Tx, r: RequestRow, people: ReadonlyMap<string, UserSummary>): Promise<void> {
    const mentorId = r.mentor_id!;
    await tx.emit({
      type: 'mentoring.paired',
      payload: {
        requestId: r.id,
        menteeId: r.mentee_id,
        mentorId,
        skill: r.topic,
        label: r.label,
        mentee: summaryIn(people, r.mentee_id),
        mentor: summaryIn(people, mentorId),
      },
      audience: [userRoom(r.mentee_id), userRoom(mentorId)],
      actorId: r.mentee_id,
    });
  }
}
