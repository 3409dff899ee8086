import { renderMarkdown } from '@ruche/platform';
import type { GroupCardView, GroupEventView, GroupView } from './dto.js';
import type { GroupRole, GroupVisibility } from './group-rules.js';

/** A `groups` row as the queries below select it. */
export interface GroupRow {
  id: string;
  name: string;
  handle: string;
  description: string;
  guidelines: string;
  /** NULL for groups written before #14: rendered on read. */
  description_html: string | null;
  guidelines_html: string | null;
  visibility: GroupVisibility;
  member_count: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
}

export const GROUP_COLUMNS = (alias: string) =>
  [
    'id',
    'name',
    'handle',
    'description',
    'guidelines',
    'description_html',
    'guidelines_html',
    'visibility',
    'member_count',
    'created_by',
    'created_at',
    'updated_at',
  ]
    .map((column) => `${alias}.${column}`)
    .join(', ');

/** SQL list of the roles that make someone a member (a pending request does not). */
export const MEMBER_ROLES_SQL = `('owner', 'admin', 'member')`;

/**
 * The visibility rule as SQL, for the group aliased `g` and the viewer's membership row aliased
 * `m` (LEFT JOINed): public, or the viewer is a member. Same rule as `isReadable` in group-rules.
 */
export const readableSql = (g: string, m: string) => `(${g}.visibility = 'public' OR ${m}.role IN ${MEMBER_ROLES_SQL})`;

/**
 * For set-based readers in other modules (the home feed): a subquery listing the groups the user
 * given as a SQL expression (a parameter) belongs to, served index-only by group_memberships_user_idx.
 * The same rule as `GroupsService.memberGroupIds`, so a reader can fold it into one statement.
 */
export const memberGroupIdsSql = (user: string) =>
  `SELECT gm.group_id FROM group_memberships gm WHERE gm.user_id = ${user} AND gm.role IN ${MEMBER_ROLES_SQL}`;

/** SQL condition "this ban (aliased `b`) applies now": not lifted and not run out. */
export const activeBanSql = (b: string) => `(${b}.lifted_at IS NULL AND (${b}.until IS NULL OR ${b}.until > now()))`;

/** `%`, `_` and `\` in a search term match themselves. */
export const likePattern = (term: string) => `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export function toCardView(row: GroupRow, myRole: GroupRole | null): GroupCardView {
  return {
    id: row.id,
    name: row.name,
    handle: row.handle,
    description: row.description,
    descriptionHtml: row.description_html ?? renderMarkdown(row.description),
    visibility: row.visibility,
    memberCount: row.member_count,
    myRole,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function toGroupView(row: GroupRow, myRole: GroupRole | null): GroupView {
  return { ...toCardView(row, myRole), guidelines: row.guidelines, guidelinesHtml: row.guidelines_html ?? renderMarkdown(row.guidelines) };
}

export function toEventView(row: GroupRow): GroupEventView {
  const { myRole: _mine, ...view } = toGroupView(row, null);
  return view;
}
