import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { AttachmentView } from '@ruche/contracts';
import { FilesService } from '@ruche/files';
import { LinkPreviews } from '@ruche/previews';
import { IdentityService, summaryIn, type UserSummary } from '@ruche/identity';
import { moderationMarker, type PollView, type PostView } from './dto.js';
import { pollsOf } from './poll-views.js';
import { mentionsOfPostsQuery, myReactionsQuery, type PostRow } from './post-sql.js';
import { inKindOrder, type ReactionCounts, type ReactionKind } from './reaction-kinds.js';
import { Database, markdownBody, rows } from '@ruche/platform';

export function countsOf(
  row: Pick<PostRow, 'like_count' | 'celebrate_count' | 'insightful_count' | 'support_count'>,
): ReactionCounts {
  return { like: row.like_count, celebrate: row.celebrate_count, insightful: row.insightful_count, support: row.support_count };
}

/** One post's view from its row and what was loaded for its page. */
export function toPostView(
  post: PostRow,
  people: ReadonlyMap<string, UserSummary>,
  mentions: readonly string[],
  mine: readonly ReactionKind[],
  attachments: AttachmentView[] = [],
  poll: PollView | null = null,
): PostView {
  const mentioned = [...mentions].sort();
  return {
    id: post.id,
    author: summaryIn(people, post.author_id),
    ...markdownBody(post),
    groupId: post.group_id,
    createdAt: post.created_at.toISOString(),
    updatedAt: post.updated_at.toISOString(),
    mentions: mentioned,
    mentionedUsers: mentioned.map((id) => summaryIn(people, id)),
    commentCount: post.comment_count,
    reactions: countsOf(post),
    myReactions: inKindOrder(mine),
    attachments,
    poll,
    ...moderationMarker(post.moderation_state),
  };
}

/** The attachments of those posts that have any: no statement at all for a page without files. */
export async function attachmentsOf(
  files: FilesService,
  posts: readonly Pick<PostRow, 'id' | 'attachment_count'>[],
  db?: EntityManager,
): Promise<Map<string, AttachmentView[]>> {
  const ids = posts.filter((p) => p.attachment_count > 0).map((p) => p.id);
  return ids.length > 0 ? files.attachmentsFor('post', ids, db) : new Map();
}

/**
 * Turns a page of post rows into views with a fixed number of round trips, whatever the page
 * size: mentions (1 query), the viewer's reactions (1 query), authors and mentioned people
 * (1 `summaries` call), and polls with the viewer's choices (1 query, only when a post has one).
 * Counts come with the rows.
 *
 * Not for use inside a transaction: `summaries` takes a second pooled connection, and holding
 * one while waiting for another can starve the pool under load. Writes assemble their view with
 * {@link toPostView} from people they already know.
 */
@Injectable()
export class PostViews {
  constructor(
    private readonly db: Database,
    private readonly identity: IdentityService,
    private readonly files: FilesService,
    private readonly previews: LinkPreviews,
  ) {}

  async build(viewerId: string, posts: PostRow[]): Promise<PostView[]> {
    const views = await this.buildWithoutPreviews(viewerId, posts);
    // Link preview cards (#14): part of the post's view, so exactly as visible as the post (1 query).
    const previews = await this.previews.previewsFor(
      'post',
      views.map((v) => v.id),
    );
    return views.map((view) => ({ ...view, linkPreviews: previews.get(view.id) ?? [] }));
  }

  private async buildWithoutPreviews(viewerId: string, posts: PostRow[]): Promise<PostView[]> {
    if (posts.length === 0) return [];
    const db = this.db.manager;
    const ids = posts.map((p) => p.id);
    const mentionRows = await rows<{ post_id: string; user_id: string }>(db, mentionsOfPostsQuery(ids));
    const mine = await this.myReactions(db, viewerId, ids);
    const mentions = groupBy(
      mentionRows,
      (r) => r.post_id,
      (r) => r.user_id,
    );
    const people = await this.identity.summaries([...posts.map((p) => p.author_id), ...mentionRows.map((r) => r.user_id)]);
    const attachments = await attachmentsOf(this.files, posts, db);
    const polls = await pollsOf(db, viewerId, posts);
    return posts.map((post) =>
      toPostView(
        post,
        people,
        mentions.get(post.id) ?? [],
        mine.get(post.id) ?? [],
        attachments.get(post.id) ?? [],
        polls.get(post.id) ?? null,
      ),
    );
  }

  /** The viewer's reactions on these posts, by post (one query). */
  async myReactions(db: EntityManager, viewerId: string, postIds: string[]): Promise<Map<string, ReactionKind[]>> {
    const list = await rows<{ post_id: string; kind: ReactionKind }>(db, myReactionsQuery(viewerId, postIds));
    return groupBy(
      list,
      (r) => r.post_id,
      (r) => r.kind,
    );
  }
}

function groupBy<R, V>(list: readonly R[], keyOf: (row: R) => string, valueOf: (row: R) => V): Map<string, V[]> {
  const map = new Map<string, V[]>();
  for (const row of list) {
    const values = map.get(keyOf(row)) ?? [];
    values.push(valueOf(row));
    map.set(keyOf(row), values);
  }
  return map;
}
