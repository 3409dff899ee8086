import { Injectable, OnModuleInit } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { GroupsService } from '@ruche/groups';
import { notFound, SubjectVisibility } from '@ruche/platform';
import { rows } from './db.js';
import { Params, type PostRow, postsByIdQuery, readableBy, type VisibilityFilter } from './post-sql.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The one answer to "may this viewer see this post". Every read path goes through it: single
 * reads and writes (`visiblePostIds`), every list query (`filterFor`, the same rule as SQL), and
 * realtime subscriptions and replay (registered as the `post` subject). Both forms come from the
 * same filter, so they cannot disagree.
 *
 * A post is visible while it is not deleted and is company-wide, in a public group, or in a
 * private group the viewer belongs to (membership is asked of the groups module on every call, so
 * a removed member loses access at once). Moderation extends `filterFor` and nothing else.
 */
@Injectable()
export class FeedVisibility implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly subjects: SubjectVisibility,
    private readonly groups: GroupsService,
  ) {}

  onModuleInit(): void {
    this.subjects.register('post', (viewerId, ids) => this.visiblePostIds(viewerId, ids));
  }

  /**
   * The visibility rule for one viewer as a SQL condition. Pass the viewer's groups when the caller
   * already has them, to save asking twice.
   */
  async filterFor(viewerId: string, memberGroupIds?: readonly string[]): Promise<VisibilityFilter> {
    return readableBy(memberGroupIds ?? (await this.groups.memberGroupIds(viewerId)));
  }

  async visiblePostIds(viewerId: string, postIds: readonly string[]): Promise<Set<string>> {
    const ids = [...new Set(postIds.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
    if (ids.length === 0) return new Set();
    const visible = await this.filterFor(viewerId);
    const params = new Params();
    const text = `SELECT p.id FROM posts p WHERE p.id = ANY(${params.add(ids)}::uuid[]) AND ${visible('p', params)}`;
    const found = await rows<{ id: string }>(this.dataSource.manager, { text, values: params.values });
    return new Set(found.map((row) => row.id));
  }

  /** The post if the viewer may see it, else 404 (missing and invisible look the same). */
  async visiblePost(
    viewerId: string,
    postId: string,
    db: EntityManager = this.dataSource.manager,
    lock = false,
  ): Promise<PostRow> {
    const [post] = await rows<PostRow>(db, postsByIdQuery({ ids: [postId], visible: await this.filterFor(viewerId), lock }));
    if (!post) throw notFound('Post');
    return post;
  }

  /**
   * Inside a write transaction: the visible post, row-locked until commit. Writes on one post
   * queue here, so counters and the events that carry them move in one order, and nothing is
   * added to a post deleted in the meantime.
   */
  lockVisiblePost(db: EntityManager, viewerId: string, postId: string): Promise<PostRow> {
    return this.visiblePost(viewerId, postId, db, true);
  }
}
