import { Injectable } from '@nestjs/common';
import { GroupsService } from '@ruche/groups';
import { IdentityService, summaryIn } from '@ruche/identity';
import { PeopleService } from '@ruche/people';
import { type AuthUser, Database, ExpertFinderPort, invalid, notFound, rows } from '@ruche/platform';
import { QuestionInsights } from '@ruche/questions';
import { DEPARTMENT_FIGURES_SQL, DEPARTMENT_GROUPS_SQL, type DepartmentFiguresRow } from './department-sql.js';
import type {
  DepartmentActionsView,
  DepartmentDashboardView,
  DepartmentsView,
  DepartmentView,
  FallingGroupView,
} from './department-dto.js';
import { GroupHealthService } from './group-health.service.js';
import { type Period, round, share } from './metrics.js';

/** No figure is shown for a department with fewer people than this (#17): too few to stay anonymous. */
export const SMALLEST_DEPARTMENT = 5;
const TOPICS = 10;
const ACTION_ITEMS = 5;
const GROUPS_CHECKED = 10;
const HEALTH_WEEKS = 4;
const MAX_DEPARTMENT_LENGTH = 100;

type Figures = Omit<DepartmentView, 'department' | 'previous'>;

function figuresOf(row: DepartmentFiguresRow | undefined, people: number): Figures {
  return {
    people,
    activeUsers: row?.active_users ?? 0,
    engagementDepth: row && row.items > 0 ? round(row.replies / row.items, 2) : null,
    questions: row?.questions ?? 0,
    answeredRate: share(row?.answered ?? 0, row?.questions ?? 0),
    medianMinutesToFirstAnswer: row?.median_minutes == null ? null : round(Number(row.median_minutes), 1),
    crossDepartmentReplies: row?.cross_replies ?? 0,
    crossDepartmentShare: share(row?.cross_replies ?? 0, row?.known_replies ?? 0),
    ideaParticipation: share(row?.idea_participants ?? 0, people),
  };
}

/**
 * The department dashboard (#17, analytics readers): per department, depth of engagement, answered
 * rate and time to first answer of its questions, replies across departments and idea participation,
 * against the period just before; and for one department the three most useful things to do next —
 * the questions on its topics nobody has answered, the groups its people are active in whose health
 * is falling, and its people who know its topics best and could mentor.
 *
 * A department is as profiles name it now (trimmed, case kept); activity counts under the
 * department its actor had then. Departments under {@link SMALLEST_DEPARTMENT} people are left out
 * everywhere, and asking for one is the same 404 as for one that does not exist.
 */
@Injectable()
export class DepartmentDashboardService {
  constructor(
    private readonly db: Database,
    private readonly people: PeopleService,
    private readonly identity: IdentityService,
    private readonly groups: GroupsService,
    private readonly health: GroupHealthService,
    private readonly questions: QuestionInsights,
    private readonly experts: ExpertFinderPort,
  ) {}

  async departments(period: Period): Promise<DepartmentsView> {
    const sizes = (await this.people.departmentSizes()).filter((d) => d.people >= SMALLEST_DEPARTMENT);
    const [now, before] = await this.figures(period);
    return {
      from: period.from,
      to: period.to,
      smallestDepartment: SMALLEST_DEPARTMENT,
      items: sizes.map(({ department, people }) => this.view(department, people, now, before)),
    };
  }

  async department(reader: AuthUser, department: string, period: Period): Promise<DepartmentDashboardView> {
    const name = department.trim();
    if (!name || name.length > MAX_DEPARTMENT_LENGTH || name.includes('\u0000')) {
      throw invalid(`department must be 1 to ${MAX_DEPARTMENT_LENGTH} characters`);
    }
    const size = (await this.people.departmentSizes()).find((d) => d.department === name);
    if (!size || size.people < SMALLEST_DEPARTMENT) throw notFound('Department');
    const [now, before] = await this.figures(period);
    return {
      from: period.from,
      to: period.to,
      ...this.view(name, size.people, now, before),
      actions: await this.actions(reader, name, period),
    };
  }

  /** Figures of every department over the period and over the one of the same length before it. */
  private async figures(period: Period): Promise<[Map<string, DepartmentFiguresRow>, Map<string, DepartmentFiguresRow>]> {
    const length = period.end.getTime() - period.start.getTime();
    const [now, before] = await Promise.all([
      rows<DepartmentFiguresRow>(this.db.reader, DEPARTMENT_FIGURES_SQL, [period.start, period.end]),
      rows<DepartmentFiguresRow>(this.db.reader, DEPARTMENT_FIGURES_SQL, [
        new Date(period.start.getTime() - length),
        period.start,
      ]),
    ]);
    const byName = (found: DepartmentFiguresRow[]) => new Map(found.map((r) => [r.department, r]));
    return [byName(now), byName(before)];
  }

  private view(
    department: string,
    people: number,
    now: Map<string, DepartmentFiguresRow>,
    before: Map<string, DepartmentFiguresRow>,
  ): DepartmentView {
    const previous = figuresOf(before.get(department), people);
    return {
      department,
      ...figuresOf(now.get(department), people),
      previous: {
        activeUsers: previous.activeUsers,
        engagementDepth: previous.engagementDepth,
        answeredRate: previous.answeredRate,
        medianMinutesToFirstAnswer: previous.medianMinutesToFirstAnswer,
        ideaParticipation: previous.ideaParticipation,
      },
    };
  }

  private async actions(reader: AuthUser, department: string, period: Period): Promise<DepartmentActionsView> {
    const memberIds = await this.people.idsInDepartment(department);
    const topics = (await this.questions.topicsOf(reader, memberIds, period.start, TOPICS)).map((t) => t.topic);
    const [unanswered, fallingGroups, possibleMentors] = await Promise.all([
      this.questions.unansweredOn(reader, topics, ACTION_ITEMS),
      this.fallingGroups(reader, department, period),
      this.possibleMentors(memberIds, topics),
    ]);
    return {
      topics,
      unansweredQuestions: unanswered.map(({ id, title, topics: on, createdAt }) => ({ id, title, topics: on, createdAt })),
      fallingGroups,
      possibleMentors,
    };
  }

  /**
   * Of the groups the department's people were most active in, those whose health score fell
   * against the weeks before, as the reader may see them (a private group they are not in is
   * skipped, never shown).
   */
  private async fallingGroups(reader: AuthUser, department: string, period: Period): Promise<FallingGroupView[]> {
    const active = await rows<{ group_id: string }>(this.db.reader, DEPARTMENT_GROUPS_SQL, [
      period.start,
      period.end,
      department,
      GROUPS_CHECKED,
    ]);
    const readable = await this.groups.readableGroupIds(
      reader.id,
      active.map((g) => g.group_id),
    );
    const ids = active.map((g) => g.group_id).filter((id) => readable.has(id));
    const [names, healths] = await Promise.all([
      this.groups.names(ids),
      Promise.all(ids.map((id) => this.health.health(reader, id, HEALTH_WEEKS))),
    ]);
    return healths
      .filter((h) => h.trend.direction === 'down')
      .sort((a, b) => a.trend.delta - b.trend.delta)
      .slice(0, ACTION_ITEMS)
      .map((h) => ({ groupId: h.groupId, name: names.get(h.groupId) ?? '', score: h.score, previousScore: h.previousScore }));
  }

  /** The department's people among the best experts on its topics, best first, with the topics each knows. */
  private async possibleMentors(
    memberIds: readonly string[],
    topics: readonly string[],
  ): Promise<DepartmentActionsView['possibleMentors']> {
    if (topics.length === 0 || memberIds.length === 0) return [];
    const members = new Set(memberIds);
    const perTopic = await Promise.all(
      topics.map(async (topic) => ({ topic, experts: await this.experts.topExperts([topic], { limit: 20 }) })),
    );
    const ranked = (await this.experts.topExperts(topics, { limit: 50 })).filter((id) => members.has(id)).slice(0, ACTION_ITEMS);
    const people = await this.identity.summaries(ranked);
    return ranked.map((id) => ({
      user: summaryIn(people, id),
      topics: perTopic.filter((t) => t.experts.includes(id)).map((t) => t.topic),
    }));
  }
}
