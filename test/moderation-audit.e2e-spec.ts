import { EventBus, toPublishedEvent } from '@ruche/platform';
import { addMember, banFromGroup, createGroup, setRole } from './factories/group.factory.js';
import {
  type AuditEntryBody,
  auditOf,
  grantRoles,
  registerModerator,
  report,
  reportBy,
  resolve,
  setSettings,
  setSuspended,
} from './factories/moderation.factory.js';
import { createPost, listAll } from './factories/post.factory.js';
import { registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

/**
 * The audit log: one row for every moderation action, role change, ban and group role change (who,
 * what, when, target, note), readable by moderators and admins, and never editable: no API path
 * writes it, and the database refuses UPDATE, DELETE and TRUNCATE.
 */
describe('moderation: audit log', () => {
  const t = useTestApp();
  let admin: TestUser, moderator: TestUser;

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Admin' });
    moderator = await registerModerator(t, admin);
  });

  const about = (entries: AuditEntryBody[], targetId: string) => entries.filter((e) => e.targetId === targetId);

  it('records role changes with the roles before and after', async () => {
    const person = await registerUser(t);
    await grantRoles(t, admin, person, ['innovation']);
    const [entry] = about(await auditOf(t, admin, '?action=user.roles_changed'), person.id);
    expect(entry).toMatchObject({
      action: 'user.roles_changed',
      actor: { id: admin.id },
      targetType: 'user',
      targetId: person.id,
      details: { roles: ['employee', 'innovation'], previous: ['employee'] },
    });
    expect(new Date(entry.createdAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('records group bans, unbans, role changes and removals, not people leaving', async () => {
    const [owner, a, b, c, d] = await registerUsers(t, 5);
    const g = await createGroup(t, owner, { name: 'Audited group' });
    for (const user of [a, b, c, d]) await addMember(t, owner, g.id, user);
    await setRole(t, owner, g.id, a.id, 'admin');
    await banFromGroup(t, owner, g.id, b.id, { reason: 'Spam links' });
    await t.http.delete(`/api/groups/${g.id}/bans/${b.id}`).set('Authorization', owner.auth).expect(204);
    await t.http.delete(`/api/groups/${g.id}/members/${c.id}`).set('Authorization', owner.auth).expect(204);
    await t.http.delete(`/api/groups/${g.id}/members/${d.id}`).set('Authorization', d.auth).expect(204);

    const entries = (await auditOf(t, moderator, '?limit=100')).filter((e) => e.groupId === g.id);
    const summary = entries.map((e) => [e.action, e.targetId, e.actor?.id]).reverse();
    expect(summary).toEqual([
      ['group.role_changed', a.id, owner.id],
      ['group.member_removed', b.id, owner.id],
      ['group.banned', b.id, owner.id],
      ['group.unbanned', b.id, owner.id],
      ['group.member_removed', c.id, owner.id],
    ]);
    expect(entries.find((e) => e.action === 'group.banned')).toMatchObject({ note: 'Spam links', details: { until: null } });
    expect(entries.find((e) => e.action === 'group.role_changed')?.details).toEqual({ role: 'admin', previous: 'member' });
    expect(entries.filter((e) => e.action === 'group.member_removed').map((e) => e.details.reason)).toEqual([
      'removed',
      'banned',
    ]);
  });

  it('records every decision with its note, and automatic actions without an actor', async () => {
    const [author, r1, r2, r3] = await registerUsers(t, 4);
    const hidden = await createPost(t, author, 'To hide');
    const removed = await createPost(t, author, 'To remove');
    const dismissed = await createPost(t, author, 'To keep');
    await resolve(t, moderator, (await report(t, r1, hidden.id)).id, 'hide', 'Hidden: rude');
    await resolve(t, moderator, (await report(t, r1, removed.id)).id, 'remove', 'Removed: doxxing');
    const [first] = await reportBy(t, [r1, r2, r3], dismissed.id);
    await t.settle();
    await resolve(t, moderator, first.id, 'dismiss');
    await setSettings(t, moderator, { autoHideThreshold: 5 });

    const entries = await auditOf(t, admin, '?limit=100');
    expect(about(entries, hidden.id).map((e) => [e.action, e.note, e.actor?.id])).toEqual([
      ['moderation.hide', 'Hidden: rude', moderator.id],
    ]);
    expect(about(entries, removed.id)[0]).toMatchObject({
      action: 'moderation.remove',
      note: 'Removed: doxxing',
      targetType: 'post',
      details: { previousState: 'visible', state: 'removed', reportCount: 1, authorId: author.id },
    });
    expect(about(entries, dismissed.id).map((e) => [e.action, e.actor?.id ?? null])).toEqual([
      ['moderation.dismiss', moderator.id],
      ['moderation.auto_hide', null],
    ]);
    expect(entries.find((e) => e.action === 'moderation.settings_changed')).toMatchObject({
      actor: { id: moderator.id },
      targetType: 'moderation_settings',
      details: { autoHideThreshold: 5, previous: { autoHideThreshold: 3 } },
    });
  });

  it('names the person each row is about: the account acted on, or the author of the content, automatic rows too', async () => {
    const author = await registerUser(t, { displayName: 'Ada Authored' });
    const person = await registerUser(t, { displayName: 'Sam Suspended' });
    // Enough reports for the automatic hide, whatever threshold an earlier test left.
    const reporters = await registerUsers(t, 5);
    await setSuspended(t, admin, person.id, true);
    const post = await createPost(t, author, 'Reported five times');
    await reportBy(t, reporters, post.id);

    const entries = await auditOf(t, admin, '?limit=100');
    const suspended = about(entries, person.id).find((e) => e.action === 'user.suspended');
    expect(suspended?.targetPerson).toEqual({ id: person.id, handle: person.handle, displayName: 'Sam Suspended' });
    // The automatic hide carries no author in its row: the name comes from its case.
    const autoHidden = about(entries, post.id).find((e) => e.action === 'moderation.auto_hide');
    expect(autoHidden).toMatchObject({ actor: null, targetPerson: { id: author.id, displayName: 'Ada Authored' } });
  });

  it('filters by action and actor, and pages newest first', async () => {
    const byModerator = await listAll<AuditEntryBody>(t, admin, `/api/moderation/audit?actorId=${moderator.id}`, 2);
    expect(byModerator.length).toBeGreaterThanOrEqual(4);
    expect(byModerator.every((e) => e.actor?.id === moderator.id)).toBe(true);
    const times = byModerator.map((e) => e.createdAt);
    expect(times).toEqual([...times].sort().reverse());
    expect((await t.http.get('/api/moderation/audit?cursor=not-a-cursor').set('Authorization', admin.auth)).status).toBe(400);
    expect(new Set(byModerator.map((e) => e.id)).size).toBe(byModerator.length);
  });

  it.each([
    ['POST', '/api/moderation/audit'],
    ['PUT', '/api/moderation/audit'],
    ['PATCH', '/api/moderation/audit'],
    ['DELETE', '/api/moderation/audit'],
    ['PUT', '/api/moderation/audit/:id'],
    ['PATCH', '/api/moderation/audit/:id'],
    ['DELETE', '/api/moderation/audit/:id'],
  ])('no API path edits it: %s %s → 404', async (method, path) => {
    const [entry] = await t.sql<{ id: string }>('SELECT id FROM audit_log LIMIT 1');
    const before = await t.sql('SELECT * FROM audit_log ORDER BY id');
    const url = path.replace(':id', entry.id);
    const call = { POST: t.http.post(url), PUT: t.http.put(url), PATCH: t.http.patch(url), DELETE: t.http.delete(url) }[method]!;
    const res = await call.set('Authorization', admin.auth).send({ note: 'rewritten' });
    expect([404, 405]).toContain(res.status);
    expect(await t.sql('SELECT * FROM audit_log ORDER BY id')).toEqual(before);
  });

  it.each([
    ['UPDATE', `UPDATE audit_log SET note = 'rewritten'`],
    ['DELETE', 'DELETE FROM audit_log'],
    ['TRUNCATE', 'TRUNCATE audit_log'],
  ])('the database refuses %s', async (_op, statement) => {
    const before = await t.sql('SELECT * FROM audit_log ORDER BY id');
    await expect(t.sql(statement)).rejects.toThrow(/append-only/);
    expect(await t.sql('SELECT * FROM audit_log ORDER BY id')).toEqual(before);
  });

  it('a redelivered event never doubles its row', async () => {
    const [row] = await t.sql<Parameters<typeof toPublishedEvent>[0]>(
      `SELECT id, seq, type, payload, audience, subject_type, subject_id, actor_id, created_at
         FROM outbox WHERE type = 'user.roles_changed' ORDER BY seq LIMIT 1`,
    );
    const count = async () => Number((await t.sql<{ n: string }>('SELECT count(*) AS n FROM audit_log'))[0].n);
    const before = await count();
    await t.app.get(EventBus).deliver(toPublishedEvent(row));
    expect(await count()).toBe(before);
  });
});
