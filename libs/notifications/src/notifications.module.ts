import { Module } from '@nestjs/common';
import { AnnouncementsModule } from '@ruche/announcements';
import { FeedModule } from '@ruche/feed';
import { GroupsModule } from '@ruche/groups';
import { IdeasModule } from '@ruche/ideas';
import { IdentityModule } from '@ruche/identity';
import { QuestionsModule } from '@ruche/questions';
import { AnnouncementNotifications } from './announcement-notifications.js';
import { DigestService } from './digest.service.js';
import { NotificationAbouts } from './notification-about.js';
import { NotificationListeners } from './notification-listeners.js';
import { NotificationSettingsService } from './notification-settings.service.js';
import { NotificationStore } from './notification-store.js';
import { DigestController, NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { NotificationsPersonalData } from './notifications-personal-data.js';

/**
 * The notification store fed by domain events (mentions, comments, reactions, follows, groups,
 * questions, ideas, reports) and the daily digest: a pure listener (live delivery to sockets is
 * `@ruche/realtime`'s). Owns the notifications, notification_preferences,
 * notification_mutes and digest_deliveries tables (the last unused since the digest email moved to
 * `@ruche/email`). Producers never import it: it listens, and
 * asks the owning modules' exported services who should hear of what.
 */
@Module({
  imports: [IdentityModule, FeedModule, GroupsModule, IdeasModule, QuestionsModule, AnnouncementsModule],
  controllers: [NotificationsController, DigestController],
  providers: [
    NotificationsPersonalData,
    NotificationAbouts,
    NotificationStore,
    NotificationListeners,
    AnnouncementNotifications,
    NotificationsService,
    NotificationSettingsService,
    DigestService,
  ],
  exports: [NotificationsService, NotificationSettingsService, DigestService],
})
export class NotificationsModule {}
