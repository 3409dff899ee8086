import { Module } from '@nestjs/common';
import { FeedModule } from '@ruche/feed';
import { GroupsModule } from '@ruche/groups';
import { IdeasModule } from '@ruche/ideas';
import { IdentityModule } from '@ruche/identity';
import { QuestionsModule } from '@ruche/questions';
import { DigestMailer } from './digest-mailer.js';
import { DigestService } from './digest.service.js';
import { NotificationListeners } from './notification-listeners.js';
import { NotificationSettingsService } from './notification-settings.service.js';
import { NotificationStore } from './notification-store.js';
import { DigestController, NotificationsController } from './notifications.controller.js';
import { NotificationsService } from './notifications.service.js';
import { MembershipSync } from './realtime/membership-sync.js';
import { RealtimeDelivery } from './realtime/realtime-delivery.js';
import { RealtimeGateway } from './realtime/realtime.gateway.js';
import { RoomAccess } from './realtime/room-access.js';

/**
 * The notification store fed by domain events (mentions, comments, reactions, follows, groups,
 * questions, ideas, reports), the daily digest, and the realtime gateway that delivers every
 * outbox event to its rooms. Owns the notifications, notification_preferences,
 * notification_mutes and digest_deliveries tables. Producers never import it: it listens, and
 * asks the owning modules' exported services who should hear of what.
 */
@Module({
  imports: [IdentityModule, FeedModule, GroupsModule, IdeasModule, QuestionsModule],
  controllers: [NotificationsController, DigestController],
  providers: [
    RealtimeGateway,
    RealtimeDelivery,
    MembershipSync,
    RoomAccess,
    NotificationStore,
    NotificationListeners,
    NotificationsService,
    NotificationSettingsService,
    DigestService,
    DigestMailer,
  ],
  exports: [RealtimeGateway, NotificationsService],
})
export class NotificationsModule {}
