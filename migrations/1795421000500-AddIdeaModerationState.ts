import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Moderation state on ideas (owned by libs/ideas, applied from `content.moderated`): `visible`;
 * `held` (blocked terms: its author and moderators only, until reviewed); `hidden` and `removed`
 * (moderators only).
 */
export class AddIdeaModerationState1795421000500 implements MigrationInterface {
  name = 'AddIdeaModerationState1795421000500';

  async up(q: QueryRunner): Promise<void> {
    // A constant default: no table rewrite, existing ideas stay visible.
    await q.query(`ALTER TABLE ideas ADD COLUMN moderation_state text NOT NULL DEFAULT 'visible'`);
    await q.query(
      `ALTER TABLE ideas ADD CONSTRAINT ideas_moderation_state_known CHECK (moderation_state IN ('visible', 'hidden', 'removed', 'held'))`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE ideas DROP COLUMN moderation_state');
  }
}
