import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdentityService } from '@ruche/identity';
import { PeopleService } from '@ruche/people';
import type { ExpertView } from './dto.js';
import { candidateRowsQuery, type ExpertiseRow, fuzzyThresholdQuery, topExpertsQuery, topicMatchQuery } from './expert-sql.js';
import { type PersonEvidence, rankPerson, type TopicMatch } from './scoring.js';
import { SkillSynonyms } from './skill-synonyms.service.js';
import { canonical, planQuery } from './topics.js';
import { BadgeShelfPort, Database, rows, type SqlText, type TopicPeopleQuery } from '@ruche/platform';

/** People per query word whose name is considered. */
const NAME_CANDIDATES = 20;

/**
 * "Who knows about X?": ranks people for a free-text query (see scoring.ts for the formula).
 *
 * 1. The query is split into words and phrases, folded like skill keys and mapped through the
 *    synonyms; phrases are matched exactly against known topics, words and pairs also by trigram
 *    (typos, partial multi-word topics).
 * 2. Words of 3+ letters that do not name a topic exactly are matched against people's names by
 *    trigram (IdentityService).
 * 3. Candidates: the best few dozen on each matched topic by stored points, plus name matches,
 *    restricted to a department/location when asked (PeopleService).
 * 4. Each candidate is scored exactly from their counters on every matched topic; suspended
 *    accounts are dropped; the best come back with their profile fields and reasons.
 */
@Injectable()
export class ExpertSearch {
  constructor(
    private readonly dataSource: DataSource,
    private readonly db: Database,
    private readonly identity: IdentityService,
    private readonly people: PeopleService,
    private readonly synonyms: SkillSynonyms,
    private readonly badges: BadgeShelfPort,
  ) {}

  async search(query: { q: string; department?: string; location?: string; limit: number }): Promise<{ items: ExpertView[] }> {
    const synonyms = await this.synonyms.map();
    const plan = planQuery(query.q, synonyms);
    if (plan.exact.length === 0 && plan.fuzzy.length === 0 && plan.nameTerms.length === 0) return { items: [] };
    // An empty filter (`?department=`) filters nothing.
    const place = { department: query.department || undefined, location: query.location || undefined };
    const filtered = place.department !== undefined || place.location !== undefined;
    const only = filtered ? new Set(await this.people.idsInPlace(place)) : null;
    if (only && only.size === 0) return { items: [] };

    const matches = await this.matchTopics(plan.exact, plan.fuzzy);
    // A word that names a topic exactly ("kubernetes", "k8s") is not looked up as a name.
    const nameTerms = plan.nameTerms.filter((term) => {
      const match = matches.get(canonical(term, synonyms));
      return !match || match.via !== undefined;
    });
    const nameHits = (await this.identity.matchNames(nameTerms, NAME_CANDIDATES)).filter((h) => !only || only.has(h.id));
    if (matches.size === 0 && nameHits.length === 0) return { items: [] };

    const found = await this.run<ExpertiseRow>(
      candidateRowsQuery({
        topics: [...matches.keys()],
        onlyIds: only ? [...only] : null,
        alsoIds: [...new Set(nameHits.map((h) => h.id))],
      }),
    );

    const evidence = new Map<string, PersonEvidence>();
    const of = (id: string) => {
      let e = evidence.get(id);
      if (!e) evidence.set(id, (e = { topics: [], names: [] }));
      return e;
    };
    for (const row of found) {
      of(row.user_id).topics.push({
        match: matches.get(row.topic)!,
        counters: {
          declared: row.declared,
          endorsements: row.endorsements,
          acceptedAnswers: row.accepted_answers,
          answerUpvotes: row.answer_upvotes,
          posts: row.posts,
          reviews: row.reviews,
        },
      });
    }
    for (const hit of nameHits) {
      const names = of(hit.id).names;
      const same = names.find((n) => n.term === hit.term);
      if (!same) names.push({ term: hit.term, similarity: hit.similarity });
    }

    const active = await this.identity.activeIds([...evidence.keys()]);
    const ranked = [...evidence]
      .filter(([id]) => active.has(id))
      .map(([id, e]) => ({ id, ...rankPerson(e) }))
      .filter((r) => r.score > 0)
      .sort((a, b) => b.score - a.score);
    // Names only for the page and whoever ties with its last score (equal scores: by name).
    const cut = ranked[query.limit - 1]?.score ?? 0;
    const shown = ranked.filter((r, i) => i < query.limit || r.score >= cut);
    const people = await this.identity.summaries(shown.map((r) => r.id));
    shown.sort(
      (a, b) =>
        b.score - a.score ||
        (people.get(a.id)?.displayName ?? '').localeCompare(people.get(b.id)?.displayName ?? '') ||
        a.id.localeCompare(b.id),
    );
    const top = shown.filter((r) => people.has(r.id)).slice(0, query.limit);
    const profiles = await this.people.profileSummaries(top.map((r) => r.id));
    // Recognition's public badges (#17) follow the reasons that ranked the person; they do not rank.
    const badges = await this.badges.publicBadges(top.map((r) => r.id));
    return {
      items: top.map((r) => {
        const user = people.get(r.id)!;
        const profile = profiles.get(r.id);
        return {
          user: {
            id: user.id,
            handle: user.handle,
            displayName: user.displayName,
            title: profile?.title ?? '',
            department: profile?.department ?? '',
            location: profile?.location ?? '',
          },
          score: r.score,
          reasons: [...r.reasons, ...(badges.get(r.id) ?? []).map((label) => `Badge: ${label}`)],
        };
      }),
    };
  }

  /**
   * The active people with the most points on these topic keys (summed), best first, leaving out
   * `exclude`. Candidates are the best per topic by stored points, so the answer costs a few index
   * walks whatever the number of people.
   */
  async topExperts(topics: readonly string[], options: TopicPeopleQuery): Promise<string[]> {
    const keys = [...new Set(topics)];
    if (keys.length === 0 || options.limit <= 0) return [];
    const exclude = [...new Set(options.exclude ?? [])];
    // Room for suspended people among the best, who are dropped afterwards.
    const take = options.limit * 4 + 20;
    const found = await this.run<{ user_id: string; score: number }>(
      topExpertsQuery({ topics: keys, excludeIds: exclude, take }),
    );
    const active = await this.identity.activeIds(found.map((r) => r.user_id));
    return found
      .map((r) => r.user_id)
      .filter((id) => active.has(id))
      .slice(0, options.limit);
  }

  /** Matched topics by key, the best match kept when a topic is found several ways. */
  private async matchTopics(exact: string[], fuzzy: string[]): Promise<Map<string, TopicMatch>> {
    const found = await this.dataSource.transaction(async (manager) => {
      const threshold = fuzzyThresholdQuery();
      await manager.query(threshold.text, threshold.values);
      const q = topicMatchQuery(exact, fuzzy);
      return rows<{ topic: string; label: string; weight: number; via: string | null }>(manager, q.text, q.values);
    });
    const matches = new Map<string, TopicMatch>();
    for (const r of found) {
      const weight = Math.min(1, Number(r.weight));
      const known = matches.get(r.topic);
      if (known && known.weight >= weight) continue;
      matches.set(r.topic, { topic: r.topic, label: r.label, weight, ...(r.via !== null ? { via: r.via } : {}) });
    }
    return matches;
  }

  private run<T>(q: SqlText): Promise<T[]> {
    return rows<T>(this.db.manager, q.text, q.values);
  }
}
