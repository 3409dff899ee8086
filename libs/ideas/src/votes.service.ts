import { Injectable } from '@nestjs/common';
import { type AuthUser, conflict, type DomainEventType, invalid, rows, type SingleWrite, Transactions } from '@ruche/platform';
import type { CampaignStatus } from './campaign-rules.js';
import type { IdeaVoteView } from './dto.js';
import { ideaRooms, ideaSubject } from './idea-events.js';
import type { IdeaRow } from './idea-sql.js';
import { IdeasVisibility } from './ideas-visibility.js';

/** What a vote checks: the idea, and its campaign's phase. */
type VotableIdea = { idea: IdeaRow; campaignStatus: CampaignStatus };

/** Votes are accepted on submitted ideas of an open campaign; a merged duplicate points elsewhere. */
function assertVotable({ idea, campaignStatus }: VotableIdea): void {
  if (campaignStatus !== 'open') throw conflict(`Voting is open while the campaign is open (it is ${campaignStatus})`);
  if (idea.status === 'merged') throw conflict(`This idea was merged into ${idea.merged_into}: vote there`);
  if (idea.status !== 'submitted') throw conflict(`Voting is closed for this idea (it is ${idea.status})`);
}

/**
 * One vote per person and idea (the primary key of idea_votes); repeating a request changes
 * nothing (idempotent, no event). The counter moves only when a row was really inserted or
 * deleted, in the same transaction, so counts stay exact however many people vote at once.
 *
 * Why the idea's row is locked last, and only by the write's one statement: 500 people voting at
 * once used to queue on that row for the whole transaction (visibility read, vote insert,
 * counter, outbox, commit), each hop through a busy event loop (~40-240 votes/s, the pool run
 * dry). Then the row lock moved to the counter update at the end, but was still held through two
 * round trips (the update, the event, the COMMIT), each waiting for the api's event loop behind
 * every other request's work: ~180 votes/s on an idle machine, the other backends waiting on the
 * row (`Lock/transactionid`). Now the reads take no lock and no transaction, and the write is one
 * statement (vote row, counter, event, re-check) sent with BEGIN and COMMIT in one message
 * ({@link Transactions.single}): the lock is held for that statement and the commit alone. In
 * READ COMMITTED the update adds to the newest committed count, so the count it returns is exact,
 * and because the lock is held until commit, the events carrying counts commit (and are stamped)
 * in the order of those counts: the event delivered last carries the final count.
 *
 * A synchronous commit would hold the lock through the WAL flush too (2–13 ms here): that fsync in
 * single file, not the statements, was once what limited a storm (SQL alone, no app: ~60 votes/s).
 * Votes commit without waiting for it ({@link Tx.commitWithoutFlushWait}: a crash may lose a vote
 * whose event nobody received, whole, never half of it).
 *
 * The statement re-checks under the lock what the reads decided: an idea merged, decided, hidden
 * or advanced while the vote was on its way fails it (40001) and the vote
 * runs again from the start, which refuses it (409/404) or counts it on the idea as it is then.
 * The campaign is read without a lock, as before: the advance locks every submitted idea and
 * changes its status, so a vote is either ranked or refused, never lost in between.
 */
@Injectable()
export class VotesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly visibility: IdeasVisibility,
  ) {}

  vote(user: AuthUser, ideaId: string): Promise<IdeaVoteView> {
    return this.transactions.single(async (write) => {
      const found = await this.visibility.visibleIdeaInCampaign(user, ideaId, write.manager);
      assertVotable(found);
      if (found.idea.author_id === user.id) throw invalid('You cannot vote for your own idea');
      return this.cast(write, user, found, true);
    });
  }

  unvote(user: AuthUser, ideaId: string): Promise<IdeaVoteView> {
    return this.transactions.single(async (write) => {
      const found = await this.visibility.visibleIdeaInCampaign(user, ideaId, write.manager);
      assertVotable(found);
      return this.cast(write, user, found, false);
    });
  }

  /**
   * The vote's one write ({@link Transactions.single}: BEGIN, this statement and COMMIT in one
   * message, without waiting for the WAL flush): the vote row, then, only if it changed, the
   * counter and the `idea.voted` event carrying the count. The vote row comes first (the insert
   * waits for a twin request's uncommitted vote, then does nothing). The counter update takes the
   * row lock and re-reads the idea as it is then, and the statement re-checks under that lock what
   * the reads decided: the idea still `submitted`, its moderation state (hence who may see it and
   * the event's audience) unchanged. If not, `refuse_stale_write` fails it
   * (40001): nothing is written and the vote runs again from the start, reads included (a 409 or
   * 404, or the vote on the idea as it is then). The event's payload is the contract's
   * `idea.voted` ({ ideaId, campaignId, voteCount }), built in SQL because the count is known there.
   *
   * A repeat changes nothing and takes no lock: it answers the count committed when it asks, read
   * after its commit (its insert or delete waited for a twin request's vote, so that is in it).
   */
  private async cast(write: SingleWrite, user: AuthUser, { idea }: VotableIdea, myVote: boolean): Promise<IdeaVoteView> {
    const change = myVote
      ? 'INSERT INTO idea_votes (idea_id, user_id) VALUES ($1::uuid, $5::uuid) ON CONFLICT DO NOTHING'
      : 'DELETE FROM idea_votes WHERE idea_id = $1::uuid AND user_id = $5::uuid';
    const event: DomainEventType = 'idea.voted';
    // vote_count is NULL only when nothing changed (no update ran).
    const [{ changed, vote_count: voteCount }] = await write.commit<{ changed: boolean; vote_count: number }>(
      {
        text: `WITH change AS (${change} RETURNING idea_id), now AS (
                 UPDATE ideas i SET vote_count = vote_count + $2 WHERE i.id = $1::uuid AND EXISTS (SELECT 1 FROM change)
                 RETURNING i.id, i.campaign_id, i.status, i.moderation_state, i.vote_count
               ), event AS (
                 INSERT INTO outbox (type, payload, audience, subject_type, subject_id, actor_id)
                 SELECT $6, jsonb_build_object('ideaId', now.id, 'campaignId', now.campaign_id, 'voteCount', now.vote_count),
                        $4, $7, now.id, $5::uuid
                   FROM now
               )
               SELECT refuse_stale_write(
                        NOT EXISTS (SELECT 1 FROM change) OR bool_and(now.status = 'submitted' AND now.moderation_state = $3) IS TRUE,
                        'the idea'
                      ) AS fresh,
                      EXISTS (SELECT 1 FROM change) AS changed,
                      max(now.vote_count) AS vote_count
                 FROM now`,
        values: [idea.id, myVote ? 1 : -1, idea.moderation_state, ideaRooms(idea), user.id, event, ideaSubject(idea.id).type],
      },
      { events: [event], flushWait: false },
    );
    if (changed) return { ideaId: idea.id, voteCount, myVote };
    const [now] = await rows<Pick<IdeaRow, 'vote_count'>>(write.manager, 'SELECT vote_count FROM ideas WHERE id = $1', [idea.id]);
    return { ideaId: idea.id, voteCount: now.vote_count, myVote };
  }
}
