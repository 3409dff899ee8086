import { AddKindsMigration, NOTIFICATION_KINDS } from './kind-check.js';

/** Issue #13: a must-read announcement reaches its recipients, and a reminder its unread ones. */
const ADDED = ['announcement', 'announcement.reminder'];

export class AddAnnouncementNotificationKinds1795422100100 extends AddKindsMigration {
  name = 'AddAnnouncementNotificationKinds1795422100100';

  constructor() {
    super(NOTIFICATION_KINDS, ADDED);
  }
}
