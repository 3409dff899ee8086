import { Injectable } from '@nestjs/common';
import { IdentityService } from '@ruche/identity';
import {
  Database,
  ExpertFinderPort,
  invalid,
  rows,
  type TopicPeopleQuery,
  type TopicRef,
  type TopicVolunteer,
} from '@ruche/platform';
import { type MyTopicsView, TOPIC_NAME_MAX } from './dto.js';

type VolunteerTable = 'topic_follows' | 'topic_helpers';

/**
 * People who follow topics and volunteer as helpers for them (issue #17): what question routing
 * falls back on when fewer than a round of experts are found (asked through platform's
 * ExpertFinderPort, which ExpertiseService fills with these answers). Topic names are folded like
 * every topic (case, accents, synonyms: "K8s" follows kubernetes). Owns topic_follows and
 * topic_helpers.
 */
@Injectable()
export class TopicVolunteers {
  constructor(
    private readonly db: Database,
    private readonly identity: IdentityService,
    private readonly finder: ExpertFinderPort,
  ) {}

  /** The canonical key of a topic name as written in a path; 400 when it names nothing. */
  async resolve(name: string): Promise<TopicRef> {
    const trimmed = name.trim();
    if ([...trimmed].length > TOPIC_NAME_MAX) throw invalid(`topic must be at most ${TOPIC_NAME_MAX} characters`);
    // eslint-disable-next-line no-control-regex -- NUL cannot be stored
    if (/\u0000/.test(trimmed) || !this.finder.hasTopicKey(trimmed)) throw invalid('topic must contain letters or digits');
    const [ref] = await this.finder.topicKeys([trimmed]);
    if (!ref) throw invalid('topic must contain letters or digits');
    return ref;
  }

  async follow(userId: string, name: string): Promise<void> {
    const { topic, label } = await this.resolve(name);
    await this.db.manager.query(
      'INSERT INTO topic_follows (user_id, topic, label) VALUES ($1, $2, $3) ON CONFLICT ON CONSTRAINT topic_follows_pkey DO NOTHING',
      [userId, topic, label],
    );
  }

  async unfollow(userId: string, name: string): Promise<void> {
    const { topic } = await this.resolve(name);
    await this.db.manager.query('DELETE FROM topic_follows WHERE user_id = $1 AND topic = $2', [userId, topic]);
  }

  /** Volunteers (or changes the cap): asked as a helper at most `weeklyCap` times in any 7 days. */
  async help(userId: string, name: string, weeklyCap: number): Promise<{ topic: string; label: string; weeklyCap: number }> {
    const { topic, label } = await this.resolve(name);
    const [row] = await rows<{ topic: string; label: string; weekly_cap: number }>(
      this.db.manager,
      `INSERT INTO topic_helpers (user_id, topic, label, weekly_cap) VALUES ($1, $2, $3, $4)
       ON CONFLICT ON CONSTRAINT topic_helpers_pkey DO UPDATE SET weekly_cap = EXCLUDED.weekly_cap
       RETURNING topic, label, weekly_cap`,
      [userId, topic, label, weeklyCap],
    );
    return { topic: row.topic, label: row.label, weeklyCap: row.weekly_cap };
  }

  async stopHelping(userId: string, name: string): Promise<void> {
    const { topic } = await this.resolve(name);
    await this.db.manager.query('DELETE FROM topic_helpers WHERE user_id = $1 AND topic = $2', [userId, topic]);
  }

  async mine(userId: string): Promise<MyTopicsView> {
    const follows = await rows<{ topic: string; label: string }>(
      this.db.manager,
      'SELECT topic, label FROM topic_follows WHERE user_id = $1 ORDER BY created_at, topic',
      [userId],
    );
    const helping = await rows<{ topic: string; label: string; weekly_cap: number }>(
      this.db.manager,
      'SELECT topic, label, weekly_cap FROM topic_helpers WHERE user_id = $1 ORDER BY created_at, topic',
      [userId],
    );
    return { follows, helping: helping.map((h) => ({ topic: h.topic, label: h.label, weeklyCap: h.weekly_cap })) };
  }

  /** How many follow and help a topic, and whether `userId` does. */
  async standing(
    userId: string,
    topic: string,
  ): Promise<{ followers: number; helpers: number; following: boolean; helping: { weeklyCap: number } | null }> {
    const [row] = await rows<{ followers: number; helpers: number; following: boolean; cap: number | null }>(
      this.db.manager,
      `SELECT (SELECT count(*)::int FROM topic_follows WHERE topic = $1) AS followers,
              (SELECT count(*)::int FROM topic_helpers WHERE topic = $1) AS helpers,
              EXISTS (SELECT 1 FROM topic_follows WHERE topic = $1 AND user_id = $2) AS following,
              (SELECT weekly_cap FROM topic_helpers WHERE topic = $1 AND user_id = $2) AS cap`,
      [topic, userId],
    );
    return {
      followers: row.followers,
      helpers: row.helpers,
      following: row.following,
      helping: row.cap === null ? null : { weeklyCap: row.cap },
    };
  }

  helpers(topics: readonly string[], options: TopicPeopleQuery): Promise<TopicVolunteer[]> {
    return this.volunteers('topic_helpers', topics, options);
  }

  followers(topics: readonly string[], options: TopicPeopleQuery): Promise<TopicVolunteer[]> {
    return this.volunteers('topic_follows', topics, options);
  }

  /** Active volunteers on any of the topics, one entry per person (their earliest), longest-standing first. */
  private async volunteers(
    table: VolunteerTable,
    topics: readonly string[],
    options: TopicPeopleQuery,
  ): Promise<TopicVolunteer[]> {
    if (topics.length === 0 || options.limit <= 0) return [];
    const cap = table === 'topic_helpers' ? 'v.weekly_cap' : 'NULL::int';
    const found = await rows<{ user_id: string; topic: string; label: string; weekly_cap: number | null }>(
      this.db.manager,
      `SELECT * FROM (
         SELECT DISTINCT ON (v.user_id) v.user_id, v.topic, v.label, ${cap} AS weekly_cap, v.created_at
           FROM ${table} v
          WHERE v.topic = ANY ($1::text[]) AND NOT v.user_id = ANY ($2::uuid[])
          ORDER BY v.user_id, v.created_at, v.topic
       ) x ORDER BY x.created_at, x.user_id
       LIMIT $3`,
      [[...new Set(topics)], [...new Set(options.exclude ?? [])], options.limit * 4 + 20],
    );
    const active = await this.identity.activeIds(found.map((r) => r.user_id));
    return found
      .filter((r) => active.has(r.user_id))
      .slice(0, options.limit)
      .map((r) => ({
        userId: r.user_id,
        topic: r.topic,
        label: r.label,
        ...(r.weekly_cap === null ? {} : { weeklyCap: r.weekly_cap }),
      }));
  }
}
