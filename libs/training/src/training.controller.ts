import { Body, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import {
  ApiController,
  ApiErrors,
  ApiItemsResponse,
  ApiPageResponse,
  type AuthUser,
  CurrentUser,
  NoContent,
  type Page,
  UuidParam,
} from '@ruche/platform';
import { CreatePathDto, PathListQuery, PathProgressView, PathView, UpdatePathDto } from './dto.js';
import { TrainingService } from './training.service.js';

@ApiController('training')
export class TrainingController {
  constructor(private readonly training: TrainingService) {}

  @Post('training/paths')
  @ApiOperation({
    summary: "Draft a training path: the company's (admins) or a group's for its newcomers (the group's owners and admins)",
  })
  @ApiCreatedResponse({ type: PathView })
  @ApiErrors({ forbidden: 'Not an admin (company path), not an owner or admin of the group' })
  create(@CurrentUser() user: AuthUser, @Body() body: CreatePathDto): Promise<PathView> {
    return this.training.create(user, body);
  }

  @Get('training/paths')
  @ApiOperation({
    summary: 'Published paths you may read, newest first; `filter=mine` those you follow, `filter=managed` those you may edit',
  })
  @ApiPageResponse(PathView)
  list(@CurrentUser() user: AuthUser, @Query() query: PathListQuery): Promise<Page<PathView>> {
    return this.training.list(user, query);
  }

  @Get('me/training')
  @ApiOperation({ summary: 'The paths you follow with your progress, unfinished first (the first-run checklist)' })
  @ApiItemsResponse(PathView)
  async mine(@CurrentUser() user: AuthUser): Promise<{ items: PathView[] }> {
    return { items: await this.training.mine(user) };
  }

  @Get('training/paths/:id')
  @ApiOperation({ summary: 'One path, with your progress when you follow it' })
  @ApiOkResponse({ type: PathView })
  @ApiErrors({ notFound: 'Unknown, a draft you may not edit, or in a group you may not read' })
  get(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<PathView> {
    return this.training.get(user, id);
  }

  @Patch('training/paths/:id')
  @ApiOperation({ summary: 'Change a draft (its title, description, steps)' })
  @ApiOkResponse({ type: PathView })
  @ApiErrors({ conflict: 'Published paths are frozen' })
  update(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: UpdatePathDto): Promise<PathView> {
    return this.training.update(user, id, body);
  }

  @Delete('training/paths/:id')
  @ApiOperation({ summary: 'Delete a draft (whoever may edit it)' })
  @NoContent('The draft is gone')
  @ApiErrors({ conflict: 'Published: archive it instead' })
  async remove(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<void> {
    await this.training.deleteDraft(user, id);
  }

  @Post('training/paths/:id/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft: new employees, new members or new community owners are given it from now on' })
  @ApiOkResponse({ type: PathView })
  publish(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<PathView> {
    return this.training.publish(user, id);
  }

  @Post('training/paths/:id/archive')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop giving the path to anyone new; those following it keep it' })
  @ApiOkResponse({ type: PathView })
  archive(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<PathView> {
    return this.training.archive(user, id);
  }

  @Post('training/paths/:id/enroll')
  @HttpCode(200)
  @ApiOperation({ summary: 'Follow a published path (idempotent)' })
  @ApiOkResponse({ type: PathView })
  enroll(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<PathView> {
    return this.training.enroll(user, id);
  }

  @Post('training/paths/:id/steps/:stepId/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Tick a reading step of a path you follow (the other steps are done by doing what they ask)' })
  @ApiOkResponse({ type: PathView })
  complete(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @UuidParam('stepId') stepId: string): Promise<PathView> {
    return this.training.completeStep(user, id, stepId);
  }

  @Get('training/paths/:id/progress')
  @ApiOperation({ summary: "How far the people given the path have got, per step and by department (the path's owners)" })
  @ApiOkResponse({ type: PathProgressView })
  progress(@CurrentUser() user: AuthUser, @UuidParam('id') id: string): Promise<PathProgressView> {
    return this.training.pathProgress(user, id);
  }
}
