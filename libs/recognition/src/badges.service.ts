import { Injectable, OnModuleInit } from '@nestjs/common';
import type { Badge, BadgeView } from '@ruche/contracts';
import { type BadgeShelf, BadgeShelfPort, Database, lockKey, rows, Transactions, userRoom } from '@ruche/platform';
import { badgeLabel, earnedBadges, type FactKind } from './badge-rules.js';
import { RecognitionSettings } from './recognition-settings.service.js';

/** A thing that counts, keyed by what it is about so a retried event counts once. */
export interface Fact {
  kind: FactKind;
  subject: { type: string; id: string };
  /** Content it lives under (an answer's question, a review's idea): out of sight, the fact stops counting too. */
  parent?: { type: string; id: string };
  userId: string;
}

/**
 * Badges earned from facts (recognition_facts), recomputed from them under a per-person lock each
 * time a fact comes or goes, so they are exact whatever the order or repetition of events: a badge
 * is awarded when the facts in sight reach its rule and revoked when they no longer do (content
 * hidden or removed by moderation, an acceptance moved, votes taken back, an idea's status
 * changed). Facts about content out of sight (recognition_out_of_sight) do not count.
 */
@Injectable()
export class BadgesService implements BadgeShelf, OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly settings: RecognitionSettings,
    private readonly shelf: BadgeShelfPort,
  ) {}

  /** Expert search shows public badges among its reasons (through platform's BadgeShelfPort). */
  onModuleInit(): void {
    this.shelf.provide(this);
  }

  /** Badge labels of these people, left out for those who opted out of public recognition. */
  async publicBadges(userIds: readonly string[]): Promise<Map<string, string[]>> {
    const hidden = await this.settings.privateAmong(userIds);
    const badges = await this.badgesOf(userIds.filter((id) => !hidden.has(id)));
    return new Map([...badges].map(([id, list]) => [id, list.map((b) => b.label)]));
  }

  /** Records a fact (idempotent) and recomputes its person's badges. */
  async record(fact: Fact): Promise<void> {
    await this.db.manager.query(
      `INSERT INTO recognition_facts (kind, subject_type, subject_id, parent_type, parent_id, user_id) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT ON CONSTRAINT recognition_facts_pkey DO UPDATE SET user_id = EXCLUDED.user_id`,
      [fact.kind, fact.subject.type, fact.subject.id, fact.parent?.type ?? null, fact.parent?.id ?? null, fact.userId],
    );
    await this.recompute(fact.userId);
  }

  /** Forgets facts of a kind about these subjects (an acceptance moved, an idea no longer implemented), and recomputes. */
  async forget(kind: FactKind, subjectIds: readonly string[]): Promise<void> {
    if (subjectIds.length === 0) return;
    const gone = await rows<{ user_id: string }>(
      this.db.manager,
      'DELETE FROM recognition_facts WHERE kind = $1 AND subject_id = ANY ($2::uuid[]) RETURNING user_id',
      [kind, [...subjectIds]],
    );
    for (const userId of new Set(gone.map((r) => r.user_id))) await this.recompute(userId);
  }

  /** The subjects of a kind recorded under a parent (the accepted answers of a question). */
  async subjectsUnder(kind: FactKind, parentId: string): Promise<string[]> {
    const found = await rows<{ subject_id: string }>(
      this.db.manager,
      'SELECT subject_id FROM recognition_facts WHERE kind = $1 AND parent_id = $2',
      [kind, parentId],
    );
    return found.map((r) => r.subject_id);
  }

  /** Moderation took content out of sight, or brought it back: facts about it, or under it, follow. */
  async setInSight(content: { type: string; id: string }, inSight: boolean): Promise<void> {
    await this.db.manager.query(
      inSight
        ? 'DELETE FROM recognition_out_of_sight WHERE content_type = $1 AND content_id = $2'
        : 'INSERT INTO recognition_out_of_sight (content_type, content_id) VALUES ($1, $2) ON CONFLICT DO NOTHING',
      [content.type, content.id],
    );
    const people = await rows<{ user_id: string }>(
      this.db.manager,
      `SELECT DISTINCT user_id FROM recognition_facts
        WHERE (subject_type = $1 AND subject_id = $2) OR (parent_type = $1 AND parent_id = $2)`,
      [content.type, content.id],
    );
    for (const { user_id } of people) await this.recompute(user_id);
  }

  /** Recomputes one person's badges from their facts in sight; awards and revokes with events. */
  async recompute(userId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      await lockKey(tx.manager, `badges:${userId}`);
      const counts = await rows<{ kind: FactKind; n: number }>(
        tx.manager,
        `SELECT f.kind, count(*)::int AS n FROM recognition_facts f
          WHERE f.user_id = $1
            AND NOT EXISTS (SELECT 1 FROM recognition_out_of_sight o
                             WHERE (o.content_type = f.subject_type AND o.content_id = f.subject_id)
                                OR (o.content_type = f.parent_type AND o.content_id = f.parent_id))
          GROUP BY f.kind`,
        [userId],
      );
      const earned = earnedBadges(Object.fromEntries(counts.map((c) => [c.kind, c.n])));
      const held = (await rows<{ badge: Badge }>(tx.manager, 'SELECT badge FROM badges WHERE user_id = $1', [userId])).map(
        (r) => r.badge,
      );
      for (const badge of earned.filter((b) => !held.includes(b))) {
        await tx.manager.query('INSERT INTO badges (user_id, badge) VALUES ($1, $2)', [userId, badge]);
        await tx.emit({ type: 'badge.awarded', payload: { userId, badge }, audience: [userRoom(userId)], actorId: null });
      }
      for (const badge of held.filter((b) => !earned.includes(b))) {
        await tx.manager.query('DELETE FROM badges WHERE user_id = $1 AND badge = $2', [userId, badge]);
        await tx.emit({ type: 'badge.revoked', payload: { userId, badge }, audience: [userRoom(userId)], actorId: null });
      }
    });
  }

  /** Badges of these people, in profile order. */
  async badgesOf(userIds: readonly string[]): Promise<Map<string, BadgeView[]>> {
    const ids = [...new Set(userIds)];
    const out = new Map<string, BadgeView[]>(ids.map((id) => [id, []]));
    if (ids.length === 0) return out;
    const found = await rows<{ user_id: string; badge: Badge; awarded_at: Date }>(
      this.db.manager,
      'SELECT user_id, badge, awarded_at FROM badges WHERE user_id = ANY ($1::uuid[])',
      [ids],
    );
    const order = (b: Badge) => earnedOrder.indexOf(b);
    for (const r of found.sort((a, b) => order(a.badge) - order(b.badge))) {
      out.get(r.user_id)!.push({ badge: r.badge, label: badgeLabel(r.badge), awardedAt: r.awarded_at.toISOString() });
    }
    return out;
  }
}

const earnedOrder: Badge[] = earnedBadges({
  accepted_answer: 10,
  bridge_answer: 5,
  review: 5,
  implemented_idea: 1,
  mentoring: 1,
});
