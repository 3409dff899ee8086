import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { UserSummary } from '@ruche/contracts';
import { GroupsService } from '@ruche/groups';
import { IdentityService, summaryIn } from '@ruche/identity';
import { PeopleService } from '@ruche/people';
import {
  type AuthUser,
  conflict,
  Database,
  decodeCursor,
  forbidden,
  hasPermission,
  invalid,
  notFound,
  type Page,
  Permission,
  rows,
  SqlParams,
  toPage,
  Transactions,
} from '@ruche/platform';
import type {
  CreatePathDto,
  DepartmentProgressView,
  PathListQuery,
  PathProgressView,
  PathStatus,
  PathView,
  StepDto,
  UpdatePathDto,
} from './dto.js';
import { TrainingProgressService } from './training-progress.service.js';
import { type PathRow, PATH_COLUMNS, type StepRow, STEP_COLUMNS } from './training-sql.js';

/** Departments with fewer people on a path than this are counted together, so no one is singled out. */
export const SMALLEST_DEPARTMENT = 5;

function statusOf(path: PathRow): PathStatus {
  if (path.archived_at) return 'archived';
  return path.published_at ? 'published' : 'draft';
}

/**
 * Training paths: admins publish the company's (for new employees, or for people who just became
 * community owners), a group's owners and admins publish their group's (for its newcomers). A path
 * is edited as a draft and frozen once published, so everyone's progress refers to the steps they
 * were given; archiving stops new enrolments. Progress itself is TrainingProgressService's.
 *
 * Who sees a path: everyone who may read its group (a company path: everyone) once it is published;
 * the people who may manage it, always. Anyone else gets the same 404 as for a path that does not exist.
 */
@Injectable()
export class TrainingService {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly identity: IdentityService,
    private readonly people: PeopleService,
    private readonly groups: GroupsService,
    private readonly progress: TrainingProgressService,
  ) {}

  async create(actor: AuthUser, input: CreatePathDto): Promise<PathView> {
    const groupId = input.groupId ?? null;
    if (groupId && input.audience !== 'newcomers')
      throw invalid("a group's path is for its newcomers: audience must be newcomers");
    await this.assertMayManage(actor, groupId);
    await this.checkSteps(input.steps, groupId);
    const id = await this.transactions.run(async (tx) => {
      const [path] = await rows<{ id: string }>(
        tx.manager,
        `INSERT INTO training_paths (title, description, audience, group_id, created_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id`,
        [input.title, input.description ?? '', input.audience, groupId, actor.id],
      );
      await insertSteps(tx.manager, path.id, input.steps);
      return path.id;
    });
    return this.get(actor, id);
  }

  /** Changes a draft; a published or archived path is frozen (409). */
  async update(actor: AuthUser, pathId: string, input: UpdatePathDto): Promise<PathView> {
    const path = await this.managed(actor, pathId);
    if (input.steps) await this.checkSteps(input.steps, path.group_id);
    await this.transactions.run(async (tx) => {
      const [locked] = await rows<PathRow>(
        tx.manager,
        `SELECT ${PATH_COLUMNS} FROM training_paths p WHERE p.id = $1 FOR UPDATE`,
        [pathId],
      );
      if (!locked) throw notFound('Training path');
      if (locked.published_at) throw conflict('A published training path is frozen: archive it and publish a new one');
      await tx.manager.query(
        `UPDATE training_paths SET title = COALESCE($2, title), description = COALESCE($3, description), updated_at = now()
          WHERE id = $1`,
        [pathId, input.title ?? null, input.description ?? null],
      );
      if (input.steps) {
        await tx.manager.query('DELETE FROM training_steps WHERE path_id = $1', [pathId]);
        await insertSteps(tx.manager, pathId, input.steps);
      }
    });
    return this.get(actor, pathId);
  }

  async publish(actor: AuthUser, pathId: string): Promise<PathView> {
    await this.moveOn(
      actor,
      pathId,
      `UPDATE training_paths SET published_at = now(), updated_at = now()
        WHERE id = $1 AND published_at IS NULL RETURNING id`,
      'This training path is already published',
    );
    return this.get(actor, pathId);
  }

  /** No new enrolments; the people following it keep it and their progress. */
  async archive(actor: AuthUser, pathId: string): Promise<PathView> {
    await this.moveOn(
      actor,
      pathId,
      `UPDATE training_paths SET archived_at = now(), updated_at = now()
        WHERE id = $1 AND published_at IS NOT NULL AND archived_at IS NULL RETURNING id`,
      'Only a published training path can be archived',
    );
    return this.get(actor, pathId);
  }

  /** Deletes a draft (nobody follows it yet); a published path is archived instead (409). */
  async deleteDraft(actor: AuthUser, pathId: string): Promise<void> {
    await this.moveOn(
      actor,
      pathId,
      'DELETE FROM training_paths WHERE id = $1 AND published_at IS NULL RETURNING id',
      'A published training path cannot be deleted: archive it',
    );
  }

  /**
   * A step of a path's life (publish, archive, delete a draft) by someone who manages it: `sql`
   * changes the path `$1` only from the states it may leave, and answers its id; when it changed
   * nothing, the path was not in such a state: 409 with `refused`.
   */
  private async moveOn(actor: AuthUser, pathId: string, sql: string, refused: string): Promise<void> {
    await this.managed(actor, pathId);
    const [changed] = await rows<{ id: string }>(this.db.manager, sql, [pathId]);
    if (!changed) throw conflict(refused);
  }

  async get(viewer: AuthUser, pathId: string): Promise<PathView> {
    const { path, canManage } = await this.visible(viewer, pathId);
    return (await this.views(viewer, [path], new Set(canManage ? [path.id] : [])))[0]!;
  }

  /**
   * Published paths the viewer may read (company paths and those of groups they may read), newest
   * first; `mine`: the paths they follow; `managed`: the paths they may edit, drafts included.
   */
  async list(viewer: AuthUser, query: PathListQuery): Promise<Page<PathView>> {
    // Groups are the groups module's: it says which the viewer manages and may read; this module
    // only filters its own rows by those ids.
    const params = new SqlParams();
    const conditions: string[] = [];
    const managed = params.add(await this.groups.managedGroupIds(viewer.id));
    const mayManage = `(p.group_id = ANY (${managed}::uuid[])${
      hasPermission(viewer.roles, Permission.ManageTraining) ? ' OR p.group_id IS NULL' : ''
    })`;
    if (query.filter === 'managed') {
      conditions.push(mayManage);
    } else {
      const withPaths = await rows<{ group_id: string }>(
        this.db.manager,
        'SELECT DISTINCT group_id FROM training_paths WHERE group_id IS NOT NULL AND published_at IS NOT NULL',
      );
      const readable = await this.groups.readableGroupIds(
        viewer.id,
        withPaths.map((g) => g.group_id),
      );
      conditions.push(
        `p.published_at IS NOT NULL AND (p.group_id IS NULL OR p.group_id = ANY (${params.add([...readable])}::uuid[]))`,
      );
      if (query.filter === 'mine') {
        conditions.push(
          `EXISTS (SELECT 1 FROM training_enrollments e WHERE e.path_id = p.id AND e.user_id = ${params.add(viewer.id)})`,
        );
      } else {
        conditions.push('p.archived_at IS NULL');
      }
    }
    if (query.cursor) conditions.push(params.keyset('p.created_at, p.id', '<', decodeCursor(query.cursor)));
    const found = await rows<PathRow & { can_manage: boolean }>(
      this.db.manager,
      `SELECT ${PATH_COLUMNS}, ${mayManage} AS can_manage FROM training_paths p
        WHERE ${conditions.join(' AND ')}
        ORDER BY p.created_at DESC, p.id DESC LIMIT ${params.add(query.limit + 1)}`,
      params.values,
    );
    const page = toPage(
      found,
      query.limit,
      (r) => [r.created_at, r.id],
      (r) => r,
    );
    const views = await this.views(viewer, page.items, new Set(page.items.filter((r) => r.can_manage).map((r) => r.id)));
    return { items: views, nextCursor: page.nextCursor };
  }

  /** The paths the person follows, unfinished first (what the first-run checklist shows). */
  async mine(viewer: AuthUser): Promise<PathView[]> {
    const found = await rows<PathRow>(
      this.db.manager,
      `SELECT ${PATH_COLUMNS} FROM training_paths p
         JOIN training_enrollments e ON e.path_id = p.id AND e.user_id = $1
        ORDER BY e.completed_at IS NOT NULL, e.enrolled_at DESC, p.id
        LIMIT 50`,
      [viewer.id],
    );
    return this.views(viewer, found, new Set());
  }

  /** Follows a published path the viewer may read (409 for a draft or an archived one). */
  async enroll(viewer: AuthUser, pathId: string): Promise<PathView> {
    const { path } = await this.visible(viewer, pathId);
    if (statusOf(path) !== 'published') throw conflict('Only a published training path can be followed');
    await this.progress.enroll(path, viewer.id);
    return this.get(viewer, pathId);
  }

  /** Ticks a `read` step; the other kinds are done by doing what they ask. */
  async completeStep(viewer: AuthUser, pathId: string, stepId: string): Promise<PathView> {
    await this.visible(viewer, pathId);
    const [step] = await rows<StepRow>(
      this.db.manager,
      `SELECT ${STEP_COLUMNS} FROM training_steps s WHERE s.id = $1 AND s.path_id = $2`,
      [stepId, pathId],
    );
    if (!step) throw notFound('Step');
    if (step.kind !== 'read') throw conflict('This step is done by doing what it asks, not by ticking it');
    if (!(await this.progress.completeRead(viewer.id, pathId, stepId))) throw conflict('Follow the training path first');
    return this.get(viewer, pathId);
  }

  /** How far the people given the path have got (its managers only). */
  async pathProgress(viewer: AuthUser, pathId: string): Promise<PathProgressView> {
    const { canManage } = await this.visible(viewer, pathId);
    if (!canManage) throw forbidden("Only the path's owners see its progress");
    const db = this.db.manager;
    const enrolled = await rows<{ user_id: string; completed: boolean }>(
      db,
      'SELECT user_id, completed_at IS NOT NULL AS completed FROM training_enrollments WHERE path_id = $1',
      [pathId],
    );
    const steps = await rows<{ id: string; title: string; done: string }>(
      db,
      `SELECT s.id, s.title,
              (SELECT count(*) FROM training_step_completions c
                 JOIN training_enrollments e ON e.user_id = c.user_id AND e.path_id = s.path_id
                WHERE c.step_id = s.id) AS done
         FROM training_steps s WHERE s.path_id = $1 ORDER BY s.position`,
      [pathId],
    );
    const profiles = await this.people.profileSummaries(enrolled.map((e) => e.user_id));
    return {
      enrolled: enrolled.length,
      completed: enrolled.filter((e) => e.completed).length,
      steps: steps.map((s) => ({ stepId: s.id, title: s.title, done: Number(s.done) })),
      byDepartment: byDepartment(
        enrolled.map((e) => ({ department: profiles.get(e.user_id)?.department ?? '', completed: e.completed })),
      ),
    };
  }

  /** The path if the viewer may see it (404 otherwise, as for one that does not exist), and whether they manage it. */
  private async visible(viewer: AuthUser, pathId: string): Promise<{ path: PathRow; canManage: boolean }> {
    const [path] = await rows<PathRow>(this.db.manager, `SELECT ${PATH_COLUMNS} FROM training_paths p WHERE p.id = $1`, [pathId]);
    if (!path) throw notFound('Training path');
    const canManage = await this.mayManage(viewer, path.group_id);
    if (canManage) return { path, canManage };
    const readable =
      path.group_id === null || (await this.groups.readableGroupIds(viewer.id, [path.group_id])).has(path.group_id);
    if (!readable || !path.published_at) throw notFound('Training path');
    return { path, canManage };
  }

  /** The path, for someone who may change it: 404 when they may not see it, 403 when they see but may not manage it. */
  private async managed(actor: AuthUser, pathId: string): Promise<PathRow> {
    const { path, canManage } = await this.visible(actor, pathId);
    if (!canManage) throw forbidden("Only the path's owners may change it");
    return path;
  }

  private async mayManage(actor: AuthUser, groupId: string | null): Promise<boolean> {
    return groupId ? this.groups.isGroupModerator(actor.id, groupId) : hasPermission(actor.roles, Permission.ManageTraining);
  }

  private async assertMayManage(actor: AuthUser, groupId: string | null): Promise<void> {
    if (await this.mayManage(actor, groupId)) return;
    if (groupId && !(await this.groups.readableGroupIds(actor.id, [groupId])).has(groupId)) throw notFound('Group');
    throw forbidden(
      groupId
        ? "Only the group's owners and admins publish its training paths"
        : "Only admins publish the company's training paths",
    );
  }

  /**
   * A step's group: required to join one, optional for a first post, meaningless elsewhere; an
   * existing group, public or the path's own, so a path never names a private group to people
   * who may not know it.
   */
  private async checkSteps(steps: readonly StepDto[], pathGroupId: string | null): Promise<void> {
    steps.forEach((step, i) => {
      if (step.kind === 'join_group' && !step.groupId)
        throw invalid(`steps.${i}.groupId: a join_group step names the group to join`);
      if (step.groupId && step.kind !== 'join_group' && step.kind !== 'first_post') {
        throw invalid(`steps.${i}.groupId: only join_group and first_post steps name a group`);
      }
    });
    const ids = [...new Set(steps.flatMap((s) => (s.groupId ? [s.groupId] : [])))];
    if (ids.length === 0) return;
    const existing = await this.groups.names(ids);
    const hidden = await this.groups.privateGroupIds(ids);
    const bad = ids.find((id) => !existing.has(id) || (hidden.has(id) && id !== pathGroupId));
    if (bad) throw invalid(`group ${bad}: a step's group must be a public group or the path's own group`);
  }

  private async views(viewer: AuthUser, paths: readonly PathRow[], managed: ReadonlySet<string>): Promise<PathView[]> {
    if (paths.length === 0) return [];
    const ids = paths.map((p) => p.id);
    const db = this.db.manager;
    const steps = await rows<StepRow & { done: boolean }>(
      db,
      `SELECT ${STEP_COLUMNS},
              EXISTS (SELECT 1 FROM training_step_completions c WHERE c.step_id = s.id AND c.user_id = $2) AS done
         FROM training_steps s WHERE s.path_id = ANY ($1::uuid[]) ORDER BY s.path_id, s.position`,
      [ids, viewer.id],
    );
    const enrolments = await rows<{ path_id: string; completed_at: Date | null }>(
      db,
      'SELECT path_id, completed_at FROM training_enrollments WHERE user_id = $1 AND path_id = ANY ($2::uuid[])',
      [viewer.id, ids],
    );
    const enrolled = new Map(enrolments.map((e) => [e.path_id, e.completed_at]));
    const people: Map<string, UserSummary> = await this.identity.summaries([...new Set(paths.map((p) => p.created_by))]);
    return paths.map((path) => {
      const own = steps.filter((s) => s.path_id === path.id);
      const following = enrolled.has(path.id);
      return {
        id: path.id,
        title: path.title,
        description: path.description,
        audience: path.audience,
        groupId: path.group_id,
        status: statusOf(path),
        publishedAt: path.published_at?.toISOString() ?? null,
        createdBy: summaryIn(people, path.created_by),
        canManage: managed.has(path.id),
        steps: own.map((s) => ({
          id: s.id,
          position: s.position,
          kind: s.kind,
          title: s.title,
          body: s.body,
          groupId: s.group_id,
          done: following && s.done,
        })),
        progress: {
          enrolled: following,
          done: following ? own.filter((s) => s.done).length : 0,
          total: own.length,
          completedAt: enrolled.get(path.id)?.toISOString() ?? null,
        },
      };
    });
  }
}

async function insertSteps(db: EntityManager, pathId: string, steps: readonly StepDto[]): Promise<void> {
  await db.query(
    `INSERT INTO training_steps (path_id, position, kind, title, body, group_id)
     SELECT $1, s.position, s.kind, s.title, s.body, s.group_id
       FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::uuid[]) AS s (position, kind, title, body, group_id)`,
    [
      pathId,
      steps.map((_, i) => i + 1),
      steps.map((s) => s.kind),
      steps.map((s) => s.title),
      steps.map((s) => s.body ?? ''),
      steps.map((s) => s.groupId ?? null),
    ],
  );
}

/** Counts by department; departments with fewer than {@link SMALLEST_DEPARTMENT} people join the unnamed row. */
export function byDepartment(people: readonly { department: string; completed: boolean }[]): DepartmentProgressView[] {
  const counts = new Map<string, { enrolled: number; completed: number }>();
  for (const person of people) {
    const c = counts.get(person.department) ?? { enrolled: 0, completed: 0 };
    c.enrolled++;
    if (person.completed) c.completed++;
    counts.set(person.department, c);
  }
  const named: DepartmentProgressView[] = [];
  const rest = { department: null, enrolled: 0, completed: 0 };
  for (const [department, c] of counts) {
    if (department && c.enrolled >= SMALLEST_DEPARTMENT) named.push({ department, ...c });
    else {
      rest.enrolled += c.enrolled;
      rest.completed += c.completed;
    }
  }
  named.sort((a, b) => b.enrolled - a.enrolled || a.department!.localeCompare(b.department!));
  return rest.enrolled ? [...named, rest] : named;
}
