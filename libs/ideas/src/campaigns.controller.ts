import { Body, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  ApiController,
  ApiItemsResponse,
  ApiPageResponse,
  type AuthUser,
  CurrentUser,
  type Page,
  Permission,
  RequirePermission,
  UuidParam,
} from '@ruche/platform';
import { CampaignPhasesService } from './campaign-phases.service.js';
import { CampaignsService } from './campaigns.service.js';
import {
  CampaignListQuery,
  CampaignSummaryView,
  CampaignView,
  CreateCampaignDto,
  CreateIdeaDto,
  IdeaListQuery,
  IdeaView,
  SimilarIdeaView,
  SimilarQuery,
  SummaryQuery,
  UpdateCampaignDto,
} from './dto.js';
import { IdeaSubmissionsService } from './idea-submissions.service.js';
import { IdeasService } from './ideas.service.js';
import { SimilarityService } from './similarity.service.js';
import { SummaryService } from './summary.service.js';

@ApiController('ideas', 'campaigns')
export class CampaignsController {
  constructor(
    private readonly campaigns: CampaignsService,
    private readonly phases: CampaignPhasesService,
    private readonly submissions: IdeaSubmissionsService,
    private readonly ideas: IdeasService,
    private readonly similarity: SimilarityService,
    private readonly summaries: SummaryService,
  ) {}

  @Post()
  @ApiOperation({ summary: 'Draft an idea campaign (the innovation team)' })
  @RequirePermission(Permission.RunCampaigns)
  @ApiCreatedResponse({ type: CampaignView, description: 'A draft, visible to the innovation team only until opened' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCampaignDto): Promise<CampaignView> {
    return this.campaigns.create(user, body);
  }

  @Get()
  @ApiOperation({ summary: 'Campaigns, newest first; drafts only for the innovation team' })
  @ApiPageResponse(CampaignView)
  list(@CurrentUser() user: AuthUser, @Query() query: CampaignListQuery): Promise<Page<CampaignView>> {
    return this.campaigns.list(user, query);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One campaign' })
  @ApiOkResponse({ type: CampaignView })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<CampaignView> {
    return this.campaigns.get(user, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Edit a draft campaign (the innovation team)' })
  @RequirePermission(Permission.RunCampaigns)
  @ApiOkResponse({ type: CampaignView, description: 'Drafts only (409 once open)' })
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: UpdateCampaignDto): Promise<CampaignView> {
    return this.campaigns.update(user, id, body);
  }

  @Post(':id/open')
  @ApiOperation({ summary: 'Open a draft campaign to ideas and votes' })
  @HttpCode(200)
  @RequirePermission(Permission.RunCampaigns)
  @ApiOkResponse({ type: CampaignView, description: 'draft → open: ideas and votes accepted' })
  open(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<CampaignView> {
    return this.phases.transition(user, id, 'open');
  }

  @Post(':id/advance')
  @ApiOperation({ summary: 'Move an open campaign to review: the top ideas go to the review panel' })
  @HttpCode(200)
  @RequirePermission(Permission.RunCampaigns)
  @ApiOkResponse({
    type: CampaignView,
    description: 'open → review: the top advanceTopN ideas go in_review, the rest not_selected',
  })
  advance(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<CampaignView> {
    return this.phases.transition(user, id, 'advance');
  }

  @Post(':id/close')
  @ApiOperation({ summary: 'Close a campaign in review' })
  @HttpCode(200)
  @RequirePermission(Permission.RunCampaigns)
  @ApiOkResponse({ type: CampaignView, description: 'review → closed' })
  close(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<CampaignView> {
    return this.phases.transition(user, id, 'close');
  }

  @Post(':id/ideas')
  @ApiOperation({ summary: 'Submit an idea to an open campaign' })
  @ApiCreatedResponse({ type: IdeaView, description: '409 unless the campaign is open' })
  submit(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: CreateIdeaDto): Promise<IdeaView> {
    return this.submissions.submit(user, id, body);
  }

  @Get(':id/ideas')
  @ApiOperation({
    summary: "A campaign's ideas (merged duplicates left out): `sort=top` most votes first, `sort=new` newest first",
  })
  @ApiPageResponse(IdeaView)
  listIdeas(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() query: IdeaListQuery): Promise<Page<IdeaView>> {
    return this.ideas.list(user, id, query);
  }

  @Get(':id/ideas/similar')
  @ApiOperation({ summary: 'Ideas of the campaign with a title like this one: read them before submitting' })
  @ApiItemsResponse(SimilarIdeaView, 'Existing ideas with a similar title, best match first')
  similar(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: SimilarQuery,
  ): Promise<{ items: SimilarIdeaView[] }> {
    return this.similarity.similar(user, id, query.title, query.limit);
  }

  @Get(':id/summary')
  @ApiOperation({ summary: "A campaign's figures and its leaderboard" })
  @ApiOkResponse({ type: CampaignSummaryView })
  summary(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: SummaryQuery,
  ): Promise<CampaignSummaryView> {
    return this.summaries.summary(user, id, query.top);
  }
}
