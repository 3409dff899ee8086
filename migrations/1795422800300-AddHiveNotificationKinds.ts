import type { MigrationInterface, QueryRunner } from 'typeorm';

import { addKinds, NOTIFICATION_KINDS, removeKinds } from './kind-check.js';

/** Issue #17: the asker hears their question went unanswered; kudos and badges reach their person. */
const ADDED = ['question.unanswered', 'kudos.received', 'badge.earned'];

export class AddHiveNotificationKinds1795422800300 implements MigrationInterface {
  name = 'AddHiveNotificationKinds1795422800300';

  async up(q: QueryRunner): Promise<void> {
    await addKinds(q, NOTIFICATION_KINDS, ADDED);
  }

  async down(q: QueryRunner): Promise<void> {
    await removeKinds(q, NOTIFICATION_KINDS, ADDED);
  }
}
