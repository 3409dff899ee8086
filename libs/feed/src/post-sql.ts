/**
 * The feed's read queries, as pure SQL builders. Pure on purpose (this file imports nothing):
 * bench/feed.bench.mjs transpiles and runs exactly these, so the benchmark measures what the app
 * runs.
 *
 * Every list is newest first by the keyset (created_at, id) and fetches `take` rows (the page
 * size plus one, to learn whether there is more). Every query that reads posts ANDs in the
 * visibility filter supplied by FeedVisibility, the one place that decides who sees a post.
 */

/** Collects positional parameters while a query is assembled. */
export class Params {
  readonly values: unknown[] = [];

  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

export interface SqlQuery {
  text: string;
  values: unknown[];
}

/** SQL condition "the viewer may see the post aliased `alias`", built by FeedVisibility. */
export type VisibilityFilter = (alias: string, params: Params) => string;

/** A post is readable while it is not deleted. */
export const notDeleted: VisibilityFilter = (alias) => `${alias}.deleted_at IS NULL`;

/** Who is looking, as far as moderation goes. */
export interface ModerationViewer {
  viewerId: string;
  /** Permission.ModerateContent: sees hidden, removed and held content (marked). */
  moderator: boolean;
}

/**
 * Moderation, for a post or a comment aliased `alias`: visible content for everyone, held content
 * (blocked terms, pending review) for its author too, everything for moderators.
 */
export function moderatedFor(viewer: ModerationViewer): VisibilityFilter {
  return (alias, params) =>
    viewer.moderator
      ? 'TRUE'
      : `(${alias}.moderation_state = 'visible' OR (${alias}.moderation_state = 'held' AND ${alias}.author_id = ${params.add(viewer.viewerId)}::uuid))`;
}

/**
 * Not deleted, and outside any group, or in a public group, or in one of `memberGroupIds`.
 * (`group_private` is false for posts outside groups: a CHECK constraint says so.) With `viewer`,
 * also the moderation rule ({@link moderatedFor}); the app always passes it.
 */
export function readableBy(memberGroupIds: readonly string[], viewer?: ModerationViewer): VisibilityFilter {
  return (alias, params) => {
    const readable = `${alias}.deleted_at IS NULL AND (NOT ${alias}.group_private OR ${alias}.group_id = ANY(${params.add(memberGroupIds)}::uuid[]))`;
    return viewer && !viewer.moderator ? `${readable} AND ${moderatedFor(viewer)(alias, params)}` : readable;
  };
}

export interface PostRow {
  id: string;
  author_id: string;
  group_id: string | null;
  group_private: boolean;
  body: string;
  created_at: Date;
  updated_at: Date;
  comment_count: number;
  like_count: number;
  celebrate_count: number;
  insightful_count: number;
  support_count: number;
  moderation_state: 'visible' | 'hidden' | 'removed' | 'held';
}

export const POST_COLUMNS = (alias = 'p') =>
  [
    'id',
    'author_id',
    'group_id',
    'group_private',
    'body',
    'created_at',
    'updated_at',
    'comment_count',
    'like_count',
    'celebrate_count',
    'insightful_count',
    'support_count',
    'moderation_state',
  ]
    .map((column) => `${alias}.${column}`)
    .join(', ');

/** Strictly after `before` in newest-first order; empty on the first page. */
function olderThan(alias: string, before: [Date, string] | null | undefined, params: Params): string {
  if (!before) return '';
  return `AND (${alias}.created_at, ${alias}.id) < (${params.add(before[0])}::timestamptz, ${params.add(before[1])}::uuid)`;
}

export interface ListWindow {
  take: number;
  before?: [Date, string] | null;
}

/**
 * Home: the viewer's own posts, company-wide posts of `authorIds` (the viewer and the people they
 * follow), and company-wide posts that mention the viewer.
 *
 * One small ordered index probe per author (LATERAL over posts_author_timeline_idx, index-only)
 * and one over the viewer's mentions, each cut at `take`, then merged: the cost grows with the
 * number of people followed, never with the size of the posts table.
 * The viewer's groups add one more probe each (posts_group_timeline_idx).
 */
export function homeFeedQuery(
  a: { viewerId: string; authorIds: string[]; groupIds: string[]; visible: VisibilityFilter } & ListWindow,
): SqlQuery {
  const params = new Params();
  const viewer = params.add(a.viewerId);
  const take = params.add(a.take);
  const authors = params.add(a.authorIds);
  const groups = params.add(a.groupIds);
  // Both branches share the cursor parameters.
  const before = olderThan('p', a.before, params);
  const text = `
    WITH candidates AS (
        SELECT c.id, c.created_at
          FROM unnest(${authors}::uuid[]) AS a(author_id)
         CROSS JOIN LATERAL (
               SELECT p.id, p.created_at
                 FROM posts p
                WHERE p.author_id = a.author_id
                  AND (p.group_id IS NULL OR p.author_id = ${viewer}::uuid)
                  AND ${a.visible('p', params)}
                  ${before}
                ORDER BY p.created_at DESC, p.id DESC
                LIMIT ${take}) c
        UNION
        SELECT c.id, c.created_at
          FROM unnest(${groups}::uuid[]) AS g(group_id)
         CROSS JOIN LATERAL (
               SELECT p.id, p.created_at
                 FROM posts p
                WHERE p.group_id = g.group_id
                  AND ${a.visible('p', params)}
                  ${before}
                ORDER BY p.created_at DESC, p.id DESC
                LIMIT ${take}) c
        UNION
        (SELECT p.id, p.created_at
           FROM post_mentions m
           JOIN posts p ON p.id = m.post_id
          WHERE m.user_id = ${viewer}::uuid
            AND p.group_id IS NULL
            AND ${a.visible('p', params)}
            ${before}
          ORDER BY p.created_at DESC, p.id DESC
          LIMIT ${take})
    ), page AS (
        SELECT id, created_at FROM candidates ORDER BY created_at DESC, id DESC LIMIT ${take}
    )
    SELECT ${POST_COLUMNS('p')}
      FROM page
      JOIN posts p ON p.id = page.id
     ORDER BY p.created_at DESC, p.id DESC`;
  return { text, values: params.values };
}

/** Company: every visible post that is company-wide or in a public group, newest first (posts_timeline_idx). */
export function companyFeedQuery(a: { visible: VisibilityFilter } & ListWindow): SqlQuery {
  const params = new Params();
  const text = `
    SELECT ${POST_COLUMNS('p')}
      FROM posts p
     WHERE NOT p.group_private
       AND ${a.visible('p', params)}
       ${olderThan('p', a.before, params)}
     ORDER BY p.created_at DESC, p.id DESC
     LIMIT ${params.add(a.take)}`;
  return { text, values: params.values };
}

/** Visible posts whose `column` equals `value`, newest first: one ordered index scan. */
function postsWhereQuery(column: 'group_id' | 'author_id', value: string, a: { visible: VisibilityFilter } & ListWindow): SqlQuery {
  const params = new Params();
  const text = `
    SELECT ${POST_COLUMNS('p')}
      FROM posts p
     WHERE p.${column} = ${params.add(value)}::uuid
       AND ${a.visible('p', params)}
       ${olderThan('p', a.before, params)}
     ORDER BY p.created_at DESC, p.id DESC
     LIMIT ${params.add(a.take)}`;
  return { text, values: params.values };
}

/** One group's visible posts, newest first (posts_group_timeline_idx). */
export const groupFeedQuery = (a: { groupId: string; visible: VisibilityFilter } & ListWindow): SqlQuery =>
  postsWhereQuery('group_id', a.groupId, a);

/** One author's visible posts, newest first (posts_author_timeline_idx). */
export const authorPostsQuery = (a: { authorId: string; visible: VisibilityFilter } & ListWindow): SqlQuery =>
  postsWhereQuery('author_id', a.authorId, a);

/** The visible posts among `ids` (any order). `lock` takes the row locks a write needs. */
export function postsByIdQuery(a: { ids: string[]; visible: VisibilityFilter; lock?: boolean }): SqlQuery {
  const params = new Params();
  const text = `
    SELECT ${POST_COLUMNS('p')}
      FROM posts p
     WHERE p.id = ANY(${params.add(a.ids)}::uuid[])
       AND ${a.visible('p', params)}
     ${a.lock ? 'FOR NO KEY UPDATE' : ''}`;
  return { text, values: params.values };
}

/** Per page: who each post mentions. */
export function mentionsOfPostsQuery(postIds: string[]): SqlQuery {
  return {
    text: 'SELECT post_id, user_id FROM post_mentions WHERE post_id = ANY($1::uuid[]) ORDER BY post_id, user_id',
    values: [postIds],
  };
}

/** Per page: the viewer's own reactions (post_reactions_pkey serves it). */
export function myReactionsQuery(viewerId: string, postIds: string[]): SqlQuery {
  return {
    text: 'SELECT post_id, kind FROM post_reactions WHERE post_id = ANY($1::uuid[]) AND user_id = $2::uuid ORDER BY post_id, kind',
    values: [postIds, viewerId],
  };
}
