import { Module } from '@nestjs/common';
import { GroupsModule } from '@ruche/groups';
import { IdentityModule } from '@ruche/identity';
import { PeopleModule } from '@ruche/people';
import { AnnouncementAudience } from './announcement-audience.js';
import { AnnouncementRooms } from './announcement-events.js';
import { AnnouncementSchedule } from './announcement-schedule.js';
import { AnnouncementsController } from './announcements.controller.js';
import { AnnouncementsService } from './announcements.service.js';
import { AnnouncementsVisibility } from './announcements-visibility.js';
import { AnnouncementsPersonalData } from './announcements-personal-data.js';

/**
 * Must-read announcements (issue #13), the all-staff email's replacement: published to the company
 * or a group, pinned until read, with receipts and reminders. Owns the announcements,
 * announcement_recipients and announcement_reminders tables (raw SQL). A content owner: it asks
 * identity, people and groups; notifications and analytics listen to its events.
 */
@Module({
  imports: [IdentityModule, PeopleModule, GroupsModule],
  controllers: [AnnouncementsController],
  providers: [
    AnnouncementsPersonalData,
    AnnouncementsVisibility,
    AnnouncementAudience,
    AnnouncementsService,
    AnnouncementSchedule,
    AnnouncementRooms,
  ],
  exports: [AnnouncementsService, AnnouncementsVisibility],
})
export class AnnouncementsModule {}
