import { Injectable, OnModuleInit } from '@nestjs/common';
import { IdentityService } from '@ruche/identity';
import { Database, rows, type SearchHit, type SearchRequest, SearchSources, searchSources } from '@ruche/platform';
import { PeopleService } from './people.service.js';
import { skillKey } from './skill.js';

/** A declared skill that is exactly the query ("Développement web") scores like a title match. */
export const SKILL_MATCH_SCORE = 0.5;
/** Names are matched by trigram similarity; past this length a query is not a name. */
const NAME_QUERY_MAX = 100;

/**
 * People in the one search box, found three ways, each by the module that owns the data: by name,
 * typos tolerated (identity's `matchNames`, pg_trgm on users), by profile text (title,
 * department, location, bio: profiles_search_idx) and by a declared skill equal to the query
 * (user_skills_skill_idx). A person's score is the best of the three (name: word similarity 0..1,
 * profile: the full-text rank, skill: {@link SKILL_MATCH_SCORE}). Every employee may see every
 * active colleague; suspended accounts never come back. "Who knows X?" ranked by earned expertise
 * is `GET /api/experts`; this finds the person.
 */
@Injectable()
export class PersonSearch implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly sources: SearchSources,
    private readonly identity: IdentityService,
    private readonly people: PeopleService,
  ) {}

  onModuleInit(): void {
    this.sources.register('person', (request) => this.search(request));
  }

  async search(request: SearchRequest): Promise<SearchHit[]> {
    // Suspended accounts are dropped afterwards: fetch enough to fill the page anyway.
    const enough = request.limit * 2 + 10;
    const [profiles, names, skilled] = await Promise.all([
      this.byProfile({ ...request, limit: enough }),
      request.text.length <= NAME_QUERY_MAX ? this.identity.matchNames([request.text], enough) : [],
      this.bySkill(request.text, enough),
    ]);

    const best = new Map<string, { score: number; profile?: SearchHit }>();
    const offer = (id: string, score: number, profile?: SearchHit) => {
      const known = best.get(id);
      if (!known || score > known.score) best.set(id, { score, profile: profile ?? known?.profile });
      else if (profile && !known.profile) known.profile = profile;
    };
    for (const hit of profiles) offer(hit.id, hit.score, hit);
    for (const match of names) offer(match.id, match.similarity);
    for (const id of skilled) offer(id, SKILL_MATCH_SCORE);

    const active = await this.identity.activeIds([...best.keys()]);
    const ranked = [...best.entries()]
      .filter(([id]) => active.has(id))
      .sort(([a, x], [b, y]) => y.score - x.score || a.localeCompare(b))
      .slice(0, request.limit);
    const ids = ranked.map(([id]) => id);
    const [users, fields] = await Promise.all([this.identity.summaries(ids), this.people.profileSummaries(ids)]);
    return ranked.flatMap(([id, { score, profile }]) => {
      const user = users.get(id);
      if (!user) return [];
      const f = fields.get(id);
      const about = [f?.title, f?.department, f?.location].filter((s) => !!s).join(' · ');
      return [
        {
          type: 'person' as const,
          id,
          title: user.displayName,
          // The matched words in context when the profile matched; otherwise who they are.
          snippet: profile?.highlights.length ? profile.snippet : about,
          highlights: profile?.highlights.length ? profile.highlights : [],
          score: Math.round(score * 10_000) / 10_000,
          createdAt: null,
        },
      ];
    });
  }

  private async byProfile(request: SearchRequest): Promise<SearchHit[]> {
    return searchSources(this.db.reader, 'person', request, [
      {
        from: 'profiles pr',
        vector: 'pr.search_vector',
        visible: 'TRUE',
        values: [],
        id: 'pr.user_id',
        title: `''`,
        body: `concat_ws(' · ', nullif(pr.title, ''), nullif(pr.department, ''), nullif(pr.location, ''), nullif(pr.bio, ''))`,
        createdAt: 'pr.updated_at',
        // The person's hit is made here, from the profile's snippet when it marks the words.
        snippetsInPlace: true,
      },
    ]);
  }

  private async bySkill(text: string, limit: number): Promise<string[]> {
    const key = skillKey(text);
    if (!key) return [];
    const found = await rows<{ user_id: string }>(
      this.db.manager,
      'SELECT user_id FROM user_skills WHERE skill = $1 ORDER BY user_id LIMIT $2',
      [key, limit],
    );
    return found.map((r) => r.user_id);
  }
}
