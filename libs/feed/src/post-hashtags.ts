import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AuthUser, Database, markdownHashtags, rows, SqlParams } from '@ruche/platform';
import type { TrendingTopicsView } from './dto.js';
import { FeedVisibility } from './feed-visibility.js';

/** How far back a topic's posts count towards trending. */
export const TRENDING_WINDOW_MS = 7 * 24 * 3600_000;
/** `post_hashtags.tag`'s bound: lower-casing can lengthen a tag past the writer's 50 (`İ` → `i̇`). */
const MAX_TAG_LENGTH = 50;

/** A post's hashtags as stored: the renderer's tags, lower-cased (`#Rust` is `#rust`), within the column's bound. */
export const hashtagsOf = (body: string): string[] =>
  markdownHashtags(body).filter((tag) => Array.from(tag).length <= MAX_TAG_LENGTH);

/**
 * Keeps `post_hashtags` with the post's text, in its writing transaction (create and edit), so a
 * topic counts a post exactly when the post says it. The rows carry the post's `created_at`: the
 * trending window is read from their index before any post is joined.
 */
export async function replaceHashtags(
  db: EntityManager,
  post: { id: string; body: string; created_at: Date },
  created = false,
): Promise<void> {
  const tags = hashtagsOf(post.body);
  if (!created) {
    await db.query('DELETE FROM post_hashtags WHERE post_id = $1 AND NOT (tag = ANY($2::text[]))', [post.id, tags]);
  }
  if (tags.length === 0) return;
  await db.query(
    'INSERT INTO post_hashtags (post_id, tag, created_at) SELECT $1, unnest($2::text[]), $3 ON CONFLICT DO NOTHING',
    [post.id, tags, post.created_at],
  );
}

/**
 * Trending topics (#16): the hashtags with the most posts in the last 7 days among the posts the
 * viewer may see, by the feed's one visibility rule (a private group's posts count for its members
 * only, deleted posts for nobody). Only content in public sight counts, for moderators too: a
 * hidden, removed or held post never makes a topic trend.
 */
@Injectable()
export class TrendingTopics {
  constructor(
    private readonly db: Database,
    private readonly visibility: FeedVisibility,
  ) {}

  async trending(viewer: AuthUser, limit: number, now = Date.now()): Promise<TrendingTopicsView> {
    const since = new Date(now - TRENDING_WINDOW_MS);
    const visible = await this.visibility.filterFor(viewer);
    const params = new SqlParams();
    const text = `SELECT h.tag, count(*)::int AS posts
                    FROM post_hashtags h
                    JOIN posts p ON p.id = h.post_id
                   WHERE h.created_at > ${params.add(since)} AND p.moderation_state = 'visible' AND ${visible('p', params)}
                   GROUP BY h.tag
                   ORDER BY posts DESC, h.tag
                   LIMIT ${params.add(limit)}`;
    const items = await rows<{ tag: string; posts: number }>(this.db.reader, { text, values: params.values });
    return { items, since: since.toISOString() };
  }
}
