import { registerUser, type TestUser } from './factories/user.factory.js';
import { type TestApp, useTestApp } from './support/test-app.js';

/**
 * Passwords where they remain (#15): 12–256 characters, not on the shipped breached list, changed
 * by the person (ending their other sessions) or reset by an admin (ending all of them), and login
 * throttled per account and per address, counted in PostgreSQL so every instance shares the counts.
 */
describe('passwords', () => {
  // TRUST_PROXY: each test signs in from its own address (X-Forwarded-For), so limits do not mix.
  const env = { TRUST_PROXY: '1', RUCHE_LOGIN_FAILURES_PER_ACCOUNT: '3', RUCHE_LOGIN_FAILURES_PER_ADDRESS: '10' };
  const t = useTestApp(env, 60_000);
  let peer: TestApp;
  let admin: TestUser;
  let alice: TestUser;

  beforeAll(async () => {
    peer = await t.startPeer(env);
    admin = await registerUser(t, { email: 'admin@corp.example', displayName: 'Admin' });
    alice = await registerUser(t, { email: 'alice@corp.example', displayName: 'Alice' });
  }, 60_000);

  const userCount = async () => Number((await t.sql<{ n: string }>('SELECT count(*) AS n FROM users'))[0].n);
  const login = (app: TestApp, email: string, password: string, from: string) =>
    app.http.post('/api/auth/login').set('X-Forwarded-For', from).send({ email, password });

  describe('rules for a new password', () => {
    it('refuses fewer than 12 or more than 256 characters, naming the bounds', async () => {
      const users = await userCount();
      const short = await t.http
        .post('/api/auth/register')
        .send({ email: 'short@corp.example', password: 'elevenchars', displayName: 'S' });
      expect(short.status).toBe(400);
      expect(short.body.errors).toEqual([{ field: 'password', constraint: 'minLength', args: { min: 12 } }]);
      const long = await t.http
        .post('/api/auth/register')
        .send({ email: 'long@corp.example', password: 'x'.repeat(257), displayName: 'L' });
      expect(long.body.errors).toEqual([{ field: 'password', constraint: 'maxLength', args: { max: 256 } }]);
      expect(await userCount()).toBe(users);
      await t.http
        .post('/api/auth/register')
        .send({ email: 'max@corp.example', password: `${'Zq9'.repeat(85)}x`, displayName: 'Max' })
        .expect(201);
    });

    it('refuses a breached password, whatever its case, with a clear code', async () => {
      const users = await userCount();
      for (const password of ['qwerty123456', 'QWERTY123456', '1q2w3e4r5t6y', 'Password1234 ']) {
        const res = await t.http.post('/api/auth/register').send({ email: 'breached@corp.example', password, displayName: 'B' });
        expect({ password, status: res.status, code: res.body.code }).toEqual({
          password,
          status: 400,
          code: 'password_breached',
        });
      }
      expect(await userCount()).toBe(users);
    });
  });

  describe('changing one’s password', () => {
    it('needs the current password and a good new one; ends the other sessions, keeps this one', async () => {
      const bob = await registerUser(t, { email: 'bob@corp.example', displayName: 'Bob' });
      const laptop = (await login(t, bob.email, bob.password, '10.0.1.1').expect(200)).body;
      const change = (body: object) =>
        t.http.post('/api/me/password').set('Authorization', bob.auth).set('X-Forwarded-For', '10.0.1.2').send(body);

      const wrong = await change({ currentPassword: 'not my password', newPassword: 'a brand new secret phrase' });
      expect(wrong.status).toBe(403);
      expect(wrong.body.code).toBe('wrong_password');
      expect((await change({ currentPassword: bob.password, newPassword: 'qwertyuiop123' })).body.code).toBe('password_breached');
      expect((await change({ currentPassword: bob.password, newPassword: 'short' })).status).toBe(400);
      expect((await change({ currentPassword: bob.password })).status).toBe(400);
      // Nothing changed so far: the old password still works.
      await login(t, bob.email, bob.password, '10.0.1.3').expect(200);

      await change({ currentPassword: bob.password, newPassword: 'a brand new secret phrase' }).expect(204);
      expect((await login(t, bob.email, bob.password, '10.0.1.4')).status).toBe(401);
      await login(t, bob.email, 'a brand new secret phrase', '10.0.1.4').expect(200);
      // The laptop's session is over (its refresh token and its access token); this one goes on.
      expect((await t.http.post('/api/auth/refresh').send({ refreshToken: laptop.refreshToken })).status).toBe(401);
      expect((await t.http.get('/api/me').set('Authorization', `Bearer ${laptop.accessToken}`)).status).toBe(401);
      await t.http.get('/api/me').set('Authorization', bob.auth).expect(200);
      await t.http.post('/api/auth/refresh').send({ refreshToken: bob.refreshToken }).expect(200);
    });
  });

  describe('an admin’s reset', () => {
    it('only an admin resets; every session of the person ends; the new password works', async () => {
      const carol = await registerUser(t, { email: 'carol@corp.example', displayName: 'Carol' });
      const reset = (as: TestUser, id: string, body: object) =>
        t.http.put(`/api/admin/users/${id}/password`).set('Authorization', as.auth).send(body);
      expect((await reset(alice, carol.id, { newPassword: 'chosen by alice, not admin' })).status).toBe(403);
      expect((await reset(admin, carol.id, { newPassword: 'password1234' })).body.code).toBe('password_breached');
      expect((await reset(admin, '00000000-0000-4000-8000-000000000000', { newPassword: 'a temporary passphrase' })).status).toBe(
        404,
      );
      expect((await reset(admin, 'nope', { newPassword: 'a temporary passphrase' })).status).toBe(400);
      await login(t, carol.email, carol.password, '10.0.2.1').expect(200);

      await reset(admin, carol.id.toUpperCase(), { newPassword: 'a temporary passphrase' }).expect(204);
      expect((await t.http.get('/api/me').set('Authorization', carol.auth)).status).toBe(401);
      expect((await t.http.post('/api/auth/refresh').send({ refreshToken: carol.refreshToken })).status).toBe(401);
      expect((await login(t, carol.email, carol.password, '10.0.2.2')).status).toBe(401);
      await login(t, carol.email, 'a temporary passphrase', '10.0.2.2').expect(200);
    });
  });

  describe('login throttling, shared by every instance', () => {
    it('stops guessing one account after 3 failures, from any address and on any instance, concurrent guesses included', async () => {
      const dave = await registerUser(t, { email: 'dave@corp.example', displayName: 'Dave' });
      const guesses = await Promise.all(
        Array.from({ length: 8 }, (_, i) => login(i % 2 ? peer : t, 'DAVE@corp.example', `wrong guess ${i}`, `10.0.3.${i + 1}`)),
      );
      expect(guesses.map((r) => r.status).sort()).toEqual([401, 401, 401, 429, 429, 429, 429, 429]);
      const locked = await login(peer, dave.email, dave.password, '10.0.3.100');
      expect(locked.status).toBe(429);
      expect(locked.body.code).toBe('login_throttled');
      expect(locked.body.message).toMatch(/try again in \d+ min/);
      // Another account is not affected.
      await login(t, alice.email, alice.password, '10.0.3.101').expect(200);
      // The window passes (moved back here): dave signs in again.
      await t.sql(
        `UPDATE rate_limit_windows SET window_start = window_start - interval '15 minutes' WHERE key = 'login-account:dave@corp.example'`,
      );
      await login(t, dave.email, dave.password, '10.0.3.102').expect(200);
    });

    it('a success forgets the account’s failures', async () => {
      const erin = await registerUser(t, { email: 'erin@corp.example', displayName: 'Erin' });
      for (let i = 0; i < 2; i++) expect((await login(t, erin.email, 'wrong', '10.0.4.1')).status).toBe(401);
      await login(t, erin.email, erin.password, '10.0.4.1').expect(200);
      for (let i = 0; i < 3; i++) expect((await login(peer, erin.email, 'wrong', '10.0.4.2')).status).toBe(401);
      expect((await login(t, erin.email, erin.password, '10.0.4.2')).status).toBe(429);
    });

    it('stops one address after 10 failures across accounts, on every instance', async () => {
      for (let i = 0; i < 10; i++)
        expect((await login(i % 2 ? peer : t, `nobody${i}@corp.example`, 'whatever it is', '10.0.5.1')).status).toBe(401);
      const res = await login(peer, alice.email, alice.password, '10.0.5.1');
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('login_throttled');
      await login(t, alice.email, alice.password, '10.0.5.2').expect(200);
    });
  });

  it('the admin pages warn while sign-up is open', async () => {
    const res = await t.http.get('/api/admin/signup').set('Authorization', admin.auth).expect(200);
    expect(res.body).toMatchObject({ mode: 'open', open: true });
    expect(res.body.warning).toMatch(/anyone/);
    expect((await t.http.get('/api/admin/signup').set('Authorization', alice.auth)).status).toBe(403);
  });
});
