import { Injectable } from '@nestjs/common';
import { type EntityManager, In, type Repository } from 'typeorm';
import { IdentityService, type UserSummary } from '@ruche/identity';
import {
  Database,
  decodeCursor,
  invalid,
  notFound,
  type Page,
  PageQuery,
  renderMarkdown,
  rows,
  SqlParams,
  Transactions,
  userRoom,
} from '@ruche/platform';
import type { Locale, LocaleSettings, ProfileFields, ProfileSkillView, ProfileView, SkillView } from './dto.js';
import { FollowEntity } from './follow.entity.js';
import { OrgChartService } from './org-chart.service.js';
import { ProfileEntity } from './profile.entity.js';
import { declaredSkills, MAX_SKILL_KEY_LENGTH, MAX_SKILLS, skillKey } from './skill.js';

/** A declared skill with its endorsement count, for set-based readers (expertise). */
export interface SkillStat {
  userId: string;
  skill: string;
  name: string;
  endorsements: number;
}

export interface ProfileUpdate {
  displayName?: string | null;
  title?: string | null;
  department?: string | null;
  location?: string | null;
  bio?: string | null;
  skills?: string[] | null;
  locale?: Locale | null;
  timeZone?: string | null;
}

const EMPTY_PROFILE: ProfileFields = { title: '', department: '', location: '', bio: '' };

/** Follow rows in keyset order (newest first): the other person's id and when it started. */
interface FollowRow {
  id: string;
  created_at: Date;
}

@Injectable()
export class PeopleService {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly identity: IdentityService,
    private readonly orgChart: OrgChartService,
  ) {}

  // Repositories through the open unit of work, if any (never a second pooled connection).
  private get follows(): Repository<FollowEntity> {
    return this.db.manager.getRepository(FollowEntity);
  }

  private get profileRows(): Repository<ProfileEntity> {
    return this.db.manager.getRepository(ProfileEntity);
  }

  // ---- for other modules ---------------------------------------------------------------

  /** Ids of the people `userId` follows. */
  async followeeIds(userId: string): Promise<string[]> {
    const rows = await this.follows.find({ where: { followerId: userId }, select: { followeeId: true } });
    return rows.map((r) => r.followeeId);
  }

  /** Ids of the people following `userId`. */
  async followerIds(userId: string): Promise<string[]> {
    const rows = await this.follows.find({ where: { followeeId: userId }, select: { followerId: true } });
    return rows.map((r) => r.followerId);
  }

  /**
   * How many people follow `userId`, counted in SQL (follows_followee_idx, index-only) rather than
   * by loading the list. With `atMost`, counting stops there (enough to compare with a threshold).
   */
  async followerCount(userId: string, atMost?: number): Promise<number> {
    const found: { n: number }[] = await this.db.query(
      atMost === undefined
        ? 'SELECT count(*)::int AS n FROM follows WHERE followee_id = $1'
        : 'SELECT count(*)::int AS n FROM (SELECT 1 FROM follows WHERE followee_id = $1 LIMIT $2) f',
      atMost === undefined ? [userId] : [userId, atMost],
    );
    return found[0].n;
  }

  /** Title, department, location and bio for the given ids (empty fields for people without a profile). */
  async profileSummaries(ids: readonly string[]): Promise<Map<string, ProfileFields>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const rows = await this.profileRows.find({ where: { userId: In(unique) } });
    const byId = new Map(rows.map((r) => [r.userId, r]));
    return new Map(unique.map((id) => [id, fieldsOf(byId.get(id))]));
  }

  /** Language and time zone of these people (emails and digests), in one query; unset is null. */
  async localeSettings(ids: readonly string[]): Promise<Map<string, LocaleSettings>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const found = await this.profileRows.find({ where: { userId: In(unique) } });
    const byId = new Map(found.map((r) => [r.userId, r]));
    return new Map(
      unique.map((id) => [id, { locale: (byId.get(id)?.locale as Locale | null) ?? null, timeZone: byId.get(id)?.timeZone ?? null }]),
    );
  }

  /** A person's declared skills in their order, with endorsement counts. */
  async skillsOf(userId: string): Promise<SkillView[]> {
    const rows = await this.skillRows(userId, null);
    return rows.map(({ name, skill, endorsements }) => ({ name, skill, endorsements }));
  }

  /**
   * Every declared skill of these people with its endorsement count, in one query. `db` lets a
   * caller read inside its own transaction (after taking its locks), on its own connection.
   */
  async skillStats(userIds: readonly string[], db: EntityManager = this.db.manager): Promise<SkillStat[]> {
    const unique = [...new Set(userIds)];
    if (unique.length === 0) return [];
    const found: { user_id: string; skill: string; name: string; endorsements: number }[] = await db.query(
      `SELECT s.user_id, s.skill, s.name, count(e.endorser_id)::int AS endorsements
         FROM user_skills s
         LEFT JOIN skill_endorsements e ON e.user_id = s.user_id AND e.skill = s.skill
        WHERE s.user_id = ANY ($1::uuid[])
        GROUP BY s.user_id, s.skill, s.name`,
      [unique],
    );
    return found.map((r) => ({ userId: r.user_id, skill: r.skill, name: r.name, endorsements: r.endorsements }));
  }

  /** Everyone who declared at least one of these skill keys (user_skills_skill_idx). */
  async idsWithSkills(skillKeys: readonly string[]): Promise<string[]> {
    if (skillKeys.length === 0) return [];
    const found: { user_id: string }[] = await this.db.query(
      'SELECT DISTINCT user_id FROM user_skills WHERE skill = ANY ($1::text[])',
      [[...new Set(skillKeys)]],
    );
    return found.map((r) => r.user_id);
  }

  /** How many people each department has (as profiles spell it, trimmed), largest first; people without one are left out. */
  async departmentSizes(): Promise<{ department: string; people: number }[]> {
    const found: { department: string; people: string }[] = await this.db.query(
      `SELECT btrim(department) AS department, count(*) AS people FROM profiles
        WHERE btrim(department) <> '' GROUP BY 1 ORDER BY 2 DESC, 1`,
    );
    return found.map((r) => ({ department: r.department, people: Number(r.people) }));
  }

  /** The people whose profile says this department, spelled as {@link departmentSizes} reports it. */
  async idsInDepartment(department: string): Promise<string[]> {
    const found: { user_id: string }[] = await this.db.query('SELECT user_id FROM profiles WHERE btrim(department) = $1', [department]);
    return found.map((r) => r.user_id);
  }

  /**
   * People whose profile says this department and/or location, compared without case or accents
   * ("ingenierie" finds "Ingénierie"); an empty filter matches nobody. Served by the
   * profiles_*_fold_idx indexes (ruche_fold is created by the expertise migration).
   */
  async idsInPlace(place: { department?: string; location?: string }): Promise<string[]> {
    const conditions: string[] = [];
    const params = new SqlParams();
    for (const column of ['department', 'location'] as const) {
      const value = place[column]?.trim();
      if (value === undefined) continue;
      if (value === '') return [];
      conditions.push(`ruche_fold(${column}) = ruche_fold(${params.add(value)})`);
    }
    if (conditions.length === 0) return [];
    const found: { user_id: string }[] = await this.db.query(
      `SELECT user_id FROM profiles WHERE ${conditions.join(' AND ')}`,
      params.values,
    );
    return found.map((r) => r.user_id);
  }

  // ---- profiles --------------------------------------------------------------------------

  /** The profile of `userId` as `viewerId` sees it; 404 when there is no such user. */
  async profile(viewerId: string, userId: string): Promise<ProfileView> {
    const [user, profile, skills, counts, org] = await Promise.all([
      this.identity.getUser(userId),
      this.profileRows.findOne({ where: { userId } }),
      this.skillRows(userId, viewerId),
      this.db.query<{ followers: number; following: number; followed_by_me: boolean }[]>(
        `SELECT (SELECT count(*) FROM follows WHERE followee_id = $1)::int AS followers,
                (SELECT count(*) FROM follows WHERE follower_id = $1)::int AS following,
                EXISTS (SELECT 1 FROM follows WHERE follower_id = $2 AND followee_id = $1) AS followed_by_me`,
        [userId, viewerId],
      ),
      this.orgChart.summaryOf(userId),
    ]);
    return {
      id: user.id,
      handle: user.handle,
      displayName: user.displayName,
      ...(user.avatarUrl ? { avatarUrl: user.avatarUrl } : {}),
      ...fieldsOf(profile),
      bioHtml: profile?.bioHtml ?? renderMarkdown(profile?.bio ?? ''),
      ...(viewerId === userId ? { locale: (profile?.locale as Locale | null) ?? null, timeZone: profile?.timeZone ?? null } : {}),
      skills,
      followers: counts[0].followers,
      following: counts[0].following,
      followedByMe: counts[0].followed_by_me,
      manager: org.manager,
      reportsCount: org.reportsCount,
    };
  }

  /**
   * Updates the caller's profile in one transaction: absent fields are kept, `skills` replaces
   * the declared set (endorsements of skills that stay are kept; a kept skill keeps the name it
   * was first declared with).
   */
  async updateProfile(userId: string, update: ProfileUpdate): Promise<ProfileView> {
    // Everything is checked before anything is written.
    if (update.skills?.some((name) => !skillKey(name)))
      throw invalid('each skill must contain letters or digits, not only accents');
    const skills = update.skills == null ? null : declaredSkills(update.skills);
    if (skills && skills.length > MAX_SKILLS) throw invalid(`at most ${MAX_SKILLS} skills`);
    if (skills?.some((s) => s.skill.length > MAX_SKILL_KEY_LENGTH)) throw invalid('a skill name is too long');

    await this.transactions.run(async (tx) => {
      // The upsert locks the caller's profile row: concurrent updates by one person run one
      // after the other, so a skill set is never a mix of two requests.
      await tx.manager.query(
        `INSERT INTO profiles AS p (user_id, title, department, location, bio, locale, time_zone, bio_html)
         VALUES ($1, coalesce($2, ''), coalesce($3, ''), coalesce($4, ''), coalesce($5, ''), $6, $7, coalesce($8, ''))
         ON CONFLICT (user_id) DO UPDATE
            SET title = coalesce($2, p.title),
                department = coalesce($3, p.department),
                location = coalesce($4, p.location),
                bio = coalesce($5, p.bio),
                bio_html = CASE WHEN $5::text IS NULL THEN p.bio_html ELSE $8 END,
                locale = coalesce($6, p.locale),
                time_zone = coalesce($7, p.time_zone),
                updated_at = now()`,
        [
          userId,
          update.title ?? null,
          update.department ?? null,
          update.location ?? null,
          update.bio ?? null,
          update.locale ?? null,
          // The zone's canonical spelling (europe/paris is Europe/Paris).
          update.timeZone ? new Intl.DateTimeFormat('en', { timeZone: update.timeZone }).resolvedOptions().timeZone : null,
          update.bio == null ? null : renderMarkdown(update.bio),
        ],
      );
      if (skills) {
        const keys = skills.map((s) => s.skill);
        await tx.emit({ type: 'skills.updated', payload: { userId, skills: keys }, audience: [], actorId: userId });
        await tx.manager.query('DELETE FROM user_skills WHERE user_id = $1 AND NOT (skill = ANY ($2::text[]))', [userId, keys]);
        if (skills.length > 0) {
          await tx.manager.query(
            `INSERT INTO user_skills (user_id, skill, name, position)
             SELECT $1, s.skill, s.name, s.position - 1
               FROM unnest($2::text[], $3::text[]) WITH ORDINALITY AS s (skill, name, position)
             ON CONFLICT (user_id, skill) DO UPDATE SET position = excluded.position`,
            [userId, keys, skills.map((s) => s.name)],
          );
        }
      }
      if (update.displayName != null) await this.identity.updateDisplayName(tx, userId, update.displayName);
    });
    return this.profile(userId, userId);
  }

  // ---- follows ---------------------------------------------------------------------------

  /** Idempotent; emits `user.followed` only when the follow is new. */
  async follow(followerId: string, followeeId: string): Promise<void> {
    if (followerId === followeeId) throw invalid('You cannot follow yourself', 'cannot_follow_self');
    const people = await this.identity.summaries([followerId, followeeId]);
    const follower = people.get(followerId);
    if (!people.has(followeeId) || !follower) throw notFound('User');
    await this.transactions.run(async (tx) => {
      // A user deleted meanwhile fails the foreign key, which the error filter answers with 404.
      const inserted: unknown[] = await tx.manager.query(
        `INSERT INTO follows (follower_id, followee_id) VALUES ($1, $2)
         ON CONFLICT ON CONSTRAINT follows_pkey DO NOTHING RETURNING 1`,
        [followerId, followeeId],
      );
      if (inserted.length === 0) return;
      await tx.emit({
        type: 'user.followed',
        payload: { followerId, followeeId, follower },
        audience: [userRoom(followeeId)],
        actorId: followerId,
      });
    });
  }

  /** Idempotent; emits `user.unfollowed` only when a follow ended. */
  async unfollow(followerId: string, followeeId: string): Promise<void> {
    if (followerId === followeeId) throw invalid('You cannot unfollow yourself', 'cannot_follow_self');
    await this.requireUser(followeeId);
    await this.transactions.run(async (tx) => {
      const deleted = await rows(tx.manager, 'DELETE FROM follows WHERE follower_id = $1 AND followee_id = $2 RETURNING 1', [
        followerId,
        followeeId,
      ]);
      if (deleted.length === 0) return;
      await tx.emit({ type: 'user.unfollowed', payload: { followerId, followeeId }, audience: [], actorId: followerId });
    });
  }

  async followers(userId: string, page: PageQuery): Promise<Page<UserSummary>> {
    return this.followPage(userId, page, 'followee_id', 'follower_id');
  }

  async following(userId: string, page: PageQuery): Promise<Page<UserSummary>> {
    return this.followPage(userId, page, 'follower_id', 'followee_id');
  }

  // ---- endorsements ----------------------------------------------------------------------

  /**
   * Idempotent; emits `skill.endorsed` only when the endorsement is new. 404 when the person
   * does not exist or has not declared the skill (`skill` may be any spelling of it).
   */
  async endorse(endorserId: string, userId: string, skill: string): Promise<void> {
    if (endorserId === userId) throw invalid('You cannot endorse your own skills', 'cannot_endorse_own_skill');
    const key = this.skillParam(skill);
    const endorser = (await this.identity.summaries([endorserId])).get(endorserId);
    if (!endorser) throw notFound('User');
    const missing = await this.transactions.run(async (tx) => {
      const name = await this.lockDeclaredSkill(tx.manager, userId, key);
      if (name === null) return true;
      const inserted: unknown[] = await tx.manager.query(
        `INSERT INTO skill_endorsements (user_id, skill, endorser_id) VALUES ($1, $2, $3)
         ON CONFLICT ON CONSTRAINT skill_endorsements_pkey DO NOTHING RETURNING 1`,
        [userId, key, endorserId],
      );
      if (inserted.length === 0) return false;
      const endorsements = await this.endorsementCount(tx.manager, userId, key);
      await tx.emit({
        type: 'skill.endorsed',
        payload: { userId, skill: key, name, endorserId, endorser, endorsements },
        audience: [userRoom(userId)],
        actorId: endorserId,
      });
      return false;
    });
    if (missing) await this.skillNotFound(userId);
  }

  /**
   * The person's declared skill, row-locked for the rest of the transaction, or null when they do
   * not declare it. Endorsing and unendorsing one skill take turns on this lock (and the person
   * cannot withdraw the skill meanwhile), so the count each event carries is exact: 1, 2, 3...
   * never two 7s.
   */
  private async lockDeclaredSkill(db: EntityManager, userId: string, key: string): Promise<string | null> {
    const declared: { name: string }[] = await db.query(
      'SELECT name FROM user_skills WHERE user_id = $1 AND skill = $2 FOR NO KEY UPDATE',
      [userId, key],
    );
    return declared[0]?.name ?? null;
  }

  private async endorsementCount(db: EntityManager, userId: string, key: string): Promise<number> {
    const [{ n }]: { n: number }[] = await db.query(
      'SELECT count(*)::int AS n FROM skill_endorsements WHERE user_id = $1 AND skill = $2',
      [userId, key],
    );
    return n;
  }

  /** Idempotent; 404 like `endorse` when the person or the skill is unknown. */
  async unendorse(endorserId: string, userId: string, skill: string): Promise<void> {
    if (endorserId === userId) throw invalid('You cannot endorse your own skills', 'cannot_endorse_own_skill');
    const key = this.skillParam(skill);
    const missing = await this.transactions.run(async (tx) => {
      if ((await this.lockDeclaredSkill(tx.manager, userId, key)) === null) return true;
      const [deleted]: [unknown[], number] = await tx.manager.query(
        'DELETE FROM skill_endorsements WHERE user_id = $1 AND skill = $2 AND endorser_id = $3 RETURNING 1',
        [userId, key, endorserId],
      );
      if (deleted.length === 0) return false;
      const endorsements = await this.endorsementCount(tx.manager, userId, key);
      await tx.emit({
        type: 'skill.unendorsed',
        payload: { userId, skill: key, endorserId, endorsements },
        audience: [],
        actorId: endorserId,
      });
      return false;
    });
    if (missing) await this.skillNotFound(userId);
  }

  // ---- internals -------------------------------------------------------------------------

  private async skillRows(userId: string, viewerId: string | null): Promise<ProfileSkillView[]> {
    const rows: { name: string; skill: string; endorsements: number; endorsed_by_me: boolean }[] = await this.db.query(
      `SELECT s.name, s.skill, count(e.endorser_id)::int AS endorsements,
              coalesce(bool_or(e.endorser_id = $2), false) AS endorsed_by_me
         FROM user_skills s
         LEFT JOIN skill_endorsements e ON e.user_id = s.user_id AND e.skill = s.skill
        WHERE s.user_id = $1
        GROUP BY s.user_id, s.skill
        ORDER BY s.position`,
      [userId, viewerId],
    );
    return rows.map((r) => ({ name: r.name, skill: r.skill, endorsements: r.endorsements, endorsedByMe: r.endorsed_by_me }));
  }

  /** Follows of one person, newest first, keyset-paged on (created_at, the other person's id). */
  private async followPage(
    userId: string,
    page: PageQuery,
    own: 'follower_id' | 'followee_id',
    other: 'follower_id' | 'followee_id',
  ): Promise<Page<UserSummary>> {
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    await this.requireUser(userId);
    const params = new SqlParams();
    const [user, take] = [params.add(userId), params.add(page.limit + 1)];
    const rows: FollowRow[] = await this.db.query(
      `SELECT ${other} AS id, created_at FROM follows
        WHERE ${own} = ${user} ${after ? `AND ${params.keyset(`created_at, ${other}`, '<', after)}` : ''}
        ORDER BY created_at DESC, ${other} DESC
        LIMIT ${take}`,
      params.values,
    );
    // A person deleted between the two reads is gone from the follows too (CASCADE); skip them.
    return this.identity.peoplePage(
      rows,
      page.limit,
      (r) => r.id,
      (r) => [r.created_at, r.id],
      (_r, person) => person,
    );
  }

  private async requireUser(userId: string): Promise<void> {
    if (!(await this.identity.summaries([userId])).has(userId)) throw notFound('User');
  }

  /** A skill from a URL: any spelling; one that cannot be declared is simply not found. */
  private skillParam(skill: string): string {
    const key = skillKey(skill);
    if (!key || key.length > MAX_SKILL_KEY_LENGTH || key.includes('\u0000')) throw notFound('Skill');
    return key;
  }

  private async skillNotFound(userId: string): Promise<never> {
    await this.requireUser(userId);
    throw notFound('Skill');
  }
}

function fieldsOf(profile: ProfileEntity | null | undefined): ProfileFields {
  if (!profile) return { ...EMPTY_PROFILE };
  return { title: profile.title, department: profile.department, location: profile.location, bio: profile.bio };
}
