import { Injectable } from '@nestjs/common';
import { summaryOf } from '@ruche/identity';
import { type AuthUser, conflict, forbidden, invalid, renderMarkdown, rows, Transactions } from '@ruche/platform';
import type { ReviewView } from './dto.js';
import { ideaAudience, ideaSubject } from './idea-events.js';
import { REVIEW_COLUMNS, type ReviewRow } from './idea-sql.js';
import { toReviewView } from './idea-views.js';
import { IdeasVisibility } from './ideas-visibility.js';
import { orderedScores, reviewScore, round2, type Scores, scorecardProblems, weightedScore } from './scorecard.js';

/**
 * Expert review in the open: only the campaign's reviewers review (never their own idea), only
 * `in_review` ideas while the campaign is in review, one review each (a unique constraint), scoring
 * every criterion 1..5. The
 * idea's score is recomputed from all its reviews under the idea's row lock, so concurrent reviews
 * cannot lose one another. Reviews are readable by everyone who sees the idea.
 */
@Injectable()
export class ReviewsService {
  constructor(
    private readonly transactions: Transactions,
    private readonly visibility: IdeasVisibility,
  ) {}

  create(user: AuthUser, ideaId: string, input: { scores: Record<string, unknown>; comment: string }): Promise<ReviewView> {
    return this.transactions.run(async (tx) => {
      // Share lock: the campaign cannot close between the phase check and the commit.
      const { idea, campaign } = await this.visibility.lockVisibleIdea(tx.manager, user, ideaId, 'share');
      const panel = await rows(tx.manager, 'SELECT 1 FROM campaign_reviewers WHERE campaign_id = $1 AND user_id = $2', [
        campaign.id,
        user.id,
      ]);
      if (panel.length === 0) throw forbidden("Only the campaign's reviewers can review its ideas");
      // Conflict of interest: a reviewer who submitted an idea leaves its review to the rest of the panel.
      if (idea.author_id === user.id) throw forbidden('Reviewers do not review their own ideas');
      if (campaign.status !== 'review')
        throw conflict(`Reviews are written while the campaign is in review (it is ${campaign.status})`);
      if (idea.status !== 'in_review') throw conflict(`Only ideas in review can be reviewed (this one is ${idea.status})`);
      const problems = scorecardProblems(campaign.criteria, input.scores);
      if (problems.length) throw invalid(problems.join('; '));
      const scores = orderedScores(campaign.criteria, input.scores as Scores);
      const [row] = await rows<ReviewRow>(
        tx.manager,
        `INSERT INTO idea_reviews (idea_id, reviewer_id, scores, comment, score, comment_html) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT ON CONSTRAINT idea_reviews_one_per_reviewer DO NOTHING
         RETURNING ${REVIEW_COLUMNS}`,
        [ideaId, user.id, JSON.stringify(scores), input.comment, round2(weightedScore(campaign.criteria, scores)), renderMarkdown(input.comment)],
      );
      if (!row) throw conflict('You already reviewed this idea');
      const all = await rows<{ scores: Scores }>(tx.manager, 'SELECT scores FROM idea_reviews WHERE idea_id = $1', [ideaId]);
      const score = reviewScore(
        campaign.criteria,
        all.map((r) => r.scores),
      );
      await tx.manager.query('UPDATE ideas SET review_count = $2, review_score = $3, updated_at = now() WHERE id = $1', [
        ideaId,
        all.length,
        score,
      ]);
      const review = toReviewView(row, summaryOf(user));
      await tx.emit({
        type: 'review.created',
        payload: {
          ideaId,
          campaignId: campaign.id,
          authorId: idea.author_id,
          review,
          reviewScore: score,
          reviewCount: all.length,
          // Expertise credits the reviewer on these (#17: reviews count only when they carry them).
          topics: campaign.topics,
        },
        audience: ideaAudience(idea),
        subject: ideaSubject(ideaId),
        actorId: user.id,
      });
      return review;
    });
  }
}
