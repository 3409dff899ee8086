import type { MigrationInterface, QueryRunner } from 'typeorm';

import { addKinds, ANALYTICS_ACTIVITY_KINDS, removeKinds } from './kind-check.js';

/**
 * Issue #13, the emails-avoided figure v2: analytics records announcements acknowledged (a term of
 * the formula) and the email the bridge still carries, out (`email.sent`) and in
 * (`email.received`), per day.
 */
const ADDED = ['announcement_ack', 'email_sent', 'email_received'];

export class AddEmailsAvoidedActivityKinds1795422100200 implements MigrationInterface {
  name = 'AddEmailsAvoidedActivityKinds1795422100200';

  async up(q: QueryRunner): Promise<void> {
    await addKinds(q, ANALYTICS_ACTIVITY_KINDS, ADDED);
  }

  async down(q: QueryRunner): Promise<void> {
    await removeKinds(q, ANALYTICS_ACTIVITY_KINDS, ADDED);
  }
}
