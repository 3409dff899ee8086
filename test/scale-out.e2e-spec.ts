import { addMember, createGroup } from './factories/group.factory.js';
import { registerUser } from './factories/user.factory.js';
import { connectSocket, quietPeriod } from './support/socket-client.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** Two api instances on one database, as behind a load balancer: no instance is special. */
describe('scale-out: several api instances', () => {
  let a: TestApp;
  let b: TestApp;

  beforeAll(async () => {
    a = await startTestApp();
    b = await a.startPeer();
  });
  afterAll(() => a.close());

  it('a client on one instance receives events caused through another, exactly once, in order', async () => {
    const admin = await registerUser(a);
    const target = await registerUser(b);
    const onB = await connectSocket(b.url, target.accessToken);
    const onA = await connectSocket(a.url, target.accessToken);
    try {
      for (const roles of [['moderator'], ['innovation'], []]) {
        await a.http.put(`/api/admin/users/${target.id}/roles`).set('Authorization', admin.auth).send({ roles }).expect(200);
      }
      for (const socket of [onA, onB]) {
        const events = await socket.waitForCount('user.roles_changed', 3);
        expect(events.map((e) => (e.roles as string[]).slice(1))).toEqual([['moderator'], ['innovation'], []]);
      }
      await quietPeriod();
      expect(onB.received.filter((r) => r.event === 'user.roles_changed')).toHaveLength(3);
      // Both instances numbered nothing twice: one stamper at a time.
      expect(onA.received.filter((r) => r.event === 'user.roles_changed').map((r) => r.payload.eventId)).toEqual(
        onB.received.filter((r) => r.event === 'user.roles_changed').map((r) => r.payload.eventId),
      );
    } finally {
      onA.close();
      onB.close();
    }
  });

  it('a session opened on one instance is valid on the other (shared secret and database)', async () => {
    const u = await registerUser(a);
    const me = await b.http.get('/api/me').set('Authorization', u.auth);
    expect(me.status).toBe(200);
    const refreshed = await b.http.post('/api/auth/refresh').send({ refreshToken: u.refreshToken });
    expect(refreshed.status).toBe(200);
    // The spent token is spent everywhere.
    expect((await a.http.post('/api/auth/refresh').send({ refreshToken: u.refreshToken })).status).toBe(401);
  });

  it('membership changes made through one instance move the sockets held by another, in order', async () => {
    const owner = await registerUser(a);
    const member = await registerUser(a);
    const group = await createGroup(a, owner, { visibility: 'private' });
    const onB = await connectSocket(b.url, member.accessToken);
    try {
      await addMember(a, owner, group.id, member);
      const first = await a.http.post('/api/posts').set('Authorization', owner.auth).send({ body: 'Welcome!', groupId: group.id });
      expect(first.status).toBe(201);
      await onB.waitFor('post.created', (p) => (p.post as { id: string }).id === first.body.id);

      await a.http.delete(`/api/groups/${group.id}/members/${member.id}`).set('Authorization', owner.auth).expect(204);
      const second = await a.http.post('/api/posts').set('Authorization', owner.auth).send({ body: 'Members only', groupId: group.id });
      expect(second.status).toBe(201);
      await a.settle();
      await quietPeriod(600);
      const created = onB.received.filter((r) => r.event === 'post.created').map((r) => (r.payload.post as { id: string }).id);
      expect(created).toEqual([first.body.id]);
    } finally {
      onB.close();
    }
  });
});
