import { Injectable } from '@nestjs/common';
import { FilesService } from '@ruche/files';
import {
  callerSql,
  IdentityService,
  type PrefixedSummaryRow,
  type SummaryRow,
  summaryColumns,
  summaryFromRow,
  summaryJson,
  summaryRowAt,
} from '@ruche/identity';
import {
  Database,
  decodeCursor,
  notFound,
  noteRequestUser,
  type Page,
  type PageQuery,
  rows,
  SqlParams,
  type SqlText,
  statementName,
  toPage,
  type TokenClaims,
  toPresentPage,
  unauthenticated,
} from '@ruche/platform';
import type { PostView } from './dto.js';
import { FeedGroups } from './feed-groups.js';
import { FeedVisibility } from './feed-visibility.js';
import { HOME_GRAPH, HomeTimelines } from './home-timelines.js';
import {
  authorPostsQuery,
  CALLER_ROLES,
  companyFeedQuery,
  groupFeedQuery,
  HOME_MEMBER_GROUPS,
  type HomePageRow,
  homeTimelineQuery,
  type PostRow,
  type VisibilityFilter,
} from './post-sql.js';
import { pollsOf } from './poll-views.js';
import { attachmentsOf, PostViews, toPostView } from './post-views.js';
import type { ReactionKind } from './reaction-kinds.js';

type HomeRow = HomePageRow<SummaryRow, PrefixedSummaryRow<'author.'>>;

/** What happened in one group since a date, as the daily digest shows it. */
export interface GroupActivity {
  groupId: string;
  posts: number;
  comments: number;
  topPostIds: string[];
}

/** The lists of posts: home, company, one person's. Newest first, keyset-paginated. */
@Injectable()
export class TimelineService {
  constructor(
    private readonly db: Database,
    private readonly visibility: FeedVisibility,
    private readonly views: PostViews,
    private readonly identity: IdentityService,
    private readonly groups: FeedGroups,
    private readonly timelines: HomeTimelines,
    private readonly files: FilesService,
  ) {}

  /**
   * The caller's own posts, company-wide posts of people they follow, posts that mention them, and
   * every post in their groups. One statement for the caller check, the page and the people it
   * shows (read from the caller's written timeline, see HomeTimelines): the route passes the
   * token's claims unchecked (CallerCheckedByStatement), and a caller the statement does not find
   * (session revoked, account suspended, token version moved on) gets 401.
   * A page that reaches below what the timeline still holds is computed instead (a second
   * statement, past the first few hundred posts only). On the primary: the statement carries its
   * own permission check (the caller's groups, read in the same snapshot).
   */
  async home(viewer: TokenClaims, page: PageQuery): Promise<Page<PostView>> {
    const before = page.cursor ? decodeCursor(page.cursor) : null;
    const visible = this.visibility.filterForRoles(viewer.id, CALLER_ROLES, HOME_MEMBER_GROUPS);
    const take = page.limit + 1;
    const query = (fallback: boolean) =>
      homeTimelineQuery({
        viewerId: viewer.id,
        caller: { sessionId: viewer.sessionId, tokenVersion: viewer.tokenVersion, sql: callerSql },
        visible,
        graph: HOME_GRAPH,
        activeDays: this.timelines.settings.activeDays,
        fallback,
        people: { json: summaryJson, columns: summaryColumns },
        take,
        before,
      });
    // Prepared: planning was most of the statement's time (~1.4 of 2.2 ms); the generic plan keeps
    // the backward walk of home_timelines_pkey (bench/README.md). One name per text variant.
    const read = (q: SqlText) => this.db.prepared<HomeRow>(statementName('feed.home', q.text), q);
    const first = await read(query(false));
    const state = first[0];
    // The token's session or account did not pass the check in the statement: nothing read is used.
    if (!state.authenticated) throw unauthenticated();
    noteRequestUser(viewer.id);
    let list = first.filter((row) => row.id !== null);
    const trimmed = state.cached ? state.trimmed_before : null;
    if (trimmed && (list.length < take || list.some((row) => row.created_at <= trimmed))) {
      list = (await read(query(true))).filter((row) => row.id !== null);
    }
    await this.timelines.noteRead(viewer.id, state);
    const shown = list.slice(0, page.limit);
    // Authors come as columns of their posts, the people mentioned (few posts) as JSON.
    const people = new Map(shown.flatMap((p) => [summaryRowAt(p, 'author.'), ...(p.people ?? [])]).map((u) => [u.id, summaryFromRow(u)]));
    const attachments = await attachmentsOf(this.files, shown);
    const polls = await pollsOf(this.db.manager, viewer.id, shown);
    return toPage(
      list,
      page.limit,
      (p) => [p.created_at, p.id],
      (p) =>
        toPostView(p, people, p.mention_ids, p.my_reactions as ReactionKind[], attachments.get(p.id) ?? [], polls.get(p.id) ?? null),
    );
  }

  /** One group's posts; 404 when the group does not exist or is private and the caller is not a member. */
  async group(viewerId: string, groupId: string, page: PageQuery): Promise<Page<PostView>> {
    const before = page.cursor ? decodeCursor(page.cursor) : null;
    await this.groups.assertReadable(viewerId, groupId);
    const visible = await this.visibility.filterFor(viewerId);
    return this.page(viewerId, page.limit, groupFeedQuery({ groupId, visible, take: page.limit + 1, before }), visible);
  }

  /** Every post the caller may see that is company-wide or in a public group. */
  async company(viewerId: string, page: PageQuery): Promise<Page<PostView>> {
    const before = page.cursor ? decodeCursor(page.cursor) : null;
    const visible = await this.visibility.filterFor(viewerId);
    return this.page(viewerId, page.limit, companyFeedQuery({ visible, take: page.limit + 1, before }), visible);
  }

  /** One person's posts that the caller may see; 404 for an unknown person. */
  async byAuthor(viewerId: string, authorId: string, page: PageQuery): Promise<Page<PostView>> {
    const before = page.cursor ? decodeCursor(page.cursor) : null;
    if (!(await this.identity.summaries([authorId])).has(authorId)) throw notFound('User');
    const visible = await this.visibility.filterFor(viewerId);
    return this.page(viewerId, page.limit, authorPostsQuery({ authorId, visible, take: page.limit + 1, before }), visible);
  }

  /**
   * For the daily digest: per group among `groupIds`, the posts the viewer may see that were
   * written since `since`, how many comments they got, and the ids of the most discussed ones
   * (at most `top` per group). Groups without new posts are left out. One query.
   */
  async groupActivity(viewerId: string, groupIds: readonly string[], since: Date, top = 3): Promise<GroupActivity[]> {
    if (groupIds.length === 0) return [];
    const visible = await this.visibility.filterFor(viewerId);
    const params = new SqlParams();
    const text = `
      SELECT p.group_id,
             count(*)::int AS posts,
             sum(p.comment_count)::int AS comments,
             (array_agg(p.id ORDER BY p.comment_count DESC, p.created_at DESC, p.id))[1:${params.add(top)}::int] AS top_post_ids
        FROM posts p
       WHERE p.group_id = ANY(${params.add([...new Set(groupIds)])}::uuid[])
         AND p.created_at >= ${params.add(since)}::timestamptz
         AND ${visible('p', params)}
       GROUP BY p.group_id
       ORDER BY count(*) DESC, p.group_id`;
    type Row = { group_id: string; posts: number; comments: number; top_post_ids: string[] };
    const found = await rows<Row>(this.db.manager, { text, values: params.values });
    return found.map((r) => ({ groupId: r.group_id, posts: r.posts, comments: r.comments, topPostIds: r.top_post_ids }));
  }

  /**
   * The list query may run on a read replica; the posts it found are then confirmed on the primary
   * under the same filter (see `Database.readCandidates`), whose parameters (the viewer's groups and
   * roles) were read on the primary: a removed member or a post hidden a moment ago never shows.
   * The cursor still follows the replica's rows, so a dropped post does not end the list early.
   */
  private async page(viewerId: string, limit: number, query: SqlText, visible: VisibilityFilter): Promise<Page<PostView>> {
    const dropped = new Set<string>();
    const list = await this.db.readCandidates(
      (db) => rows<PostRow>(db, query),
      async (found) => {
        const params = new SqlParams();
        const text = `SELECT p.id FROM posts p WHERE p.id = ANY(${params.add(found.map((p) => p.id))}::uuid[]) AND ${visible('p', params)}`;
        const still = new Set((await rows<{ id: string }>(this.db.manager, { text, values: params.values })).map((r) => r.id));
        for (const post of found) if (!still.has(post.id)) dropped.add(post.id);
        return found;
      },
    );
    const shown = list.slice(0, limit).filter((p) => !dropped.has(p.id));
    const views = new Map((await this.views.build(viewerId, shown)).map((v) => [v.id, v]));
    return toPresentPage(
      list,
      limit,
      (p) => [p.created_at, p.id],
      (p) => views.get(p.id),
    );
  }
}
