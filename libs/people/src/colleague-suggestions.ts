import { Injectable } from '@nestjs/common';
import { IdentityService } from '@ruche/identity';
import { Database, rows } from '@ruche/platform';
import type { DirectoryEntry } from './dto.js';
import { PeopleService } from './people.service.js';

/** Why a colleague is suggested, closest tie first. */
export const COLLEAGUE_REASONS = ['manager', 'report', 'department', 'group', 'popular'] as const;
export type ColleagueReason = (typeof COLLEAGUE_REASONS)[number];

export interface SuggestedColleague extends DirectoryEntry {
  reason: ColleagueReason;
}

/** A skill people of the department declared, with how many of them did. */
export interface SuggestedSkill {
  name: string;
  skill: string;
  people: number;
}

/**
 * First run (#16): the colleagues a new person will work with and the skills their department
 * declares. Reads profiles, follows and skills (this module's); the people who share a group with
 * the person come from the caller (groups owns memberships), as ids.
 */
@Injectable()
export class ColleagueSuggestions {
  constructor(
    private readonly db: Database,
    private readonly identity: IdentityService,
    private readonly people: PeopleService,
  ) {}

  /**
   * Their manager, direct reports, same department (case and accents ignored), then `groupMates`,
   * then (for someone the directory says nothing about yet) the most followed people: not
   * themselves, not already followed, active accounts only; within a tie, the most followed first.
   */
  async colleagues(userId: string, groupMates: readonly string[], limit: number): Promise<SuggestedColleague[]> {
    // Account states are identity's: read a margin of candidates, then keep the active ones.
    const found = await rows<{ id: string; rank: number }>(
      this.db.manager,
      `SELECT c.id, min(c.rank)::int AS rank
         FROM (SELECT manager_id AS id, 0 AS rank FROM profiles WHERE user_id = $1 AND manager_id IS NOT NULL
               UNION ALL
               SELECT user_id, 1 FROM profiles WHERE manager_id = $1
               UNION ALL
               SELECT o.user_id, 2 FROM profiles me
                 JOIN profiles o ON ruche_fold(o.department) = ruche_fold(me.department)
                WHERE me.user_id = $1 AND btrim(me.department) <> ''
               UNION ALL
               SELECT unnest($2::uuid[]), 3) c
        WHERE c.id <> $1 AND NOT EXISTS (SELECT 1 FROM follows f WHERE f.follower_id = $1 AND f.followee_id = c.id)
        GROUP BY c.id
        ORDER BY min(c.rank), (SELECT count(*) FROM follows f WHERE f.followee_id = c.id) DESC, c.id
        LIMIT $3`,
      [userId, [...groupMates], limit + 50],
    );
    if (found.length < limit) found.push(...(await this.mostFollowed(userId, found.map((r) => r.id), limit)));
    const active = await this.identity.activeIds(found.map((r) => r.id));
    const chosen = found.filter((r) => active.has(r.id)).slice(0, limit);
    const [summaries, profiles] = await Promise.all([
      this.identity.summaries(chosen.map((r) => r.id)),
      this.people.profileSummaries(chosen.map((r) => r.id)),
    ]);
    return chosen.flatMap((r) => {
      const summary = summaries.get(r.id);
      if (!summary) return [];
      const { title, department, location } = profiles.get(r.id)!;
      return [{ ...summary, title, department, location, reason: COLLEAGUE_REASONS[r.rank] }];
    });
  }

  /** The most followed people but `userId`, those they follow and `besides` (rank 4: popular). */
  private async mostFollowed(userId: string, besides: readonly string[], limit: number): Promise<{ id: string; rank: number }[]> {
    return rows<{ id: string; rank: number }>(
      this.db.manager,
      `SELECT f.followee_id AS id, 4 AS rank
         FROM follows f
        WHERE f.followee_id <> $1 AND NOT f.followee_id = ANY ($2::uuid[])
          AND NOT EXISTS (SELECT 1 FROM follows mine WHERE mine.follower_id = $1 AND mine.followee_id = f.followee_id)
        GROUP BY f.followee_id
        ORDER BY count(*) DESC, f.followee_id
        LIMIT $3`,
      [userId, [...besides], limit + 50],
    );
  }

  /**
   * The skills most declared in the person's department (the whole company when they have none),
   * that they have not declared yet, each in its most common spelling.
   */
  async skills(userId: string, limit: number): Promise<SuggestedSkill[]> {
    return rows<SuggestedSkill>(
      this.db.manager,
      `WITH me AS (SELECT btrim(department) AS department FROM profiles WHERE user_id = $1)
       SELECT s.skill, mode() WITHIN GROUP (ORDER BY s.name) AS name, count(*)::int AS people
         FROM user_skills s
         JOIN profiles p ON p.user_id = s.user_id
        WHERE s.user_id <> $1
          AND (coalesce((SELECT department FROM me), '') = ''
               OR ruche_fold(p.department) = ruche_fold((SELECT department FROM me)))
          AND NOT EXISTS (SELECT 1 FROM user_skills mine WHERE mine.user_id = $1 AND mine.skill = s.skill)
        GROUP BY s.skill
        ORDER BY count(*) DESC, s.skill
        LIMIT $2`,
      [userId, limit],
    );
  }
}
