import { registerUser, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

describe('identity: register, login, tokens, roles', () => {
  const t = useTestApp();
  let admin: TestUser;

  beforeAll(async () => {
    admin = await registerUser(t, { email: 'Ada.Admin@Corp.example', displayName: 'Ada Admin' });
  });

  const countUsers = async () => Number((await t.sql<{ n: string }>('SELECT count(*) AS n FROM users'))[0].n);

  describe('register', () => {
    it('makes the first account admin, derives a handle, never returns the hash', async () => {
      expect(admin.roles).toEqual(['employee', 'admin']);
      expect(admin.email).toBe('ada.admin@corp.example');
      expect(admin.handle).toBe('ada_admin');
      expect(admin).not.toHaveProperty('passwordHash');
      expect(admin.accessToken).toEqual(expect.any(String));
      expect(admin.refreshToken).toEqual(expect.any(String));
    });

    it('makes later accounts plain employees with unique handles', async () => {
      const a = await registerUser(t, { email: 'sam@corp.example' });
      const b = await registerUser(t, { email: 'sam@other.example' });
      expect(a.roles).toEqual(['employee']);
      expect(a.handle).toBe('sam');
      expect(b.handle).toBe('sam2');
    });

    it('refuses a duplicate email (case-insensitive) with 409', async () => {
      const before = await countUsers();
      const res = await t.http.post('/api/auth/register').send({ email: 'ADA.admin@corp.example', password: 'long enough pw', displayName: 'Again' });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ statusCode: 409, error: 'Conflict' });
      expect(await countUsers()).toBe(before);
    });

    it.each([
      ['short password', { email: 'x1@corp.example', password: 'short', displayName: 'X' }],
      ['bad email', { email: 'not-an-email', password: 'long enough pw', displayName: 'X' }],
      ['missing name', { email: 'x2@corp.example', password: 'long enough pw' }],
      ['blank name', { email: 'x3@corp.example', password: 'long enough pw', displayName: '   ' }],
      ['unknown field', { email: 'x4@corp.example', password: 'long enough pw', displayName: 'X', roles: ['admin'] }],
      ['wrong types', { email: 42, password: ['a'], displayName: {} }],
      ['NUL in name', { email: 'x5@corp.example', password: 'long enough pw', displayName: 'a\u0000b' }],
      ['huge name', { email: 'x6@corp.example', password: 'long enough pw', displayName: 'n'.repeat(81) }],
    ])('rejects %s with 400 and writes nothing', async (_name, body) => {
      const before = await countUsers();
      const res = await t.http.post('/api/auth/register').send(body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(res.body.message).toBeDefined();
      expect(await countUsers()).toBe(before);
    });

    it('refuses a body over 1 MiB with 413', async () => {
      const res = await t.http
        .post('/api/auth/register')
        .send({ email: 'big@corp.example', password: 'long enough pw', displayName: 'x'.repeat(1_100_000) });
      expect(res.status).toBe(413);
    });
  });

  describe('login', () => {
    it('returns a session for the right password', async () => {
      const res = await t.http.post('/api/auth/login').send({ email: 'ada.admin@corp.example', password: admin.password });
      expect(res.status).toBe(200);
      expect(res.body.user.id).toBe(admin.id);
      expect(res.body.accessToken).toEqual(expect.any(String));
    });

    it('is 401 for a wrong password or an unknown email, with the same message', async () => {
      const wrong = await t.http.post('/api/auth/login').send({ email: admin.email, password: 'wrong password!' });
      const unknown = await t.http.post('/api/auth/login').send({ email: 'nobody@corp.example', password: 'wrong password!' });
      expect(wrong.status).toBe(401);
      expect(unknown.status).toBe(401);
      expect(wrong.body.message).toBe(unknown.body.message);
    });

    it('is 400 for a missing password', async () => {
      expect((await t.http.post('/api/auth/login').send({ email: admin.email })).status).toBe(400);
    });
  });

  describe('refresh tokens', () => {
    it('rotates: a refresh gives a new pair that works', async () => {
      const u = await registerUser(t);
      const res = await t.http.post('/api/auth/refresh').send({ refreshToken: u.refreshToken });
      expect(res.status).toBe(200);
      expect(res.body.refreshToken).not.toBe(u.refreshToken);
      const me = await t.http.get('/api/me').set('Authorization', `Bearer ${res.body.accessToken}`);
      expect(me.status).toBe(200);
      expect(me.body.id).toBe(u.id);
    });

    it('detects reuse: a spent token is 401 and revokes the whole family', async () => {
      const u = await registerUser(t);
      const first = await t.http.post('/api/auth/refresh').send({ refreshToken: u.refreshToken });
      expect(first.status).toBe(200);
      // An attacker replays the spent token...
      const replay = await t.http.post('/api/auth/refresh').send({ refreshToken: u.refreshToken });
      expect(replay.status).toBe(401);
      // ...and the legitimate holder's newer token is dead too.
      const legit = await t.http.post('/api/auth/refresh').send({ refreshToken: first.body.refreshToken });
      expect(legit.status).toBe(401);
      // Other sessions (another login) are untouched.
      const other = await t.http.post('/api/auth/login').send({ email: u.email, password: u.password });
      expect((await t.http.post('/api/auth/refresh').send({ refreshToken: other.body.refreshToken })).status).toBe(200);
    });

    it('is 401 for an unknown token and 400 for a malformed body', async () => {
      expect((await t.http.post('/api/auth/refresh').send({ refreshToken: 'made-up' })).status).toBe(401);
      expect((await t.http.post('/api/auth/refresh').send({})).status).toBe(400);
      expect((await t.http.post('/api/auth/refresh').send({ refreshToken: 12 })).status).toBe(400);
    });

    it('logout spends the session: its refresh token stops working', async () => {
      const u = await registerUser(t);
      const out = await t.http.post('/api/auth/logout').set('Authorization', u.auth).send({ refreshToken: u.refreshToken });
      expect(out.status).toBe(204);
      expect((await t.http.post('/api/auth/refresh').send({ refreshToken: u.refreshToken })).status).toBe(401);
    });

    it('logout needs authentication and cannot revoke another user’s session', async () => {
      const victim = await registerUser(t);
      const attacker = await registerUser(t);
      expect((await t.http.post('/api/auth/logout').send({ refreshToken: victim.refreshToken })).status).toBe(401);
      await t.http.post('/api/auth/logout').set('Authorization', attacker.auth).send({ refreshToken: victim.refreshToken }).expect(204);
      expect((await t.http.post('/api/auth/refresh').send({ refreshToken: victim.refreshToken })).status).toBe(200);
    });
  });

  describe('GET /api/me and access tokens', () => {
    it('returns the caller', async () => {
      const res = await t.http.get('/api/me').set('Authorization', admin.auth);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ id: admin.id, email: admin.email, handle: 'ada_admin', displayName: 'Ada Admin', roles: ['employee', 'admin'] });
      expect(res.body).not.toHaveProperty('passwordHash');
    });

    it.each([
      ['no header', undefined],
      ['garbage token', 'Bearer not.a.jwt'],
      ['wrong scheme', 'Basic abc'],
      // Signed with another secret.
      ['foreign token', 'Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJl'],
    ])('is 401 with %s', async (_name, header) => {
      const req = t.http.get('/api/me');
      if (header) req.set('Authorization', header);
      const res = await req;
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    });
  });

  describe('PUT /api/admin/users/:id/roles', () => {
    it('lets an admin grant roles; employee is always kept; the change applies at once', async () => {
      const u = await registerUser(t);
      const res = await t.http.put(`/api/admin/users/${u.id}/roles`).set('Authorization', admin.auth).send({ roles: ['moderator'] });
      expect(res.status).toBe(200);
      expect(res.body.roles.sort()).toEqual(['employee', 'moderator']);
      const me = await t.http.get('/api/me').set('Authorization', u.auth);
      expect(me.body.roles.sort()).toEqual(['employee', 'moderator']);
    });

    it('refuses non-admins with 403 and changes nothing', async () => {
      const u = await registerUser(t);
      const moderator = await registerUser(t);
      await t.http.put(`/api/admin/users/${moderator.id}/roles`).set('Authorization', admin.auth).send({ roles: ['moderator', 'innovation'] }).expect(200);
      for (const caller of [u, moderator]) {
        const res = await t.http.put(`/api/admin/users/${u.id}/roles`).set('Authorization', caller.auth).send({ roles: ['admin'] });
        expect(res.status).toBe(403);
      }
      const rows = await t.sql<{ roles: string[] }>('SELECT roles FROM users WHERE id = $1', [u.id]);
      expect(rows[0].roles).toEqual(['employee']);
    });

    it('validates input: unknown role, bad id, unknown user, self-demotion', async () => {
      const u = await registerUser(t);
      const put = (id: string, body: unknown) => t.http.put(`/api/admin/users/${id}/roles`).set('Authorization', admin.auth).send(body as object);
      expect((await put(u.id, { roles: ['superuser'] })).status).toBe(400);
      expect((await put(u.id, { roles: 'admin' })).status).toBe(400);
      expect((await put(u.id, {})).status).toBe(400);
      expect((await put('not-a-uuid', { roles: [] })).status).toBe(400);
      expect((await put('00000000-0000-4000-8000-000000000000', { roles: [] })).status).toBe(404);
      expect((await put(admin.id, { roles: [] })).status).toBe(400);
      const rows = await t.sql<{ roles: string[] }>('SELECT roles FROM users WHERE id = $1', [u.id]);
      expect(rows[0].roles).toEqual(['employee']);
    });
  });

  describe('GET /api/users?q= (find colleagues)', () => {
    it('finds by handle prefix and by part of the name, best match first', async () => {
      const zoe = await registerUser(t, { email: 'zoe.leclerc@corp.example', displayName: 'Zoé Leclerc' });
      await registerUser(t, { email: 'zoeller@corp.example', displayName: 'Marc Zoeller' });
      const byHandle = await t.http.get('/api/users?q=zoe').set('Authorization', admin.auth);
      expect(byHandle.status).toBe(200);
      // Both are handle-prefix matches: ordered by name.
      expect(byHandle.body.items.map((u: { handle: string }) => u.handle)).toEqual(['zoeller', 'zoe_leclerc']);
      expect(byHandle.body.items[1]).toEqual({ id: zoe.id, handle: 'zoe_leclerc', displayName: 'Zoé Leclerc' });
      // An exact handle beats everything; a name match comes after handle matches.
      await registerUser(t, { email: 'ana.zoe_leclerc@corp.example', displayName: 'Ana' });
      const exact = await t.http.get('/api/users?q=zoe_leclerc').set('Authorization', admin.auth);
      expect(exact.body.items.map((u: { handle: string }) => u.handle)).toEqual(['zoe_leclerc']);
      const mixed = await t.http.get('/api/users?q=ana').set('Authorization', admin.auth);
      expect(mixed.body.items[0].handle).toBe('ana_zoe_leclerc');
      const byName = await t.http.get('/api/users?q=LECLERC').set('Authorization', admin.auth);
      expect(byName.body.items.map((u: { id: string }) => u.id)).toEqual([zoe.id]);
    });

    it('treats LIKE wildcards literally and never returns the hash or email', async () => {
      const res = await t.http.get('/api/users?q=%25').set('Authorization', admin.auth);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
      const some = await t.http.get('/api/users?q=a&limit=2').set('Authorization', admin.auth);
      expect(some.body.items.length).toBeLessThanOrEqual(2);
      for (const u of some.body.items) expect(Object.keys(u).sort()).toEqual(['displayName', 'handle', 'id']);
    });

    it('rejects a blank or oversized query and bad limits; needs a token (no q at all: the directory)', async () => {
      for (const url of ['/api/users?q=', `/api/users?q=${'x'.repeat(101)}`, '/api/users?q=a&limit=0', '/api/users?q=a&limit=21']) {
        expect((await t.http.get(url).set('Authorization', admin.auth)).status).toBe(400);
      }
      expect((await t.http.get('/api/users?q=a')).status).toBe(401);
    });
  });

  it('serves health without auth and OpenAPI docs', async () => {
    const health = await t.http.get('/api/health');
    expect(health.status).toBe(200);
    expect(health.body).toEqual({ status: 'ok', db: 'up' });
    const docs = await t.http.get('/api/docs-json');
    expect(docs.status).toBe(200);
    expect(Object.keys(docs.body.paths)).toEqual(expect.arrayContaining(['/api/auth/register', '/api/me']));
  });

  it('sets security headers', async () => {
    const res = await t.http.get('/api/health');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('answers unknown routes with a JSON 404', async () => {
    const res = await t.http.get('/api/nope').set('Authorization', admin.auth);
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
  });
});

describe('identity: rate limit on auth endpoints', () => {
  const t = useTestApp({ RUCHE_RATE_LIMIT: '3' });

  it('answers 429 past the configured requests per minute', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await t.http.post('/api/auth/login').send({ email: 'x@corp.example', password: 'wrong password' })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    // Other endpoints are not limited.
    expect((await t.http.get('/api/health')).status).toBe(200);
  });
});
