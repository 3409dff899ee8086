import { Body, Delete, Get, HttpCode, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  ApiController,
  ApiPageResponse,
  type AuthUser,
  CurrentUser,
  type Page,
  PageQuery,
  Permission,
  RequirePermission,
  UuidParam,
} from '@ruche/platform';
import { DecisionsService } from './decisions.service.js';
import {
  CreateIdeaCommentDto,
  CreateReviewDto,
  DecisionDto,
  IdeaCommentView,
  IdeaDetailView,
  ImplementationDto,
  MergeDto,
  MergeView,
  ReviewView,
  UpdateIdeaDto,
  IdeaVoteView,
} from './dto.js';
import { IdeaCommentsService } from './idea-comments.service.js';
import { IdeaSubmissionsService } from './idea-submissions.service.js';
import { IdeasService } from './ideas.service.js';
import { ImplementationService } from './implementation.service.js';
import { ReviewsService } from './reviews.service.js';
import { SimilarityService } from './similarity.service.js';
import { VotesService } from './votes.service.js';

@ApiController('ideas', 'ideas')
export class IdeasController {
  constructor(
    private readonly ideas: IdeasService,
    private readonly submissions: IdeaSubmissionsService,
    private readonly votes: VotesService,
    private readonly comments: IdeaCommentsService,
    private readonly reviews: ReviewsService,
    private readonly decisions: DecisionsService,
    private readonly implementation: ImplementationService,
    private readonly similarity: SimilarityService,
  ) {}

  @Get(':id')
  @ApiOperation({ summary: 'One idea, with its reviews and implementation' })
  @ApiOkResponse({ type: IdeaDetailView })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<IdeaDetailView> {
    return this.ideas.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: "Edit an idea's title or description (its author, while submitted)" })
  @ApiOkResponse({ type: IdeaDetailView, description: 'The author, while the idea is submitted' })
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: UpdateIdeaDto): Promise<IdeaDetailView> {
    return this.submissions.edit(user, id, body);
  }

  @Put(':id/vote')
  @ApiOperation({ summary: 'Vote for an idea (idempotent)' })
  @ApiOkResponse({ type: IdeaVoteView, description: 'Idempotent; 409 unless the campaign is open; 400 for your own idea' })
  vote(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<IdeaVoteView> {
    return this.votes.vote(user, id);
  }

  @Delete(':id/vote')
  @ApiOperation({ summary: 'Take back a vote (idempotent)' })
  @ApiOkResponse({ type: IdeaVoteView })
  unvote(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<IdeaVoteView> {
    return this.votes.unvote(user, id);
  }

  @Post(':id/comments')
  @ApiOperation({ summary: 'Comment on an idea' })
  @ApiCreatedResponse({ type: IdeaCommentView })
  addComment(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: CreateIdeaCommentDto,
  ): Promise<IdeaCommentView> {
    return this.comments.add(user, id, body.body);
  }

  @Get(':id/comments')
  @ApiOperation({ summary: "An idea's comments, oldest first" })
  @ApiPageResponse(IdeaCommentView)
  listComments(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: PageQuery,
  ): Promise<Page<IdeaCommentView>> {
    return this.comments.list(user, id, query);
  }

  @Post(':id/reviews')
  @ApiOperation({ summary: 'Review an idea in review (a reviewer of its campaign)' })
  @ApiCreatedResponse({ type: ReviewView, description: 'A reviewer of the campaign, idea in_review; 409 for a second review' })
  review(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: CreateReviewDto): Promise<ReviewView> {
    return this.reviews.create(user, id, body);
  }

  @Post(':id/decision')
  @ApiOperation({ summary: 'Decide on an idea: select, reject or mark implemented (the innovation team)' })
  @HttpCode(200)
  @RequirePermission(Permission.RunCampaigns)
  @ApiOkResponse({
    type: IdeaDetailView,
    description: 'in_review → selected | rejected (rationale required), selected → implemented',
  })
  decide(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: DecisionDto): Promise<IdeaDetailView> {
    return this.decisions.decide(user, id, body.status, body.rationale);
  }

  @Post(':id/merge')
  @ApiOperation({ summary: 'Merge a duplicate idea into another of the same campaign (the innovation team)' })
  @HttpCode(200)
  @RequirePermission(Permission.RunCampaigns)
  @ApiOkResponse({ type: MergeView })
  merge(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: MergeDto,
  ): Promise<MergeView> {
    return this.similarity.merge(user, id, body.intoId);
  }

  @Patch(':id/implementation')
  @ApiOperation({ summary: "Update a selected idea's implementation: owner, progress, milestones (the innovation team)" })
  @RequirePermission(Permission.RunCampaigns)
  @ApiOkResponse({ type: IdeaDetailView, description: 'Selected or implemented ideas: owner, progress, milestones' })
  updateImplementation(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Body() body: ImplementationDto,
  ): Promise<IdeaDetailView> {
    return this.implementation.update(user, id, body);
  }
}
