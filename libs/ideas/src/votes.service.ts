import { Injectable } from '@nestjs/common';
import { type AuthUser, conflict, invalid, Transactions, type Tx } from '@ruche/platform';
import type { VoteView } from './dto.js';
import { ideaRooms, ideaSubject } from './idea-events.js';
import { rows } from './idea-sql.js';
import { IdeasVisibility, type VisibleIdea } from './ideas-visibility.js';

/** Votes are accepted on submitted ideas of an open campaign; a merged duplicate points elsewhere. */
function assertVotable({ idea, campaign }: VisibleIdea): void {
  if (campaign.status !== 'open') throw conflict(`Voting is open while the campaign is open (it is ${campaign.status})`);
  if (idea.status === 'merged') throw conflict(`This idea was merged into ${idea.merged_into}: vote there`);
  if (idea.status !== 'submitted') throw conflict(`Voting is closed for this idea (it is ${idea.status})`);
}

/**
 * One vote per person and idea (the primary key of idea_votes). The counter moves only when a row
 * was really inserted or deleted, in the same transaction, under the idea's row lock: counts stay
 * exact however many people vote at once, and repeating a request changes nothing (idempotent, no
 * event). The phase is checked under that lock: the advance locks the ideas it ranks, so a vote is
 * either ranked or refused (409), never lost in between (see IdeasVisibility.lockVisibleIdea).
 */
@Injectable()
export class VotesService {
  constructor(
    private readonly transactions: Transactions,
    private readonly visibility: IdeasVisibility,
  ) {}

  vote(user: AuthUser, ideaId: string): Promise<VoteView> {
    return this.transactions.run(async (tx) => {
      const found = await this.visibility.lockVisibleIdea(tx.manager, user, ideaId);
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

  unvote(user: AuthUser, ideaId: string): Promise<VoteView> {
    return this.transactions.run(async (tx) => {
      const found = await this.visibility.lockVisibleIdea(tx.manager, user, ideaId);
      assertVotable(found);
      const deleted = await rows(tx.manager, 'DELETE FROM idea_votes WHERE idea_id = $1 AND user_id = $2 RETURNING idea_id', [
        ideaId,
        user.id,
      ]);
      return this.settle(tx, user, found, -deleted.length, false);
    });
  }

  private async settle(tx: Tx, user: AuthUser, { idea }: VisibleIdea, delta: number, myVote: boolean): Promise<VoteView> {
    if (delta === 0) return { ideaId: idea.id, voteCount: idea.vote_count, myVote };
    const [{ vote_count: voteCount }] = await rows<{ vote_count: number }>(
      tx.manager,
      'UPDATE ideas SET vote_count = vote_count + $2 WHERE id = $1 RETURNING vote_count',
      [idea.id, delta],
    );
    await tx.emit({
      type: 'idea.voted',
      payload: { ideaId: idea.id, campaignId: idea.campaign_id, voteCount },
      audience: ideaRooms(idea),
      subject: ideaSubject(idea.id),
      actorId: user.id,
    });
    return { ideaId: idea.id, voteCount, myVote };
  }
}
