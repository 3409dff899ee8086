import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Per-kind email preference beside the in-app one (libs/notifications): `email` true sends that
 * kind as an individual email too (when SMTP is configured). Null: the kind's default (see
 * notification-kinds.ts, EMAIL_BY_DEFAULT). A row may now exist for the email choice alone, its
 * `enabled` then being the in-app default (on).
 */
export class AddNotificationEmailPreference1795422200200 implements MigrationInterface {
  name = 'AddNotificationEmailPreference1795422200200';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE notification_preferences ADD COLUMN email boolean');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE notification_preferences DROP COLUMN email');
  }
}
