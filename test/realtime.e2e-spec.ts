import { registerUser, type TestUser } from './factories/user.factory.js';
import { connectError, connectSocket, quietPeriod } from './support/socket-client.js';
import { useTestApp } from './support/test-app.js';

/**
 * The gateway and the outbox delivery, exercised with the identity module's `user.roles_changed`
 * event (addressed to `user:<id>`). Feed events over realtime are covered in feed-realtime tests.
 */
describe('realtime: handshake, rooms, ordered delivery, replay', () => {
  const t = useTestApp();
  let admin: TestUser;

  beforeAll(async () => {
    admin = await registerUser(t);
  });

  const setRoles = (user: TestUser, roles: string[]) =>
    t.http.put(`/api/admin/users/${user.id}/roles`).set('Authorization', admin.auth).send({ roles }).expect(200);

  it.each([
    ['no token', {}],
    ['a garbage token', { token: 'nope' }],
    ['a non-string token', { token: 42 }],
  ])('refuses a handshake with %s: connect_error "unauthorized"', async (_name, auth) => {
    expect(await connectError(t.url, auth)).toBe('unauthorized');
  });

  it('refuses a suspended-or-deleted account’s token', async () => {
    const u = await registerUser(t);
    await t.sql('DELETE FROM users WHERE id = $1', [u.id]);
    expect(await connectError(t.url, { token: u.accessToken })).toBe('unauthorized');
  });

  it('refuses a malformed lastEventId', async () => {
    const u = await registerUser(t);
    expect(await connectError(t.url, { token: u.accessToken, lastEventId: -3 })).toBe('invalid lastEventId');
    expect(await connectError(t.url, { token: u.accessToken, lastEventId: 'abc' })).toBe('invalid lastEventId');
  });

  it('delivers an event to the addressed user only, with a numeric eventId', async () => {
    const target = await registerUser(t);
    const bystander = await registerUser(t);
    const targetSocket = await connectSocket(t.url, target.accessToken);
    const bystanderSocket = await connectSocket(t.url, bystander.accessToken);
    try {
      await setRoles(target, ['innovation']);
      const event = await targetSocket.waitFor('user.roles_changed');
      expect(event).toMatchObject({ userId: target.id, roles: ['employee', 'innovation'] });
      expect(typeof event.eventId).toBe('number');
      await quietPeriod();
      expect(bystanderSocket.received.filter((r) => r.event === 'user.roles_changed')).toEqual([]);
    } finally {
      targetSocket.close();
      bystanderSocket.close();
    }
  });

  it('delivers events in eventId order', async () => {
    const target = await registerUser(t);
    const socket = await connectSocket(t.url, target.accessToken);
    try {
      const sequence = [['moderator'], ['innovation'], [], ['moderator', 'innovation'], ['innovation']];
      for (const roles of sequence) await setRoles(target, roles);
      const events = await socket.waitForCount('user.roles_changed', sequence.length);
      const ids = events.map((e) => e.eventId as number);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
      expect(events.map((e) => (e.roles as string[]).slice(1))).toEqual(sequence);
    } finally {
      socket.close();
    }
  });

  it('replays exactly the missed events, in order, then continues live', async () => {
    const target = await registerUser(t);
    const first = await connectSocket(t.url, target.accessToken);
    await setRoles(target, ['moderator']);
    const seen = await first.waitFor('user.roles_changed');
    first.close();

    // Missed while offline: three changes for the target, one for someone else.
    const other = await registerUser(t);
    await setRoles(target, ['innovation']);
    await setRoles(other, ['moderator']);
    await setRoles(target, []);
    await setRoles(target, ['moderator', 'innovation']);
    await t.settle();

    const back = await connectSocket(t.url, target.accessToken, seen.eventId as number);
    try {
      const replayed = await back.waitForCount('user.roles_changed', 3);
      expect(replayed.map((e) => (e.roles as string[]).slice(1))).toEqual([['innovation'], [], ['moderator', 'innovation']]);
      expect(replayed.every((e) => (e.eventId as number) > (seen.eventId as number))).toBe(true);
      expect(replayed.map((e) => e.userId)).toEqual([target.id, target.id, target.id]);

      // Live events follow the replay without a gap or a duplicate.
      await setRoles(target, ['innovation']);
      const all = await back.waitForCount('user.roles_changed', 4);
      const ids = all.map((e) => e.eventId as number);
      expect(new Set(ids).size).toBe(4);
      expect(ids).toEqual([...ids].sort((a, b) => a - b));
    } finally {
      back.close();
    }
  });

  it('replays nothing to a client that is up to date, and nothing addressed to others', async () => {
    const target = await registerUser(t);
    const other = await registerUser(t);
    await setRoles(other, ['moderator']);
    await t.settle();
    const [{ last }] = await t.sql<{ last: string }>('SELECT max(seq) AS last FROM outbox');
    const socket = await connectSocket(t.url, target.accessToken, 0);
    try {
      await quietPeriod();
      expect(socket.received.filter((r) => r.event === 'user.roles_changed')).toEqual([]);
      const upToDate = await connectSocket(t.url, other.accessToken, Number(last));
      await quietPeriod();
      expect(upToDate.received.filter((r) => r.event === 'user.roles_changed')).toEqual([]);
      upToDate.close();
    } finally {
      socket.close();
    }
  });

  it('answers subscribe requests: bad room names and invisible subjects are refused', async () => {
    const u = await registerUser(t);
    const socket = await connectSocket(t.url, u.accessToken);
    try {
      expect(await socket.subscribe('user:' + admin.id)).toEqual({ ok: false, error: 'invalid room' });
      expect(await socket.subscribe('group:anything')).toEqual({ ok: false, error: 'invalid room' });
      expect(await socket.subscribe('post:not-a-uuid')).toEqual({ ok: false, error: 'invalid room' });
      expect(await socket.subscribe('post:00000000-0000-4000-8000-000000000000')).toEqual({ ok: false, error: 'not found' });
      expect(await socket.subscribe('idea:00000000-0000-4000-8000-000000000000')).toEqual({ ok: false, error: 'not found' });
      expect(await socket.socket.timeout(5000).emitWithAck('subscribe', 'post')).toEqual({ ok: false, error: 'invalid room' });
    } finally {
      socket.close();
    }
  });
});
