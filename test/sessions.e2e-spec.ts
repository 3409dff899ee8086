import { createHmac } from 'node:crypto';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { connectError, connectSocket, quietPeriod, type TestSocket } from './support/socket-client.js';
import { type TestApp, useTestApp } from './support/test-app.js';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0';
const IPHONE =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';

interface Login {
  accessToken: string;
  refreshToken: string;
  auth: string;
}

/** Closed by the server (not by us), within `ms`: resolves with the reason, or rejects. */
const closedWithin = (socket: TestSocket, ms: number) =>
  new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket still open after ${ms} ms`)), ms);
    socket.socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });

/**
 * Sessions (#15): each sign-in is a session (its refresh-token family), carried by its access
 * tokens as `sid`. A person lists theirs and ends one or all the others; an ended session's access
 * token fails on its next request, its refresh token is refused and its sockets close within a
 * second, on every instance.
 */
describe('sessions', () => {
  const t = useTestApp();
  let peer: TestApp;
  let admin: TestUser;
  const open: TestSocket[] = [];

  beforeAll(async () => {
    peer = await t.startPeer();
    admin = await registerUser(t, { displayName: 'Admin' });
  });
  afterEach(() => {
    for (const socket of open.splice(0)) socket.close();
  });

  const login = async (user: TestUser, agent = FIREFOX): Promise<Login> => {
    const res = await t.http
      .post('/api/auth/login')
      .set('User-Agent', agent)
      .send({ email: user.email, password: user.password });
    expect(res.status).toBe(200);
    return { ...res.body, auth: `Bearer ${res.body.accessToken}` };
  };
  const me = (auth: string, app = t) => app.http.get('/api/me').set('Authorization', auth);
  const sessionsOf = async (auth: string) => {
    const res = await t.http.get('/api/me/sessions').set('Authorization', auth);
    expect(res.status).toBe(200);
    return res.body.items as {
      id: string;
      device: string;
      address: string;
      current: boolean;
      createdAt: string;
      lastSeenAt: string;
    }[];
  };
  const currentId = async (auth: string) => (await sessionsOf(auth)).find((s) => s.current)!.id;
  const socketOf = async (token: string, app = t) => {
    const socket = await connectSocket(app.url, token);
    open.push(socket);
    return socket;
  };

  it('lists each sign-in with its device, address, creation and last-seen times, the current one marked', async () => {
    const person = await registerUser(t, { displayName: 'Lists sessions' });
    const laptop = await login(person, FIREFOX);
    const phone = await login(person, IPHONE);

    const seenFromLaptop = await sessionsOf(laptop.auth);
    expect(seenFromLaptop).toHaveLength(3); // registration, laptop, phone
    expect(seenFromLaptop.filter((s) => s.current)).toHaveLength(1);
    const laptopSession = seenFromLaptop.find((s) => s.current)!;
    expect(laptopSession).toMatchObject({ device: 'Firefox 131 on Linux', address: '127.0.0.1' });
    const phoneSession = seenFromLaptop.find((s) => s.device === 'Safari 17 on iOS')!;
    expect(phoneSession).toBeDefined();
    expect((await sessionsOf(phone.auth)).find((s) => s.current)!.id).toBe(phoneSession.id);

    // Requests do not move "last seen"; a refresh does, and keeps the session (and its id).
    await me(phone.auth).expect(200);
    expect((await sessionsOf(laptop.auth)).find((s) => s.id === phoneSession.id)!.lastSeenAt).toBe(phoneSession.lastSeenAt);
    await new Promise((r) => setTimeout(r, 20));
    const refreshed = await t.http.post('/api/auth/refresh').set('User-Agent', IPHONE).send({ refreshToken: phone.refreshToken });
    expect(refreshed.status).toBe(200);
    const after = (await sessionsOf(laptop.auth)).find((s) => s.id === phoneSession.id)!;
    expect(Date.parse(after.lastSeenAt)).toBeGreaterThan(Date.parse(phoneSession.lastSeenAt));
    expect(after.createdAt).toBe(phoneSession.createdAt);
    expect(await currentId(`Bearer ${refreshed.body.accessToken}`)).toBe(phoneSession.id);
  });

  it('revoking one session cuts its access token on the next request, its refresh token and its socket within a second', async () => {
    const person = await registerUser(t, { displayName: 'Loses a phone' });
    const laptop = await login(person, FIREFOX);
    const phone = await login(person, IPHONE);
    const phoneId = await currentId(phone.auth);
    const phoneSocket = await socketOf(phone.accessToken);
    const laptopSocket = await socketOf(laptop.accessToken);
    const phoneClosed = closedWithin(phoneSocket, 1000);

    await t.http.delete(`/api/me/sessions/${phoneId}`).set('Authorization', laptop.auth).expect(204);

    expect(await phoneClosed).toBe('io server disconnect');
    expect((await me(phone.auth)).status).toBe(401);
    expect((await t.http.post('/api/auth/refresh').send({ refreshToken: phone.refreshToken })).status).toBe(401);
    expect(await connectError(t.url, { token: phone.accessToken })).toBe('unauthorized');
    // The other session goes on: its token works and its socket stays open.
    await me(laptop.auth).expect(200);
    await quietPeriod(200);
    expect(laptopSocket.socket.connected).toBe(true);
    expect((await sessionsOf(laptop.auth)).map((s) => s.id)).not.toContain(phoneId);
    // Revoking it again, or a session that does not exist, is 404.
    expect((await t.http.delete(`/api/me/sessions/${phoneId}`).set('Authorization', laptop.auth)).status).toBe(404);
  });

  it('nobody ends another person’s session: 404, and the session goes on', async () => {
    const victim = await registerUser(t, { displayName: 'Victim' });
    const victimLogin = await login(victim);
    const victimSession = await currentId(victimLogin.auth);
    const intruder = await registerUser(t, { displayName: 'Intruder' });

    expect((await t.http.delete(`/api/me/sessions/${victimSession}`).set('Authorization', intruder.auth)).status).toBe(404);
    // Not even an admin, through the person's own endpoint.
    expect((await t.http.delete(`/api/me/sessions/${victimSession}`).set('Authorization', admin.auth)).status).toBe(404);
    await me(victimLogin.auth).expect(200);
    expect(
      (await t.http.get('/api/me/sessions').set('Authorization', intruder.auth)).body.items.map((s: { id: string }) => s.id),
    ).not.toContain(victimSession);
    expect((await t.http.get('/api/me/sessions')).status).toBe(401);
  });

  it('session ids in any letter case mean the same session; any other spelling is 400', async () => {
    const person = await registerUser(t, { displayName: 'Case' });
    const other = await login(person);
    const otherId = await currentId(other.auth);
    expect((await t.http.delete('/api/me/sessions/not-a-session').set('Authorization', person.auth)).status).toBe(400);
    await t.http.delete(`/api/me/sessions/${otherId.toUpperCase()}`).set('Authorization', person.auth).expect(204);
    expect((await me(other.auth)).status).toBe(401);
  });

  it('"sign out everywhere else" ends every other session and keeps the current one', async () => {
    const person = await registerUser(t, { displayName: 'Everywhere else' });
    const a = await login(person);
    const b = await login(person, IPHONE);
    const bSocket = await socketOf(b.accessToken);
    const bClosed = closedWithin(bSocket, 1000);
    const keeper = await login(person);

    const res = await t.http.post('/api/me/sessions/revoke-others').set('Authorization', keeper.auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ revoked: 3 }); // registration, a, b

    expect(await bClosed).toBe('io server disconnect');
    for (const gone of [person.auth, a.auth, b.auth]) expect((await me(gone)).status).toBe(401);
    await me(keeper.auth).expect(200);
    const left = await sessionsOf(keeper.auth);
    expect(left).toHaveLength(1);
    expect(left[0].current).toBe(true);
    expect((await t.http.post('/api/me/sessions/revoke-others').set('Authorization', keeper.auth)).body).toEqual({ revoked: 0 });
  });

  it('logging out ends the session at once: its access token fails on the next request', async () => {
    const person = await registerUser(t, { displayName: 'Logs out' });
    const session = await login(person);
    await me(session.auth).expect(200);
    await t.http
      .post('/api/auth/logout')
      .set('Authorization', session.auth)
      .send({ refreshToken: session.refreshToken })
      .expect(204);
    expect((await me(session.auth)).status).toBe(401);
    await me(person.auth).expect(200);
  });

  it('a replayed refresh token ends its session: the access tokens of that login fail too', async () => {
    const person = await registerUser(t, { displayName: 'Replayed' });
    const first = await login(person);
    const second = await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken });
    expect(second.status).toBe(200);
    expect((await t.http.post('/api/auth/refresh').send({ refreshToken: first.refreshToken })).status).toBe(401);
    expect((await me(`Bearer ${second.body.accessToken}`)).status).toBe(401);
    await me(person.auth).expect(200);
  });

  /** An access token signed by hand with the test app's secret: any claims, correctly signed. */
  const sign = (claims: object) => {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const body = `${part({ alg: 'HS256', typ: 'JWT' })}.${part({ ...claims, iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 600 })}`;
    return `${body}.${createHmac('sha256', 'test-secret-that-is-long-enough-to-be-accepted').update(body).digest('base64url')}`;
  };

  it('an access token without a session (or with a forged one) is refused, even correctly signed', async () => {
    const person = await registerUser(t, { displayName: 'Forged' });
    const sid = await currentId(person.auth);
    // The real claims, re-signed by hand, work: the signing here is right.
    expect((await me(`Bearer ${sign({ sub: person.id, sid, ver: 0 })}`)).status).toBe(200);
    for (const claims of [
      { sub: person.id },
      { sub: person.id, sid, ver: 1 },
      { sub: admin.id, sid, ver: 0 },
      { sub: person.id, sid: 'x', ver: 0 },
    ]) {
      expect((await me(`Bearer ${sign(claims)}`)).status).toBe(401);
    }
  });

  it('the home feed, which checks its caller inside its page statement, refuses every caller the other routes refuse', async () => {
    const person = await registerUser(t, { displayName: 'Home reader' });
    await t.http.post('/api/posts').set('Authorization', person.auth).send({ body: 'Only for people signed in' }).expect(201);
    const feeds = async (auth: string) =>
      Promise.all(['/api/feed', '/api/feed?scope=company'].map(async (path) => (await t.http.get(path).set('Authorization', auth)).status));
    const refused = async (auth: string) => {
      const res = await t.http.get('/api/feed').set('Authorization', auth);
      expect([res.status, res.body.items]).toEqual([401, undefined]);
      expect(await feeds(auth)).toEqual([401, 401]);
    };
    const sid = await currentId(person.auth);
    expect(await feeds(`Bearer ${sign({ sub: person.id, sid, ver: 0 })}`)).toEqual([200, 200]);
    // The same ids in capitals are the same caller, as on every other route.
    expect(await feeds(`Bearer ${sign({ sub: person.id.toUpperCase(), sid: sid.toUpperCase(), ver: 0 })}`)).toEqual([200, 200]);
    for (const claims of [
      { sub: person.id },
      { sub: person.id, sid, ver: 1 },
      { sub: person.id, sid, ver: '0' },
      { sub: admin.id, sid, ver: 0 },
      { sub: person.id, sid: 'x', ver: 0 },
      { sub: person.id.toUpperCase(), sid: crypto.randomUUID(), ver: 0 },
    ]) {
      await refused(`Bearer ${sign(claims)}`);
    }

    // A revoked session, a logged-out one, every session ended by "sign out everywhere else".
    const phone = await login(person, IPHONE);
    const tablet = await login(person, IPHONE);
    expect(await feeds(phone.auth)).toEqual([200, 200]);
    await t.http.delete(`/api/me/sessions/${await currentId(phone.auth)}`).set('Authorization', person.auth).expect(204);
    await refused(phone.auth);
    await t.http.post('/api/auth/logout').set('Authorization', tablet.auth).send({ refreshToken: tablet.refreshToken }).expect(204);
    await refused(tablet.auth);
    const laptop = await login(person);
    await t.http.post('/api/me/sessions/revoke-others').set('Authorization', person.auth).expect(200);
    await refused(laptop.auth);

    // A deactivated account, on its next request.
    expect(await feeds(person.auth)).toEqual([200, 200]);
    await t.http.put(`/api/admin/users/${person.id}/deactivation`).set('Authorization', admin.auth).send({ deactivated: true, reason: 'Left' }).expect(200);
    await refused(person.auth);
  });

  it('across instances: deactivating an account through one closes all its sockets on the other within a second', async () => {
    const person = await registerUser(t, { displayName: 'Deactivated elsewhere' });
    const laptop = await login(person);
    const sockets = [await socketOf(person.accessToken, peer), await socketOf(laptop.accessToken, peer)];
    const closed = sockets.map((socket) => closedWithin(socket, 1000));

    await t.http
      .put(`/api/admin/users/${person.id}/deactivation`)
      .set('Authorization', admin.auth)
      .send({ deactivated: true, reason: 'Left' })
      .expect(200);

    expect(await Promise.all(closed)).toEqual(['io server disconnect', 'io server disconnect']);
    for (const auth of [person.auth, laptop.auth]) expect((await me(auth, peer)).status).toBe(401);
  });

  it('across instances: a session revoked through one closes its sockets on the other within a second, and its token fails there', async () => {
    const person = await registerUser(t, { displayName: 'Two instances' });
    const phone = await login(person, IPHONE);
    const phoneId = await currentId(phone.auth);
    const onPeer = await socketOf(phone.accessToken, peer);
    const keptOnPeer = await socketOf(person.accessToken, peer);
    await me(phone.auth, peer).expect(200);
    const closed = closedWithin(onPeer, 1000);

    await t.http.delete(`/api/me/sessions/${phoneId}`).set('Authorization', person.auth).expect(204);

    expect(await closed).toBe('io server disconnect');
    expect((await me(phone.auth, peer)).status).toBe(401);
    await quietPeriod(200);
    expect(keptOnPeer.socket.connected).toBe(true);
  });
});
