import { Injectable } from '@nestjs/common';
import { type AuthUser, conflict, type DomainEventType, invalid, rows, Transactions, type Tx } from '@ruche/platform';
import type { IdeaVoteView } from './dto.js';
import { ideaRooms, ideaSubject } from './idea-events.js';
import type { IdeaRow } from './idea-sql.js';
import { IdeasVisibility, type VisibleIdea } from './ideas-visibility.js';

/** Votes are accepted on submitted ideas of an open campaign; a merged duplicate points elsewhere. */
function assertVotable({ idea, campaign }: VisibleIdea): void {
  if (campaign.status !== 'open') throw conflict(`Voting is open while the campaign is open (it is ${campaign.status})`);
  if (idea.status === 'merged') throw conflict(`This idea was merged into ${idea.merged_into}: vote there`);
  if (idea.status !== 'submitted') throw conflict(`Voting is closed for this idea (it is ${idea.status})`);
}

/**
 * One vote per person and idea (the primary key of idea_votes); repeating a request changes
 * nothing (idempotent, no event). The counter moves only when a row was really inserted or
 * deleted, in the same transaction, so counts stay exact however many people vote at once.
 *
 * Why the idea's row is locked last, not first: 500 people voting at once used to queue on that
 * row for the whole transaction (visibility read, vote insert, counter, outbox, commit), each
 * hop through a busy event loop; they managed ~40-240 votes/s and ran the pool dry. Now the
 * checks and the vote insert run side by side (the vote row's unique key is the only guard they
 * need), and the row lock is taken by the counter update itself, at the very end: only that
 * update, the event and the commit are in single file. In READ COMMITTED the update adds to the
 * newest committed count, so the count it returns is exact, and because the lock is held until
 * commit, the events carrying counts commit (and are stamped) in the order of those counts: the
 * event delivered last carries the final count.
 *
 * The lock is held until the commit, and a synchronous commit holds it through the WAL flush too
 * (2–13 ms here): that fsync in single file, not the statements, was what limited a storm (SQL
 * alone, no app: ~60 votes/s). Votes commit without waiting for it ({@link Tx.commitWithoutFlushWait}:
 * a crash may lose a vote whose event nobody received, whole, never half of it).
 *
 * It is held for one statement and the commit, sent together, not across round trips: the
 * counter update, the event and the re-check are one statement, and its COMMIT travels in the same
 * message ({@link Tx.commitWith}). With the update, the event and the commit sent one by one, the lock
 * was held through two trips through the api's event loop, each waiting behind 500 requests' work:
 * ~180 votes/s on an idle machine, the other backends waiting on the row (`Lock/transactionid`).
 *
 * The statement checks the idea as it is now: an idea merged, decided, hidden or advanced while the
 * vote was on its way is no longer what the transaction checked, the statement fails (40001) and
 * the vote runs again from the start, which refuses it (409/404) or counts it on the idea as it is
 * then. The advance locks every submitted idea and changes its status, so a vote is either ranked
 * or refused, never lost in between.
 */
@Injectable()
export class VotesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly visibility: IdeasVisibility,
  ) {}

  vote(user: AuthUser, ideaId: string): Promise<IdeaVoteView> {
    return this.transactions.run(async (tx) => {
      await tx.commitWithoutFlushWait();
      const found = await this.visibility.visibleIdea(user, ideaId, tx.manager);
      assertVotable(found);
      if (found.idea.author_id === user.id) throw invalid('You cannot vote for your own idea');
      const inserted = await rows(
        tx.manager,
        'INSERT INTO idea_votes (idea_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING idea_id',
        [ideaId, user.id],
      );
      return this.settle(tx, user, found, inserted.length, true);
    });
  }

  unvote(user: AuthUser, ideaId: string): Promise<IdeaVoteView> {
    return this.transactions.run(async (tx) => {
      await tx.commitWithoutFlushWait();
      const found = await this.visibility.visibleIdea(user, ideaId, tx.manager);
      assertVotable(found);
      const deleted = await rows(tx.manager, 'DELETE FROM idea_votes WHERE idea_id = $1 AND user_id = $2 RETURNING idea_id', [
        ideaId,
        user.id,
      ]);
      return this.settle(tx, user, found, -deleted.length, false);
    });
  }

  /**
   * A repeat changes nothing and takes no lock: it answers the count committed when it asks, read
   * after the insert or delete that found nothing to do (which waited for a twin request's vote to
   * commit, so the twin's vote is in it).
   *
   * A real vote ends with one statement sent with its COMMIT ({@link Tx.commitWith}): the counter
   * update (the row lock), the `idea.voted` event carrying the count it produced, and the check that
   * the idea is still what this transaction checked (submitted, same moderation state, hence the
   * same audience); if not, `refuse_stale_write` fails it with 40001 and the whole vote runs again
   * on the idea as it is now (a 409 or 404, or the vote). The event's payload is the contract's
   * `idea.voted` ({ ideaId, campaignId, voteCount }), built in SQL because the count is known there.
   */
  private async settle(tx: Tx, user: AuthUser, { idea }: VisibleIdea, delta: number, myVote: boolean): Promise<IdeaVoteView> {
    if (delta === 0) {
      const [{ vote_count: voteCount }] = await rows<Pick<IdeaRow, 'vote_count'>>(
        tx.manager,
        'SELECT vote_count FROM ideas WHERE id = $1',
        [idea.id],
      );
      return { ideaId: idea.id, voteCount, myVote };
    }
    const event: DomainEventType = 'idea.voted';
    const [{ vote_count: voteCount }] = await tx.commitWith<{ vote_count: number }>(
      {
        text: `WITH now AS (
                 UPDATE ideas i SET vote_count = vote_count + $2 WHERE i.id = $1::uuid
                 RETURNING i.id, i.campaign_id, i.status, i.moderation_state, i.vote_count
               ), event AS (
                 INSERT INTO outbox (type, payload, audience, subject_type, subject_id, actor_id)
                 SELECT $6, jsonb_build_object('ideaId', now.id, 'campaignId', now.campaign_id, 'voteCount', now.vote_count),
                        $4, $7, now.id, $5::uuid
                   FROM now
               )
               SELECT refuse_stale_write(bool_and(now.status = 'submitted' AND now.moderation_state = $3) IS TRUE, 'the idea') AS fresh,
                      max(now.vote_count) AS vote_count
                 FROM now`,
        values: [idea.id, delta, idea.moderation_state, ideaRooms(idea), user.id, event, ideaSubject(idea.id).type],
      },
      [event],
    );
    return { ideaId: idea.id, voteCount, myVote };
  }
}
