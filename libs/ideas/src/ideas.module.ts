import { Module } from '@nestjs/common';
import { FilesModule } from '@ruche/files';
import { PreviewsModule } from '@ruche/previews';
import { IdentityModule } from '@ruche/identity';
import { CampaignDeadlines } from './campaign-deadlines.js';
import { CampaignPhasesService } from './campaign-phases.service.js';
import { CampaignViews } from './campaign-views.js';
import { CampaignsController } from './campaigns.controller.js';
import { CampaignsService } from './campaigns.service.js';
import { DecisionsService } from './decisions.service.js';
import { IdeaCommentsService } from './idea-comments.service.js';
import { IdeaModeration } from './idea-moderation.js';
import { IdeaSearch } from './idea-search.js';
import { IdeaSubmissionsService } from './idea-submissions.service.js';
import { IdeaViews } from './idea-views.js';
import { IdeaLinkPreviews } from './idea-link-previews.js';
import { IdeasController } from './ideas.controller.js';
import { IdeasService } from './ideas.service.js';
import { IdeasVisibility } from './ideas-visibility.js';
import { ImplementationService } from './implementation.service.js';
import { ReviewsService } from './reviews.service.js';
import { SimilarityService } from './similarity.service.js';
import { SummaryService } from './summary.service.js';
import { VotesService } from './votes.service.js';
import { IdeasPersonalData } from './ideas-personal-data.js';

/**
 * Idea campaigns: campaigns and their phases, ideas, votes, comments, expert reviews with
 * scorecards, decisions, merges of duplicates, implementation tracking, the campaign summary.
 * Owns the campaigns, campaign_reviewers, campaign_transitions, ideas, idea_votes, idea_comments,
 * idea_reviews and idea_milestones tables (raw SQL: keyset lists, counters and ON CONFLICT are
 * clearer written out). Other modules use IdeasService and IdeasVisibility, or listen to the
 * `campaign.*`, `idea.*` and `review.created` events.
 */
@Module({
  imports: [IdentityModule, FilesModule, PreviewsModule],
  controllers: [CampaignsController, IdeasController],
  providers: [
    IdeasPersonalData,
    IdeasVisibility,
    IdeaModeration,
    CampaignViews,
    IdeaViews,
    IdeaLinkPreviews,
    CampaignsService,
    CampaignPhasesService,
    CampaignDeadlines,
    IdeasService,
    IdeaSubmissionsService,
    IdeaCommentsService,
    VotesService,
    ReviewsService,
    DecisionsService,
    ImplementationService,
    SimilarityService,
    SummaryService,
    IdeaSearch,
  ],
  exports: [IdeasService, IdeasVisibility, IdeaCommentsService],
})
export class IdeasModule {}
