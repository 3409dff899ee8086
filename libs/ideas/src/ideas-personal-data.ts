import { Injectable } from '@nestjs/common';
import { ERASED_TEXT, PersonalDataShare, forgetMentionsIn, tableOwner, type ErasureSubject, type Tx } from '@ruche/platform';

/**
 * Ideas' share of a person's data (#15): their ideas, comments, votes and reviews, the campaigns
 * they created or review. Erasure keeps ideas, comments and reviews under "Former employee"
 * (anonymise), or removes them with the text wiped (delete): ideas are removed as moderation removes
 * them (`moderation_state = 'removed'`, hidden on every read path), comments are deleted with the
 * idea's comment count kept exact, reviews keep their scores (a campaign's decision rests on them)
 * but lose their text. Votes stay in the counts. Who decided, merged or owns an implementation is
 * the company's record: those ids now name the anonymised account, except the implementation
 * owner, which is cleared so nobody is shown as owning work.
 */
@Injectable()
export class IdeasPersonalData extends PersonalDataShare {
  protected readonly owner = tableOwner(
    'ideas',
    [
      { table: 'ideas', columns: ['author_id'], section: 'ideas', erase: (tx, s) => this.ideas(tx, s) },
      { table: 'ideas', columns: ['implementation_owner_id'], erase: 'null' },
      { table: 'ideas', columns: ['decided_by', 'merged_by'], erase: 'keep' },
      { table: 'idea_comments', columns: ['author_id'], section: 'idea_comments', erase: (tx, s) => this.comments(tx, s) },
      { table: 'idea_votes', columns: ['user_id'], section: 'idea_votes', erase: 'keep' },
      { table: 'idea_reviews', columns: ['reviewer_id'], section: 'reviews', erase: (tx, s) => this.reviews(tx, s) },
      { table: 'campaign_reviewers', columns: ['user_id'], section: 'campaigns_reviewed', erase: 'delete' },
      { table: 'campaigns', columns: ['created_by'], erase: 'null' },
      { table: 'campaign_transitions', columns: ['actor_id'], erase: 'null' },
    ],
    {
      // Others' ideas and idea comments that mention them: the mention becomes "Former employee".
      eraseFirst: async (tx, s) => {
        await forgetMentionsIn(tx, 'ideas', s);
        await forgetMentionsIn(tx, 'idea_comments', s);
      },
    },
  );

  private async ideas(tx: Tx, s: ErasureSubject): Promise<void> {
    if (s.mode === 'anonymise') return;
    await tx.manager.query(
      `UPDATE ideas SET title = $2, body = $2, body_html = NULL, moderation_state = 'removed', updated_at = now() WHERE author_id = $1`,
      [s.userId, ERASED_TEXT],
    );
  }

  private async comments(tx: Tx, s: ErasureSubject): Promise<void> {
    if (s.mode === 'anonymise') return;
    await tx.manager.query(
      `WITH gone AS (DELETE FROM idea_comments WHERE author_id = $1 RETURNING idea_id),
            counted AS (SELECT idea_id, count(*)::int AS n FROM gone GROUP BY idea_id)
       UPDATE ideas i SET comment_count = greatest(i.comment_count - counted.n, 0) FROM counted WHERE i.id = counted.idea_id`,
      [s.userId],
    );
  }

  private async reviews(tx: Tx, s: ErasureSubject): Promise<void> {
    if (s.mode === 'anonymise') return;
    await tx.manager.query('UPDATE idea_reviews SET comment = $2, comment_html = NULL WHERE reviewer_id = $1', [
      s.userId,
      ERASED_TEXT,
    ]);
  }
}
