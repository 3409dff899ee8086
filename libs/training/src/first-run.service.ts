import { Injectable } from '@nestjs/common';
import { GroupSuggestions } from '@ruche/groups';
import { IdentityService } from '@ruche/identity';
import { ColleagueSuggestions, PeopleService } from '@ruche/people';
import { Database, rows } from '@ruche/platform';
import type { FirstRunOutcome, FirstRunView, SuggestionsView } from './first-run-dto.js';

/** How many group mates are weighed as colleague candidates (the closest by groups shared). */
const GROUP_MATES = 200;

/**
 * First run (#16), the onboarding path's front door: what a new person is offered (colleagues,
 * groups, skills: composed here from people's and groups' own suggestions, each reading only its
 * tables) and whether the screen is still due. Declaring skills, following, joining and accepting
 * the guidelines tick the path's steps through the owners' events, like anywhere else.
 */
@Injectable()
export class FirstRunService {
  constructor(
    private readonly db: Database,
    private readonly identity: IdentityService,
    private readonly people: PeopleService,
    private readonly colleagues: ColleagueSuggestions,
    private readonly groups: GroupSuggestions,
  ) {}

  async suggestions(userId: string, limit: number): Promise<SuggestionsView> {
    const [mates, profile] = await Promise.all([
      this.groups.groupMateIds(userId, GROUP_MATES),
      this.people.profileSummaries([userId]),
    ]);
    const department = profile.get(userId)?.department.trim() ?? '';
    const peers = department ? (await this.people.idsInPlace({ department })).filter((id) => id !== userId) : [];
    const [colleagues, groups, skills] = await Promise.all([
      this.colleagues.colleagues(userId, mates, limit),
      this.groups.groupsToJoin(userId, peers, limit),
      this.colleagues.skills(userId, limit),
    ]);
    return { colleagues, groups, skills };
  }

  /**
   * Due for someone following a company onboarding path they have not completed (a new account is
   * given it; anyone may choose it), or about to be given one (their account is newer than a
   * published path: the enrolment follows the registration's event, and the first page may ask
   * before it lands), who has not finished or skipped the first run. So it greets newcomers once,
   * and not the people who were already here when the company had no path.
   */
  async state(userId: string): Promise<FirstRunView> {
    const { createdAt } = await this.identity.getUser(userId);
    const [found] = await rows<{ outcome: FirstRunOutcome | null; finished_at: Date | null; onboarding: boolean }>(
      this.db.manager,
      `SELECT f.outcome, f.finished_at,
              EXISTS (SELECT 1 FROM training_paths p
                        LEFT JOIN training_enrollments e ON e.path_id = p.id AND e.user_id = $1
                       WHERE p.audience = 'newcomers' AND p.group_id IS NULL
                         AND CASE WHEN e.user_id IS NULL
                                  THEN p.published_at <= $2 AND p.archived_at IS NULL
                                  ELSE e.completed_at IS NULL END) AS onboarding
         FROM (SELECT 1) one
         LEFT JOIN training_first_runs f ON f.user_id = $1`,
      [userId, createdAt],
    );
    return {
      due: found.onboarding && found.outcome === null,
      outcome: found.outcome,
      finishedAt: found.finished_at?.toISOString() ?? null,
    };
  }

  /** Records that the person finished or skipped the first run; the first answer stays. */
  async finish(userId: string, outcome: FirstRunOutcome): Promise<FirstRunView> {
    await rows(
      this.db.manager,
      `INSERT INTO training_first_runs (user_id, outcome) VALUES ($1, $2)
       ON CONFLICT ON CONSTRAINT training_first_runs_pkey DO NOTHING`,
      [userId, outcome],
    );
    return this.state(userId);
  }
}
