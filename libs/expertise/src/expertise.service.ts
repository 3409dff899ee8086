import { Injectable, OnModuleInit } from '@nestjs/common';
import type { ExpertView } from './dto.js';
import { ExpertSearch } from './expert-search.service.js';
import { SkillSynonyms } from './skill-synonyms.service.js';
import { TopicVolunteers } from './topic-volunteers.service.js';
import { hasTopicKey, significantWords, topicKey } from './topics.js';
import {
  Database,
  type ExpertFinder,
  ExpertFinderPort,
  rows,
  type TopicPeopleQuery,
  type TopicRef,
  type TopicVolunteer,
} from '@ruche/platform';

export type { TopicRef } from '@ruche/platform';

/** The longest topic key accepted (like skill keys). */
export const MAX_TOPIC_KEY_LENGTH = 200;

/**
 * What other modules may ask of expertise: producers (questions: topic keys and whom to route to)
 * through platform's ExpertFinderPort, which this fills at start, so they never import expertise;
 * listeners may use it directly. Everything else the module does, it does by listening to events.
 */
@Injectable()
export class ExpertiseService implements ExpertFinder, OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly synonyms: SkillSynonyms,
    private readonly experts: ExpertSearch,
    private readonly port: ExpertFinderPort,
    private readonly volunteers: TopicVolunteers,
  ) {}

  onModuleInit(): void {
    this.port.provide(this);
  }

  hasTopicKey(name: string): boolean {
    return hasTopicKey(name);
  }

  significantWords(text: string): string {
    return significantWords(text);
  }

  /**
   * Canonical topic keys for names as people write them (case, accents, whitespace folded, then
   * synonyms: "K8s" → "kubernetes"), first spelling of each kept, in order; names that fold to
   * nothing or too long are left out.
   */
  async topicKeys(names: readonly string[]): Promise<TopicRef[]> {
    const synonyms = await this.synonyms.map();
    const out = new Map<string, TopicRef>();
    for (const name of names) {
      const topic = topicKey(name, synonyms);
      if (topic && topic.length <= MAX_TOPIC_KEY_LENGTH && !out.has(topic)) {
        out.set(topic, { topic, label: name.replace(/\s+/g, ' ').trim().replace(/^#+/, '') });
      }
    }
    return [...out.values()];
  }

  /** How known topics are shown (their catalogue label); unknown keys map to themselves. */
  async topicLabels(keys: readonly string[]): Promise<Map<string, string>> {
    const unique = [...new Set(keys)];
    const labels = new Map(unique.map((k) => [k, k]));
    if (unique.length === 0) return labels;
    const found = await rows<{ topic: string; label: string }>(
      this.db.manager,
      'SELECT topic, label FROM expertise_topics WHERE topic = ANY ($1::text[])',
      [unique],
    );
    for (const r of found) labels.set(r.topic, r.label);
    return labels;
  }

  /** The best active experts on these topic keys, not in `exclude`, best first (at most `limit`). */
  topExperts(topics: readonly string[], options: TopicPeopleQuery): Promise<string[]> {
    return this.experts.topExperts(topics, options);
  }

  /** Helpers of these topic keys (question routing's fallback after experts), longest-standing first. */
  topicHelpers(topics: readonly string[], options: TopicPeopleQuery): Promise<TopicVolunteer[]> {
    return this.volunteers.helpers(topics, options);
  }

  /** Followers of these topic keys (question routing's fallback after helpers), longest-standing first. */
  topicFollowers(topics: readonly string[], options: TopicPeopleQuery): Promise<TopicVolunteer[]> {
    return this.volunteers.followers(topics, options);
  }

  /** The expert ranking for a free-text query (GET /api/experts). */
  searchExperts(query: { q: string; department?: string; location?: string; limit: number }): Promise<{ items: ExpertView[] }> {
    return this.experts.search(query);
  }
}
