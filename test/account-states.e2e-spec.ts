import { auditOf, registerModerator, setSuspended } from './factories/moderation.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { connectSocket } from './support/socket-client.js';
import { useTestApp } from './support/test-app.js';

/**
 * Account states (#15): active, suspended, deactivated, erased (README "Account states"). Admins
 * deactivate and reactivate; deactivation ends every session at once, and is a fact apart from a
 * suspension, so lifting one leaves the other.
 */
describe('account states', () => {
  const t = useTestApp();
  let admin: TestUser;
  let moderator: TestUser;

  beforeAll(async () => {
    // The first account is the admin; a moderator reads the audit log but may not deactivate anyone.
    admin = await registerUser(t, { displayName: 'Admin' });
    moderator = await registerModerator(t, admin);
  });

  const deactivation = (actor: TestUser, userId: string, deactivated: boolean, reason?: string) =>
    t.http
      .put(`/api/admin/users/${userId}/deactivation`)
      .set('Authorization', actor.auth)
      .send(reason === undefined ? { deactivated } : { deactivated, reason });
  const login = (user: TestUser) => t.http.post('/api/auth/login').send({ email: user.email, password: user.password });
  const statusOf = async (userId: string) =>
    (await t.sql<{ status: string }>('SELECT status FROM users WHERE id = $1', [userId]))[0].status;

  it('an admin deactivates: every session and socket ends at once; reactivating lets the person sign in again', async () => {
    const person = await registerUser(t, { displayName: 'Leaving' });
    const second = (await login(person)).body;
    const socket = await connectSocket(t.url, person.accessToken);
    const closed = new Promise<string>((resolve) => socket.socket.once('disconnect', resolve));

    const res = await deactivation(admin, person.id, true, 'Left the company');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: person.id, status: 'deactivated' });
    expect(await closed).toBe('io server disconnect');
    socket.close();
    for (const auth of [person.auth, `Bearer ${second.accessToken}`]) {
      expect((await t.http.get('/api/me').set('Authorization', auth)).status).toBe(401);
    }
    expect((await t.http.post('/api/auth/refresh').send({ refreshToken: second.refreshToken })).status).toBe(401);
    const refused = await login(person);
    expect(refused.status).toBe(401);
    expect(refused.body.message).toBe('This account is deactivated');
    expect(await t.sql('SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL', [person.id])).toEqual([]);

    expect((await deactivation(admin, person.id, false, 'Came back')).body).toMatchObject({ status: 'active' });
    const back = await login(person);
    expect(back.status).toBe(200);
    expect((await t.http.get('/api/me').set('Authorization', `Bearer ${back.body.accessToken}`)).status).toBe(200);

    await t.settle();
    const audit = await auditOf(t, moderator, `?targetId=${person.id}`);
    expect(audit.map((a) => [a.action, a.note, a.actor?.id])).toEqual([
      ['user.reactivated', 'Came back', admin.id],
      ['user.deactivated', 'Left the company', admin.id],
    ]);
  });

  it('only admins deactivate: a moderator or an employee is refused, and nothing changes', async () => {
    const person = await registerUser(t, { displayName: 'Protected' });
    const colleague = await registerUser(t, { displayName: 'Colleague' });
    expect((await deactivation(moderator, person.id, true)).status).toBe(403);
    expect((await deactivation(colleague, person.id, true)).status).toBe(403);
    expect((await t.http.put(`/api/admin/users/${person.id}/deactivation`).send({ deactivated: true })).status).toBe(401);
    expect(await statusOf(person.id)).toBe('active');
    await t.http.get('/api/me').set('Authorization', person.auth).expect(200);
  });

  it('nobody deactivates themselves; an unknown account is 404; bad input is 400; ids in any case are the same', async () => {
    expect((await deactivation(admin, admin.id, true)).status).toBe(400);
    expect((await deactivation(admin, '00000000-0000-4000-8000-000000000000', true)).status).toBe(404);
    expect((await deactivation(admin, 'not-an-id', true)).status).toBe(400);
    const person = await registerUser(t, { displayName: 'Upper case' });
    const bad = await t.http
      .put(`/api/admin/users/${person.id}/deactivation`)
      .set('Authorization', admin.auth)
      .send({ deactivated: 'yes' });
    expect(bad.status).toBe(400);
    expect(await statusOf(person.id)).toBe('active');
    expect((await deactivation(admin, person.id.toUpperCase(), true)).body).toMatchObject({
      id: person.id,
      status: 'deactivated',
    });
  });

  it('suspension and deactivation are separate facts: lifting one leaves the other', async () => {
    const person = await registerUser(t, { displayName: 'Both' });
    await setSuspended(t, admin, person.id, true, 'Investigation');
    expect((await deactivation(admin, person.id, true)).body.status).toBe('deactivated');
    // Reinstating the suspension does not bring back a deactivated account...
    await setSuspended(t, admin, person.id, false, 'Cleared');
    expect(await statusOf(person.id)).toBe('deactivated');
    await setSuspended(t, admin, person.id, true, 'Again');
    // ...and reactivating does not lift a suspension.
    expect((await deactivation(admin, person.id, false)).body.status).toBe('suspended');
    expect((await login(person)).status).toBe(401);
    await setSuspended(t, admin, person.id, false, 'Cleared');
    expect((await login(person)).status).toBe(200);
  });

  it('the database keeps the status in step with its facts', async () => {
    const person = await registerUser(t, { displayName: 'Constraint' });
    await expect(t.sql(`UPDATE users SET status = 'deactivated' WHERE id = $1`, [person.id])).rejects.toThrow(
      /users_status_derived/,
    );
    await expect(t.sql(`UPDATE users SET status = 'archived' WHERE id = $1`, [person.id])).rejects.toThrow(
      /users_status_(known|derived)/,
    );
  });
});
