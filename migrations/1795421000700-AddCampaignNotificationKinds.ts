import type { MigrationInterface, QueryRunner } from 'typeorm';

const BEFORE = [
  'mention',
  'group.mention',
  'comment',
  'reaction',
  'follow',
  'group.request',
  'group.approved',
  'question.routed',
  'answer',
  'answer.accepted',
  'idea.status',
  'idea.review',
  'idea.comment',
  'report.resolved',
];
/** Campaign phase changes and implementation progress reach the people who took part. */
const AFTER = [...BEFORE, 'campaign.status', 'idea.implementation'];

const list = (kinds: string[]) => kinds.map((k) => `'${k}'`).join(', ');

export class AddCampaignNotificationKinds1795421000700 implements MigrationInterface {
  name = 'AddCampaignNotificationKinds1795421000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE notifications DROP CONSTRAINT notifications_kind_known');
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_known CHECK (kind IN (${list(AFTER)}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM notifications WHERE kind NOT IN (${list(BEFORE)})`);
    await q.query('ALTER TABLE notifications DROP CONSTRAINT notifications_kind_known');
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_known CHECK (kind IN (${list(BEFORE)}))`);
  }
}
