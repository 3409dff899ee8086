import { Injectable } from '@nestjs/common';
import {
  type AuthUser,
  conflict,
  Database,
  decodeCursor,
  invalid,
  lockKey,
  notFound,
  type Page,
  renderMarkdown,
  rows,
  SqlParams,
  toPage,
  Transactions,
} from '@ruche/platform';
import type { GroupCardView, GroupListQuery, GroupView } from './dto.js';
import { enforce, GroupAccess } from './group-access.js';
import { firstFreeHandle, handleFromName, handleProblem } from './group-handle.js';
import { groupRoom, groupSubject, userRoom } from './group-events.js';
import { canManage, canSeeCard, type GroupRole, type GroupVisibility, isReadable } from './group-rules.js';
import {
  GROUP_COLUMNS,
  type GroupRow,
  likePattern,
  MEMBER_ROLES_SQL,
  readableSql,
  toCardView,
  toEventView,
  toGroupView,
} from './group-sql.js';

export interface NewGroup {
  name: string;
  description?: string | null;
  guidelines?: string | null;
  visibility: GroupVisibility;
  /** Omitted: made from the name (`-2`, `-3`, ... when taken). */
  handle?: string | null;
}

export interface GroupUpdate {
  name?: string | null;
  description?: string | null;
  guidelines?: string | null;
  visibility?: GroupVisibility | null;
  handle?: string | null;
}

const EDITABLE = ['name', 'handle', 'description', 'guidelines', 'visibility'] as const;

/** Groups themselves: create, find, read, edit the card and the community guidelines. */
@Injectable()
export class GroupCatalogService {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly access: GroupAccess,
  ) {}

  /** Any employee may create a group; they become its owner (and its first member). */
  async create(creator: AuthUser, input: NewGroup): Promise<GroupView> {
    if (input.handle != null) assertHandle(input.handle);
    return this.transactions.run(async (tx) => {
      const handle = input.handle ?? (await this.freeHandle(handleFromName(input.name)));
      const [row] = await rows<GroupRow>(
        tx.manager,
        `INSERT INTO groups (name, handle, description, guidelines, visibility, created_by, member_count, description_html, guidelines_html)
         VALUES ($1, $2, $3, $4, $5, $6, 1, $7, $8)
         ON CONFLICT (handle) DO NOTHING
         RETURNING ${GROUP_COLUMNS('groups')}`,
        [
          input.name,
          handle,
          input.description ?? '',
          input.guidelines ?? '',
          input.visibility,
          creator.id,
          renderMarkdown(input.description ?? ''),
          renderMarkdown(input.guidelines ?? ''),
        ],
      );
      if (!row) throw handleTaken(handle);
      await tx.manager.query(
        `INSERT INTO group_memberships (group_id, user_id, role, joined_at) VALUES ($1, $2, 'owner', now())`,
        [row.id, creator.id],
      );
      await tx.emit({
        type: 'group.created',
        payload: { group: toEventView(row) },
        audience: [userRoom(creator.id), groupRoom(row.id)],
        subject: groupSubject(row.id),
        actorId: creator.id,
      });
      return toGroupView(row, 'owner');
    });
  }

  /**
   * The first free handle from `base` (`base`, `base-2`, ...), inside the creating transaction:
   * creations from the same base are serialised on it, so two groups named alike never race for
   * one handle.
   */
  private async freeHandle(base: string): Promise<string> {
    await lockKey(this.db.manager, `group-handle:${base}`);
    const taken = await rows<{ handle: string }>(
      this.db.manager,
      `SELECT handle FROM groups WHERE handle = $1 OR handle LIKE $2`,
      [base, `${base.slice(0, 36)}%`],
    );
    return firstFreeHandle(base, new Set(taken.map((r) => r.handle)));
  }

  /**
   * The directory, newest first: public groups and the private groups the viewer belongs to
   * (`mine`: only groups they belong to), optionally by part of the name. Private groups of others
   * never appear, whatever the search.
   */
  async list(viewerId: string, query: GroupListQuery): Promise<Page<GroupCardView>> {
    const after = query.cursor ? decodeCursor(query.cursor) : null;
    const params = new SqlParams();
    const [viewer, take] = [params.add(viewerId), params.add(query.limit + 1)];
    const where = [readableSql('g', 'm')];
    if (query.mine) where.push(`m.role IN ${MEMBER_ROLES_SQL}`);
    if (query.q) where.push(`g.name ILIKE ${params.add(likePattern(query.q))}`);
    if (after) where.push(params.keyset('g.created_at, g.id', '<', after));
    const found = await rows<GroupRow & { my_role: GroupRole | null }>(
      this.db.manager,
      `SELECT ${GROUP_COLUMNS('g')}, m.role AS my_role
         FROM groups g
         LEFT JOIN group_memberships m ON m.group_id = g.id AND m.user_id = ${viewer}
        WHERE ${where.join(' AND ')}
        ORDER BY g.created_at DESC, g.id DESC
        LIMIT ${take}`,
      params.values,
    );
    return toPage(
      found,
      query.limit,
      (r) => [r.created_at, r.id],
      (r) => toCardView(r, r.my_role),
    );
  }

  /**
   * The group card with its guidelines; 404 for a private group unless the viewer is a member.
   * A pending requester of a private group gets the card alone (`myRole: "pending"`, no
   * guidelines): they see their request wait and may withdraw it; the content stays the members'.
   */
  async get(viewerId: string, groupId: string): Promise<GroupView | GroupCardView> {
    const { group, facts } = await this.access.load(this.db.manager, groupId, { id: viewerId });
    if (!canSeeCard(facts)) throw notFound('Group');
    return isReadable(facts) ? toGroupView(group, facts.role) : toCardView(group, facts.role);
  }

  /** Owners and admins edit the name, description, guidelines and visibility. */
  async update(actor: AuthUser, groupId: string, input: GroupUpdate): Promise<GroupView> {
    if (input.handle != null) assertHandle(input.handle);
    return this.transactions.run(async (tx) => {
      const { group, facts } = await this.access.load(tx.manager, groupId, actor, true);
      enforce(canManage(facts), 'Only the group’s owners and admins can edit it');
      const changed = EDITABLE.filter((field) => input[field] != null && input[field] !== group[field]);
      if (changed.length === 0) return toGroupView(group, facts.role);
      const next = { ...group, ...Object.fromEntries(changed.map((field) => [field, input[field]])) };
      if (changed.includes('handle')) await lockKey(tx.manager, `group-handle:${next.handle}`);
      const [row] = await rows<GroupRow>(
        tx.manager,
        `UPDATE groups SET name = $2, description = $3, guidelines = $4, visibility = $5, handle = $6, updated_at = now(),
                description_html = $7, guidelines_html = $8
          WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM groups o WHERE o.handle = $6 AND o.id <> $1)
         RETURNING ${GROUP_COLUMNS('groups')}`,
        [
          groupId,
          next.name,
          next.description,
          next.guidelines,
          next.visibility,
          next.handle,
          renderMarkdown(next.description),
          renderMarkdown(next.guidelines),
        ],
      );
      if (!row) throw handleTaken(next.handle);
      await tx.emit({
        type: 'group.updated',
        payload: { group: toEventView(row), changed: [...changed] },
        audience: [groupRoom(groupId)],
        subject: groupSubject(groupId),
        actorId: actor.id,
      });
      return toGroupView(row, facts.role);
    });
  }
}

function assertHandle(handle: string): void {
  const problem = handleProblem(handle);
  if (problem) throw invalid(problem);
}

/** Says that some group holds the handle, and nothing about which. */
const handleTaken = (handle: string) => conflict(`The handle "${handle}" is taken`);
