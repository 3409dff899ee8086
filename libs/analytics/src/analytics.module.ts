import { Module } from '@nestjs/common';
import { FeedModule } from '@ruche/feed';
import { GroupsModule } from '@ruche/groups';
import { IdentityModule } from '@ruche/identity';
import { PeopleModule } from '@ruche/people';
import { QuestionsModule } from '@ruche/questions';
import { ActivityRecorder } from './activity-recorder.js';
import { AnalyticsController, GroupHealthController } from './analytics.controller.js';
import { AnalyticsService } from './analytics.service.js';
import { DepartmentDashboardService } from './department-dashboard.service.js';
import { GroupHealthService } from './group-health.service.js';
import { AnalyticsPersonalData } from './analytics-personal-data.js';

/**
 * Adoption and value: the activity rollup fed by events (owns the analytics_activity table), the
 * company overview and CSV export for admins and the innovation team, and community health per
 * group for its owners and admins. Producers never import it: it listens.
 */
@Module({
  imports: [IdentityModule, PeopleModule, GroupsModule, FeedModule, QuestionsModule],
  controllers: [AnalyticsController, GroupHealthController],
  providers: [AnalyticsPersonalData, ActivityRecorder, AnalyticsService, GroupHealthService, DepartmentDashboardService],
})
export class AnalyticsModule {}
