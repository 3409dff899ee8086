import { auditOf, registerModerator, setSuspended } from './factories/moderation.factory.js';
import { askQuestion, earnAcceptedAnswer, findExperts } from './factories/question.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { connectError, connectSocket, type TestSocket } from './support/socket-client.js';
import { useTestApp } from './support/test-app.js';

const TOKEN = 'scim-test-token-0123456789abcdefghijklmnop';
const USER = 'urn:ietf:params:scim:schemas:core:2.0:User';
const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';

type Resource = Record<string, unknown> & { id: string; active: boolean; meta: { version: string; location: string } };

/**
 * SCIM 2.0 Users (RFC 7643/7644) as an identity provider drives them: the RFC's examples, filters,
 * paging, PUT and PATCH (as Okta and Entra ID send them), ETags, and deactivation, which takes
 * effect at once: tokens, refresh tokens and sockets end, and the person leaves people search,
 * expert routing and mentions while their content stays.
 */
describe('SCIM: Users', () => {
  const t = useTestApp({ SCIM_TOKEN: TOKEN });
  let admin: TestUser;
  let moderator: TestUser;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Admin' });
    moderator = await registerModerator(t, admin);
  });
  afterEach(() => {
    for (const socket of sockets.splice(0)) socket.close();
  });

  /** A SCIM JSON body sent with `method`, as an identity provider sends it. */
  const scimSend = (method: 'post' | 'put') => (path: string, body: object) =>
    t.http[method](`/api/scim/v2${path}`)
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('Content-Type', 'application/scim+json')
      .send(JSON.stringify(body));
  const scim = {
    get: (path: string) => t.http.get(`/api/scim/v2${path}`).set('Authorization', `Bearer ${TOKEN}`),
    post: scimSend('post'),
    put: scimSend('put'),
    patch: (path: string, operations: object[], ifMatch?: string) => {
      const req = t.http
        .patch(`/api/scim/v2${path}`)
        .set('Authorization', `Bearer ${TOKEN}`)
        .set('Content-Type', 'application/scim+json');
      if (ifMatch) req.set('If-Match', ifMatch);
      return req.send(JSON.stringify({ schemas: [PATCH_OP], Operations: operations }));
    },
    delete: (path: string) => t.http.delete(`/api/scim/v2${path}`).set('Authorization', `Bearer ${TOKEN}`),
  };
  let n = 0;
  const newUser = async (over: Record<string, unknown> = {}): Promise<Resource> => {
    n++;
    const res = await scim.post('/Users', {
      schemas: [USER],
      userName: `scim.person${n}@example.com`,
      displayName: `Scim Person ${n}`,
      ...over,
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  /** The SCIM resource of a person who registered through the API. */
  const resourceOf = async (user: TestUser): Promise<Resource> => (await scim.get(`/Users/${user.id}`).expect(200)).body;

  it('creates RFC 7644 §3.3’s user: 201, SCIM media type, Location, ETag; the profile shows title and department', async () => {
    const res = await scim.post('/Users', {
      schemas: [USER, ENTERPRISE],
      userName: 'bjensen@example.com',
      externalId: 'bjensen',
      name: { formatted: 'Ms. Barbara J Jensen III', familyName: 'Jensen', givenName: 'Barbara' },
      title: 'Tour Guide',
      [ENTERPRISE]: { department: 'Tour Operations', manager: { value: admin.id } },
    });
    expect(res.status).toBe(201);
    expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(res.headers.etag).toBe(res.body.meta.version);
    expect(res.body).toMatchObject({
      schemas: [USER, ENTERPRISE],
      userName: 'bjensen@example.com',
      externalId: 'bjensen',
      displayName: 'Ms. Barbara J Jensen III',
      title: 'Tour Guide',
      active: true,
      emails: [{ value: 'bjensen@example.com', type: 'work', primary: true }],
      [ENTERPRISE]: { department: 'Tour Operations', manager: { value: admin.id } },
      meta: { resourceType: 'User', location: expect.stringMatching(new RegExp(`/api/scim/v2/Users/${res.body.id}$`)) },
    });
    const profile = await t.http.get(`/api/users/${res.body.id}`).set('Authorization', admin.auth).expect(200);
    expect(profile.body).toMatchObject({
      displayName: 'Ms. Barbara J Jensen III',
      title: 'Tour Guide',
      department: 'Tour Operations',
    });
    // It has no password: it signs in through single sign-on.
    expect(
      (await t.http.post('/api/auth/login').send({ email: 'bjensen@example.com', password: 'anything at all 1' })).status,
    ).toBe(401);
    // The same userName again: 409 uniqueness.
    const again = await scim.post('/Users', { schemas: [USER], userName: 'BJensen@example.com' });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ schemas: [ERROR], status: '409', scimType: 'uniqueness' });
  });

  it('finds users by userName (case-insensitive), externalId or id, and pages with startIndex and count', async () => {
    const person = await newUser({ externalId: 'ext-filter-1' });
    const byName = await scim
      .get(`/Users?filter=${encodeURIComponent(`userName eq "${String(person.userName).toUpperCase()}"`)}`)
      .expect(200);
    expect(byName.headers['content-type']).toMatch(/^application\/scim\+json/);
    expect(byName.body).toMatchObject({
      schemas: ['urn:ietf:params:scim:api:messages:2.0:ListResponse'],
      totalResults: 1,
      startIndex: 1,
      itemsPerPage: 1,
    });
    expect(byName.body.Resources[0].id).toBe(person.id);
    const byExternal = await scim.get(`/Users?filter=${encodeURIComponent('externalId eq "ext-filter-1"')}`).expect(200);
    expect(byExternal.body.Resources.map((r: Resource) => r.id)).toEqual([person.id]);
    const none = await scim.get(`/Users?filter=${encodeURIComponent('userName eq "nobody@example.com"')}`).expect(200);
    expect(none.body).toMatchObject({ totalResults: 0, Resources: [] });

    const all = (await scim.get('/Users').expect(200)).body;
    expect(all.totalResults).toBeGreaterThanOrEqual(3);
    const pages: string[] = [];
    for (let start = 1; start <= all.totalResults; start += 2) {
      const page = (await scim.get(`/Users?startIndex=${start}&count=2`).expect(200)).body;
      expect(page).toMatchObject({ totalResults: all.totalResults, startIndex: start });
      pages.push(...page.Resources.map((r: Resource) => r.id));
    }
    expect(pages).toEqual(all.Resources.map((r: Resource) => r.id));
    expect((await scim.get('/Users?count=0').expect(200)).body).toMatchObject({ totalResults: all.totalResults, Resources: [] });
  });

  it('bad filters are 400 invalidFilter, in the SCIM error schema', async () => {
    for (const filter of ['userName eq', 'title eq "x"', 'userName co "a"', 'userName eq "a" or externalId eq "b"']) {
      const res = await scim.get(`/Users?filter=${encodeURIComponent(filter)}`);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/scim\+json/);
      expect(res.body).toMatchObject({ schemas: [ERROR], status: '400', scimType: 'invalidFilter' });
    }
  });

  it('refuses a missing or wrong token (and a person’s access token) with 401; an unknown user is 404', async () => {
    for (const auth of [undefined, 'Bearer wrong-token', `Bearer ${TOKEN}x`, admin.auth]) {
      const req = t.http.get('/api/scim/v2/Users');
      if (auth) req.set('Authorization', auth);
      const res = await req;
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ schemas: [ERROR], status: '401' });
    }
    const refused = await t.http
      .post('/api/scim/v2/Users')
      .set('Authorization', 'Bearer nope')
      .send({ schemas: [USER], userName: 'intruder@example.com' });
    expect(refused.status).toBe(401);
    expect(await t.sql(`SELECT id FROM users WHERE email = 'intruder@example.com'`)).toEqual([]);
    expect((await scim.get('/Users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await scim.get('/Users/not-an-id')).status).toBe(404);
  });

  it('hostile bodies are a 4xx, never a 5xx, and write nothing', async () => {
    const before = await t.sql<{ n: string }>('SELECT count(*) AS n FROM users');
    const bodies: unknown[] = [
      [],
      'userName',
      { schemas: [USER], userName: 'nul\u0000@example.com' },
      { schemas: [USER], userName: 'long@example.com', displayName: 'x'.repeat(10_000) },
      { schemas: [USER], userName: { value: 'a@b.c' } },
      { schemas: [USER], userName: 'a@b.c', emails: 'a@b.c', externalId: 42 },
      { schemas: [USER], userName: 'a@b.c', [ENTERPRISE]: { manager: ['x'] } },
      { schemas: [USER], userName: 'a@b.c', active: null, title: { x: 1 } },
    ];
    for (const body of bodies) {
      const res = await t.http
        .post('/api/scim/v2/Users')
        .set('Authorization', `Bearer ${TOKEN}`)
        .set('Content-Type', 'application/scim+json')
        .send(JSON.stringify(body));
      expect([res.status, JSON.stringify(body).slice(0, 60)]).toEqual([400, JSON.stringify(body).slice(0, 60)]);
    }
    const person = await newUser();
    for (const operations of [
      [{ op: 'add' }],
      [{ op: 'replace', path: 'name[', value: 'x' }],
      [{ op: 'add', path: 'title', value: { deep: true } }],
    ]) {
      const res = await scim.patch(`/Users/${person.id}`, operations);
      expect(res.status).toBe(400);
    }
    expect(Number((await t.sql<{ n: string }>('SELECT count(*) AS n FROM users'))[0].n)).toBe(Number(before[0].n) + 1);
  });

  it('without SCIM_TOKEN, SCIM does not exist: 404', async () => {
    const off = await t.startPeer({ SCIM_TOKEN: '' });
    const res = await off.http.get('/api/scim/v2/Users').set('Authorization', `Bearer ${TOKEN}`);
    expect(res.status).toBe(404);
  });

  it('PUT replaces the user (what it leaves out is cleared); ids in upper case mean the same user', async () => {
    const person = await newUser({ title: 'Analyst', [ENTERPRISE]: { department: 'Finance' } });
    const res = await scim.put(`/Users/${person.id.toUpperCase()}`, {
      schemas: [USER],
      userName: person.userName,
      displayName: 'Renamed Person',
      [ENTERPRISE]: { department: 'Legal' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: person.id, displayName: 'Renamed Person', [ENTERPRISE]: { department: 'Legal' } });
    expect(res.body.title).toBeUndefined();
    expect(res.body.meta.version).not.toBe(person.meta.version);
  });

  it('PATCH as Okta and Entra ID send it: title, department, manager, add/replace/remove', async () => {
    const person = await newUser({ title: 'Engineer' });
    const res = await scim.patch(`/Users/${person.id}`, [
      { op: 'Replace', path: 'title', value: 'Staff Engineer' },
      { op: 'Add', path: `${ENTERPRISE}:department`, value: 'Platform' },
      { op: 'add', path: `${ENTERPRISE}:manager`, value: admin.id },
      { op: 'replace', value: { displayName: 'Patched Person' } },
    ]);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      title: 'Staff Engineer',
      displayName: 'Patched Person',
      [ENTERPRISE]: { department: 'Platform', manager: { value: admin.id } },
    });
    const removed = await scim.patch(`/Users/${person.id}`, [
      { op: 'remove', path: `${ENTERPRISE}:manager` },
      { op: 'remove', path: 'title' },
    ]);
    expect(removed.status).toBe(200);
    expect(removed.body.title).toBeUndefined();
    expect(removed.body[ENTERPRISE]).toEqual({ department: 'Platform' });

    // Bad operations: 400 with a scimType, and nothing written.
    const bad = await scim.patch(`/Users/${person.id}`, [{ op: 'add', path: `${ENTERPRISE}:manager`, value: 'not-a-user' }]);
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ schemas: [ERROR], scimType: 'invalidValue' });
    const self = await scim.patch(`/Users/${person.id}`, [{ op: 'add', path: `${ENTERPRISE}:manager`, value: person.id }]);
    expect(self.status).toBe(400);
    const unknownOp = await scim.patch(`/Users/${person.id}`, [{ op: 'frobnicate', path: 'title', value: 'x' }]);
    expect(unknownOp.body).toMatchObject({ status: '400', scimType: 'invalidSyntax' });
    expect((await scim.get(`/Users/${person.id}`)).body.meta.version).toBe(removed.body.meta.version);
  });

  it('ETags: a write with a stale If-Match is 412 and changes nothing', async () => {
    const person = await newUser();
    const first = await scim.patch(`/Users/${person.id}`, [{ op: 'replace', path: 'title', value: 'One' }], person.meta.version);
    expect(first.status).toBe(200);
    const stale = await scim.patch(`/Users/${person.id}`, [{ op: 'replace', path: 'title', value: 'Two' }], person.meta.version);
    expect(stale.status).toBe(412);
    expect((await scim.get(`/Users/${person.id}`)).body.title).toBe('One');
  });

  it('concurrent PATCHes stay consistent: none is lost, and of those sent with one version exactly one wins', async () => {
    const person = await newUser({ title: 'T0', [ENTERPRISE]: { department: 'D0' } });
    // 24 at once (more than the pool): half set the title, half the department. A write that read
    // before another committed would put back the field it did not change.
    const titles = Array.from({ length: 12 }, (_, i) => `Title ${i}`);
    const departments = Array.from({ length: 12 }, (_, i) => `Department ${i}`);
    const results = await Promise.all([
      ...titles.map((v) => scim.patch(`/Users/${person.id}`, [{ op: 'replace', path: 'title', value: v }])),
      ...departments.map((v) =>
        scim.patch(`/Users/${person.id}`, [{ op: 'replace', path: `${ENTERPRISE}:department`, value: v }]),
      ),
    ]);
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    const final = (await scim.get(`/Users/${person.id}`)).body;
    expect(titles).toContain(final.title);
    expect(departments).toContain(final[ENTERPRISE].department);

    const version = final.meta.version;
    const raced = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        scim.patch(`/Users/${person.id}`, [{ op: 'replace', path: 'title', value: `Raced ${i}` }], version),
      ),
    );
    expect(raced.filter((r) => r.status === 200)).toHaveLength(1);
    expect(raced.filter((r) => r.status === 412)).toHaveLength(9);
  });

  it('active:false deactivates at once: token, refresh and socket end; gone from search, routing and mentions; content stays', async () => {
    const asker = await registerUser(t, { displayName: 'Asker' });
    const expert = await registerUser(t, { displayName: 'Zebulon Deactivated' });
    await earnAcceptedAnswer(t, asker, expert, ['kubernetes']);
    const post = await t.http
      .post('/api/posts')
      .set('Authorization', expert.auth)
      .send({ body: 'Written before leaving' })
      .expect(201);
    await t.settle();
    expect((await findExperts(t, asker, { q: 'kubernetes' })).map((e) => e.user.id)).toContain(expert.id);
    const socket = await connectSocket(t.url, expert.accessToken);
    sockets.push(socket);
    const closed = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('socket still open after 1 s')), 1000);
      socket.socket.once('disconnect', (reason) => {
        clearTimeout(timer);
        resolve(reason);
      });
    });

    const res = await scim.patch(`/Users/${expert.id}`, [{ op: 'Replace', path: 'active', value: 'False' }]);
    expect(res.status).toBe(200);
    expect(res.body.active).toBe(false);

    expect(await closed).toBe('io server disconnect');
    expect((await t.http.get('/api/me').set('Authorization', expert.auth)).status).toBe(401);
    expect((await t.http.post('/api/auth/refresh').send({ refreshToken: expert.refreshToken })).status).toBe(401);
    expect((await t.http.post('/api/auth/login').send({ email: expert.email, password: expert.password })).status).toBe(401);
    expect(await connectError(t.url, { token: expert.accessToken })).toBe('unauthorized');
    // Gone from people search, expert search and routing, and mentions.
    const search = await t.http.get('/api/users').query({ q: 'Zebulon' }).set('Authorization', asker.auth).expect(200);
    expect(search.body.items).toEqual([]);
    await t.settle();
    expect((await findExperts(t, asker, { q: 'kubernetes' })).map((e) => e.user.id)).not.toContain(expert.id);
    const question = await askQuestion(t, asker, { topics: ['kubernetes'] });
    expect(question.routedTo).not.toContain(expert.id);
    const mention = await t.http
      .post('/api/posts')
      .set('Authorization', asker.auth)
      .send({ body: `Thanks @${expert.handle}` })
      .expect(201);
    expect(mention.body.mentions).toEqual([]);
    const kept = await t.http.get(`/api/posts/${post.body.id}`).set('Authorization', asker.auth).expect(200);
    // Their content stays, and says the account is deactivated.
    expect(kept.body.author).toMatchObject({ id: expert.id, displayName: 'Zebulon Deactivated', deactivated: true });
    // Recorded in the audit log as the identity provider's doing (no actor).
    await t.settle();
    const audit = await auditOf(t, moderator, `?targetId=${expert.id}`);
    expect(audit[0]).toMatchObject({ action: 'user.deactivated', actor: null, details: { source: 'scim' } });

    // Reactivated: they sign in again (with new tokens; the old ones stay dead).
    const back = await scim.patch(`/Users/${expert.id}`, [{ op: 'replace', value: { active: true } }]);
    expect(back.body.active).toBe(true);
    expect((await t.http.post('/api/auth/login').send({ email: expert.email, password: expert.password })).status).toBe(200);
    expect((await t.http.get('/api/me').set('Authorization', expert.auth)).status).toBe(401);
  });

  it('active:true does not lift an admin’s suspension', async () => {
    const person = await registerUser(t, { displayName: 'Suspended by admin' });
    await setSuspended(t, admin, person.id, true, 'Under investigation');
    const resource = await resourceOf(person);
    expect(resource.active).toBe(true); // the provider's fact: not deactivated
    const deactivated = await scim.patch(`/Users/${person.id}`, [{ op: 'replace', path: 'active', value: false }]);
    expect(deactivated.body.active).toBe(false);
    const reactivated = await scim.patch(`/Users/${person.id}`, [{ op: 'replace', path: 'active', value: true }]);
    expect(reactivated.body.active).toBe(true);
    expect((await t.http.post('/api/auth/login').send({ email: person.email, password: person.password })).status).toBe(401);
    expect((await t.sql<{ status: string }>('SELECT status FROM users WHERE id = $1', [person.id]))[0].status).toBe('suspended');
  });

  it('DELETE deactivates (reversible): the user stays readable with active:false', async () => {
    const person = await registerUser(t, { displayName: 'Deleted by the provider' });
    await scim.delete(`/Users/${person.id}`).expect(204);
    expect((await t.http.get('/api/me').set('Authorization', person.auth)).status).toBe(401);
    expect((await resourceOf(person)).active).toBe(false);
    expect((await scim.delete('/Users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
