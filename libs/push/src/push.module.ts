import { Module } from '@nestjs/common';
import { EmailModule } from '@ruche/email';
import { NotificationsModule } from '@ruche/notifications';
import { PeopleModule } from '@ruche/people';
import { NotificationPush } from './notification-push.js';
import { PushController } from './push.controller.js';
import { PushSender } from './push-sender.js';
import { PushSettingsService } from './push-settings.service.js';
import { VapidKeyStore } from './vapid-keys.js';
import { PushPersonalData } from './push-personal-data.js';

/**
 * Web Push (#16): notifications pushed to the browsers people subscribed, with the standard
 * protocol and the server's own VAPID key (no third-party push account). A channel beside email:
 * it listens to notifications' events and words them with email's recipients, excerpts and words.
 * Owns push_subscriptions, push_settings and push_vapid_keys.
 */
@Module({
  imports: [PeopleModule, NotificationsModule, EmailModule],
  controllers: [PushController],
  providers: [PushPersonalData, VapidKeyStore, PushSettingsService, PushSender, NotificationPush],
  exports: [PushSettingsService],
})
export class PushModule {}
