import type { MigrationInterface, QueryRunner } from 'typeorm';

import { addKinds, NOTIFICATION_KINDS, removeKinds } from './kind-check.js';

/** Issue #13: a must-read announcement reaches its recipients, and a reminder its unread ones. */
const ADDED = ['announcement', 'announcement.reminder'];

export class AddAnnouncementNotificationKinds1795422100100 implements MigrationInterface {
  name = 'AddAnnouncementNotificationKinds1795422100100';

  async up(q: QueryRunner): Promise<void> {
    await addKinds(q, NOTIFICATION_KINDS, ADDED);
  }

  async down(q: QueryRunner): Promise<void> {
    await removeKinds(q, NOTIFICATION_KINDS, ADDED);
  }
}
