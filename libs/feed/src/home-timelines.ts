import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { memberGroupIdsSql } from '@ruche/groups';
import { followeeIdsSql, followerIdsSql, followsSql } from '@ruche/people';
import { Database, EventBus, RUCHE_CONFIG, type RucheConfig, Transactions } from '@ruche/platform';
import type { HomeGraphSql } from './post-sql.js';

/** The owners' SQL for the follow graph and memberships, as the home query needs it. */
export const HOME_GRAPH: HomeGraphSql = { followeeIds: followeeIdsSql, follows: followsSql, memberGroupIds: memberGroupIdsSql };

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Home timelines written, not computed (the Mastodon and Misskey model, in PostgreSQL): when
 * someone posts company-wide, one INSERT ... SELECT from their followers writes the post's id into
 * the timeline of each follower who read their home feed in the last `activeDays`; a home page
 * then reads an index range of its own timeline (post-sql's `homeTimelineQuery`) instead of
 * merging every followee's posts, so its cost no longer grows with the number of people followed.
 *
 * - **Who gets fan-out.** Reading the home feed is the activity signal: it is what the timeline
 *   serves, it costs nothing on any other request, and it is recorded at most once an hour
 *   (`noteRead`). Someone who has not read it for `activeDays` gets no more writes; on their
 *   return the page is computed as before while the timeline is rebuilt after commit
 *   (`home_timeline.stale`, a listener like any other: retried by the job engine).
 * - **Big authors** (`bigAuthorFollowers` followers or more) are not fanned out: their posts are
 *   merged at read time, one index probe each, so a post by someone followed by 5,000 people
 *   writes nothing per follower. Once big, an author stays big (their later posts are only in the
 *   read-time merge).
 * - **Trimmed to `max` entries.** A reader's timeline is cut back to `max` about once every
 *   max/16 insertions (sampled, so a fan-out does not count everyone's entries), and
 *   `trimmed_before` records the date below which entries may be gone: a page reaching it is
 *   computed instead.
 * - **A cache of candidates, never a grant.** Every read re-applies FeedVisibility, so deletions,
 *   moderation, group changes and a post going private hold on the next read without touching
 *   the timelines.
 * - **Unfollows are written.** The read does not re-check the follow (so it walks the newest
 *   entries of its index and stops after the page); instead an unfollow deletes the followee's
 *   entries in its own transaction (`forget`). The writers that read the follows after commit
 *   (fan-out, follow backfill, rebuild) lock the follow rows they read, FOR KEY SHARE, in the
 *   statement that writes the entries; the unfollow's DELETE FROM follows conflicts with that
 *   lock. So either the writer holds the row first, the unfollow waits for it to commit and its
 *   `forget` (a later statement, a later snapshot) removes what the writer wrote; or the unfollow
 *   holds it first, the writer waits and then skips the deleted row (READ COMMITTED re-checks a
 *   row it waited for). No interleaving leaves an entry of someone no longer followed.
 * - **Freshness.** Fan-out runs after commit, so a follower's timeline lags the post by the
 *   listener's delay; the author's own posts, group posts, mentions and big authors are read live.
 */
@Injectable()
export class HomeTimelines implements OnModuleInit {
  private readonly logger = new Logger('home-timelines');
  readonly settings: RucheConfig['timelines'];

  constructor(
    private readonly db: Database,
    private readonly bus: EventBus,
    private readonly transactions: Transactions,
    @Inject(RUCHE_CONFIG) config: RucheConfig,
  ) {
    this.settings = config.timelines;
  }

  onModuleInit(): void {
    this.bus.subscribe('post.created', async ({ payload }) => {
      if (payload.post.groupId === null) await this.fanOut(payload.post.id, payload.post.author.id);
    });
    this.bus.subscribe('user.followed', async ({ payload }) => this.backfill(payload.followerId, payload.followeeId));
    this.bus.subscribe('home_timeline.stale', async ({ payload }) => this.rebuild(payload.userId));
    // In the unfollow's own transaction, so no read ever sees the follow gone but its entries kept.
    this.bus.subscribeWithin('user.unfollowed', async ({ payload }) => this.forget(payload.followerId, payload.followeeId));
  }

  /**
   * An unfollow: the followee's posts leave the follower's timeline. The read no longer checks
   * that each entry's author is still followed (that check made the planner read a reader's whole
   * timeline before sorting it, instead of walking the newest entries of its primary key), so the
   * timeline must never hold an entry of someone the reader does not follow. Runs inside the
   * transaction that deletes the follow, after the DELETE: see {@link HomeTimelines} for the
   * race with writers that read the follows after commit.
   */
  async forget(followerId: string, followeeId: string): Promise<void> {
    await this.db.query(
      `DELETE FROM home_timelines t USING posts p
        WHERE t.user_id = $1 AND t.post_id = p.id AND p.author_id = $2`,
      [followerId, followeeId],
    );
  }

  /**
   * After a home read, with the reader's state as the page query returned it: starts a rebuild for
   * a first or returning reader (or one whose rebuild never finished), else records the read at
   * most once an hour. Nothing is written on the other reads.
   */
  async noteRead(userId: string, state: { last_read_at: Date | null; built_at: Date | null }, now = Date.now()): Promise<void> {
    const lastRead = state.last_read_at?.getTime();
    const returning = lastRead === undefined || now - lastRead > this.settings.activeDays * DAY_MS;
    if (returning || (!state.built_at && now - lastRead > HOUR_MS)) {
      await this.transactions.run(async (tx) => {
        await tx.manager.query(
          `INSERT INTO home_timeline_readers AS r (user_id) VALUES ($1)
           ON CONFLICT (user_id) DO UPDATE SET last_read_at = now(), built_at = NULL, trimmed_before = NULL`,
          [userId],
        );
        // Entries from before the absence are stale (unfollows, trims missed): start again.
        if (returning) await tx.manager.query('DELETE FROM home_timelines WHERE user_id = $1', [userId]);
        await tx.emit({ type: 'home_timeline.stale', payload: { userId }, audience: [], actorId: userId });
      });
    } else if (now - lastRead > HOUR_MS) {
      await this.db.query('UPDATE home_timeline_readers SET last_read_at = now() WHERE user_id = $1', [userId]);
    }
  }

  /**
   * Writes a company-wide post into its author's active followers' timelines (one statement), unless
   * the author is big. Prepared: it runs for every post, and planning it cost more than running it
   * (5.5 ms against ~2 ms on the full company, bench/README.md).
   */
  async fanOut(postId: string, authorId: string): Promise<void> {
    const { bigAuthorFollowers, activeDays } = this.settings;
    const written = await this.db.prepared<{ user_id: string }>('feed.timeline.fan_out', {
      text: `WITH big AS (
           SELECT EXISTS (SELECT 1 FROM home_timeline_big_authors WHERE author_id = $2)
               OR (SELECT count(*) FROM (${followerIdsSql('$2::uuid')} LIMIT $3) f) >= $3 AS yes
       ), marked AS (
           INSERT INTO home_timeline_big_authors (author_id) SELECT $2 WHERE (SELECT yes FROM big)
           ON CONFLICT (author_id) DO NOTHING
       )
       INSERT INTO home_timelines (user_id, post_created_at, post_id)
       SELECT r.user_id, p.created_at, p.id
         FROM posts p
        CROSS JOIN (${followerIdsSql('$2::uuid')}) AS fl (follower_id)
         JOIN home_timeline_readers r ON r.user_id = fl.follower_id
        WHERE p.id = $1 AND p.group_id IS NULL AND p.deleted_at IS NULL
          AND NOT (SELECT yes FROM big)
          AND r.last_read_at > now() - make_interval(days => $4::int)
          FOR KEY SHARE OF fl
       ON CONFLICT ON CONSTRAINT home_timelines_pkey DO NOTHING
       RETURNING user_id`,
      values: [postId, authorId, bigAuthorFollowers, activeDays],
    });
    const every = Math.max(1, Math.floor(this.settings.max / 16));
    await this.trim(written.map((r) => r.user_id).filter(() => every === 1 || Math.random() < 1 / every));
  }

  /**
   * A new follow: the followee's recent company-wide posts join the follower's timeline (if they
   * have one), while the follow still exists (it runs after commit: the person may have
   * unfollowed since), checked under the lock that orders it with an unfollow.
   */
  async backfill(followerId: string, followeeId: string): Promise<void> {
    const { max, activeDays } = this.settings;
    const written = await this.db.query<unknown[]>(
      `WITH still AS (
           SELECT 1 FROM (${followeeIdsSql('$1::uuid')}) AS fe (followee_id) WHERE fe.followee_id = $2 FOR KEY SHARE OF fe
       )
       INSERT INTO home_timelines (user_id, post_created_at, post_id)
       SELECT $1, p.created_at, p.id
         FROM posts p
        WHERE p.author_id = $2 AND p.group_id IS NULL AND p.deleted_at IS NULL
          AND EXISTS (SELECT 1 FROM still)
          AND EXISTS (SELECT 1 FROM home_timeline_readers r
                       WHERE r.user_id = $1 AND r.last_read_at > now() - make_interval(days => $4::int))
          AND NOT EXISTS (SELECT 1 FROM home_timeline_big_authors b WHERE b.author_id = $2)
        ORDER BY p.created_at DESC, p.id DESC
        LIMIT $3
       ON CONFLICT ON CONSTRAINT home_timelines_pkey DO NOTHING
       RETURNING 1`,
      [followerId, followeeId, max, activeDays],
    );
    if (written.length > 0) await this.trim([followerId]);
  }

  /**
   * The reader's timeline from scratch: the newest `max` company-wide posts of the people they
   * follow (big authors are merged at read time), one ordered probe per followee, in one statement.
   * The follows it reads are locked (FOR KEY SHARE) for the unfollow race.
   */
  async rebuild(userId: string): Promise<void> {
    const { max } = this.settings;
    await this.db.query(
      `WITH followed AS (
           SELECT fe.author_id FROM (${followeeIdsSql('$1::uuid')}) AS fe (author_id) FOR KEY SHARE OF fe
       ), fresh AS (
           SELECT c.id, c.created_at
             FROM followed AS fe
            CROSS JOIN LATERAL (
                  SELECT p.id, p.created_at
                    FROM posts p
                   WHERE p.author_id = fe.author_id AND p.group_id IS NULL AND p.deleted_at IS NULL
                   ORDER BY p.created_at DESC, p.id DESC
                   LIMIT $2) c
            WHERE NOT EXISTS (SELECT 1 FROM home_timeline_big_authors b WHERE b.author_id = fe.author_id)
            ORDER BY c.created_at DESC, c.id DESC
            LIMIT $2
       ), filled AS (
           INSERT INTO home_timelines (user_id, post_created_at, post_id)
           SELECT $1, created_at, id FROM fresh
           ON CONFLICT ON CONSTRAINT home_timelines_pkey DO NOTHING
       )
       UPDATE home_timeline_readers
          SET built_at = now(),
              trimmed_before = CASE WHEN (SELECT count(*) FROM fresh) >= $2 THEN (SELECT min(created_at) FROM fresh) END
        WHERE user_id = $1`,
      [userId, max],
    );
  }

  /**
   * Cuts these readers' timelines back to `max` entries and moves their `trimmed_before` up to
   * the oldest entry kept. Best effort: two trims of one reader at once may deadlock, and the next
   * sampled trim does the work, so a failure is logged and dropped.
   */
  async trim(userIds: readonly string[]): Promise<void> {
    if (userIds.length === 0) return;
    try {
      await this.db.query(
        `WITH cut AS (
             SELECT u.user_id, c.post_created_at, c.post_id
               FROM unnest($1::uuid[]) AS u (user_id)
              CROSS JOIN LATERAL (
                    SELECT t.post_created_at, t.post_id FROM home_timelines t
                     WHERE t.user_id = u.user_id
                     ORDER BY t.post_created_at DESC, t.post_id DESC
                    OFFSET $2::int - 1 LIMIT 1) c
         ), gone AS (
             DELETE FROM home_timelines t USING cut
              WHERE t.user_id = cut.user_id AND (t.post_created_at, t.post_id) < (cut.post_created_at, cut.post_id)
             RETURNING t.user_id
         )
         UPDATE home_timeline_readers r
            SET trimmed_before = greatest(r.trimmed_before, cut.post_created_at)
           FROM cut
          WHERE r.user_id = cut.user_id AND cut.user_id IN (SELECT user_id FROM gone)`,
        [[...new Set(userIds)].sort(), this.settings.max],
      );
    } catch (error) {
      this.logger.warn(`timeline trim of ${userIds.length} reader(s) skipped: ${(error as Error).message}`);
    }
  }
}
