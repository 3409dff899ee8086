import { hasPermission, hasPermissionSql, Permission } from '../auth/permissions.js';
import { canonicalId } from '../validation/ids.js';
import type { ModerationState } from './content-targets.js';
import type { ScreeningResult } from './content-screening.js';

/**
 * The moderation visibility rule, said once for every content type and every read path (REST,
 * lists, feeds, search, notifications, realtime replay): `visible` content for everyone allowed to
 * see it otherwise; `held` content (blocked terms, pending review) for its author too; `hidden`
 * and `removed` content for moderators (Permission.ModerateContent), who see everything. Pure, so
 * it is unit-tested as SQL text and usable from any module's query builder.
 */

/** Who is looking, as far as moderation goes. */
export interface ModerationViewer {
  viewerId: string;
  /** Permission.ModerateContent: sees hidden, removed and held content (marked). */
  moderator: boolean;
}

/**
 * The viewer as moderation sees them: `user` is the account as authenticated now (its roles),
 * null or undefined for a gone or suspended account, which sees nothing more than anyone.
 */
export function moderationViewer(viewerId: string, user: { roles: readonly string[] } | null | undefined): ModerationViewer {
  return { viewerId, moderator: !!user && hasPermission(user.roles, Permission.ModerateContent) };
}

/** Where a content type keeps its moderation facts, in the table aliased `alias`. */
export interface ModeratedColumns {
  alias: string;
  /** The author column (`asker_id` for questions). */
  author?: string;
  /** The state column. */
  state?: string;
}

/**
 * How the viewer's id reaches the statement: a placeholder the caller binds at a fixed position
 * (`'$2'`), or a function that binds the id and answers its placeholder (a parameter collector's
 * `add`), or {@link inlineViewerId} for builders that take no parameters.
 */
export type ViewerBinding = string | ((viewerId: string) => string);

/**
 * The id as a SQL literal, for builders that take no parameters. Viewer ids come from
 * authentication; checked anyway, since it is written into the SQL: anything but an id is NULL,
 * which matches no author.
 */
export const inlineViewerId = (viewerId: string): string => {
  const id = canonicalId(viewerId);
  return id === null ? 'NULL' : `'${id}'`;
};

/**
 * SQL condition "the viewer may see the content row under moderation". For a moderator it is
 * always true; a fixed placeholder is still referenced then (typed), so callers pass the same
 * values either way, while a binding function adds nothing.
 */
export function moderationVisibleSql(viewer: ModerationViewer, on: ModeratedColumns, binding: ViewerBinding): string {
  if (viewer.moderator) return typeof binding === 'string' ? `(${binding}::uuid IS NOT NULL)` : 'TRUE';
  const state = `${on.alias}.${on.state ?? 'moderation_state'}`;
  const viewerId = typeof binding === 'string' ? binding : binding(viewer.viewerId);
  return `(${state} = 'visible' OR (${state} = 'held' AND ${on.alias}.${on.author ?? 'author_id'} = ${viewerId}::uuid))`;
}

/**
 * {@link moderationVisibleSql} for a statement that reads the viewer's roles itself (`roles`, a SQL
 * `text[]`): the moderator's rule where they grant Permission.ModerateContent, the others' otherwise.
 */
export function moderationVisibleForRolesSql(viewerId: string, roles: string, on: ModeratedColumns, binding: ViewerBinding): string {
  const others = moderationVisibleSql({ viewerId, moderator: false }, on, binding);
  return `(${hasPermissionSql(roles, Permission.ModerateContent)} IS TRUE OR ${others})`;
}

/** The same rule as {@link moderationVisibleSql}, for a row already read. */
export function visibleUnderModeration(viewer: ModerationViewer, content: { authorId: string; state: ModerationState }): boolean {
  if (content.state === 'visible' || viewer.moderator) return true;
  return content.state === 'held' && content.authorId === viewer.viewerId;
}

/** The state new content is written in, once screened. */
export const stateOnCreate = (screening: ScreeningResult): ModerationState => (screening.held ? 'held' : 'visible');

/**
 * The state content is left in by its author's edit: visible content edited into a blocked term is
 * held; held content stays held until reviewed; hidden and removed content stay so.
 */
export const stateAfterEdit = (current: ModerationState, screening: ScreeningResult): ModerationState =>
  screening.held && current === 'visible' ? 'held' : current;
