import { AddKindsMigration, NOTIFICATION_KINDS } from './kind-check.js';

/** Issue #17: the asker hears their question went unanswered; kudos and badges reach their person. */
const ADDED = ['question.unanswered', 'kudos.received', 'badge.earned'];

export class AddHiveNotificationKinds1795422800300 extends AddKindsMigration {
  name = 'AddHiveNotificationKinds1795422800300';

  constructor() {
    super(NOTIFICATION_KINDS, ADDED);
  }
}
