import pg from 'pg';
import type { DataSource, QueryRunner } from 'typeorm';
import { migrations } from '../migrations/index.js';
import { AddEmailsAvoidedActivityKinds1795422100200 } from '../migrations/1795422100200-AddEmailsAvoidedActivityKinds.js';
import { AddAnnouncementNotificationKinds1795422100100 } from '../migrations/1795422100100-AddAnnouncementNotificationKinds.js';
import { AddHiveNotificationKinds1795422800300 } from '../migrations/1795422800300-AddHiveNotificationKinds.js';
import { scratchDatabase, type ScratchDatabase } from './support/scratch-database.js';

/**
 * The migrations that add notification (and analytics activity) kinds through the shared
 * `migrations/kind-check.ts` (#18):
 * each adds its kinds to whatever the CHECK constraint lists, and its `down` deletes its kinds' rows
 * and takes back only its own kinds, whatever the order the migrations ran in.
 */
describe('notification kind migrations (shared kind-check helper)', () => {
  let scratch: ScratchDatabase;
  let db: DataSource;
  let client: pg.Client;

  const allowed = async (constraint = 'notifications_kind_known'): Promise<string[]> => {
    const { rows } = await client.query<{ def: string }>(
      `SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = $1`,
      [constraint],
    );
    return [...rows[0].def.matchAll(/'([^']+)'/g)].map((m) => m[1]).sort();
  };

  /** A notification row of `kind` (foreign keys not checked: only the kind matters here). */
  const insert = (kind: string) =>
    client.query(
      `INSERT INTO notifications (recipient_id, kind, subject_type, subject_id, source_event_id)
       VALUES (gen_random_uuid(), $1, 'x', gen_random_uuid(), (random() * 1e9)::bigint)`,
      [kind],
    );

  const run = async (step: (q: QueryRunner) => Promise<void>) => {
    const q = db.createQueryRunner();
    try {
      await step(q);
    } finally {
      await q.release();
    }
  };

  beforeAll(async () => {
    scratch = await scratchDatabase('ruche_kinds');
    db = await scratch.dataSource(migrations).initialize();
    await db.runMigrations({ transaction: 'each' });
    client = await scratch.connect();
    await client.query(`SET session_replication_role = replica`);
  }, 180_000);

  afterAll(async () => {
    await db?.destroy();
    await scratch?.drop();
  });

  it('after every migration, the kinds of both migrations and the original ones are allowed', async () => {
    const kinds = await allowed();
    for (const kind of ['mention', 'campaign.status', 'announcement', 'announcement.reminder', 'kudos.received', 'badge.earned'])
      expect(kinds).toContain(kind);
    await expect(insert('no.such.kind')).rejects.toThrow(/notifications_kind_known/);
  });

  it('down takes back only its own kinds and deletes their rows; up brings exactly them back', async () => {
    const before = await allowed();
    await insert('announcement');
    await insert('kudos.received');
    await insert('mention');

    await run((q) => new AddAnnouncementNotificationKinds1795422100100().down(q));
    const after = await allowed();
    expect(after).toEqual(before.filter((k) => k !== 'announcement' && k !== 'announcement.reminder'));
    const { rows } = await client.query<{ kind: string }>('SELECT kind FROM notifications ORDER BY kind');
    expect(rows.map((r) => r.kind)).toEqual(['kudos.received', 'mention']);
    await expect(insert('announcement')).rejects.toThrow(/notifications_kind_known/);

    await run((q) => new AddAnnouncementNotificationKinds1795422100100().up(q));
    expect(await allowed()).toEqual(before);
    await run((q) => new AddHiveNotificationKinds1795422800300().up(q));
    expect(await allowed()).toEqual(before);
  });

  it('the same helper serves the analytics activity kinds: down and up again restore the same list', async () => {
    const before = await allowed('analytics_activity_kind_known');
    expect(before).toEqual(expect.arrayContaining(['announcement_ack', 'email_sent', 'email_received']));
    await run((q) => new AddEmailsAvoidedActivityKinds1795422100200().down(q));
    expect(await allowed('analytics_activity_kind_known')).toEqual(
      before.filter((k) => !['announcement_ack', 'email_sent', 'email_received'].includes(k)),
    );
    await run((q) => new AddEmailsAvoidedActivityKinds1795422100200().up(q));
    expect(await allowed('analytics_activity_kind_known')).toEqual(before);
  });
});
