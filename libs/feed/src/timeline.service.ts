import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IdentityService } from '@ruche/identity';
import { PeopleService } from '@ruche/people';
import { decodeCursor, notFound, type Page, type PageQuery, toPage } from '@ruche/platform';
import { rows } from './db.js';
import type { PostView } from './dto.js';
import { FeedGroups } from './feed-groups.js';
import { FeedVisibility } from './feed-visibility.js';
import { authorPostsQuery, companyFeedQuery, groupFeedQuery, homeFeedQuery, type PostRow, type SqlQuery } from './post-sql.js';
import { PostViews } from './post-views.js';

/** The lists of posts: home, company, one person's. Newest first, keyset-paginated. */
@Injectable()
export class TimelineService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly visibility: FeedVisibility,
    private readonly views: PostViews,
    private readonly identity: IdentityService,
    private readonly people: PeopleService,
    private readonly groups: FeedGroups,
  ) {}

  /**
   * The caller's own posts, company-wide posts of people they follow, posts that mention them, and
   * every post in their groups.
   */
  async home(viewerId: string, page: PageQuery): Promise<Page<PostView>> {
    const before = page.cursor ? decodeCursor(page.cursor) : null;
    const [followees, groupIds] = await Promise.all([this.people.followeeIds(viewerId), this.groups.memberGroupIds(viewerId)]);
    const visible = await this.visibility.filterFor(viewerId, groupIds);
    return this.page(
      viewerId,
      page.limit,
      homeFeedQuery({ viewerId, authorIds: [viewerId, ...followees], groupIds, visible, take: page.limit + 1, before }),
    );
  }

  /** One group's posts; 404 when the group does not exist or is private and the caller is not a member. */
  async group(viewerId: string, groupId: string, page: PageQuery): Promise<Page<PostView>> {
    const before = page.cursor ? decodeCursor(page.cursor) : null;
    await this.groups.assertReadable(viewerId, groupId);
    const visible = await this.visibility.filterFor(viewerId);
    return this.page(viewerId, page.limit, groupFeedQuery({ groupId, visible, take: page.limit + 1, before }));
  }

  /** Every post the caller may see that is company-wide or in a public group. */
  async company(viewerId: string, page: PageQuery): Promise<Page<PostView>> {
    const before = page.cursor ? decodeCursor(page.cursor) : null;
    const visible = await this.visibility.filterFor(viewerId);
    return this.page(viewerId, page.limit, companyFeedQuery({ visible, take: page.limit + 1, before }));
  }

  /** One person's posts that the caller may see; 404 for an unknown person. */
  async byAuthor(viewerId: string, authorId: string, page: PageQuery): Promise<Page<PostView>> {
    const before = page.cursor ? decodeCursor(page.cursor) : null;
    if (!(await this.identity.summaries([authorId])).has(authorId)) throw notFound('User');
    const visible = await this.visibility.filterFor(viewerId);
    return this.page(viewerId, page.limit, authorPostsQuery({ authorId, visible, take: page.limit + 1, before }));
  }

  private async page(viewerId: string, limit: number, query: SqlQuery): Promise<Page<PostView>> {
    const list = await rows<PostRow>(this.dataSource.manager, query);
    const views = new Map((await this.views.build(viewerId, list.slice(0, limit))).map((v) => [v.id, v]));
    return toPage(
      list,
      limit,
      (p) => [p.created_at, p.id],
      (p) => views.get(p.id)!,
    );
  }
}
