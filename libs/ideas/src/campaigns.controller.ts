import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthUser, CurrentUser, type Page, Permission, RequirePermission, UuidParam } from '@ruche/platform';
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

@ApiTags('ideas')
@ApiBearerAuth()
@Controller('campaigns')
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
  @RequirePermission(Permission.RunCampaigns)
  @ApiCreatedResponse({ type: CampaignView, description: 'A draft, visible to the innovation team only until opened' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreateCampaignDto): Promise<CampaignView> {
    return this.campaigns.create(user, body);
  }

  @Get()
  list(@CurrentUser() user: AuthUser, @Query() query: CampaignListQuery): Promise<Page<CampaignView>> {
    return this.campaigns.list(user, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: CampaignView })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<CampaignView> {
    return this.campaigns.get(user, id);
  }

  @Patch(':id')
  @RequirePermission(Permission.RunCampaigns)
  @ApiOkResponse({ type: CampaignView, description: 'Drafts only (409 once open)' })
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: UpdateCampaignDto): Promise<CampaignView> {
    return this.campaigns.update(user, id, body);
  }

  @Post(':id/open')
  @HttpCode(200)
  @RequirePermission(Permission.RunCampaigns)
  @ApiOkResponse({ type: CampaignView, description: 'draft → open: ideas and votes accepted' })
  open(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<CampaignView> {
    return this.phases.transition(user, id, 'open');
  }

  @Post(':id/advance')
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
  @HttpCode(200)
  @RequirePermission(Permission.RunCampaigns)
  @ApiOkResponse({ type: CampaignView, description: 'review → closed' })
  close(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<CampaignView> {
    return this.phases.transition(user, id, 'close');
  }

  @Post(':id/ideas')
  @ApiCreatedResponse({ type: IdeaView, description: '409 unless the campaign is open' })
  submit(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: CreateIdeaDto): Promise<IdeaView> {
    return this.submissions.submit(user, id, body);
  }

  @Get(':id/ideas')
  listIdeas(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() query: IdeaListQuery): Promise<Page<IdeaView>> {
    return this.ideas.list(user, id, query);
  }

  @Get(':id/ideas/similar')
  @ApiOkResponse({ type: [SimilarIdeaView], description: '{ items }: existing ideas with a similar title, best match first' })
  similar(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: SimilarQuery,
  ): Promise<{ items: SimilarIdeaView[] }> {
    return this.similarity.similar(user, id, query.title, query.limit);
  }

  @Get(':id/summary')
  @ApiOkResponse({ type: CampaignSummaryView })
  summary(
    @CurrentUser() user: AuthUser,
    @UuidParam('id') id: string,
    @Query() query: SummaryQuery,
  ): Promise<CampaignSummaryView> {
    return this.summaries.summary(user, id, query.top);
  }
}
