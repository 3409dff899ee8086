import { Injectable } from '@nestjs/common';
import { Database, foundIds, isId, rows } from '@ruche/platform';

/** What one person did for others in a group during a period, as the feed counts it. */
export interface GroupHelpSignal {
  userId: string;
  /** Distinct (post, person) pairs: other people who reacted, in the period, to their posts in the group. */
  reactionsReceived: number;
  /** Other people's posts in the group they commented on in the period (a thread counts once). */
  threadsHelped: number;
}

/** Content in sight: not deleted, not hidden, removed or held by moderation. */
const inSight = (alias: string) => `${alias}.deleted_at IS NULL AND ${alias}.moderation_state = 'visible'`;

/**
 * For recognition's monthly "who helped" digest (#17): the feed's own measures of help given in a
 * group, from its tables (posts, comments, reactions), weighing people, not volume: a reaction
 * counts once per person and post whatever its kinds, a comment thread once per helper however
 * many comments they wrote, and nobody counts for reacting to or commenting on their own post.
 * Hidden, removed, held or deleted posts and comments count nothing. Says nothing about who may
 * read the result: the caller shows it to the group's managers only.
 */
@Injectable()
export class GroupHelpSignals {
  constructor(private readonly db: Database) {}

  async signals(groupId: string, from: Date, to: Date): Promise<GroupHelpSignal[]> {
    if (!isId(groupId)) return [];
    const found = await rows<{ user_id: string; reactions: number; threads: number }>(
      this.db.manager,
      `WITH reactions AS (
         SELECT p.author_id AS user_id, count(DISTINCT (r.post_id, r.user_id))::int AS n
           FROM post_reactions r JOIN posts p ON p.id = r.post_id
          WHERE p.group_id = $1 AND ${inSight('p')} AND r.user_id <> p.author_id
            AND r.created_at >= $2 AND r.created_at < $3
          GROUP BY p.author_id
       ), threads AS (
         SELECT c.author_id AS user_id, count(DISTINCT c.post_id)::int AS n
           FROM post_comments c JOIN posts p ON p.id = c.post_id
          WHERE p.group_id = $1 AND ${inSight('p')} AND ${inSight('c')} AND c.author_id <> p.author_id
            AND c.created_at >= $2 AND c.created_at < $3
          GROUP BY c.author_id
       )
       SELECT coalesce(r.user_id, t.user_id) AS user_id, coalesce(r.n, 0) AS reactions, coalesce(t.n, 0) AS threads
         FROM reactions r FULL JOIN threads t ON t.user_id = r.user_id`,
      [groupId, from, to],
    );
    return found.map((r) => ({ userId: r.user_id, reactionsReceived: r.reactions, threadsHelped: r.threads }));
  }

  /** Groups where a post in sight got a reaction or a comment in sight during the period. */
  async activeGroupIds(from: Date, to: Date): Promise<string[]> {
    const found = await rows<{ group_id: string }>(
      this.db.manager,
      `SELECT p.group_id FROM posts p
        WHERE p.group_id IS NOT NULL AND ${inSight('p')}
          AND (EXISTS (SELECT 1 FROM post_reactions r WHERE r.post_id = p.id AND r.created_at >= $1 AND r.created_at < $2)
            OR EXISTS (SELECT 1 FROM post_comments c WHERE c.post_id = p.id AND ${inSight('c')} AND c.created_at >= $1 AND c.created_at < $2))
        GROUP BY p.group_id`,
      [from, to],
    );
    return found.map((r) => r.group_id);
  }

  /** Which of `postIds` are in the group and in sight now (kudos on them count for its digest). */
  async postsInSight(groupId: string, postIds: readonly string[]): Promise<Set<string>> {
    if (!isId(groupId)) return new Set();
    return foundIds(this.db.manager, postIds, (ids) => ({
      text: `SELECT p.id FROM posts p WHERE p.id = ANY ($1::uuid[]) AND p.group_id = $2 AND ${inSight('p')}`,
      values: [ids, groupId],
    }));
  }
}
