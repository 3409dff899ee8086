import { Injectable, OnModuleInit } from '@nestjs/common';
import { AnnouncementsService } from '@ruche/announcements';
import { EventBus, type PublishedEvent } from '@ruche/platform';
import { NotificationStore } from './notification-store.js';

const announcement = (id: string) => ({ type: 'announcement', id });

/**
 * Must-read announcements (issue #13): `announcement` tells everyone it was addressed to when it
 * is published, `announcement.reminder` those still unread when its author (or an admin) reminds
 * them. The recipients are the announcement's own (fixed when published), asked of
 * AnnouncementsService; the store checks the announcement's visibility for each of them, so a
 * member who has left a private group since hears nothing. Group mutes do not silence a must-read;
 * the per-kind preference does.
 */
@Injectable()
export class AnnouncementNotifications implements OnModuleInit {
  constructor(
    private readonly bus: EventBus,
    private readonly store: NotificationStore,
    private readonly announcements: AnnouncementsService,
  ) {}

  onModuleInit(): void {
    this.bus.subscribe('announcement.published', (e) => this.published(e), 'notifications.announcement');
    this.bus.subscribe('announcement.reminded', (e) => this.reminded(e), 'notifications.announcement.reminder');
  }

  private async published(e: PublishedEvent<'announcement.published'>): Promise<void> {
    const { id, groupId, author } = e.payload.announcement;
    await this.store.deliver({
      source: e,
      kind: 'announcement',
      recipients: await this.announcements.recipientIds(id),
      actorId: e.actorId ?? author.id,
      subject: announcement(id),
      context: { announcementId: id, groupId },
    });
  }

  private async reminded(e: PublishedEvent<'announcement.reminded'>): Promise<void> {
    const { announcementId, groupId } = e.payload;
    await this.store.deliver({
      source: e,
      kind: 'announcement.reminder',
      recipients: await this.announcements.unreadRecipientIds(announcementId),
      actorId: e.actorId,
      subject: announcement(announcementId),
      context: { announcementId, groupId },
    });
  }
}
