import { registerUser, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

/**
 * Closed sign-up (#15): with `RUCHE_SIGNUP=invite` only the first account (the admin) and people
 * holding an invitation for their address may register. Invitations are the admins', expire, can
 * be revoked, and make one account however many times they are redeemed at once.
 */
describe('sign-up by invitation', () => {
  const t = useTestApp({ RUCHE_SIGNUP: 'invite', RUCHE_INVITATION_TTL_DAYS: '3' }, 60_000);
  let admin: TestUser;
  let employee: TestUser;

  beforeAll(async () => {
    admin = await registerUser(t, { email: 'admin@corp.example', displayName: 'Admin' });
  }, 60_000);

  const count = async (table: string) => Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const invite = (body: object, as: TestUser = admin) =>
    t.http.post('/api/admin/invitations').set('Authorization', as.auth).send(body);
  const register = (email: string, invitationToken?: string) =>
    t.http
      .post('/api/auth/register')
      .send({ email, password: 'a long invited password', displayName: 'Newcomer', invitationToken });
  const tokenOf = (link: string) => new URL(link).searchParams.get('invitation')!;

  it('the first account needs no invitation and is the admin; the next one does', async () => {
    expect(admin.roles).toContain('admin');
    const users = await count('users');
    const res = await register('walk.in@corp.example');
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('signup_closed');
    expect(await count('users')).toBe(users);
    expect((await t.http.get('/api/auth/providers').expect(200)).body).toMatchObject({
      signup: 'invite',
      password: true,
      oidc: false,
    });
  });

  it('an admin invites by email and gets a link; the invited person registers with it, with the roles given', async () => {
    const res = await invite({ email: '  Nina@Corp.Example ', roles: ['moderator'] });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      email: 'nina@corp.example',
      roles: ['employee', 'moderator'],
      status: 'pending',
      redeemedAt: null,
    });
    expect(res.body.link).toMatch(/^http:\/\/localhost:3000\/register\?invitation=[A-Za-z0-9_-]{43}&email=nina%40corp.example$/);
    const days = (Date.parse(res.body.expiresAt) - Date.parse(res.body.createdAt)) / 86_400_000;
    expect(days).toBeCloseTo(3, 3);
    // Only the token's hash is kept.
    const [stored] = await t.sql<{ token_hash: Buffer }>('SELECT token_hash FROM invitations WHERE id = $1', [res.body.id]);
    expect(stored.token_hash.toString('base64url')).not.toBe(tokenOf(res.body.link));

    const joined = await register('nina@corp.example', tokenOf(res.body.link));
    expect(joined.status).toBe(201);
    expect(joined.body.user.roles.sort()).toEqual(['employee', 'moderator']);
    const list = await t.http.get('/api/admin/invitations').set('Authorization', admin.auth).expect(200);
    expect(list.body.items.find((i: { id: string }) => i.id === res.body.id)).toMatchObject({ status: 'redeemed' });
    employee = await t.http
      .post('/api/auth/login')
      .send({ email: 'nina@corp.example', password: 'a long invited password' })
      .expect(200)
      .then((r) => ({ ...r.body.user, auth: `Bearer ${r.body.accessToken}` }) as TestUser);
  });

  it('an invitation is for its address only, and is used once', async () => {
    const res = await invite({ email: 'omar@corp.example' });
    const token = tokenOf(res.body.link);
    const users = await count('users');
    const other = await register('someone.else@corp.example', token);
    expect(other.status).toBe(403);
    expect(other.body.code).toBe('invitation_invalid');
    expect((await register('omar@corp.example', 'not-the-token')).body.code).toBe('invitation_invalid');
    expect(await count('users')).toBe(users);
    // Redeemed by many at once: one account, the others refused.
    const results = await Promise.all(Array.from({ length: 6 }, () => register('omar@corp.example', token)));
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    for (const r of results.filter((x) => x.status !== 201)) expect([403, 409]).toContain(r.status);
    expect(await count('users')).toBe(users + 1);
    expect(
      await t.sql(`SELECT count(*)::int AS n FROM invitations WHERE email = 'omar@corp.example' AND redeemed_at IS NOT NULL`),
    ).toEqual([{ n: 1 }]);
  });

  it('an expired invitation is refused and listed as expired', async () => {
    const res = await invite({ email: 'paula@corp.example' });
    await t.sql(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [res.body.id]);
    const joined = await register('paula@corp.example', tokenOf(res.body.link));
    expect(joined.status).toBe(403);
    expect(joined.body.code).toBe('invitation_invalid');
    const list = await t.http.get('/api/admin/invitations?limit=100').set('Authorization', admin.auth).expect(200);
    expect(list.body.items.find((i: { id: string }) => i.id === res.body.id).status).toBe('expired');
  });

  it('a revoked invitation is refused; inviting again replaces the pending one', async () => {
    const first = await invite({ email: 'quinn@corp.example' });
    const second = await invite({ email: 'quinn@corp.example' });
    expect((await register('quinn@corp.example', tokenOf(first.body.link))).body.code).toBe('invitation_invalid');
    await t.http.delete(`/api/admin/invitations/${second.body.id.toUpperCase()}`).set('Authorization', admin.auth).expect(204);
    await t.http.delete(`/api/admin/invitations/${second.body.id}`).set('Authorization', admin.auth).expect(204);
    expect((await register('quinn@corp.example', tokenOf(second.body.link))).body.code).toBe('invitation_invalid');
    const list = await t.http.get('/api/admin/invitations').set('Authorization', admin.auth).expect(200);
    const statuses = list.body.items
      .filter((i: { email: string }) => i.email === 'quinn@corp.example')
      .map((i: { status: string }) => i.status);
    expect(statuses).toEqual(['revoked', 'revoked']);
    // A used invitation cannot be revoked; unknown and malformed ids are told apart.
    const used = (await t.sql<{ id: string }>(`SELECT id FROM invitations WHERE email = 'nina@corp.example'`))[0].id;
    expect((await t.http.delete(`/api/admin/invitations/${used}`).set('Authorization', admin.auth)).status).toBe(409);
    expect(
      (await t.http.delete('/api/admin/invitations/00000000-0000-4000-8000-000000000000').set('Authorization', admin.auth))
        .status,
    ).toBe(404);
    expect((await t.http.delete('/api/admin/invitations/not-an-id').set('Authorization', admin.auth)).status).toBe(400);
  });

  it('only admins invite, list and revoke; bad input is a 400 that writes nothing', async () => {
    const before = await count('invitations');
    expect((await invite({ email: 'rita@corp.example' }, employee)).status).toBe(403);
    expect((await t.http.get('/api/admin/invitations').set('Authorization', employee.auth)).status).toBe(403);
    expect((await t.http.get('/api/admin/signup').set('Authorization', employee.auth)).status).toBe(403);
    for (const body of [
      { email: 'nope' },
      { email: 'rita@corp.example', roles: ['root'] },
      { email: 'rita@corp.example', extra: 1 },
      {},
    ]) {
      const res = await invite(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
    // An address that already has an account.
    expect((await invite({ email: 'admin@corp.example' })).body.code).toBe('email_taken');
    expect(await count('invitations')).toBe(before);
  });

  it('the admin pages say sign-up is closed (no warning)', async () => {
    const res = await t.http.get('/api/admin/signup').set('Authorization', admin.auth).expect(200);
    expect(res.body).toEqual({ mode: 'invite', domains: [], open: false, warning: null });
  });

  it('lists invitations newest first, a page at a time', async () => {
    const first = await t.http.get('/api/admin/invitations?limit=2').set('Authorization', admin.auth).expect(200);
    expect(first.body.items).toHaveLength(2);
    const next = await t.http
      .get(`/api/admin/invitations?limit=2&cursor=${first.body.nextCursor}`)
      .set('Authorization', admin.auth)
      .expect(200);
    const all = await t.http.get('/api/admin/invitations?limit=100').set('Authorization', admin.auth).expect(200);
    expect([...first.body.items, ...next.body.items].map((i: { id: string }) => i.id)).toEqual(
      all.body.items.slice(0, 4).map((i: { id: string }) => i.id),
    );
  });
});
