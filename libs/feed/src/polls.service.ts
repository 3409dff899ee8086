import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { type AuthUser, conflict, invalid, JobEngine, notFound, rows, SqlParams, Transactions, type Tx } from '@ruche/platform';
import { type CreatePollDto, POLL_LIMITS, type PollView } from './dto.js';
import { postRoom, postSubject, whileVisible } from './feed-events.js';
import { FeedGroups } from './feed-groups.js';
import { FeedVisibility } from './feed-visibility.js';
import { pollCounts, pollsOf } from './poll-views.js';
import type { PostRow } from './post-sql.js';

/** A poll checked and ready to be written with its post. */
export interface NewPoll {
  question: string | null;
  options: string[];
  multiple: boolean;
  closesAt: Date | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The job engine's queue of poll closings: one one-off job per poll with a closing time, due then. */
export const POLL_CLOSE_JOB = 'poll-close';

interface PollCloseJob {
  postId: string;
  pollId: string;
}

/** The poll row as the vote path locks it, with what it needs of its post. */
interface LockedPoll {
  id: string;
  multiple: boolean;
  closed: boolean;
  author_id: string;
  moderation_state: PostRow['moderation_state'];
}

/**
 * Polls in posts (#14): written with their post, voted on here.
 *
 * Counts are counters, kept in the vote's own transaction rather than counted on read: a feed page
 * reads a poll's counts with its row, whatever the number of voters. What keeps them exact is the
 * poll's row lock, taken first (FOR NO KEY UPDATE) by every vote, change and withdrawal of that
 * poll, with the post's visibility rule in the same statement (a post hidden, deleted or made
 * private meanwhile refuses the vote: 404). Under the lock, the caller's previous choice is read,
 * the rows that differ are deleted and inserted, and each option's counter moves by exactly the
 * rows that changed, so a person's choice is replaced atomically and concurrent changes by the
 * same person queue rather than interleave (exactly one choice survives). The database guards the
 * rest: one row per person and option (primary key), one per person in a single-choice poll
 * (partial unique index), and an option of another poll cannot be named (composite foreign key).
 *
 * Votes on one poll run in single file, each a few statements long, and commit without waiting for
 * the WAL flush (like votes and reactions: see Tx.commitWithoutFlushWait). The `poll.voted` events
 * commit in the order of the lock, so the last one delivered carries the final counts.
 *
 * Closing: a poll with `closes_at` reached is closed, decided by the database's clock both on read
 * (`closed` in the view) and here under the lock (409): nothing has to run for it to close. What runs
 * at the closing time is only the news: a one-off job, enqueued with the poll, sends `poll.closed`
 * with the final counts to the post's room, so open pages show the result without reloading. A job
 * late or lost changes nothing but that news.
 */
@Injectable()
export class PollsService implements OnModuleInit {
  constructor(
    private readonly transactions: Transactions,
    private readonly visibility: FeedVisibility,
    private readonly groups: FeedGroups,
    private readonly jobs: JobEngine,
  ) {}

  onModuleInit(): void {
    this.jobs.onJob<PollCloseJob>(POLL_CLOSE_JOB, (job) => this.announceClosed(job));
  }

  /** The checks a DTO cannot make (the closing time against now), before any write: 400 if wrong. */
  check(input: CreatePollDto): NewPoll {
    let closesAt: Date | null = null;
    if (input.closesAt !== undefined) {
      closesAt = new Date(input.closesAt);
      if (Number.isNaN(closesAt.getTime())) throw invalid('poll.closesAt must be an ISO-8601 date-time');
      if (closesAt.getTime() <= Date.now()) throw invalid('poll.closesAt must be in the future');
      if (closesAt.getTime() > Date.now() + POLL_LIMITS.maxDays * DAY_MS) {
        throw invalid(`poll.closesAt must be within ${POLL_LIMITS.maxDays} days`);
      }
    }
    return { question: input.question ? input.question : null, options: input.options, multiple: input.multiple, closesAt };
  }

  /** Writes the poll of a post being created, in its transaction; the post is marked as carrying one. */
  async create(tx: Tx, post: PostRow, poll: NewPoll): Promise<PollView> {
    const [created] = await rows<{ id: string }>(
      tx.manager,
      'INSERT INTO post_polls (post_id, question, multiple, closes_at) VALUES ($1, $2, $3, $4) RETURNING id',
      [post.id, poll.question, poll.multiple, poll.closesAt],
    );
    await tx.manager.query(
      `INSERT INTO post_poll_options (poll_id, position, text)
       SELECT $1, o.position - 1, o.text FROM unnest($2::text[]) WITH ORDINALITY AS o(text, position)`,
      [created.id, poll.options],
    );
    await tx.manager.query('UPDATE posts SET has_poll = true WHERE id = $1', [post.id]);
    post.has_poll = true;
    if (poll.closesAt) {
      const job: PollCloseJob = { postId: post.id, pollId: created.id };
      await this.jobs.sendAt(POLL_CLOSE_JOB, job, poll.closesAt, tx.manager);
    }
    return this.read(tx.manager, post.id, null);
  }

  /**
   * At the closing time: `poll.closed` with the final counts to `post:<id>`, taken under the poll's
   * lock (after any vote that got in before the time) and only while the post is in sight. Nothing
   * for a poll not closed yet (the job came early) or gone with its post.
   */
  private async announceClosed(job: PollCloseJob): Promise<void> {
    await this.transactions.run(async (tx) => {
      const [poll] = await rows<LockedPoll>(
        tx.manager,
        `SELECT pp.id, pp.multiple, coalesce(pp.closes_at <= now(), false) AS closed, p.author_id, p.moderation_state
           FROM post_polls pp JOIN posts p ON p.id = pp.post_id
          WHERE pp.id = $1 AND pp.post_id = $2 AND p.deleted_at IS NULL
            FOR NO KEY UPDATE OF pp`,
        [job.pollId, job.postId],
      );
      if (!poll?.closed) return;
      const view = await this.read(tx.manager, job.postId, null);
      await tx.emit({
        type: 'poll.closed',
        payload: { postId: job.postId, poll: pollCounts(view) },
        audience: whileVisible(poll, [postRoom(job.postId)]),
        subject: postSubject(job.postId),
      });
    });
  }

  /** A post's poll as `viewerId` sees it (null viewer: for an event). */
  async read(db: EntityManager, postId: string, viewerId: string | null): Promise<PollView> {
    const poll = (await pollsOf(db, viewerId, [{ id: postId, has_poll: true }])).get(postId);
    if (!poll) throw notFound('Poll');
    return poll;
  }

  /** Replaces the caller's choice with `optionIds` (canonical ids, no repeats: the DTO saw to it). */
  vote(user: AuthUser, postId: string, optionIds: string[]): Promise<PollView> {
    return this.change(user, postId, optionIds);
  }

  /** Withdraws the caller's choice; without one, changes nothing and answers the poll as it is. */
  retract(user: AuthUser, postId: string): Promise<PollView> {
    return this.change(user, postId, []);
  }

  private async change(user: AuthUser, postId: string, chosen: string[]): Promise<PollView> {
    // Asked before the transaction, which then never waits for a second pooled connection.
    const post = await this.visibility.visiblePost(user, postId);
    await this.groups.assertCanInteract(user.id, post.group_id);
    const visible = await this.visibility.filterFor(user);
    return this.transactions.run(async (tx) => {
      await tx.commitWithoutFlushWait();
      const params = new SqlParams();
      const [poll] = await rows<LockedPoll>(tx.manager, {
        text: `SELECT pp.id, pp.multiple, coalesce(pp.closes_at <= now(), false) AS closed, p.author_id, p.moderation_state
                 FROM post_polls pp JOIN posts p ON p.id = pp.post_id
                WHERE pp.post_id = ${params.add(postId)} AND ${visible('p', params)}
                  FOR NO KEY UPDATE OF pp`,
        values: params.values,
      });
      if (!poll) throw notFound('Poll');
      if (poll.closed) throw conflict('This poll is closed', 'poll_closed');
      if (!poll.multiple && chosen.length > 1) throw invalid('optionIds: this poll takes exactly one choice');
      if (chosen.length > 0) {
        const known = await rows<{ id: string }>(
          tx.manager,
          'SELECT id FROM post_poll_options WHERE poll_id = $1 AND id = ANY($2::uuid[])',
          [poll.id, chosen],
        );
        if (known.length !== chosen.length) throw invalid('optionIds: each must be an option of this poll');
      }
      const before = (
        await rows<{ option_id: string }>(
          tx.manager,
          'SELECT option_id FROM post_poll_votes WHERE poll_id = $1 AND user_id = $2',
          [poll.id, user.id],
        )
      ).map((r) => r.option_id);
      const removed = before.filter((id) => !chosen.includes(id));
      const added = chosen.filter((id) => !before.includes(id));
      if (removed.length === 0 && added.length === 0) return this.read(tx.manager, postId, user.id);
      // Removed first: in a single-choice poll the new row would otherwise meet the old one in the partial unique index.
      if (removed.length > 0) {
        await tx.manager.query(
          'DELETE FROM post_poll_votes WHERE poll_id = $1 AND user_id = $2 AND option_id = ANY($3::uuid[])',
          [poll.id, user.id, removed],
        );
      }
      if (added.length > 0) {
        await tx.manager.query(
          'INSERT INTO post_poll_votes (poll_id, option_id, user_id, multiple) SELECT $1, unnest($2::uuid[]), $3, $4',
          [poll.id, added, user.id, poll.multiple],
        );
      }
      const deltas = [...removed.map((id) => [id, -1] as const), ...added.map((id) => [id, 1] as const)];
      await tx.manager.query(
        `UPDATE post_poll_options o SET vote_count = o.vote_count + d.delta
           FROM unnest($2::uuid[], $3::int[]) AS d(id, delta)
          WHERE o.poll_id = $1 AND o.id = d.id`,
        [poll.id, deltas.map(([id]) => id), deltas.map(([, delta]) => delta)],
      );
      const voterDelta = (chosen.length > 0 ? 1 : 0) - (before.length > 0 ? 1 : 0);
      if (voterDelta !== 0) {
        await tx.manager.query('UPDATE post_polls SET voter_count = voter_count + $2 WHERE id = $1', [poll.id, voterDelta]);
      }
      const view = await this.read(tx.manager, postId, user.id);
      await tx.emit({
        type: 'poll.voted',
        payload: { postId, poll: pollCounts(view) },
        audience: whileVisible(poll, [postRoom(postId)]),
        subject: postSubject(postId),
        actorId: user.id,
      });
      return view;
    });
  }
}
