import { Injectable } from '@nestjs/common';
import { IdentityService, summaryIn } from '@ruche/identity';
import type { CampaignFigures, CampaignSummaryView } from './dto.js';
import { IDEA_COLUMNS, type IdeaRow, numeric } from './idea-sql.js';
import { IdeasVisibility, type Viewer } from './ideas-visibility.js';
import { TOP_ORDER_SQL } from './ranking.js';
import { Database, rows } from '@ruche/platform';

/**
 * A campaign at a glance: the leaderboard (top ideas with votes, review score and status, in the
 * same order as the advance) and the campaign's figures. Everything counts from the ideas' exact
 * counters plus two small aggregates (reviews, participants).
 */
@Injectable()
export class SummaryService {
  constructor(
    private readonly db: Database,
    private readonly visibility: IdeasVisibility,
    private readonly identity: IdentityService,
  ) {}

  async summary(viewer: Viewer, campaignId: string, top: number): Promise<CampaignSummaryView> {
    const campaign = await this.visibility.visibleCampaign(viewer, campaignId);
    const db = this.db.manager;
    // Ideas out of the viewer's sight (moderation) count nowhere.
    const visible = this.visibility.ideaVisibleSql(viewer, 'i');
    const [figures] = await rows<CampaignFigures>(
      db,
      `SELECT count(*) FILTER (WHERE i.status <> 'merged')::int AS ideas,
              coalesce(sum(i.vote_count), 0)::int AS votes,
              coalesce(sum(i.comment_count), 0)::int AS comments,
              coalesce(sum(i.review_count), 0)::int AS reviews,
              count(*) FILTER (WHERE i.review_count > 0)::int AS reviewed,
              count(*) FILTER (WHERE i.status = 'in_review')::int AS "inReview",
              count(*) FILTER (WHERE i.status IN ('selected', 'implemented'))::int AS selected,
              count(*) FILTER (WHERE i.status = 'rejected')::int AS rejected,
              count(*) FILTER (WHERE i.status = 'implemented')::int AS implemented,
              count(*) FILTER (WHERE i.status = 'merged')::int AS merged,
              (SELECT count(*)::int FROM (
                 SELECT author_id AS user_id FROM ideas WHERE campaign_id = $1
                 UNION SELECT v.user_id FROM idea_votes v JOIN ideas vi ON vi.id = v.idea_id WHERE vi.campaign_id = $1
                 UNION SELECT c.author_id FROM idea_comments c JOIN ideas ci ON ci.id = c.idea_id WHERE ci.campaign_id = $1
                 UNION SELECT r.reviewer_id FROM idea_reviews r JOIN ideas ri ON ri.id = r.idea_id WHERE ri.campaign_id = $1
               ) people) AS participants
         FROM ideas i
        WHERE i.campaign_id = $1 AND ${visible}`,
      [campaignId],
    );
    const leaders = await rows<IdeaRow>(
      db,
      `SELECT ${IDEA_COLUMNS('i')} FROM ideas i WHERE i.campaign_id = $1 AND i.status <> 'merged' AND ${visible} ORDER BY ${TOP_ORDER_SQL('i')} LIMIT $2`,
      [campaignId, top],
    );
    const authors = await this.identity.summaries(leaders.map((i) => i.author_id));
    return {
      campaignId,
      title: campaign.title,
      status: campaign.status,
      figures: {
        participants: figures.participants,
        ideas: figures.ideas,
        votes: figures.votes,
        comments: figures.comments,
        reviews: figures.reviews,
        reviewed: figures.reviewed,
        inReview: figures.inReview,
        selected: figures.selected,
        rejected: figures.rejected,
        implemented: figures.implemented,
        merged: figures.merged,
      },
      leaderboard: leaders.map((idea, index) => ({
        rank: index + 1,
        id: idea.id,
        title: idea.title,
        author: summaryIn(authors, idea.author_id),
        status: idea.status,
        voteCount: idea.vote_count,
        commentCount: idea.comment_count,
        reviewCount: idea.review_count,
        reviewScore: numeric(idea.review_score),
      })),
    };
  }
}
