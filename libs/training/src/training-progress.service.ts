import { Injectable } from '@nestjs/common';
import { GroupsService } from '@ruche/groups';
import { PeopleService } from '@ruche/people';
import { Database, GuidelinesGate, lockKey, rows, Transactions, type Tx, userRoom } from '@ruche/platform';
import type { Audience, StepKind } from './dto.js';

/** An action that completes steps: its kind, and the group it happened in (a post's, a group joined). */
export interface TrainingAction {
  kind: Exclude<StepKind, 'read'>;
  groupId?: string | null;
}

/** Which paths a person is given automatically. */
export type EnrollmentTrigger =
  { reason: 'new_account' } | { reason: 'joined_group'; groupId: string } | { reason: 'community_owner' };

/**
 * Progress on training paths: who is given which path, and which steps their actions complete.
 *
 * A step other than `read` is done by doing what it asks, seen through the owners' events (so the
 * same post that shows in the feed ticks "make a first post"); states that may hold before the
 * person was given the path (guidelines already accepted, group already joined) are read at
 * enrolment. Completions are idempotent (one row per person and step). Every transaction that
 * enrols or records progress first takes the person's training lock: two actions finishing the
 * last two steps at once still mark the path completed exactly once, and an action whose event is
 * handled while the person is being enrolled is either seen by the enrolment's state check or
 * waits for the enrolment to commit and then finds it.
 */
@Injectable()
export class TrainingProgressService {
  constructor(
    private readonly transactions: Transactions,
    private readonly db: Database,
    private readonly groups: GroupsService,
    private readonly guidelines: GuidelinesGate,
    private readonly people: PeopleService,
  ) {}

  /** Gives the person the published paths the trigger calls for (none twice). */
  async enrollFor(userId: string, trigger: EnrollmentTrigger): Promise<void> {
    const audience: Audience = trigger.reason === 'community_owner' ? 'community_owners' : 'newcomers';
    const groupId = trigger.reason === 'joined_group' ? trigger.groupId : null;
    await this.transactions.run(async (tx) => {
      await lockPerson(tx, userId);
      const paths = await rows<{ id: string; title: string }>(
        tx.manager,
        `SELECT p.id, p.title FROM training_paths p
          WHERE p.published_at IS NOT NULL AND p.archived_at IS NULL AND p.audience = $1
            AND p.group_id IS NOT DISTINCT FROM $2::uuid
            AND NOT EXISTS (SELECT 1 FROM training_enrollments e WHERE e.path_id = p.id AND e.user_id = $3)`,
        [audience, groupId, userId],
      );
      for (const path of paths) await this.enrollWithin(tx, path, userId);
    });
  }

  /** Enrols the person in one path (the caller checked they may see it); a second time changes nothing. */
  async enroll(path: { id: string; title: string }, userId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      await lockPerson(tx, userId);
      await this.enrollWithin(tx, path, userId);
    });
  }

  /** Marks a `read` step done for someone following its path; answers false when they are not. */
  async completeRead(userId: string, pathId: string, stepId: string): Promise<boolean> {
    return this.transactions.run(async (tx) => {
      await lockPerson(tx, userId);
      const [enrolled] = await rows(tx.manager, 'SELECT 1 FROM training_enrollments WHERE path_id = $1 AND user_id = $2', [
        pathId,
        userId,
      ]);
      if (!enrolled) return false;
      await this.record(tx, userId, [stepId]);
      return true;
    });
  }

  /** The person did something: ticks every step of their paths it completes. */
  async completeBy(userId: string, action: TrainingAction): Promise<void> {
    const matching = [userId, action.kind, action.groupId ?? null];
    // Most actions complete nothing (the person follows no path asking for them, or did it before):
    // asked first on the primary, without a transaction or the person's lock, which every post,
    // follow and join took before (4 round trips, one the lock's wait). A path joined meanwhile is
    // as if its enrolment had taken the lock after this action, which it could have.
    if ((await rows(this.db.manager, MATCHING_STEPS, matching)).length === 0) return;
    await this.transactions.run(async (tx) => {
      await lockPerson(tx, userId);
      const steps = await rows<{ id: string }>(tx.manager, MATCHING_STEPS, matching);
      await this.record(
        tx,
        userId,
        steps.map((s) => s.id),
      );
    });
  }

  private async enrollWithin(tx: Tx, path: { id: string; title: string }, userId: string): Promise<void> {
    const inserted = await rows<{ path_id: string }>(
      tx.manager,
      `INSERT INTO training_enrollments (path_id, user_id) VALUES ($1, $2)
       ON CONFLICT ON CONSTRAINT training_enrollments_pkey DO NOTHING RETURNING path_id`,
      [path.id, userId],
    );
    if (inserted.length === 0) return;
    await tx.emit({
      type: 'training.enrolled',
      payload: { pathId: path.id, userId, title: path.title },
      audience: [userRoom(userId)],
      actorId: userId,
    });
    // States that may already hold: the guidelines accepted, groups already joined, skills declared,
    // someone followed.
    const steps = await rows<{ id: string; kind: StepKind; group_id: string | null }>(
      tx.manager,
      `SELECT id, kind, group_id FROM training_steps
        WHERE path_id = $1 AND kind IN ('accept_guidelines', 'join_group', 'declare_skills', 'follow_people')`,
      [path.id],
    );
    if (steps.length === 0) return;
    const asks = (kind: StepKind) => steps.some((s) => s.kind === kind);
    const held = {
      accept_guidelines: asks('accept_guidelines') && (await this.guidelines.hasAccepted(userId)),
      declare_skills: asks('declare_skills') && (await this.people.skillsOf(userId)).length > 0,
      follow_people: asks('follow_people') && (await this.people.followeeIds(userId)).length > 0,
    };
    const joined = new Set(asks('join_group') ? await this.groups.memberGroupIds(userId) : []);
    const done = steps.filter((s) => (s.kind === 'join_group' ? joined.has(s.group_id!) : held[s.kind as keyof typeof held]));
    await this.record(
      tx,
      userId,
      done.map((s) => s.id),
    );
  }

  /** Records the steps done (once each), completes the paths they finish, and tells the person live. */
  private async record(tx: Tx, userId: string, stepIds: readonly string[]): Promise<void> {
    if (stepIds.length === 0) return;
    const done = await rows<{ step_id: string; path_id: string }>(
      tx.manager,
      `WITH done AS (
         INSERT INTO training_step_completions (step_id, user_id)
         SELECT unnest($2::uuid[]), $1
         ON CONFLICT ON CONSTRAINT training_step_completions_pkey DO NOTHING
         RETURNING step_id)
       SELECT d.step_id, s.path_id FROM done d JOIN training_steps s ON s.id = d.step_id`,
      [userId, stepIds],
    );
    if (done.length === 0) return;
    const completed = await rows<{ path_id: string }>(
      tx.manager,
      `UPDATE training_enrollments e SET completed_at = now()
        WHERE e.user_id = $1 AND e.path_id = ANY ($2::uuid[]) AND e.completed_at IS NULL
          AND NOT EXISTS (
            SELECT 1 FROM training_steps s
             WHERE s.path_id = e.path_id
               AND NOT EXISTS (SELECT 1 FROM training_step_completions c WHERE c.step_id = s.id AND c.user_id = e.user_id))
        RETURNING e.path_id`,
      [userId, [...new Set(done.map((d) => d.path_id))]],
    );
    const finished = new Set(completed.map((c) => c.path_id));
    for (const step of done) {
      await tx.emit({
        type: 'training.progressed',
        payload: { pathId: step.path_id, stepId: step.step_id, userId, pathCompleted: finished.has(step.path_id) },
        audience: [userRoom(userId)],
        actorId: userId,
      });
    }
  }
}

/** Serialises one person's enrolments and progress (see the class comment). */
function lockPerson(tx: Tx, userId: string): Promise<void> {
  return lockKey(tx.manager, `training:${userId}`);
}

/**
 * The steps of the person's paths ($1) that an action of kind $2 in group $3 completes, not yet
 * done: a join_group step of that group; a first_post step asking for no group or for that one.
 */
const MATCHING_STEPS = `
  SELECT s.id FROM training_steps s
    JOIN training_enrollments e ON e.path_id = s.path_id AND e.user_id = $1
   WHERE s.kind = $2::text
     AND CASE $2::text
           WHEN 'join_group' THEN s.group_id = $3::uuid
           WHEN 'first_post' THEN s.group_id IS NULL OR s.group_id = $3::uuid
           ELSE true
         END
     AND NOT EXISTS (SELECT 1 FROM training_step_completions c WHERE c.step_id = s.id AND c.user_id = $1)`;
