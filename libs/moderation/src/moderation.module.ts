import { Module } from '@nestjs/common';
import { GroupsModule } from '@ruche/groups';
import { IdentityModule } from '@ruche/identity';
import { AuditLogService } from './audit-log.service.js';
import { GuidelinesService } from './guidelines.service.js';
import { ModerationAccess } from './moderation-access.js';
import { GuidelinesController, ModerationController, ReportsController, SuspensionsController } from './moderation.controller.js';
import { ReportsService } from './reports.service.js';
import { ResolutionsService } from './resolutions.service.js';
import { ReviewQueueService } from './review-queue.service.js';
import { ModerationSettingsService } from './settings.service.js';
import { SuspensionsService } from './suspensions.service.js';
import { ModerationPersonalData } from './moderation-personal-data.js';

/**
 * Reports, the review queue and decisions, automatic hiding, blocked terms, suspensions, the audit
 * log and the company guidelines. Owns the reports, moderation_cases, moderation_settings,
 * audit_log, guidelines and guideline_acceptances tables.
 *
 * Content modules never import it: it reads their content through the platform's ContentTargets,
 * tells them what to apply with `content.moderated`, and plugs its blocked terms and guidelines
 * into the platform's ContentScreening and GuidelinesGate.
 */
@Module({
  imports: [IdentityModule, GroupsModule],
  controllers: [ReportsController, ModerationController, GuidelinesController, SuspensionsController],
  providers: [
    ModerationPersonalData,
    ModerationAccess,
    ModerationSettingsService,
    ReportsService,
    ReviewQueueService,
    ResolutionsService,
    AuditLogService,
    GuidelinesService,
    SuspensionsService,
  ],
  exports: [GuidelinesService, ModerationSettingsService],
})
export class ModerationModule {}
