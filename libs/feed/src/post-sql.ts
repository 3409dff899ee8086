/**
 * The feed's read queries, as pure SQL builders. Pure on purpose (this file imports only the
 * platform's parameter builder, itself import-free): bench/feed.bench.mjs transpiles and runs
 * exactly these, so the benchmark measures what the app runs.
 *
 * Every list is newest first by the keyset (created_at, id) and fetches `take` rows (the page
 * size plus one, to learn whether there is more). Every query that reads posts ANDs in the
 * visibility filter supplied by FeedVisibility, the one place that decides who sees a post.
 */
import { SqlParams, type SqlText } from '@ruche/platform';

/**
 * A list of ids computed by the database inside the same statement (a `uuid[]` expression), for
 * readers that fold what they would otherwise ask first (the viewer's groups) into one query.
 */
export interface SqlList {
  sql: string;
}

/** SQL condition "the viewer may see the post aliased `alias`", built by FeedVisibility. */
export type VisibilityFilter = (alias: string, params: SqlParams) => string;

/** A post is readable while it is not deleted. */
export const notDeleted: VisibilityFilter = (alias) => `${alias}.deleted_at IS NULL`;

/**
 * Not deleted, and outside any group, or in a public group, or in one of `memberGroupIds`.
 * (`group_private` is false for posts outside groups: a CHECK constraint says so.) With
 * `moderated`, also the moderation rule (platform's `moderationVisibleSql`, passed in by
 * FeedVisibility so this file stays dependency-free); the app passes it for all but moderators.
 */
export function readableBy(memberGroupIds: readonly string[] | SqlList, moderated?: VisibilityFilter): VisibilityFilter {
  return (alias, params) => {
    const groups = 'sql' in memberGroupIds ? memberGroupIds.sql : `${params.add(memberGroupIds)}::uuid[]`;
    const readable = `${alias}.deleted_at IS NULL AND (NOT ${alias}.group_private OR ${alias}.group_id = ANY(${groups}))`;
    return moderated ? `${readable} AND ${moderated(alias, params)}` : readable;
  };
}

export interface PostRow {
  id: string;
  author_id: string;
  group_id: string | null;
  group_private: boolean;
  body: string;
  /** NULL for posts written before #14: rendered on read. */
  body_html: string | null;
  created_at: Date;
  updated_at: Date;
  comment_count: number;
  like_count: number;
  celebrate_count: number;
  insightful_count: number;
  support_count: number;
  moderation_state: 'visible' | 'hidden' | 'removed' | 'held';
  /** Files attached (libs/files): their views are asked for only when a page has some. */
  attachment_count: number;
  /** Carries a poll (post_polls): polls are asked for only when a page has some. */
  has_poll: boolean;
  /** May mention someone (post_mentions): looked up only for the posts that may. */
  has_mentions: boolean;
}

export const POST_COLUMNS = (alias = 'p') =>
  [
    'id',
    'author_id',
    'group_id',
    'group_private',
    'body',
    'body_html',
    'created_at',
    'updated_at',
    'comment_count',
    'like_count',
    'celebrate_count',
    'insightful_count',
    'support_count',
    'moderation_state',
    'attachment_count',
    'has_poll',
    'has_mentions',
  ]
    .map((column) => `${alias}.${column}`)
    .join(', ');

/** Strictly after `before` in newest-first order; empty on the first page. */
function olderThan(alias: string, before: [Date, string] | null | undefined, params: SqlParams): string {
  if (!before) return '';
  return `AND ${params.keyset(`${alias}.created_at, ${alias}.id`, '<', before)}`;
}

export interface ListWindow {
  take: number;
  before?: [Date, string] | null;
}

/**
 * The home branches read live, as one UNION of candidate (id, created_at) rows, each cut at `take`:
 * one ordered probe per author in `authors` (company-wide posts, and the viewer's own anywhere;
 * posts_author_timeline_idx), one per group in `groups` (posts_group_timeline_idx), and the
 * viewer's mentions. `viewer`, `authors` and `groups` are SQL expressions (uuid, uuid[], uuid[]).
 */
function liveHomeBranches(
  a: {
    viewer: string;
    authors: string;
    groups: string;
    visible: VisibilityFilter;
    take: string;
    before: string;
    /** No older than this (when given): a post older than that cannot make the page. */
    since?: string;
    /** The post columns each branch returns (default: id and created_at, deduplicated by UNION). */
    columns?: string;
  },
  params: SqlParams,
): string {
  const since = a.since ? `AND p.created_at >= ${a.since}` : '';
  const columns = a.columns ?? 'p.id, p.created_at';
  // Whole rows are not compared to deduplicate (their text would be hashed): the caller does it by id.
  const union = a.columns ? 'UNION ALL' : 'UNION';
  return `
        SELECT c.*
          FROM unnest(${a.authors}) AS a(author_id)
         CROSS JOIN LATERAL (
               SELECT ${columns}
                 FROM posts p
                WHERE p.author_id = a.author_id
                  AND (p.group_id IS NULL OR p.author_id = ${a.viewer})
                  AND ${a.visible('p', params)}
                  ${a.before}
                  ${since}
                ORDER BY p.created_at DESC, p.id DESC
                LIMIT ${a.take}) c
        ${union}
        SELECT c.*
          FROM unnest(${a.groups}) AS g(group_id)
         CROSS JOIN LATERAL (
               SELECT ${columns}
                 FROM posts p
                WHERE p.group_id = g.group_id
                  AND ${a.visible('p', params)}
                  ${a.before}
                  ${since}
                ORDER BY p.created_at DESC, p.id DESC
                LIMIT ${a.take}) c
        ${union}
        (SELECT ${columns}
           FROM post_mentions m
           JOIN posts p ON p.id = m.post_id
          WHERE m.user_id = ${a.viewer}
            AND p.group_id IS NULL
            AND ${a.visible('p', params)}
            ${a.before}
            ${since}
          ORDER BY p.created_at DESC, p.id DESC
          LIMIT ${a.take})`;
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
): SqlText {
  const params = new SqlParams();
  const viewer = `${params.add(a.viewerId)}::uuid`;
  const take = params.add(a.take);
  const authors = `${params.add(a.authorIds)}::uuid[]`;
  const groups = `${params.add(a.groupIds)}::uuid[]`;
  // Every branch shares the cursor parameters.
  const before = olderThan('p', a.before, params);
  const text = `
    WITH candidates AS (${liveHomeBranches({ viewer, authors, groups, visible: a.visible, take, before }, params)}
    ), page AS (
        SELECT id, created_at FROM candidates ORDER BY created_at DESC, id DESC LIMIT ${take}
    )
    SELECT ${POST_COLUMNS('p')}
      FROM page
      JOIN posts p ON p.id = page.id
     ORDER BY p.created_at DESC, p.id DESC`;
  return { text, values: params.values };
}

/** The caller's roles as the home query reads them with its caller check: pass it to the visibility filter. */
export const CALLER_ROLES = '(SELECT roles FROM caller)';

/** Where the home query computes the viewer's groups: pass it to the visibility filter. */
// The cast makes `= ANY(...)` compare with the array's elements (without it, with the subquery's rows).
export const HOME_MEMBER_GROUPS: SqlList = { sql: '(SELECT ids FROM my_groups)::uuid[]' };

/** The owners' SQL for the follow graph and memberships (people and groups), passed in to keep this file pure. */
export interface HomeGraphSql {
  followeeIds: (follower: string) => string;
  follows: (follower: string, followee: string) => string;
  memberGroupIds: (user: string) => string;
}

/**
 * A home page row: the post, its author (`Author`: `people.columns` prefixed `author.`, null on the
 * empty page's row), who it mentions, the viewer's reactions, and the state of the viewer's timeline.
 */
export type HomePageRow<Person = unknown, Author = unknown> = PostRow & Author & {
  mention_ids: string[];
  my_reactions: string[];
  /** The people mentioned, as `people.json` built them (null when the post mentions nobody). */
  people: Person[] | null;
  /** The statement found the caller (session and account, see `caller`): nothing else is used otherwise. */
  authenticated: boolean;
  /** The page was read from the written timeline (else computed as {@link homeFeedQuery} does). */
  cached: boolean;
  /** Entries at or before this date may have been trimmed away (null: nothing trimmed). */
  trimmed_before: Date | null;
  /** When the viewer last read their home feed, as recorded (null: never). */
  last_read_at: Date | null;
  built_at: Date | null;
};

/**
 * Home, in one statement (see home-timelines.ts), the caller check included: the same posts as
 * {@link homeFeedQuery}, read from the viewer's written timeline when it is built and they are
 * active (`activeDays`), else computed (`fallback` forces that). Every row still passes `visible`
 * (built with {@link HOME_MEMBER_GROUPS} and {@link CALLER_ROLES}) and a timeline entry shows only while the post is company-wide: the
 * timeline is a cache of candidates, never a grant. It does not re-check that the author is still
 * followed: an unfollow deletes those entries in its own transaction (HomeTimelines.forget). That
 * check cost the most: the planner took it to drop most entries, so it read the whole timeline
 * and sorted it; without it the branch walks home_timelines_pkey backwards, one posts_pkey probe
 * per entry, and stops after `take` rows (a few more when some are no longer visible), on page 5
 * as on page 1.
 *
 * Branches, each cut at `take` and merged: the timeline (an index range of home_timelines, so the
 * rows read do not grow with the number of people followed); the authors probed at read time
 * (the viewer, plus the big authors they follow, or every followee in the fallback); the viewer's
 * groups; posts mentioning the viewer. When the timeline fills the page, the live branches read
 * nothing older than its last entry (they could not make the page). Each branch returns the post
 * rows it read (so the page is not read again), deduplicated by id on the way to the page. The
 * page carries its mentions and the viewer's reactions, and one row comes back even when the page
 * is empty (post columns null) to report the state.
 */
export function homeTimelineQuery(
  a: {
    viewerId: string;
    visible: VisibilityFilter;
    graph: HomeGraphSql;
    activeDays: number;
    fallback: boolean;
    /**
     * A person's summary from the `users` row aliased `users` (identity's): as one JSON value, and
     * as columns named `<prefix><field>`.
     */
    people: { json: (users: string) => string; columns: (users: string, prefix: string) => string };
    /**
     * The caller check (identity's `callerSql`): the token's session and version, checked in this
     * statement; `authenticated` says whether it found the caller, and the caller's roles
     * (`CALLER_ROLES`) are what `visible` reads.
     */
    caller: {
      sessionId: string;
      tokenVersion: number;
      sql: (at: { id: string; sessionId: string; tokenVersion: string }, columns: string) => string;
    };
  } & ListWindow,
): SqlText {
  const params = new SqlParams();
  const viewer = `${params.add(a.viewerId)}::uuid`;
  // Written into the text, not a parameter: the app prepares this statement, and a generic plan
  // takes `LIMIT $n` for 10% of the rows, which costs it ~2.5 times the custom plans, so PostgreSQL
  // never switched to it and planned every call. A constant gives the generic plan the custom
  // plans' cost (the same backward walk of home_timelines_pkey) and it is kept after five calls.
  // A text per page size: the app's pages are 1 to 100 long.
  if (!Number.isSafeInteger(a.take) || a.take < 1) throw new RangeError(`take must be a positive integer, got ${a.take}`);
  const take = String(a.take);
  const before = olderThan('p', a.before, params);
  const entriesBefore = a.before ? `AND ${params.keyset('t.post_created_at, t.post_id', '<', a.before)}` : '';
  // `since`: when the timeline fills the page, nothing older than its last entry can make it, so
  // the live branches stop there: a big author's probe reads the few posts of the page's hours
  // instead of their newest `take`. A timeline short of a page (or not used) sets no bound.
  const caller = a.caller.sql(
    { id: viewer, sessionId: `${params.add(a.caller.sessionId)}::uuid`, tokenVersion: `${params.add(a.caller.tokenVersion)}::int` },
    'u.roles',
  );
  const text = `
    WITH caller AS (${caller}
    ), reader AS (
        SELECT r.built_at, r.last_read_at, r.trimmed_before,
               r.built_at IS NOT NULL AND r.last_read_at > now() - make_interval(days => ${params.add(a.activeDays)}::int)
                 AND NOT ${params.add(a.fallback)}::boolean AS cached
          FROM home_timeline_readers r
         WHERE r.user_id = ${viewer}
    ), mode AS (
        SELECT EXISTS (SELECT 1 FROM caller) AS authenticated,
               coalesce((SELECT cached FROM reader), false) AS cached,
               (SELECT trimmed_before FROM reader) AS trimmed_before,
               (SELECT last_read_at FROM reader) AS last_read_at,
               (SELECT built_at FROM reader) AS built_at
    ), my_groups AS (
        SELECT ARRAY(${a.graph.memberGroupIds(viewer)}) AS ids
    ), probed AS (
        SELECT CASE WHEN (SELECT cached FROM mode)
                    THEN ARRAY(SELECT b.author_id FROM home_timeline_big_authors b WHERE ${a.graph.follows(viewer, 'b.author_id')})
                    ELSE ARRAY(${a.graph.followeeIds(viewer)})
               END || ${viewer} AS ids
    ), written AS (
        SELECT ${POST_COLUMNS('p')}
          FROM home_timelines t
          JOIN posts p ON p.id = t.post_id
         WHERE t.user_id = ${viewer}
           AND (SELECT cached FROM mode)
           ${entriesBefore}
           AND p.group_id IS NULL
           AND ${a.visible('p', params)}
         ORDER BY t.post_created_at DESC, t.post_id DESC
         LIMIT ${take}
    ), since AS (
        SELECT CASE WHEN count(*) = ${take} THEN min(created_at) ELSE '-infinity' END AS at FROM written
    ), candidates AS (
        SELECT * FROM written
        UNION ALL${liveHomeBranches(
          {
            viewer,
            authors: '(SELECT ids FROM probed)',
            groups: '(SELECT ids FROM my_groups)',
            visible: a.visible,
            take,
            before,
            since: '(SELECT at FROM since)',
            columns: POST_COLUMNS('p'),
          },
          params,
        )}
    ), page AS (
        SELECT DISTINCT ON (created_at, id) * FROM candidates ORDER BY created_at DESC, id DESC LIMIT ${take}
    )
    SELECT mode.authenticated, mode.cached, mode.trimmed_before, mode.last_read_at, mode.built_at, ${POST_COLUMNS('p')}, m.mention_ids,
           ARRAY(SELECT pr.kind::text FROM post_reactions pr WHERE pr.post_id = p.id AND pr.user_id = ${viewer} ORDER BY pr.kind) AS my_reactions,
           ${a.people.columns('author', 'author.')},
           CASE WHEN cardinality(m.mention_ids) > 0
                THEN (SELECT json_agg(${a.people.json('u')}) FROM users u WHERE u.id = ANY(m.mention_ids)) END AS people
      FROM mode
      LEFT JOIN (page p
                 JOIN users author ON author.id = p.author_id
                 CROSS JOIN LATERAL (SELECT CASE WHEN p.has_mentions
                                                 THEN ARRAY(SELECT pm.user_id FROM post_mentions pm WHERE pm.post_id = p.id ORDER BY pm.user_id)
                                                 ELSE '{}' END AS mention_ids) m)
             ON TRUE
     ORDER BY p.created_at DESC, p.id DESC`;
  return { text, values: params.values };
}

/** Company: every visible post that is company-wide or in a public group, newest first (posts_timeline_idx). */
export function companyFeedQuery(a: { visible: VisibilityFilter } & ListWindow): SqlText {
  const params = new SqlParams();
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
function postsWhereQuery(column: 'group_id' | 'author_id', value: string, a: { visible: VisibilityFilter } & ListWindow): SqlText {
  const params = new SqlParams();
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
export const groupFeedQuery = (a: { groupId: string; visible: VisibilityFilter } & ListWindow): SqlText =>
  postsWhereQuery('group_id', a.groupId, a);

/** One author's visible posts, newest first (posts_author_timeline_idx). */
export const authorPostsQuery = (a: { authorId: string; visible: VisibilityFilter } & ListWindow): SqlText =>
  postsWhereQuery('author_id', a.authorId, a);

/** The visible posts among `ids` (any order). `lock` takes the row locks a write needs. */
export function postsByIdQuery(a: { ids: string[]; visible: VisibilityFilter; lock?: boolean }): SqlText {
  const params = new SqlParams();
  const text = `
    SELECT ${POST_COLUMNS('p')}
      FROM posts p
     WHERE p.id = ANY(${params.add(a.ids)}::uuid[])
       AND ${a.visible('p', params)}
     ${a.lock ? 'FOR NO KEY UPDATE' : ''}`;
  return { text, values: params.values };
}

/** Per page: who each post mentions. */
export function mentionsOfPostsQuery(postIds: string[]): SqlText {
  return {
    text: 'SELECT post_id, user_id FROM post_mentions WHERE post_id = ANY($1::uuid[]) ORDER BY post_id, user_id',
    values: [postIds],
  };
}

/** Per page: the viewer's own reactions (post_reactions_pkey serves it). */
export function myReactionsQuery(viewerId: string, postIds: string[]): SqlText {
  return {
    text: 'SELECT post_id, kind FROM post_reactions WHERE post_id = ANY($1::uuid[]) AND user_id = $2::uuid ORDER BY post_id, kind',
    values: [postIds, viewerId],
  };
}
