import { registerUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

/** `RUCHE_SIGNUP=domains` (#15): self-registration only with an address at a company domain. */
describe('sign-up limited to company domains', () => {
  const t = useTestApp({ RUCHE_SIGNUP: 'domains', RUCHE_SIGNUP_DOMAINS: 'corp.example, @sub.corp.example' }, 60_000);

  const register = (email: string) =>
    t.http.post('/api/auth/register').send({ email, password: 'a long enough password', displayName: 'Someone' });

  it('admits the listed domains (case ignored) and refuses others, writing nothing', async () => {
    // The very first account may come from anywhere: someone has to become the admin.
    await register('founder@startup.example').expect(201);
    await register('Ann@CORP.example').expect(201);
    await register('bob@sub.corp.example').expect(201);
    const users = (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0].n;
    for (const email of ['eve@elsewhere.example', 'eve@corp.example.evil.example', 'eve@notcorp.example']) {
      const res = await register(email);
      expect({ email, status: res.status, code: res.body.code }).toEqual({
        email,
        status: 403,
        code: 'signup_domain_not_allowed',
      });
    }
    expect((await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM users'))[0].n).toBe(users);
  });

  it('single sign-on is off here: its routes say so', async () => {
    const admin = await registerUser(t, { email: 'carol@corp.example' });
    expect(admin.id).toBeDefined();
    const res = await t.http.get('/api/auth/oidc/login');
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('sso_not_configured');
    // The code exchange (OIDC and SAML share it) says the same while neither is configured.
    const exchange = await t.http.post('/api/auth/oidc/exchange').send({ code: 'whatever' });
    expect(exchange.status).toBe(404);
    expect(exchange.body.code).toBe('sso_not_configured');
  });
});
