import { Injectable, OnModuleInit } from '@nestjs/common';
import {
  activeUnitOfWork,
  canonicalIdSet,
  Database,
  foundIds,
  isId,
  notFound,
  rows,
  SocketRooms,
  SubjectVisibility,
} from '@ruche/platform';
import { enforce, GroupAccess, type GroupCaller } from './group-access.js';
import { groupRoom } from './group-events.js';
import { canPost, isManagerRole } from './group-rules.js';
import { activeBanSql, MEMBER_ROLES_SQL, memberGroupIdsSql, readableSql } from './group-sql.js';

/**
 * What other modules may ask about groups (the feed, moderation, notifications, search). Answers
 * come for sets where a caller has many ids, so a page of posts costs one query, not one per post.
 * Also registers the group visibility rule (`group` subjects: realtime replay) and the socket room
 * source (`group:<id>` for each membership).
 */
@Injectable()
export class GroupsService implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly access: GroupAccess,
    private readonly subjects: SubjectVisibility,
    private readonly rooms: SocketRooms,
  ) {}

  onModuleInit(): void {
    this.subjects.register('group', (viewerId, ids) => this.readableGroupIds(viewerId, ids));
    this.rooms.register(async (userId) => (await this.memberGroupIds(userId)).map(groupRoom));
    // Live sockets follow memberships in the delivery order: no group event after a removal reaches
    // the removed member, and a new member hears everything after joining.
    this.rooms.onEvent('group.created', (e) => (e.actorId ? { userId: e.actorId, join: [groupRoom(e.payload.group.id)] } : null));
    this.rooms.onEvent('group.member_joined', (e) => ({ userId: e.payload.userId, join: [groupRoom(e.payload.groupId)] }));
    this.rooms.onEvent('group.member_approved', (e) => ({ userId: e.payload.userId, join: [groupRoom(e.payload.groupId)] }));
    this.rooms.onEvent('group.member_removed', (e) => ({ userId: e.payload.userId, leave: [groupRoom(e.payload.groupId)] }));
  }

  /** Groups `userId` belongs to (owner, admin or member; not pending requests). */
  async memberGroupIds(userId: string): Promise<string[]> {
    const found = await rows<{ group_id: string }>(this.db.manager, memberGroupIdsSql('$1'), [userId]);
    return found.map((m) => m.group_id);
  }

  /** Which of `groupIds` the viewer may read: the public ones and the private ones they belong to. */
  async readableGroupIds(viewerId: string, groupIds: readonly string[]): Promise<Set<string>> {
    return foundIds(this.db.manager, groupIds, (ids) => ({
      text: `SELECT g.id FROM groups g
               LEFT JOIN group_memberships m ON m.group_id = g.id AND m.user_id = $2
              WHERE g.id = ANY ($1::uuid[]) AND ${readableSql('g', 'm')}`,
      values: [ids, viewerId],
    }));
  }

  /**
   * Inside a transaction that writes content into the group: throws unless the author may post
   * there (`notFound('Group')` when it does not exist or is private and they are not a member;
   * `forbidden` when it is public and they are not a member, or they are banned), and answers
   * whether the group is private. The group row is share-locked until the caller commits: a
   * visibility or membership change (which locks it for update) waits for the write, or the write
   * waits for it and reads the new state. So content is never written public into a group that
   * has just gone private, nor by a member who has just been removed.
   */
  async lockForPosting(author: GroupCaller, groupId: string): Promise<boolean> {
    if (!activeUnitOfWork()) throw new Error('lockForPosting must run inside the writing transaction');
    if (!isId(groupId)) throw notFound('Group');
    const locked = await rows(this.db.manager, 'SELECT id FROM groups WHERE id = $1 FOR SHARE', [groupId]);
    if (locked.length === 0) throw notFound('Group');
    const { facts } = await this.access.load(this.db.manager, groupId, { id: author.id });
    enforce(canPost(facts), facts.banned ? 'You are banned from this group' : 'Only members can post in this group');
    return facts.visibility === 'private';
  }

  /** Owner or admin of the group (who may moderate its content). */
  async isGroupModerator(userId: string, groupId: string): Promise<boolean> {
    if (!isId(groupId)) return false;
    const role = await this.access.roleOf(this.db.manager, groupId, userId);
    return isManagerRole(role?.role);
  }

  /** Banned from the group right now (not lifted, not run out). */
  async isBanned(userId: string, groupId: string): Promise<boolean> {
    if (!isId(groupId)) return false;
    const found = await rows(
      this.db.manager,
      `SELECT 1 FROM group_bans b WHERE b.group_id = $1 AND b.user_id = $2 AND ${activeBanSql('b')}`,
      [groupId, userId],
    );
    return found.length > 0;
  }

  /** Which of `groupIds` exist and are private (the feed keeps this on its posts). */
  async privateGroupIds(groupIds: readonly string[]): Promise<Set<string>> {
    return foundIds(this.db.manager, groupIds, (ids) => ({
      text: `SELECT id FROM groups WHERE id = ANY ($1::uuid[]) AND visibility = 'private'`,
      values: [ids],
    }));
  }

  /** Which of `userIds` belong to the group (owners, admins, members). */
  async membersAmong(groupId: string, userIds: readonly string[]): Promise<Set<string>> {
    if (!isId(groupId) || userIds.length === 0) return new Set();
    const found = await rows<{ user_id: string }>(
      this.db.manager,
      `SELECT user_id FROM group_memberships WHERE group_id = $1 AND user_id = ANY ($2::uuid[]) AND role IN ${MEMBER_ROLES_SQL}`,
      [groupId, canonicalIdSet(userIds)],
    );
    return new Set(found.map((m) => m.user_id));
  }

  /** The group with this handle (any case), for the email bridge; null when there is none. */
  async idByHandle(handle: string): Promise<string | null> {
    const [found] = await rows<{ id: string }>(this.db.manager, 'SELECT id FROM groups WHERE handle = lower($1)', [handle]);
    return found?.id ?? null;
  }

  /** Names of the groups among `groupIds` (for digests; callers check who may read them). */
  async names(groupIds: readonly string[]): Promise<Map<string, string>> {
    const ids = canonicalIdSet(groupIds);
    if (ids.length === 0) return new Map();
    const found = await rows<{ id: string; name: string }>(
      this.db.manager,
      'SELECT id, name FROM groups WHERE id = ANY ($1::uuid[])',
      [ids],
    );
    return new Map(found.map((r) => [r.id, r.name]));
  }

  /** The groups the person owns or administers. */
  async managedGroupIds(userId: string): Promise<string[]> {
    const found = await rows<{ group_id: string }>(
      this.db.manager,
      `SELECT group_id FROM group_memberships WHERE user_id = $1 AND role IN ('owner', 'admin')`,
      [userId],
    );
    return found.map((m) => m.group_id);
  }

  /** The group's owners and admins (who hear about join requests, who read its health). */
  async managerIds(groupId: string): Promise<string[]> {
    if (!isId(groupId)) return [];
    return this.access.managerIds(this.db.manager, groupId);
  }

  /** Everyone in the group (owners, admins, members; not pending requests). */
  async memberIds(groupId: string): Promise<string[]> {
    if (!isId(groupId)) return [];
    const found = await rows<{ user_id: string }>(
      this.db.manager,
      `SELECT user_id FROM group_memberships WHERE group_id = $1 AND role IN ${MEMBER_ROLES_SQL}`,
      [groupId],
    );
    return found.map((m) => m.user_id);
  }
}
