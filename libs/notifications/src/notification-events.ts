import type { NotificationView } from './dto.js';

/**
 * The notification module's events. `notification.created` is addressed to its recipient alone
 * (`user:<id>`) and carries the notification's subject, so a reconnecting client gets it replayed
 * only while the subject is still visible to them.
 */
declare module '@ruche/platform' {
  interface DomainEventMap {
    /** Audience: the recipient. A new notification, or a grouped one that grew (same `id`). */
    'notification.created': { notification: NotificationView };
    /** Audience: the reader, so their other tabs and devices clear the same items. */
    'notifications.read': { ids: string[] | null; all: boolean };
  }
}

export const userRoom = (userId: string) => `user:${userId}`;
