import { DataSource } from 'typeorm';
import { EventBus, OutboxPublisher, type PublishedEvent } from '@ruche/platform';
import { registerUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

/**
 * The outbox's promise: a reader of "events after N" never skips one, even when transactions
 * commit in a different order than they inserted.
 */
describe('outbox stamping', () => {
  const t = useTestApp();

  const insert = (runner: { query: (q: string, p: unknown[]) => Promise<unknown> }, type: string) =>
    runner.query(`INSERT INTO outbox (type, payload, audience) VALUES ($1, '{}', '{}')`, [type]);

  it('numbers events in commit-visible order, so a late commit is never skipped', async () => {
    const dataSource = t.app.get(DataSource);
    const publisher = t.app.get(OutboxPublisher);

    // A inserts first (takes the lower insert id) but commits last.
    const slow = dataSource.createQueryRunner();
    await slow.connect();
    await slow.startTransaction();
    await insert(slow, 'test.slow');

    const fast = dataSource.createQueryRunner();
    await fast.connect();
    await fast.startTransaction();
    await insert(fast, 'test.fast');
    await fast.commitTransaction();
    await fast.release();

    await publisher.flush();
    const afterFast = await t.sql<{ type: string; seq: string | null; id: string }>(
      "SELECT type, seq, id FROM outbox WHERE type LIKE 'test.%' ORDER BY id",
    );
    expect(afterFast.map((r) => [r.type, r.seq === null])).toEqual([['test.fast', false]]);
    const fastSeq = Number(afterFast[0].seq);

    await slow.commitTransaction();
    await slow.release();
    await publisher.flush();
    const rows = await t.sql<{ type: string; seq: string; id: string }>("SELECT type, seq, id FROM outbox WHERE type LIKE 'test.%' ORDER BY id");
    const slowRow = rows.find((r) => r.type === 'test.slow')!;
    const fastRow = rows.find((r) => r.type === 'test.fast')!;
    // Lower insert id, higher delivery number: anyone who already read past fastSeq still gets it.
    expect(Number(slowRow.id)).toBeLessThan(Number(fastRow.id));
    expect(Number(slowRow.seq)).toBeGreaterThan(fastSeq);
  });

  it('stamps concurrent writers into a gap-free, duplicate-free sequence', async () => {
    const dataSource = t.app.get(DataSource);
    await Promise.all(Array.from({ length: 50 }, (_, i) => dataSource.transaction((m) => insert(m, `test.burst.${i}`))));
    await t.app.get(OutboxPublisher).flush();
    const rows = await t.sql<{ seq: string }>('SELECT seq FROM outbox ORDER BY seq');
    const seqs = rows.map((r) => Number(r.seq));
    expect(seqs.every((s) => s > 0)).toBe(true);
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('hands each committed event to in-process listeners once, in order, with its payload', async () => {
    const received: PublishedEvent<'user.roles_changed'>[] = [];
    t.app.get(EventBus).subscribe('user.roles_changed', (event) => {
      received.push(event);
    });
    const admin = await registerUser(t);
    const target = await registerUser(t);
    for (const roles of [['moderator'], ['innovation'], []]) {
      await t.http.put(`/api/admin/users/${target.id}/roles`).set('Authorization', admin.auth).send({ roles }).expect(200);
    }
    await t.settle();
    expect(received.map((e) => e.payload.roles)).toEqual([
      ['employee', 'moderator'],
      ['employee', 'innovation'],
      ['employee'],
    ]);
    expect(received.every((e) => e.type === 'user.roles_changed' && e.actorId === admin.id && e.subject?.id === target.id)).toBe(true);
    const ids = received.map((e) => e.eventId);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(new Set(ids).size).toBe(3);
  });

  it('stamps again after its own connection is lost (the server ended it), nothing skipped or stamped twice', async () => {
    const dataSource = t.app.get(DataSource);
    const publisher = t.app.get(OutboxPublisher);
    await dataSource.transaction((m) => insert(m, 'test.before-loss'));
    await publisher.flush();
    const ended = await t.sql<{ ended: boolean }>(
      "SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = 'ruche-outbox' AND datname = current_database()",
    );
    expect(ended).toEqual([{ ended: true }]);
    await Promise.all(Array.from({ length: 5 }, (_, i) => dataSource.transaction((m) => insert(m, `test.after-loss.${i}`))));
    // The first round after the loss may fail on the dead connection; the next kick or poll reconnects.
    await publisher.flush();
    const rows = await t.sql<{ type: string; seq: string | null }>("SELECT type, seq FROM outbox WHERE type LIKE 'test.%loss%' ORDER BY seq");
    expect(rows.map((r) => r.seq === null)).toEqual([false, false, false, false, false, false]);
    const seqs = rows.map((r) => Number(r.seq));
    expect(new Set(seqs).size).toBe(6);
    expect(rows[0].type).toBe('test.before-loss');
  });
});
