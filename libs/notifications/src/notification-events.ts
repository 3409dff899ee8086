import type { NotificationView } from './dto.js';

/**
 * The notification module's events. `notification.created` is addressed to its recipient alone
 * (`user:<id>`) and carries the notification's subject, so a reconnecting client gets it replayed
 * only while the subject is still visible to them.
 */
declare module '@ruche/platform' {
  interface DomainEventMap {
    /**
     * Audience: the recipient. A new notification, or a grouped one whose people changed (same
     * `id`): it grew, or shrank because someone withdrew (a reaction taken back).
     */
    'notification.created': { notification: NotificationView };
    /**
     * Audience: the recipient. An unread grouped notification lost its last actor (everyone took
     * their reaction back): it no longer exists. No subject, so replay always resends it (an id only).
     */
    'notification.removed': { id: string };
    /** Audience: the reader, so their other tabs and devices clear the same items. */
    'notifications.read': { ids: string[] | null; all: boolean };
  }
}

export const userRoom = (userId: string) => `user:${userId}`;
