import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue #13, the emails-avoided figure v2: analytics records announcements acknowledged (a term of
 * the formula) and the email the bridge still carries, out (`email.sent`) and in
 * (`email.received`), per day.
 */
const ADDED = ['announcement_ack', 'email_sent', 'email_received'];

/** What the constraint lists now (other work may have added kinds of its own: kept whatever the order). */
async function kinds(q: QueryRunner): Promise<string[]> {
  const [row] = (await q.query(
    `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = 'analytics_activity_kind_known'`,
  )) as { def: string }[];
  return [...(row?.def ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

const list = (values: string[]) => values.map((k) => `'${k}'`).join(', ');

export class AddEmailsAvoidedActivityKinds1795422100200 implements MigrationInterface {
  name = 'AddEmailsAvoidedActivityKinds1795422100200';

  async up(q: QueryRunner): Promise<void> {
    const after = [...new Set([...(await kinds(q)), ...ADDED])];
    await q.query('ALTER TABLE analytics_activity DROP CONSTRAINT analytics_activity_kind_known');
    await q.query(`ALTER TABLE analytics_activity ADD CONSTRAINT analytics_activity_kind_known CHECK (kind IN (${list(after)}))`);
  }

  async down(q: QueryRunner): Promise<void> {
    const before = (await kinds(q)).filter((k) => !ADDED.includes(k));
    await q.query(`DELETE FROM analytics_activity WHERE kind IN (${list(ADDED)})`);
    await q.query('ALTER TABLE analytics_activity DROP CONSTRAINT analytics_activity_kind_known');
    await q.query(
      `ALTER TABLE analytics_activity ADD CONSTRAINT analytics_activity_kind_known CHECK (kind IN (${list(before)}))`,
    );
  }
}
