import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PeopleService } from '@ruche/people';
import { Database, lockKey, type ModerationState, rows, Transactions } from '@ruche/platform';
import { topicPointsSql } from './scoring.js';
import { SkillSynonyms } from './skill-synonyms.service.js';
import { canonical, postTopics, type TopicMention, topicKey } from './topics.js';

/** Counters moved by activity (the declared ones are re-read from people instead). */
export type ActivityCounter = 'accepted_answers' | 'answer_upvotes' | 'posts' | 'reviews';

/** The content whose moderation state expertise follows: what earns activity counters. */
export type CreditedContent = 'post' | 'answer';

/** People re-read per transaction when a synonym change touches many of them. */
const RESYNC_BATCH = 200;

const ZERO_ROW =
  'NOT declared AND endorsements = 0 AND accepted_answers = 0 AND answer_upvotes = 0 AND posts = 0 AND reviews = 0';

/**
 * Writes the expertise table. Every change to a person's counters on some topics also rewrites
 * those rows' stored points (`score`) and drops rows left with nothing, in the same transaction.
 *
 * Two kinds of counters:
 * - declared skills and endorsements are **re-read** from PeopleService for the person (so they are
 *   exact whatever order events arrive in, and repeating a re-read changes nothing);
 * - activity (posts, answer upvotes, accepted answers, reviews) moves by **deltas** recorded per
 *   post, per answer and per review (`expertise_*_credits`), so an edit, a deletion or a
 *   re-counted vote moves the counters by exactly the difference, an older event delivered late is
 *   ignored, and a review is counted once however often its event arrives.
 *
 * What a post or answer earned counts only while it is in sight: moderation's word on it
 * (`content.held`, `content.moderated`) is kept per item (`expertise_content_states`, guarded by
 * its own `last_event_id`), and a credit whose item is held, hidden or removed stays recorded but
 * is not added to the counters. When the state flips, the whole recorded credit is withdrawn or
 * given back, under the same per-item lock as the credit itself.
 */
@Injectable()
export class ExpertiseIndex {
  private readonly logger = new Logger('expertise');

  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly people: PeopleService,
    private readonly synonyms: SkillSynonyms,
  ) {}

  // ---- declared skills and endorsements ----------------------------------------------------

  /** Re-reads these people's declared skills and endorsement counts into their expertise rows. */
  async resyncDeclared(userIds: readonly string[]): Promise<void> {
    const ids = [...new Set(userIds)].sort();
    for (let i = 0; i < ids.length; i += RESYNC_BATCH) {
      const batch = ids.slice(i, i + RESYNC_BATCH);
      const synonyms = await this.synonyms.map();
      await this.transactions.run(async (tx) => {
        // In id order, so two re-reads of overlapping sets cannot deadlock; read after locking.
        for (const id of batch) await lockKey(tx.manager, `expertise.user:${id}`);
        const stats = await this.people.skillStats(batch, tx.manager);
        const byKey = new Map<string, { userId: string; topic: string; label: string; endorsements: number }>();
        for (const s of stats) {
          const topic = canonical(s.skill, synonyms);
          const key = `${s.userId} ${topic}`;
          const entry = byKey.get(key);
          // Two spellings that became one topic (a synonym): their endorsements add up.
          if (entry) entry.endorsements += s.endorsements;
          else
            byKey.set(key, { userId: s.userId, topic, label: topic === s.skill ? s.name : topic, endorsements: s.endorsements });
        }
        const entries = [...byKey.values()];
        await tx.manager.query(
          `UPDATE expertise SET declared = false, endorsements = 0, updated_at = now()
            WHERE user_id = ANY ($1::uuid[]) AND (declared OR endorsements > 0)`,
          [batch],
        );
        if (entries.length > 0) {
          await tx.manager.query(
            `INSERT INTO expertise AS e (user_id, topic, declared, endorsements)
             SELECT u, t, true, n FROM unnest($1::uuid[], $2::text[], $3::int[]) AS x (u, t, n)
             ON CONFLICT (user_id, topic) DO UPDATE SET declared = true, endorsements = excluded.endorsements, updated_at = now()`,
            [entries.map((e) => e.userId), entries.map((e) => e.topic), entries.map((e) => e.endorsements)],
          );
          // A declared name is how a topic is best shown: it replaces a label that was only the key.
          await this.ensureTopics(tx.manager, entries, true);
        }
        await tx.manager.query(`UPDATE expertise e SET score = ${topicPointsSql('e')} WHERE e.user_id = ANY ($1::uuid[])`, [
          batch,
        ]);
        await tx.manager.query(`DELETE FROM expertise WHERE user_id = ANY ($1::uuid[]) AND ${ZERO_ROW}`, [batch]);
      });
    }
  }

  // ---- posts --------------------------------------------------------------------------------

  /**
   * A post was written, edited or deleted: its author's `posts` counter on the post's topics moves
   * by the difference with what the post counted for before. Only company-wide posts count (a
   * group post's topics would tell non-members about a private group's content).
   */
  async creditPost(
    eventId: number,
    post: { id: string; authorId: string; body: string; groupId: string | null } | { id: string; deleted: true },
  ): Promise<void> {
    let mentions: TopicMention[] = [];
    if (!('deleted' in post) && post.groupId === null) {
      const synonyms = await this.synonyms.map();
      const declared = new Set((await this.people.skillsOf(post.authorId)).map((s) => canonical(s.skill, synonyms)));
      mentions = postTopics(post.body, declared, synonyms);
    }
    if (mentions.length === 0) {
      // Most posts name no topic: nothing to do unless the post counted for some before.
      const known = await rows(this.db.manager, 'SELECT 1 FROM expertise_post_credits WHERE post_id = $1', [post.id]);
      if (known.length === 0) return;
    }
    await this.transactions.run(async (tx) => {
      await lockKey(tx.manager, `expertise.post:${post.id}`);
      const [old] = await rows<{ user_id: string; topics: string[]; last_event_id: string }>(
        tx.manager,
        'SELECT user_id, topics, last_event_id FROM expertise_post_credits WHERE post_id = $1',
        [post.id],
      );
      if (old && Number(old.last_event_id) >= eventId) return;
      const userId = old?.user_id ?? ('authorId' in post ? post.authorId : null);
      if (!userId) return;
      const before = new Set(old?.topics ?? []);
      const after = new Set(mentions.map((m) => m.topic));
      const removed = [...before].filter((t) => !after.has(t));
      const added = mentions.filter((m) => !before.has(m.topic));
      if (!old && added.length === 0 && !('deleted' in post)) return;
      // A label as written ("#Grafana") replaces one that is only the key ("#grafana"): posts are
      // credited concurrently, so "first one seen" would depend on which listener ran first.
      await this.ensureTopics(
        tx.manager,
        added.map((m) => ({ topic: m.topic, label: m.label })),
        true,
      );
      // Out of sight: the credit is recorded (for when it comes back) but not counted.
      if (await this.inSight(tx.manager, 'post', post.id)) {
        await this.bump(
          tx.manager,
          userId,
          'posts',
          added.map((m) => m.topic),
          1,
        );
        await this.bump(tx.manager, userId, 'posts', removed, -1);
      }
      await tx.manager.query(
        `INSERT INTO expertise_post_credits (post_id, user_id, topics, last_event_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (post_id) DO UPDATE SET topics = excluded.topics, last_event_id = excluded.last_event_id`,
        [post.id, userId, [...after], eventId],
      );
    });
  }

  // ---- answers ------------------------------------------------------------------------------

  /** An answer's vote count changed: its author's `answer_upvotes` on the question's topics follows. */
  async creditAnswerVotes(
    eventId: number,
    a: { answerId: string; answererId: string; topics: string[]; voteCount: number },
  ): Promise<void> {
    const given = await this.canonicalTopics(a.topics);
    await this.transactions.run(async (tx) => {
      await lockKey(tx.manager, `expertise.answer:${a.answerId}`);
      const old = await this.answerCredit(tx.manager, a.answerId);
      if (old && Number(old.last_event_id) >= eventId) return;
      const topics = old?.topics ?? given;
      await this.ensureTopics(
        tx.manager,
        topics.map((topic) => ({ topic, label: topic })),
      );
      if (await this.inSight(tx.manager, 'answer', a.answerId))
        await this.bump(tx.manager, a.answererId, 'answer_upvotes', topics, a.voteCount - (old?.upvotes ?? 0));
      await tx.manager.query(
        `INSERT INTO expertise_answer_credits (answer_id, user_id, topics, upvotes, last_event_id) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (answer_id) DO UPDATE SET upvotes = excluded.upvotes, last_event_id = excluded.last_event_id`,
        [a.answerId, a.answererId, topics, a.voteCount, eventId],
      );
    });
  }

  /** An answer was accepted: its author gains an accepted answer on the question's topics (once). */
  async creditAccepted(a: { answerId: string; answererId: string; topics: string[] }): Promise<void> {
    const given = await this.canonicalTopics(a.topics);
    await this.transactions.run(async (tx) => {
      await lockKey(tx.manager, `expertise.answer:${a.answerId}`);
      const old = await this.answerCredit(tx.manager, a.answerId);
      if (old?.accepted) return;
      const topics = old?.topics ?? given;
      await this.ensureTopics(
        tx.manager,
        topics.map((topic) => ({ topic, label: topic })),
      );
      if (await this.inSight(tx.manager, 'answer', a.answerId))
        await this.bump(tx.manager, a.answererId, 'accepted_answers', topics, 1);
      await tx.manager.query(
        `INSERT INTO expertise_answer_credits (answer_id, user_id, topics, accepted, last_event_id) VALUES ($1, $2, $3, true, 0)
         ON CONFLICT (answer_id) DO UPDATE SET accepted = true`,
        [a.answerId, a.answererId, topics],
      );
    });
  }

  // ---- moderation ---------------------------------------------------------------------------

  /**
   * Moderation held, hid, removed or released a post or an answer. Records the state, then, when
   * the item goes out of sight or comes back, withdraws or gives back everything its credit holds
   * (a post's topics; an answer's upvotes and acceptance). Idempotent and order-proof: a moderation
   * event not newer than the last one applied to the item changes nothing.
   */
  async applyModeration(eventId: number, type: CreditedContent, id: string, state: ModerationState): Promise<void> {
    await this.transactions.run(async (tx) => {
      await lockKey(tx.manager, `expertise.${type}:${id}`);
      const [old] = await rows<{ state: ModerationState; last_event_id: string }>(
        tx.manager,
        'SELECT state, last_event_id FROM expertise_content_states WHERE target_type = $1 AND target_id = $2',
        [type, id],
      );
      if (old && Number(old.last_event_id) >= eventId) return;
      await tx.manager.query(
        `INSERT INTO expertise_content_states (target_type, target_id, state, last_event_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (target_type, target_id) DO UPDATE
            SET state = excluded.state, last_event_id = excluded.last_event_id, updated_at = now()`,
        [type, id, state, eventId],
      );
      const wasCounted = (old?.state ?? 'visible') === 'visible';
      const counted = state === 'visible';
      if (wasCounted === counted) return;
      const sign = counted ? 1 : -1;
      const [credit] = await rows<{ user_id: string; topics: string[]; upvotes: number; accepted: boolean }>(
        tx.manager,
        type === 'post'
          ? 'SELECT user_id, topics, 0 AS upvotes, false AS accepted FROM expertise_post_credits WHERE post_id = $1'
          : 'SELECT user_id, topics, upvotes, accepted FROM expertise_answer_credits WHERE answer_id = $1',
        [id],
      );
      if (!credit) return;
      if (counted)
        await this.ensureTopics(
          tx.manager,
          credit.topics.map((topic) => ({ topic, label: topic })),
        );
      if (type === 'post') return this.bump(tx.manager, credit.user_id, 'posts', credit.topics, sign);
      await this.bump(tx.manager, credit.user_id, 'answer_upvotes', credit.topics, sign * credit.upvotes);
      if (credit.accepted) await this.bump(tx.manager, credit.user_id, 'accepted_answers', credit.topics, sign);
    });
  }

  // ---- idea reviews -------------------------------------------------------------------------

  /**
   * A person reviewed an idea of a campaign on these topics: their `reviews` counter moves once per
   * review. The credit row (keyed by the review) is claimed first, in the counter's transaction, so
   * a redelivered `review.created`, even one running at the same time on another instance, waits
   * on the key and then finds it taken.
   */
  async creditReview(eventId: number, r: { reviewId: string; reviewerId: string; topics: readonly string[] }): Promise<void> {
    const synonyms = await this.synonyms.map();
    const mentions = new Map<string, TopicMention>();
    for (const name of r.topics.slice(0, 20)) {
      const topic = topicKey(name, synonyms);
      if (topic && topic.length <= 200) mentions.set(topic, { topic, label: name.trim().slice(0, 200) });
    }
    if (mentions.size === 0) return;
    const topics = [...mentions.keys()];
    await this.transactions.run(async (tx) => {
      const claimed = await rows(
        tx.manager,
        `INSERT INTO expertise_review_credits (review_id, user_id, topics, event_id) VALUES ($1, $2, $3, $4)
         ON CONFLICT (review_id) DO NOTHING RETURNING review_id`,
        [r.reviewId, r.reviewerId, topics, eventId],
      );
      if (claimed.length === 0) return;
      await this.ensureTopics(tx.manager, [...mentions.values()]);
      await this.bump(tx.manager, r.reviewerId, 'reviews', topics, 1);
    });
  }

  // ---- synonyms -----------------------------------------------------------------------------

  /**
   * The synonym table changed. Rows stored under a new alias move to its canonical topic (counters
   * add up), then everyone who declared a skill involved is re-read, which also undoes a removed
   * synonym for declared skills. Activity counted under a removed synonym's canonical topic stays
   * there (what a post or answer was about is not re-derived).
   */
  async applySynonymChange(
    added: { alias: string; canonical: string }[],
    removed: { alias: string; canonical: string }[],
  ): Promise<void> {
    for (const { alias, canonical: target } of added) {
      await this.transactions.run(async (tx) => {
        await lockKey(tx.manager, 'expertise.synonyms.rekey');
        await tx.manager.query('INSERT INTO expertise_topics (topic, label) VALUES ($1, $1) ON CONFLICT (topic) DO NOTHING', [
          target,
        ]);
        await tx.manager.query(
          `WITH moved AS (DELETE FROM expertise WHERE topic = $1 RETURNING *)
           INSERT INTO expertise AS e (user_id, topic, declared, endorsements, accepted_answers, answer_upvotes, posts, reviews)
           SELECT user_id, $2, declared, endorsements, accepted_answers, answer_upvotes, posts, reviews FROM moved
           ON CONFLICT (user_id, topic) DO UPDATE
              SET declared = e.declared OR excluded.declared,
                  endorsements = e.endorsements + excluded.endorsements,
                  accepted_answers = e.accepted_answers + excluded.accepted_answers,
                  answer_upvotes = e.answer_upvotes + excluded.answer_upvotes,
                  posts = e.posts + excluded.posts,
                  reviews = e.reviews + excluded.reviews,
                  updated_at = now()`,
          [alias, target],
        );
        await tx.manager.query(`UPDATE expertise e SET score = ${topicPointsSql('e')} WHERE e.topic = $1`, [target]);
        for (const table of ['expertise_post_credits', 'expertise_answer_credits', 'expertise_review_credits']) {
          await tx.manager.query(
            `UPDATE ${table} SET topics = ARRAY(SELECT DISTINCT unnest(array_replace(topics, $1, $2)))
              WHERE topics @> ARRAY[$1]::text[]`,
            [alias, target],
          );
        }
      });
    }
    const keys = [...added, ...removed].flatMap((s) => [s.alias, s.canonical]);
    const affected = await this.people.idsWithSkills(keys);
    await this.resyncDeclared(affected);
    this.logger.log({
      msg: 'synonyms applied to expertise',
      added: added.length,
      removed: removed.length,
      people: affected.length,
    });
  }

  // ---- internals ----------------------------------------------------------------------------

  /** Whether what the item earned counts now: in sight, or never heard of by moderation. */
  private async inSight(db: EntityManager, type: CreditedContent, id: string): Promise<boolean> {
    const [row] = await rows<{ state: ModerationState }>(
      db,
      'SELECT state FROM expertise_content_states WHERE target_type = $1 AND target_id = $2',
      [type, id],
    );
    return (row?.state ?? 'visible') === 'visible';
  }

  private async answerCredit(db: EntityManager, answerId: string) {
    const [row] = await rows<{ topics: string[]; upvotes: number; accepted: boolean; last_event_id: string }>(
      db,
      'SELECT topics, upvotes, accepted, last_event_id FROM expertise_answer_credits WHERE answer_id = $1',
      [answerId],
    );
    return row;
  }

  /** Topic keys as given by another module, canonical under today's synonyms. */
  private async canonicalTopics(topics: readonly string[]): Promise<string[]> {
    const synonyms = await this.synonyms.map();
    return [...new Set(topics.map((t) => topicKey(t, synonyms)).filter((t) => t && t.length <= 200))];
  }

  /** Adds topics to the catalogue; `preferLabels` replaces labels that were only the key. */
  private async ensureTopics(
    db: EntityManager,
    mentions: readonly { topic: string; label: string }[],
    preferLabels = false,
  ): Promise<void> {
    if (mentions.length === 0) return;
    const unique = new Map(mentions.map((m) => [m.topic, m.label.slice(0, 200) || m.topic]));
    await db.query(
      `INSERT INTO expertise_topics AS t (topic, label) SELECT * FROM unnest($1::text[], $2::text[])
       ON CONFLICT (topic) DO ${preferLabels ? 'UPDATE SET label = excluded.label WHERE t.label = t.topic' : 'NOTHING'}`,
      [[...unique.keys()], [...unique.values()]],
    );
  }

  /** Moves one activity counter of a person on some topics, then re-scores those rows. */
  private async bump(
    db: EntityManager,
    userId: string,
    column: ActivityCounter,
    topics: readonly string[],
    delta: number,
  ): Promise<void> {
    if (topics.length === 0 || delta === 0) return;
    if (delta > 0) {
      await db.query(
        `INSERT INTO expertise AS e (user_id, topic, ${column}) SELECT $1, unnest($2::text[]), $3
         ON CONFLICT (user_id, topic) DO UPDATE SET ${column} = e.${column} + excluded.${column}, updated_at = now()`,
        [userId, topics, delta],
      );
    } else {
      await db.query(
        `UPDATE expertise SET ${column} = greatest(${column} + $3, 0), updated_at = now()
          WHERE user_id = $1 AND topic = ANY ($2::text[])`,
        [userId, topics, delta],
      );
    }
    await db.query(`UPDATE expertise e SET score = ${topicPointsSql('e')} WHERE e.user_id = $1 AND e.topic = ANY ($2::text[])`, [
      userId,
      topics,
    ]);
    if (delta < 0)
      await db.query(`DELETE FROM expertise WHERE user_id = $1 AND topic = ANY ($2::text[]) AND ${ZERO_ROW}`, [userId, topics]);
  }
}
