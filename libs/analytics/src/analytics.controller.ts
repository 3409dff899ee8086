import { Get, Param, Query, Res } from '@nestjs/common';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ApiController,
  ApiErrors,
  ApiFileResponse,
  type AuthUser,
  CurrentUser,
  Permission,
  RequirePermission,
  UuidParam,
} from '@ruche/platform';
import { AnalyticsService } from './analytics.service.js';
import { DepartmentDashboardService } from './department-dashboard.service.js';
import { DepartmentDashboardView, DepartmentsView } from './department-dto.js';
import { GroupHealthView, HealthQuery, OverviewView, PeriodQuery } from './dto.js';
import { GroupHealthService } from './group-health.service.js';
import { periodOf } from './metrics.js';

@ApiController('analytics', 'analytics')
@RequirePermission(Permission.ReadAnalytics)
@ApiForbiddenResponse({ description: 'Only admins and the innovation team read company analytics' })
export class AnalyticsController {
  constructor(
    private readonly analytics: AnalyticsService,
    private readonly departments: DepartmentDashboardService,
  ) {}

  @Get('overview')
  @ApiOperation({
    summary: 'Adoption and value over a period of UTC days (default: the last 30), with breakdowns by day and department',
  })
  @ApiOkResponse({ type: OverviewView })
  overview(@Query() query: PeriodQuery): Promise<OverviewView> {
    return this.analytics.overview(periodOf(query.from, query.to));
  }

  @Get('departments')
  @ApiOperation({
    summary: 'Per department of 5 people or more: depth, answered rate, time to first answer, cross-department replies, idea participation, against the period before',
  })
  @ApiOkResponse({ type: DepartmentsView })
  departmentList(@Query() query: PeriodQuery): Promise<DepartmentsView> {
    return this.departments.departments(periodOf(query.from, query.to));
  }

  @Get('departments/:department')
  @ApiOperation({ summary: "One department's figures and its three most useful next actions" })
  @ApiOkResponse({ type: DepartmentDashboardView })
  @ApiErrors({ notFound: 'No such department, or fewer than 5 people in it' })
  department(
    @CurrentUser() user: AuthUser,
    @Param('department') department: string,
    @Query() query: PeriodQuery,
  ): Promise<DepartmentDashboardView> {
    return this.departments.department(user, department, periodOf(query.from, query.to));
  }

  @Get('export.csv')
  @ApiOperation({ summary: 'The period by day, as CSV (one row per day)' })
  @ApiFileResponse(['text/csv'], 'A header row, then one row per day, oldest first (the figures of the overview by day)')
  async export(@Query() query: PeriodQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    const period = periodOf(query.from, query.to);
    const csv = await this.analytics.csv(period);
    void reply
      .header('Content-Type', 'text/csv; charset=utf-8')
      .header('Content-Disposition', `attachment; filename="ruche-analytics-${period.from}-to-${period.to}.csv"`);
    return csv;
  }
}

@ApiController('analytics', 'groups')
export class GroupHealthController {
  constructor(private readonly health: GroupHealthService) {}

  @Get(':id/health')
  @ApiOperation({ summary: "A group's community health over the last weeks, with its 0–100 score, trend and unanswered posts" })
  @ApiOkResponse({ type: GroupHealthView })
  @ApiErrors({
    forbidden: 'Not an owner or admin of the group (nor an analytics reader)',
    notFound: 'The group does not exist, or it is private and the caller is not a member',
  })
  groupHealth(@CurrentUser() user: AuthUser, @UuidParam('id') id: string, @Query() query: HealthQuery): Promise<GroupHealthView> {
    return this.health.health(user, id, query.weeks);
  }
}
