import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Issue #17: the asker hears their question went unanswered; kudos and badges reach their person. */
const ADDED = ['question.unanswered', 'kudos.received', 'badge.earned'];

/**
 * Adds the kinds to whatever the constraint lists now, instead of restating the whole list, so
 * migrations from other work that add kinds of their own keep theirs whatever the order.
 */
async function kinds(q: QueryRunner): Promise<string[]> {
  const [row] = (await q.query(
    `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'notifications_kind_known'`,
  )) as { def: string }[];
  return [...(row?.def ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

const list = (values: string[]) => values.map((k) => `'${k}'`).join(', ');

export class AddHiveNotificationKinds1795422800300 implements MigrationInterface {
  name = 'AddHiveNotificationKinds1795422800300';

  async up(q: QueryRunner): Promise<void> {
    const after = [...new Set([...(await kinds(q)), ...ADDED])];
    await q.query('ALTER TABLE notifications DROP CONSTRAINT notifications_kind_known');
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_known CHECK (kind IN (${list(after)}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    const before = (await kinds(q)).filter((k) => !ADDED.includes(k));
    await q.query(`DELETE FROM notifications WHERE kind IN (${list(ADDED)})`);
    await q.query('ALTER TABLE notifications DROP CONSTRAINT notifications_kind_known');
    await q.query(`ALTER TABLE notifications ADD CONSTRAINT notifications_kind_known CHECK (kind IN (${list(before)}))`);
  }
}
