import { Body, Get, HttpCode, Post, Put, Query, Res } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { UserView } from '@ruche/identity';
import {
  ApiController,
  ApiErrors,
  ApiPageResponse,
  type AuthUser,
  CurrentUser,
  forbidden,
  hasPermission,
  NoContent,
  type Page,
  PageQuery,
  Permission,
  RequirePermission,
  UuidParam,
} from '@ruche/platform';
import { AuditLogService } from './audit-log.service.js';
import {
  AcceptGuidelinesDto,
  AuditEntryView,
  AuditQuery,
  CreateReportDto,
  GuidelinesView,
  PublishGuidelinesDto,
  QueueItem,
  QueueQuery,
  ReportView,
  ResolutionView,
  ResolveReportDto,
  SettingsView,
  SuspensionDto,
  UpdateSettingsDto,
} from './dto.js';
import { GuidelinesService } from './guidelines.service.js';
import { ResolutionsService } from './resolutions.service.js';
import { ReportsService } from './reports.service.js';
import { ReviewQueueService } from './review-queue.service.js';
import { ModerationSettingsService } from './settings.service.js';
import { SuspensionsService } from './suspensions.service.js';

/** Settings are the moderators' and the admins' business (two permissions, so checked here). */
function requireSettingsAccess(user: AuthUser): void {
  if (!hasPermission(user.roles, Permission.ModerateContent) && !hasPermission(user.roles, Permission.AssignRoles)) {
    throw forbidden('Only moderators and admins can see and change the moderation settings');
  }
}

@ApiController('moderation', 'reports')
export class ReportsController {
  constructor(private readonly reports: ReportsService) {}

  @Post()
  @ApiOperation({ summary: 'Report content for review; reporting the same content again returns the same report (200)' })
  @ApiCreatedResponse({ type: ReportView })
  @ApiOkResponse({ type: ReportView, description: 'Already reported by the caller: the existing report' })
  @ApiErrors({ notFound: 'The content does not exist or the caller cannot see it' })
  async create(
    @CurrentUser() user: AuthUser,
    @Body() body: CreateReportDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ReportView> {
    const { report, created } = await this.reports.file(user, body);
    void reply.status(created ? 201 : 200);
    return report;
  }

  @Get()
  @ApiOperation({ summary: "The caller's own reports, newest first, with their status" })
  @ApiPageResponse(ReportView)
  mine(@CurrentUser() user: AuthUser, @Query() query: PageQuery): Promise<Page<ReportView>> {
    return this.reports.mine(user.id, query);
  }
}

@ApiController('moderation', 'moderation')
export class ModerationController {
  constructor(
    private readonly queue: ReviewQueueService,
    private readonly resolutions: ResolutionsService,
    private readonly audit: AuditLogService,
    private readonly settings: ModerationSettingsService,
  ) {}

  @Get('queue')
  @ApiOperation({
    summary: 'Open cases the caller may decide on, oldest first (moderators: all; group owners and admins: their groups)',
  })
  @ApiPageResponse(QueueItem)
  @ApiErrors({ forbidden: 'The caller moderates nothing (neither a moderator nor a group owner or admin)' })
  list(@CurrentUser() user: AuthUser, @Query() query: QueueQuery): Promise<Page<QueueItem>> {
    return this.queue.list(user, query);
  }

  @Post('reports/:id/resolve')
  @HttpCode(200)
  @ApiOperation({ summary: 'Decide on a case (by any of its report ids, or the case id): dismiss, hide or remove' })
  @ApiOkResponse({ type: ResolutionView })
  @ApiErrors({
    forbidden: 'Not a moderator, nor an owner or admin of the group the content is in',
    notFound: 'No such report',
    conflict: 'Already resolved',
  })
  resolve(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: ResolveReportDto): Promise<ResolutionView> {
    return this.resolutions.resolve(user, id, body);
  }

  @Get('audit')
  @RequirePermission(Permission.ReadAudit)
  @ApiOperation({ summary: 'The audit log, newest first (moderators and admins); read-only' })
  @ApiPageResponse(AuditEntryView)
  auditLog(@Query() query: AuditQuery): Promise<Page<AuditEntryView>> {
    return this.audit.list(query);
  }

  @Get('settings')
  @ApiOperation({ summary: 'The auto-hide threshold and the blocked terms (moderators and admins)' })
  @ApiOkResponse({ type: SettingsView })
  getSettings(@CurrentUser() user: AuthUser): Promise<SettingsView> {
    requireSettingsAccess(user);
    return this.settings.current();
  }

  @Put('settings')
  @ApiOperation({ summary: 'Change the auto-hide threshold and/or replace the blocked terms (moderators and admins)' })
  @ApiOkResponse({ type: SettingsView })
  updateSettings(@CurrentUser() user: AuthUser, @Body() body: UpdateSettingsDto): Promise<SettingsView> {
    requireSettingsAccess(user);
    return this.settings.update(user.id, body);
  }
}

@ApiController('moderation', 'guidelines')
export class GuidelinesController {
  constructor(private readonly guidelines: GuidelinesService) {}

  @Get()
  @ApiOperation({ summary: 'The current company guidelines and whether the caller must accept them' })
  @ApiOkResponse({ type: GuidelinesView })
  current(@CurrentUser() user: AuthUser): Promise<GuidelinesView> {
    return this.guidelines.current(user.id);
  }

  @Put()
  @RequirePermission(Permission.AssignRoles)
  @ApiOperation({ summary: 'Publish a new version (admins); everyone must accept it again before posting' })
  @ApiOkResponse({ type: GuidelinesView })
  publish(@CurrentUser() user: AuthUser, @Body() body: PublishGuidelinesDto): Promise<GuidelinesView> {
    return this.guidelines.publish(user.id, body.body);
  }

  @Post('accept')
  @ApiOperation({ summary: 'Accept the current version (idempotent)' })
  @NoContent()
  @ApiErrors({ conflict: 'Not the current version, or no guidelines yet' })
  async accept(@CurrentUser() user: AuthUser, @Body() body: AcceptGuidelinesDto): Promise<void> {
    await this.guidelines.accept(user.id, body.version);
  }
}

@ApiController('moderation', 'admin/users')
export class SuspensionsController {
  constructor(private readonly suspensions: SuspensionsService) {}

  @Put(':id/suspension')
  @RequirePermission(Permission.AssignRoles)
  @ApiOperation({ summary: 'Suspend (cannot log in, tokens stop working) or reinstate an account (admins)' })
  @ApiOkResponse({ type: UserView, description: 'The user, with its status' })
  setSuspension(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Body() body: SuspensionDto): Promise<UserView> {
    return this.suspensions.set(user.id, id, body);
  }
}
