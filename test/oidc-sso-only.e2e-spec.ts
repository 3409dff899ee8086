import { startTestOidcProvider, TEST_CLIENT_ID, TEST_CLIENT_SECRET, type TestOidcProvider } from './support/oidc-provider.js';
import { callback, handoffCode, signInAtProvider, startLogin } from './support/sso-flow.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Single sign-on only (`AUTH_PASSWORD=off`, #15): password registration, login and changes are
 * refused with a clear code, and people still get in, and get their accounts, through the provider.
 * Sign-up modes govern passwords only: the provider (and OIDC_ALLOWED_DOMAINS) decides who uses SSO.
 */
describe('single sign-on only: AUTH_PASSWORD=off', () => {
  let idp: TestOidcProvider;
  let t: TestApp;

  beforeAll(async () => {
    idp = await startTestOidcProvider();
    t = await startTestApp({
      AUTH_PASSWORD: 'off',
      RUCHE_SIGNUP: 'domains',
      RUCHE_SIGNUP_DOMAINS: 'corp.example',
      OIDC_ISSUER: idp.issuer,
      OIDC_CLIENT_ID: TEST_CLIENT_ID,
      OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET,
      // Entra ID style: no email_verified claim, the tenant owns the domain.
      OIDC_TRUST_EMAIL: '1',
    });
    idp.register(t.url);
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await idp?.close();
  });

  it('refuses password registration and login with password_login_disabled, writing nothing', async () => {
    const register = await t.http
      .post('/api/auth/register')
      .send({ email: 'ann@corp.example', password: 'a long enough password', displayName: 'Ann' });
    expect(register.status).toBe(403);
    expect(register.body.code).toBe('password_login_disabled');
    const login = await t.http.post('/api/auth/login').send({ email: 'ann@corp.example', password: 'a long enough password' });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('password_login_disabled');
    expect(await t.sql('SELECT count(*)::int AS n FROM users')).toEqual([{ n: 0 }]);
    expect((await t.http.get('/api/auth/providers').expect(200)).body).toEqual({
      password: false,
      oidc: true,
      saml: false,
      signup: 'domains',
      signupDomains: ['corp.example'],
    });
  });

  it('signs people in through the provider; the first becomes the admin; a missing email_verified is trusted as configured', async () => {
    idp.accounts.set('ann-sub', { email: 'ann@corp.example', name: 'Ann Admin' });
    const { app, authorizationUrl } = await startLogin(t.url);
    const code = handoffCode(await callback(await signInAtProvider(authorizationUrl, 'ann-sub'), app));
    const session = await t.http.post('/api/auth/oidc/exchange').send({ code }).expect(200);
    expect(session.body.user).toMatchObject({ email: 'ann@corp.example', displayName: 'Ann Admin' });
    expect(session.body.user.roles).toContain('admin');
    // No password to change, and an admin cannot set one either while passwords are off.
    const auth = `Bearer ${session.body.accessToken}`;
    const change = await t.http
      .post('/api/me/password')
      .set('Authorization', auth)
      .send({ currentPassword: 'x', newPassword: 'a long enough password' });
    expect(change.body.code).toBe('password_login_disabled');
    const reset = await t.http
      .put(`/api/admin/users/${session.body.user.id}/password`)
      .set('Authorization', auth)
      .send({ newPassword: 'a long enough password' });
    expect(reset.body.code).toBe('password_login_disabled');
    expect(await t.sql('SELECT password_hash FROM users')).toEqual([{ password_hash: null }]);
  });

  it('an email the provider says is unverified is not trusted, even with OIDC_TRUST_EMAIL', async () => {
    idp.accounts.set('ben-sub', { email: 'ben@corp.example', email_verified: false, name: 'Ben' });
    const { app, authorizationUrl } = await startLogin(t.url);
    const res = await callback(await signInAtProvider(authorizationUrl, 'ben-sub'), app);
    expect(res.status).toBe(403);
    expect((await res.json()).code).toBe('sso_email_unverified');
  });
});
