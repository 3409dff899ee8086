import { Body, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import { ApiController, ApiErrors, ApiPageResponse, type AuthUser, CurrentUser, type Page, UuidParam } from '@ruche/platform';
import {
  CreateMentoringRequestDto,
  MentoringListQuery,
  MentoringProfileView,
  MentoringRequestView,
  PublicMentoringView,
  UpdateMentoringDto,
} from './dto.js';
import { MentoringService } from './mentoring.service.js';

@ApiController('mentoring')
export class MentoringController {
  constructor(private readonly mentoring: MentoringService) {}

  @Get('me/mentoring')
  @ApiOperation({ summary: 'Your mentoring profile: the skills you mentor on, availability and capacity' })
  @ApiOkResponse({ type: MentoringProfileView })
  profile(@CurrentUser() user: AuthUser): Promise<MentoringProfileView> {
    return this.mentoring.profile(user.id);
  }

  @Get('users/:id/mentoring')
  @ApiOperation({
    summary: 'The skills a person is willing to mentor on and whether they take a mentee now (never their requests)',
  })
  @ApiOkResponse({ type: PublicMentoringView })
  @ApiErrors({ notFound: 'Unknown or suspended person' })
  publicProfile(@UuidParam('id') id: string): Promise<PublicMentoringView> {
    return this.mentoring.publicProfile(id);
  }

  @Put('me/mentoring')
  @ApiOperation({ summary: 'The skills you are willing to mentor on, whether you take mentees now, and how many at once' })
  @ApiOkResponse({ type: MentoringProfileView })
  update(@CurrentUser() user: AuthUser, @Body() body: UpdateMentoringDto): Promise<MentoringProfileView> {
    return this.mentoring.updateProfile(user.id, body);
  }

  @Post('mentoring/requests')
  @ApiOperation({ summary: 'Ask for a guide on a skill: paired at once with a willing, available expert, or waiting for one' })
  @ApiCreatedResponse({ type: MentoringRequestView })
  request(@CurrentUser() user: AuthUser, @Body() body: CreateMentoringRequestDto): Promise<MentoringRequestView> {
    return this.mentoring.request(user.id, body);
  }

  @Get('mentoring/requests')
  @ApiOperation({ summary: 'Your mentoring requests, as mentee or mentor, newest first' })
  @ApiPageResponse(MentoringRequestView)
  list(@CurrentUser() user: AuthUser, @Query() query: MentoringListQuery): Promise<Page<MentoringRequestView>> {
    return this.mentoring.list(user.id, query);
  }

  @Post('mentoring/requests/:id/close')
  @ApiOperation({ summary: 'Close a request (its mentee or mentor; idempotent)' })
  @HttpCode(200)
  @ApiOkResponse({ type: MentoringRequestView })
  close(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<MentoringRequestView> {
    return this.mentoring.close(user.id, id);
  }

  @Post('mentoring/requests/:id/confirm')
  @HttpCode(200)
  @ApiOperation({ summary: 'The mentee confirms a closed pairing took place (it counts toward the Mentor badge after 14 days or more)' })
  @ApiOkResponse({ type: MentoringRequestView })
  confirm(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<MentoringRequestView> {
    return this.mentoring.confirm(user.id, id);
  }
}
