import { createHmac } from 'node:crypto';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { startTestOidcProvider, TEST_CLIENT_ID, TEST_CLIENT_SECRET, type TestOidcProvider } from './support/oidc-provider.js';
import { callback, expectSsoSession, handoffCode, signInAtProvider, startLogin } from './support/sso-flow.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** The JWT secret startTestApp gives the app (the login cookie's key derives from it). */
const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-to-be-accepted';

/**
 * OpenID Connect single sign-on (#15) against a real provider (`oidc-provider`) on loopback: the
 * whole redirect dance over HTTP, the account it makes or links, and every check that must refuse
 * a tampered or unwelcome sign-in without writing anything.
 */
describe('single sign-on with OpenID Connect', () => {
  let idp: TestOidcProvider;
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    idp = await startTestOidcProvider();
    t = await startTestApp({
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: TEST_CLIENT_ID,
      OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET,
      OIDC_ALLOWED_DOMAINS: 'corp.example',
      OIDC_CLAIMS: JSON.stringify({ title: 'job_title', department: 'department' }),
    });
    idp.register(t.url);
    admin = await registerUser(t, { email: 'admin@corp.example', displayName: 'Admin' });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  const userCount = async () => Number((await t.sql<{ n: string }>('SELECT count(*) AS n FROM users'))[0].n);
  const linkCount = async () => Number((await t.sql<{ n: string }>('SELECT count(*) AS n FROM external_identities'))[0].n);

  /** The whole trip for `accountId`, up to the tokens the web app receives. */
  async function signInAs(accountId: string) {
    const { app, authorizationUrl } = await startLogin(t.url);
    const back = await signInAtProvider(authorizationUrl, accountId);
    const res = await callback(back, app);
    const exchanged = await t.http.post('/api/auth/oidc/exchange').send({ code: handoffCode(res) });
    expect(exchanged.status).toBe(200);
    return exchanged.body as {
      user: { id: string; email: string; displayName: string };
      accessToken: string;
      endSessionUrl: string | null;
    };
  }

  it('says on the sign-in page that single sign-on is on', async () => {
    const res = await t.http.get('/api/auth/providers').expect(200);
    expect(res.body).toEqual({ password: true, oidc: true, saml: false, signup: 'open', signupDomains: [] });
  });

  it('login redirects to the provider with PKCE (S256), state and nonce, and keeps them in an http-only cookie', async () => {
    const res = await fetch(`${t.url}/api/auth/oidc/login`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    expect(to.origin).toBe(idp.issuer);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      client_id: TEST_CLIENT_ID,
      response_type: 'code',
      code_challenge_method: 'S256',
      redirect_uri: `${t.url}/api/auth/oidc/callback`,
    });
    for (const name of ['state', 'nonce', 'code_challenge']) expect(to.searchParams.get(name)?.length).toBeGreaterThanOrEqual(22);
    const cookie = res.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(/^ruche_oidc=[^;]+; Path=\/api\/auth\/oidc; HttpOnly; SameSite=Lax; Max-Age=600/);
    expect(cookie).not.toContain(to.searchParams.get('code_challenge')!);
  });

  it('a first login creates the account from the claims; a second login reuses it', async () => {
    idp.accounts.set('dana-sub', {
      email: 'Dana.Lee@corp.example',
      email_verified: true,
      name: 'Dana Lee',
      department: 'Finance',
      job_title: 'Controller',
    });
    const before = await userCount();
    const first = await signInAs('dana-sub');
    expect(first.user).toMatchObject({ email: 'dana.lee@corp.example', displayName: 'Dana Lee', handle: 'dana_lee' });
    expect(await userCount()).toBe(before + 1);
    // Signed in for real: the access token works, and the profile has the department and title.
    await expectSsoSession(t, admin, first, { department: 'Finance', title: 'Controller' });
    // No password: password login cannot reach this account.
    const [row] = await t.sql<{ password_hash: string | null; roles: string[] }>(
      'SELECT password_hash, roles FROM users WHERE id = $1',
      [first.user.id],
    );
    expect(row).toEqual({ password_hash: null, roles: ['employee'] });

    const second = await signInAs('dana-sub');
    expect(second.user.id).toBe(first.user.id);
    expect(await userCount()).toBe(before + 1);
    expect(await t.sql('SELECT issuer, subject, email FROM external_identities WHERE user_id = $1', [first.user.id])).toEqual([
      { issuer: idp.issuer, subject: 'dana-sub', email: 'dana.lee@corp.example' },
    ]);
    // RP-initiated logout: the provider offers end_session, with the ID token as hint.
    const end = new URL(second.endSessionUrl!);
    expect(`${end.origin}${end.pathname}`).toBe(`${idp.issuer}/session/end`);
    expect(end.searchParams.get('post_logout_redirect_uri')).toBe(`${t.url}/signin`);
    expect(end.searchParams.get('id_token_hint')).toMatch(/^ey/);
    // The provider accepts it (its "sign out?" page), rather than an error for an unknown hint or address.
    const ended = await fetch(end, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
    expect(ended.status).toBe(200);
    expect(await ended.text()).toMatch(/logout/i);
  });

  it('links an existing account by its verified email, and only then', async () => {
    const carol = await registerUser(t, { email: 'carol@corp.example', displayName: 'Carol' });
    idp.accounts.set('carol-sub', { email: 'carol@corp.example', email_verified: true, name: 'Carol from IT' });
    const session = await signInAs('carol-sub');
    expect(session.user.id).toBe(carol.id);
    // Still the name she chose: linking does not rename.
    expect(session.user.displayName).toBe('Carol');
  });

  it('does not link an existing account when the provider says the email is not verified', async () => {
    const bob = await registerUser(t, { email: 'bob@corp.example', displayName: 'Bob' });
    idp.accounts.set('mallory-sub', { email: 'bob@corp.example', email_verified: false, name: 'Not Bob' });
    const [users, links] = [await userCount(), await linkCount()];
    const { app, authorizationUrl } = await startLogin(t.url);
    const res = await callback(await signInAtProvider(authorizationUrl, 'mallory-sub'), app);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'sso_email_unverified' });
    expect([await userCount(), await linkCount()]).toEqual([users, links]);
    expect(await t.sql('SELECT count(*)::int AS n FROM external_identities WHERE user_id = $1', [bob.id])).toEqual([{ n: 0 }]);
    // Bob's own password still works, and is his alone.
    await t.http.post('/api/auth/login').send({ email: bob.email, password: bob.password }).expect(200);
  });

  it('refuses an email outside the allowed domains, writing nothing', async () => {
    idp.accounts.set('eve-sub', { email: 'eve@elsewhere.example', email_verified: true, name: 'Eve' });
    const [users, links] = [await userCount(), await linkCount()];
    const { app, authorizationUrl } = await startLogin(t.url);
    const res = await callback(await signInAtProvider(authorizationUrl, 'eve-sub'), app);
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ code: 'sso_domain_not_allowed' });
    expect([await userCount(), await linkCount()]).toEqual([users, links]);
  });

  it('refuses a tampered state', async () => {
    idp.accounts.set('frank-sub', { email: 'frank@corp.example', email_verified: true, name: 'Frank' });
    const users = await userCount();
    const { app, authorizationUrl } = await startLogin(t.url);
    const back = new URL(await signInAtProvider(authorizationUrl, 'frank-sub'));
    back.searchParams.set('state', `${back.searchParams.get('state')}x`);
    const res = await callback(back.href, app);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'sso_failed', message: expect.stringMatching(/state/) });
    expect(await userCount()).toBe(users);
  });

  it('refuses a callback without the login cookie, or with an altered one', async () => {
    const users = await userCount();
    const { app, authorizationUrl } = await startLogin(t.url);
    const back = await signInAtProvider(authorizationUrl, 'frank-sub');
    const original = app.get('ruche_oidc')!;
    const [body, mac] = decodeURIComponent(original).split('.');
    const altered = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    altered.nonce = 'attacker-chosen';
    app.set('ruche_oidc', encodeURIComponent(`${Buffer.from(JSON.stringify(altered)).toString('base64url')}.${mac}`));
    expect((await callback(back, app)).status).toBe(400);
    app.set('ruche_oidc', '');
    const bare = await fetch(back, { redirect: 'manual' });
    expect(bare.status).toBe(400);
    expect(await userCount()).toBe(users);
  });

  it('refuses an ID token whose nonce is not the one this login asked for (checked by the client library)', async () => {
    const users = await userCount();
    const { app, authorizationUrl } = await startLogin(t.url);
    const back = await signInAtProvider(authorizationUrl, 'frank-sub');
    // A cookie correctly signed (the test knows the secret) whose nonce differs from the ID token's:
    // only openid-client's nonce check can refuse it.
    const [body] = decodeURIComponent(app.get('ruche_oidc')!).split('.');
    const state = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    const forged = Buffer.from(JSON.stringify({ ...state, nonce: 'a-different-nonce-0123456789' })).toString('base64url');
    const key = createHmac('sha256', TEST_JWT_SECRET).update('ruche.oidc-login-cookie').digest();
    app.set('ruche_oidc', encodeURIComponent(`${forged}.${createHmac('sha256', key).update(forged).digest('base64url')}`));
    const res = await callback(back, app);
    expect(res.status).toBe(400);
    expect((await res.json()).message).toMatch(/nonce/i);
    expect(await userCount()).toBe(users);
  });

  it('the one-time code works once, and nothing else exchanges', async () => {
    const { app, authorizationUrl } = await startLogin(t.url);
    const code = handoffCode(await callback(await signInAtProvider(authorizationUrl, 'frank-sub'), app));
    const [first, second] = await Promise.all([
      t.http.post('/api/auth/oidc/exchange').send({ code }),
      t.http.post('/api/auth/oidc/exchange').send({ code }),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 401]);
    const wrong = await t.http.post('/api/auth/oidc/exchange').send({ code: 'not-a-code' });
    expect(wrong.status).toBe(401);
    expect(wrong.body.code).toBe('sso_code_invalid');
    expect((await t.http.post('/api/auth/oidc/exchange').send({ code: 42 })).status).toBe(400);
  });

  it('two first logins of one person at the same time make one account and one link', async () => {
    idp.accounts.set('gina-sub', { email: 'gina@corp.example', email_verified: true, name: 'Gina' });
    const users = await userCount();
    const trips = await Promise.all(
      [1, 2, 3].map(async () => {
        const { app, authorizationUrl } = await startLogin(t.url);
        return { app, back: await signInAtProvider(authorizationUrl, 'gina-sub') };
      }),
    );
    const results = await Promise.all(trips.map(({ app, back }) => callback(back, app)));
    expect(results.map((r) => r.status)).toEqual([302, 302, 302]);
    const ids = await Promise.all(
      results.map(
        async (r) =>
          (
            await t.http
              .post('/api/auth/oidc/exchange')
              .send({ code: handoffCode(r) })
              .expect(200)
          ).body.user.id,
      ),
    );
    expect(new Set(ids).size).toBe(1);
    expect(await userCount()).toBe(users + 1);
    expect(await t.sql(`SELECT count(*)::int AS n FROM external_identities WHERE subject = 'gina-sub'`)).toEqual([{ n: 1 }]);
  });

  it('a suspended account cannot sign in with single sign-on either', async () => {
    idp.accounts.set('hugo-sub', { email: 'hugo@corp.example', email_verified: true, name: 'Hugo' });
    const hugo = await signInAs('hugo-sub');
    await t.sql(`UPDATE users SET suspended_at = now(), status = 'suspended' WHERE id = $1`, [hugo.user.id]);
    const { app, authorizationUrl } = await startLogin(t.url);
    const res = await callback(await signInAtProvider(authorizationUrl, 'hugo-sub'), app);
    expect(res.status).toBe(401);
  });
});
