import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Web Push (#16): each notification kind can also be pushed to a person's devices. NULL means the
 * person never chose, and the default applies (PUSH_BY_DEFAULT in libs/notifications), like `email`.
 */
export class AddPushPreference1795590000000 implements MigrationInterface {
  name = 'AddPushPreference1795590000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE notification_preferences ADD COLUMN push boolean NULL');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE notification_preferences DROP COLUMN push');
  }
}
