import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { forbidden, hasPermission, notFound, Permission, rows } from '@ruche/platform';
import type { GroupFacts, GroupRole, Verdict } from './group-rules.js';
import { activeBanSql, GROUP_COLUMNS, type GroupRow } from './group-sql.js';

/** Whoever is asking: an authenticated user (roles decide site-wide moderation), or just an id. */
export interface GroupCaller {
  id: string;
  roles?: readonly string[];
}

export interface LoadedGroup {
  group: GroupRow;
  facts: GroupFacts;
}

/** Throws the error a refusal stands for; a hidden private group is always "Group not found". */
export function enforce(verdict: Verdict, forbiddenMessage?: string): void {
  switch (verdict) {
    case 'ok':
      return;
    case 'not_found':
      throw notFound('Group');
    case 'forbidden':
      throw forbidden(forbiddenMessage);
  }
}

/**
 * Loads a group with the facts every rule needs about one caller, in one query. Writers pass
 * `lock`: the group row is locked first (FOR NO KEY UPDATE, so posts may still reference it) and
 * the facts are read after the lock is granted, in a fresh statement, so they are current. Every
 * membership change takes this lock, which is what keeps the owner rule, the member count and
 * "banned means not a member" true under concurrency.
 */
@Injectable()
export class GroupAccess {
  async load(db: EntityManager, groupId: string, caller: GroupCaller, lock = false): Promise<LoadedGroup> {
    if (lock) {
      const locked = await rows(db, 'SELECT id FROM groups WHERE id = $1 FOR NO KEY UPDATE', [groupId]);
      if (locked.length === 0) throw notFound('Group');
    }
    const [row] = await rows<GroupRow & { my_role: GroupRole | null; banned: boolean }>(
      db,
      `SELECT ${GROUP_COLUMNS('g')}, m.role AS my_role,
              EXISTS (SELECT 1 FROM group_bans b WHERE b.group_id = g.id AND b.user_id = $2 AND ${activeBanSql('b')}) AS banned
         FROM groups g
         LEFT JOIN group_memberships m ON m.group_id = g.id AND m.user_id = $2
        WHERE g.id = $1`,
      [groupId, caller.id],
    );
    if (!row) throw notFound('Group');
    const { my_role, banned, ...group } = row;
    return {
      group,
      facts: {
        visibility: group.visibility,
        role: my_role,
        banned,
        moderator: hasPermission(caller.roles ?? [], Permission.ModerateContent),
      },
    };
  }

  /** Someone's row in a group (role or pending request), or null. */
  async roleOf(db: EntityManager, groupId: string, userId: string): Promise<{ role: GroupRole; joined_at: Date | null } | null> {
    const [row] = await rows<{ role: GroupRole; joined_at: Date | null }>(
      db,
      'SELECT role, joined_at FROM group_memberships WHERE group_id = $1 AND user_id = $2',
      [groupId, userId],
    );
    return row ?? null;
  }

  async ownerCount(db: EntityManager, groupId: string): Promise<number> {
    const [{ n }] = await rows<{ n: number }>(
      db,
      `SELECT count(*)::int AS n FROM group_memberships WHERE group_id = $1 AND role = 'owner'`,
      [groupId],
    );
    return n;
  }

  /** Owners and admins: who hears about join requests. */
  async managerIds(db: EntityManager, groupId: string): Promise<string[]> {
    const found = await rows<{ user_id: string }>(
      db,
      `SELECT user_id FROM group_memberships WHERE group_id = $1 AND role IN ('owner', 'admin')`,
      [groupId],
    );
    return found.map((r) => r.user_id);
  }

  /** Keeps `groups.member_count` exact: called in the transaction that added or removed a member. */
  async addToMemberCount(db: EntityManager, groupId: string, delta: 1 | -1): Promise<void> {
    await db.query('UPDATE groups SET member_count = member_count + $2 WHERE id = $1', [groupId, delta]);
  }
}
