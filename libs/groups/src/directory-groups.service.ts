import { Injectable } from '@nestjs/common';
import { IdentityService } from '@ruche/identity';
import { type AuthUser, notFound, rows, type Tx } from '@ruche/platform';
import { GroupCatalogService } from './group-catalog.service.js';
import { groupRoom, groupSubject, userRoom } from './group-events.js';
import { activeBanSql } from './group-sql.js';

/** A group as the company directory (SCIM) sees it. */
export interface DirectoryGroup {
  id: string;
  name: string;
  createdAt: Date;
  /** Members and admins, oldest first: the directory's list (owners are Ruche's, not the directory's). */
  memberIds: string[];
}

/**
 * Groups that the company's directory pushes (libs/scim): private groups owned by a Ruche admin,
 * whose members follow the directory's list. Changes go through the same rows, counter and events
 * as joining and removal, so sockets, timelines and notifications follow. The owners stay whatever
 * the list says (the directory does not know them); someone banned from the group is not added back.
 */
@Injectable()
export class DirectoryGroups {
  constructor(
    private readonly catalog: GroupCatalogService,
    private readonly identity: IdentityService,
  ) {}

  /** A new private group owned by `ownerId`, in the caller's transaction. */
  async create(tx: Tx, ownerId: string, name: string): Promise<string> {
    const owner = await this.caller(ownerId);
    const group = await this.catalog.create(owner, { name, visibility: 'private' });
    return group.id;
  }

  async rename(tx: Tx, groupId: string, name: string): Promise<void> {
    const [owner] = await rows<{ user_id: string }>(
      tx.manager,
      `SELECT user_id FROM group_memberships WHERE group_id = $1 AND role = 'owner' ORDER BY joined_at, user_id LIMIT 1`,
      [groupId],
    );
    if (!owner) throw notFound('Group');
    await this.catalog.update(await this.caller(owner.user_id), groupId, { name });
  }

  async get(db: Tx['manager'], groupIds: readonly string[]): Promise<Map<string, DirectoryGroup>> {
    if (groupIds.length === 0) return new Map();
    const found = await rows<{ id: string; name: string; created_at: Date; member_ids: string[] | null }>(
      db,
      `SELECT g.id, g.name, g.created_at,
              (SELECT array_agg(m.user_id ORDER BY m.joined_at, m.user_id) FROM group_memberships m
                WHERE m.group_id = g.id AND m.role IN ('member', 'admin')) AS member_ids
         FROM groups g WHERE g.id = ANY ($1::uuid[])`,
      [[...groupIds]],
    );
    return new Map(found.map((g) => [g.id, { id: g.id, name: g.name, createdAt: g.created_at, memberIds: g.member_ids ?? [] }]));
  }

  /**
   * Makes the members (other than owners) exactly `userIds`, under the group's row lock: two
   * updates of one group take turns, and the member count moves with each row.
   */
  async setMembers(tx: Tx, groupId: string, userIds: readonly string[]): Promise<void> {
    const locked = await rows(tx.manager, 'SELECT id FROM groups WHERE id = $1 FOR NO KEY UPDATE', [groupId]);
    if (locked.length === 0) throw notFound('Group');
    const current = await rows<{ user_id: string; role: string }>(
      tx.manager,
      `SELECT user_id, role FROM group_memberships WHERE group_id = $1`,
      [groupId],
    );
    const roles = new Map(current.map((m) => [m.user_id, m.role]));
    const wanted = new Set(userIds);
    const banned = new Set(
      (
        await rows<{ user_id: string }>(
          tx.manager,
          `SELECT b.user_id FROM group_bans b WHERE b.group_id = $1 AND b.user_id = ANY ($2::uuid[]) AND ${activeBanSql('b')}`,
          [groupId, [...wanted]],
        )
      ).map((b) => b.user_id),
    );
    const toAdd = [...wanted].filter((id) => !banned.has(id) && (roles.get(id) === undefined || roles.get(id) === 'pending'));
    const toRemove = [...roles]
      .filter(([id, role]) => !wanted.has(id) && (role === 'member' || role === 'admin'))
      .map(([id]) => id);
    const people = await this.identity.summaries(toAdd);
    for (const userId of toAdd) {
      const person = people.get(userId);
      if (!person) continue;
      await tx.manager.query(
        `INSERT INTO group_memberships (group_id, user_id, role, joined_at) VALUES ($1, $2, 'member', now())
         ON CONFLICT ON CONSTRAINT group_memberships_pkey DO UPDATE SET role = 'member', joined_at = now()`,
        [groupId, userId],
      );
      await tx.emit({
        type: 'group.member_joined',
        payload: { groupId, userId, user: person, role: 'member' },
        audience: [userRoom(userId), groupRoom(groupId)],
        subject: groupSubject(groupId),
        actorId: null,
      });
    }
    for (const userId of toRemove) {
      await tx.manager.query('DELETE FROM group_memberships WHERE group_id = $1 AND user_id = $2', [groupId, userId]);
      await tx.emit({
        type: 'group.member_removed',
        payload: { groupId, userId, reason: 'removed' },
        audience: [userRoom(userId)],
        subject: groupSubject(groupId),
        actorId: null,
      });
    }
    const added = toAdd.filter((id) => people.has(id)).length;
    if (added - toRemove.length !== 0) {
      await tx.manager.query('UPDATE groups SET member_count = member_count + $2 WHERE id = $1', [
        groupId,
        added - toRemove.length,
      ]);
    }
  }

  /** The owner acting (whatever their account's state: a directory group keeps its owner). */
  private async caller(userId: string): Promise<AuthUser> {
    const user = await this.identity.getUser(userId);
    return { id: user.id, handle: user.handle, displayName: user.displayName, roles: user.roles };
  }
}
