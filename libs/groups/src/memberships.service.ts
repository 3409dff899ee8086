import { Injectable } from '@nestjs/common';
import { IdentityService, summaryOf } from '@ruche/identity';
import {
  type AuthUser,
  conflict,
  Database,
  decodeCursor,
  forbidden,
  notFound,
  type Page,
  PageQuery,
  rows,
  SqlParams,
  toPage,
  Transactions,
  type Tx,
} from '@ruche/platform';
import type { JoinRequestView, JoinView, MemberListQuery, MemberView, MyJoinRequestView, RequestDecisionView } from './dto.js';
import { enforce, GroupAccess } from './group-access.js';
import { groupRoom, groupSubject, userRoom } from './group-events.js';
import {
  canAssignRoles,
  canJoin,
  canManage,
  canRemove,
  type GroupRole,
  isMemberRole,
  isReadable,
  keepsAnOwner,
  type MemberRole,
} from './group-rules.js';
import { GROUP_COLUMNS, type GroupRow, MEMBER_ROLES_SQL, toCardView } from './group-sql.js';

interface MemberRow {
  user_id: string;
  role: MemberRole;
  joined_at: Date;
}

interface RequestRow {
  user_id: string;
  created_at: Date;
}

/**
 * Who is in a group: joining, join requests, leaving and removal, roles, the member list. Every
 * change locks the group row first (GroupAccess.load with `lock`), so changes to one group take
 * turns: the member count moves with each row, and the last owner check cannot be raced.
 * Another module's answers (people's names) are fetched before the transaction opens, so a
 * transaction never waits for a second pooled connection.
 */
@Injectable()
export class MembershipsService {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly access: GroupAccess,
    private readonly identity: IdentityService,
  ) {}

  /**
   * Idempotent. Public group: the caller becomes a member. Private group: a pending request the
   * owners and admins hear about. Someone banned: 403.
   */
  async join(user: AuthUser, groupId: string): Promise<JoinView> {
    return this.transactions.run(async (tx) => {
      const { group, facts } = await this.access.load(tx.manager, groupId, user, true);
      enforce(canJoin(facts), 'You are banned from this group');
      if (isMemberRole(facts.role)) return { groupId, myRole: facts.role };
      if (group.visibility === 'private') {
        if (facts.role === 'pending') return { groupId, myRole: 'pending' };
        await tx.manager.query(
          `INSERT INTO group_memberships (group_id, user_id, role) VALUES ($1, $2, 'pending')
           ON CONFLICT ON CONSTRAINT group_memberships_pkey DO NOTHING`,
          [groupId, user.id],
        );
        const managers = await this.access.managerIds(tx.manager, groupId);
        await tx.emit({
          type: 'group.join_requested',
          payload: { groupId, userId: user.id, user: summaryOf(user) },
          audience: managers.map(userRoom),
          subject: groupSubject(groupId),
          actorId: user.id,
        });
        return { groupId, myRole: 'pending' };
      }
      // Public: a request left over from when the group was private becomes a membership.
      const joined = await rows(
        tx.manager,
        `INSERT INTO group_memberships (group_id, user_id, role, joined_at) VALUES ($1, $2, 'member', now())
         ON CONFLICT ON CONSTRAINT group_memberships_pkey DO UPDATE SET role = 'member', joined_at = now()
         WHERE group_memberships.role = 'pending'
         RETURNING 1`,
        [groupId, user.id],
      );
      // Under the group lock the row is always new (or was pending); counted only if it really changed.
      if (joined.length === 0) return { groupId, myRole: 'member' };
      await this.access.addToMemberCount(tx.manager, groupId, 1);
      await tx.emit({
        type: 'group.member_joined',
        payload: { groupId, userId: user.id, user: summaryOf(user), role: 'member' },
        audience: [userRoom(user.id), groupRoom(groupId)],
        subject: groupSubject(groupId),
        actorId: user.id,
      });
      return { groupId, myRole: 'member' };
    });
  }

  /** Pending join requests, oldest first (owners and admins). */
  async requests(viewer: AuthUser, groupId: string, page: PageQuery): Promise<Page<JoinRequestView>> {
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    const { facts } = await this.access.load(this.db.manager, groupId, viewer);
    enforce(canManage(facts), 'Only the group’s owners and admins can see join requests');
    const params = new SqlParams();
    const [group, take] = [params.add(groupId), params.add(page.limit + 1)];
    const found = await rows<RequestRow>(
      this.db.manager,
      `SELECT user_id, created_at FROM group_memberships
        WHERE group_id = ${group} AND role = 'pending' ${after ? `AND ${params.keyset('created_at, user_id', '>', after)}` : ''}
        ORDER BY created_at, user_id
        LIMIT ${take}`,
      params.values,
    );
    return this.identity.peoplePage(
      found,
      page.limit,
      (r) => r.user_id,
      (r) => [r.created_at, r.user_id],
      (r, user) => ({ user, requestedAt: r.created_at.toISOString() }),
    );
  }

  /**
   * My pending requests, newest first, each with the group's card (which a pending requester may
   * see: `canSeeCard`). Withdrawing one is `remove` on myself.
   */
  async myRequests(userId: string, page: PageQuery): Promise<Page<MyJoinRequestView>> {
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    const params = new SqlParams();
    const [user, take] = [params.add(userId), params.add(page.limit + 1)];
    const found = await rows<GroupRow & { requested_at: Date }>(
      this.db.manager,
      `SELECT ${GROUP_COLUMNS('g')}, m.created_at AS requested_at
         FROM group_memberships m
         JOIN groups g ON g.id = m.group_id
        WHERE m.user_id = ${user} AND m.role = 'pending'
          ${after ? `AND ${params.keyset('m.created_at, m.group_id', '<', after)}` : ''}
        ORDER BY m.created_at DESC, m.group_id DESC
        LIMIT ${take}`,
      params.values,
    );
    return toPage(
      found,
      page.limit,
      (r) => [r.requested_at, r.id],
      ({ requested_at, ...group }) => ({ group: toCardView(group, 'pending'), requestedAt: requested_at.toISOString() }),
    );
  }

  async approve(actor: AuthUser, groupId: string, userId: string): Promise<RequestDecisionView> {
    const person = (await this.identity.summaries([userId])).get(userId);
    return this.transactions.run(async (tx) => {
      await this.requireManager(tx, actor, groupId);
      if (!person || (await this.access.roleOf(tx.manager, groupId, userId))?.role !== 'pending') throw notFound('Join request');
      await tx.manager.query(
        `UPDATE group_memberships SET role = 'member', joined_at = now(), decided_by = $3, decided_at = now()
          WHERE group_id = $1 AND user_id = $2`,
        [groupId, userId, actor.id],
      );
      await this.access.addToMemberCount(tx.manager, groupId, 1);
      await tx.emit({
        type: 'group.member_approved',
        payload: { groupId, userId, user: person, approvedBy: actor.id },
        audience: [userRoom(userId), groupRoom(groupId)],
        subject: groupSubject(groupId),
        actorId: actor.id,
      });
      return { groupId, userId, decision: 'approved', role: 'member' };
    });
  }

  async reject(actor: AuthUser, groupId: string, userId: string): Promise<RequestDecisionView> {
    return this.transactions.run(async (tx) => {
      await this.requireManager(tx, actor, groupId);
      if ((await this.access.roleOf(tx.manager, groupId, userId))?.role !== 'pending') throw notFound('Join request');
      await tx.manager.query('DELETE FROM group_memberships WHERE group_id = $1 AND user_id = $2', [groupId, userId]);
      await tx.emit({
        type: 'group.request_rejected',
        payload: { groupId, userId },
        audience: [userRoom(userId)],
        subject: groupSubject(groupId),
        actorId: actor.id,
      });
      return { groupId, userId, decision: 'rejected', role: null };
    });
  }

  /**
   * Leaving (self) or removing someone (owners: anyone; admins: members). A pending requester
   * may withdraw their own request. The last owner cannot leave: 409.
   */
  async remove(actor: AuthUser, groupId: string, userId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const { facts } = await this.access.load(tx.manager, groupId, actor, true);
      const self = actor.id === userId;
      let target: GroupRole | null;
      if (self) {
        target = facts.role;
        if (target === 'pending') {
          await tx.manager.query('DELETE FROM group_memberships WHERE group_id = $1 AND user_id = $2', [groupId, userId]);
          return;
        }
        if (!isMemberRole(target)) throw isReadable(facts) ? notFound('Member') : notFound('Group');
        if (!keepsAnOwner(target === 'owner' ? await this.access.ownerCount(tx.manager, groupId) : 0, target, null)) {
          throw conflict('The last owner cannot leave the group; make someone else owner first');
        }
      } else {
        enforce(canManage(facts), 'Only the group’s owners and admins can remove members');
        target = (await this.access.roleOf(tx.manager, groupId, userId))?.role ?? null;
        if (!isMemberRole(target)) throw notFound('Member');
        if (!canRemove(facts.role as MemberRole, target))
          throw forbidden('Admins can remove members only, not owners or other admins');
      }
      await tx.manager.query('DELETE FROM group_memberships WHERE group_id = $1 AND user_id = $2', [groupId, userId]);
      await this.access.addToMemberCount(tx.manager, groupId, -1);
      await tx.emit({
        type: 'group.member_removed',
        payload: { groupId, userId, reason: self ? 'left' : 'removed' },
        audience: [userRoom(userId)],
        subject: groupSubject(groupId),
        actorId: actor.id,
      });
    });
  }

  /** Owners set roles; `owner` shares ownership. The last owner cannot step down: 409. */
  async setRole(actor: AuthUser, groupId: string, userId: string, role: MemberRole): Promise<MemberView> {
    const person = (await this.identity.summaries([userId])).get(userId);
    return this.transactions.run(async (tx) => {
      const { facts } = await this.access.load(tx.manager, groupId, actor, true);
      enforce(canAssignRoles(facts), 'Only the group’s owners can change roles');
      const current = await this.access.roleOf(tx.manager, groupId, userId);
      if (!person || !current || !isMemberRole(current.role)) throw notFound('Member');
      const view = { user: person, role, joinedAt: current.joined_at!.toISOString() };
      if (current.role === role) return view;
      if (!keepsAnOwner(current.role === 'owner' ? await this.access.ownerCount(tx.manager, groupId) : 0, current.role, role)) {
        throw conflict('The last owner cannot step down; make someone else owner first');
      }
      await tx.manager.query('UPDATE group_memberships SET role = $3 WHERE group_id = $1 AND user_id = $2', [
        groupId,
        userId,
        role,
      ]);
      await tx.emit({
        type: 'group.role_changed',
        payload: { groupId, userId, role, previous: current.role },
        audience: [groupRoom(groupId), userRoom(userId)],
        subject: groupSubject(groupId),
        actorId: actor.id,
      });
      return view;
    });
  }

  /** Members in join order (optionally one role); 404 for a private group unless the viewer is a member. */
  async members(viewerId: string, groupId: string, query: MemberListQuery): Promise<Page<MemberView>> {
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const { facts } = await this.access.load(this.db.manager, groupId, { id: viewerId });
    if (!isReadable(facts)) throw notFound('Group');
    const params = new SqlParams();
    const [group, take] = [params.add(groupId), params.add(query.limit + 1)];
    const where = [`group_id = ${group}`, `role IN ${MEMBER_ROLES_SQL}`];
    if (query.role) where.push(`role = ${params.add(query.role)}`);
    if (after) where.push(params.keyset('joined_at, user_id', '>', after));
    const found = await rows<MemberRow>(
      this.db.manager,
      `SELECT user_id, role, joined_at FROM group_memberships
        WHERE ${where.join(' AND ')}
        ORDER BY joined_at, user_id
        LIMIT ${take}`,
      params.values,
    );
    return this.identity.peoplePage(
      found,
      query.limit,
      (r) => r.user_id,
      (r) => [r.joined_at, r.user_id],
      (r, user) => ({ user, role: r.role, joinedAt: r.joined_at.toISOString() }),
    );
  }

  private async requireManager(tx: Tx, actor: AuthUser, groupId: string): Promise<void> {
    const { facts } = await this.access.load(tx.manager, groupId, actor, true);
    enforce(canManage(facts), 'Only the group’s owners and admins can decide on join requests');
  }
}
