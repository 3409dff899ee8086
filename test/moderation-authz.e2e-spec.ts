import type { Response } from 'supertest';
import { type Cast, groupWithCast, type GroupBody, registerCast } from './factories/group.factory.js';
import { publishGuidelines, report } from './factories/moderation.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The authorization matrix of every moderation endpoint: route × caller × expected status.
 * Callers: a stranger to the group, a plain member, the group's admin, the admin of another group,
 * a site moderator and the site admin. The content acted on is written by another member of the
 * group (`cast.target`), in a public group, a private group, or company-wide.
 *
 * Rules it pins: anyone reports what they can see (404 otherwise); moderators review everything
 * they can read, group owners and admins their group's content; a private group's content stays
 * 404 to non-members, moderators included; audit and settings are for moderators and admins;
 * guidelines are published and accounts suspended by admins only.
 */
const CALLERS = ['stranger', 'member', 'groupAdmin', 'otherAdmin', 'moderator', 'admin'] as const;
type Caller = (typeof CALLERS)[number];

type Where = 'public' | 'private' | 'company';

interface World {
  t: TestApp;
  cast: Cast;
  siteAdmin: TestUser;
  groups: Record<'public' | 'private', GroupBody>;
  /** A fresh post by `cast.target` in the given place. */
  post(where: Where): Promise<{ id: string }>;
}

interface Route {
  name: string;
  call: (w: World, as: TestUser) => Promise<Response>;
  /** Expected status per caller, in CALLERS order. */
  expected: number[];
}

//                    stranger member groupAdmin otherAdmin moderator admin
const EVERYONE = (s: number) => [s, s, s, s, s, s];
const MODERATORS_AND_ADMINS = [403, 403, 403, 403, 200, 200];
const ADMINS_ONLY = [403, 403, 403, 403, 403, 200];

const reportAs = (w: World, as: TestUser, where: Where) =>
  w
    .post(where)
    .then((p) =>
      w.t.http.post('/api/reports').set('Authorization', as.auth).send({ targetType: 'post', targetId: p.id, reason: 'Spam' }),
    );

/** A report on fresh content in `where`, filed by the group's owner (who may see it all), then resolved by `as`. */
const resolveAs = async (w: World, as: TestUser, where: Where) => {
  const post = await w.post(where);
  const filed = await report(w.t, w.cast.owner, post.id);
  return w.t.http.post(`/api/moderation/reports/${filed.id}/resolve`).set('Authorization', as.auth).send({ action: 'hide' });
};

const ROUTES: Route[] = [
  { name: 'POST /reports (public group post)', call: (w, u) => reportAs(w, u, 'public'), expected: EVERYONE(201) },
  {
    name: 'POST /reports (private group post)',
    call: (w, u) => reportAs(w, u, 'private'),
    expected: [404, 201, 201, 404, 404, 404],
  },
  { name: 'POST /reports (company-wide post)', call: (w, u) => reportAs(w, u, 'company'), expected: EVERYONE(201) },
  {
    name: 'GET /reports (mine)',
    call: async (w, u) => w.t.http.get('/api/reports').set('Authorization', u.auth),
    expected: EVERYONE(200),
  },
  {
    name: 'GET /moderation/queue',
    call: async (w, u) => w.t.http.get('/api/moderation/queue').set('Authorization', u.auth),
    // Someone who moderates nothing gets 403; the admin of another group has a (different) queue.
    expected: [403, 403, 200, 200, 200, 403],
  },
  {
    name: 'POST /moderation/reports/:id/resolve (public group)',
    call: (w, u) => resolveAs(w, u, 'public'),
    expected: [403, 403, 200, 403, 200, 403],
  },
  {
    name: 'POST /moderation/reports/:id/resolve (private group)',
    call: (w, u) => resolveAs(w, u, 'private'),
    expected: [404, 403, 200, 404, 404, 404],
  },
  {
    name: 'POST /moderation/reports/:id/resolve (company-wide)',
    call: (w, u) => resolveAs(w, u, 'company'),
    expected: [403, 403, 403, 403, 200, 403],
  },
  {
    name: 'GET /moderation/audit',
    call: async (w, u) => w.t.http.get('/api/moderation/audit').set('Authorization', u.auth),
    expected: MODERATORS_AND_ADMINS,
  },
  {
    name: 'GET /moderation/settings',
    call: async (w, u) => w.t.http.get('/api/moderation/settings').set('Authorization', u.auth),
    expected: MODERATORS_AND_ADMINS,
  },
  {
    name: 'PUT /moderation/settings',
    call: async (w, u) => w.t.http.put('/api/moderation/settings').set('Authorization', u.auth).send({ autoHideThreshold: 3 }),
    expected: MODERATORS_AND_ADMINS,
  },
  {
    name: 'GET /guidelines',
    call: async (w, u) => w.t.http.get('/api/guidelines').set('Authorization', u.auth),
    expected: EVERYONE(200),
  },
  {
    name: 'PUT /guidelines',
    call: async (w, u) =>
      w.t.http
        .put('/api/guidelines')
        .set('Authorization', u.auth)
        .send({ body: `# Guidelines ${Math.random()}` }),
    expected: ADMINS_ONLY,
  },
  {
    name: 'POST /guidelines/accept',
    call: async (w, u) => {
      const { version } = (await w.t.http.get('/api/guidelines').set('Authorization', u.auth)).body;
      return w.t.http.post('/api/guidelines/accept').set('Authorization', u.auth).send({ version });
    },
    expected: EVERYONE(204),
  },
  {
    name: 'PUT /admin/users/:id/suspension',
    call: async (w, u) => {
      const victim = await registerUser(w.t);
      return w.t.http
        .put(`/api/admin/users/${victim.id}/suspension`)
        .set('Authorization', u.auth)
        .send({ suspended: true, reason: 'Spam' });
    },
    expected: ADMINS_ONLY,
  },
];

describe('moderation: authorization matrix', () => {
  let world: World;
  let callers: Record<Caller, TestUser>;

  beforeAll(async () => {
    const t = await startTestApp();
    const siteAdmin = await registerUser(t, { displayName: 'Site admin' });
    const cast = await registerCast(t, siteAdmin);
    const groups = { public: await groupWithCast(t, cast, 'public'), private: await groupWithCast(t, cast, 'private') };
    // Posting needs the company guidelines accepted once they exist: the author accepts each new version.
    const post = async (where: Where) => {
      const body = { body: `Content (${where})`, ...(where === 'company' ? {} : { groupId: groups[where].id }) };
      let res = await t.http.post('/api/posts').set('Authorization', cast.target.auth).send(body);
      if (res.status === 403) {
        const { version } = (await t.http.get('/api/guidelines').set('Authorization', cast.target.auth)).body;
        await t.http.post('/api/guidelines/accept').set('Authorization', cast.target.auth).send({ version }).expect(204);
        res = await t.http.post('/api/posts').set('Authorization', cast.target.auth).send(body);
      }
      if (res.status !== 201) throw new Error(`post failed: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body as { id: string };
    };
    world = { t, cast, siteAdmin, groups, post };
    callers = {
      stranger: cast.stranger,
      member: cast.member,
      groupAdmin: cast.admin,
      otherAdmin: cast.otherAdmin,
      moderator: cast.moderator,
      admin: siteAdmin,
    };
    await publishGuidelines(t, siteAdmin, '# Be kind');
  }, 60_000);
  afterAll(() => world.t.close());

  const CASES = ROUTES.flatMap((route) => CALLERS.map((caller, i) => ({ route, caller, expected: route.expected[i] })));

  it.each(CASES.map((c) => [c.route.name, c.caller, c.expected, c] as const))(
    '%s as %s → %i',
    async (_n, caller, expected, { route }) => {
      const res = await route.call(world, callers[caller]);
      expect({ status: res.status, error: res.status >= 400 ? res.body.error : undefined }).toEqual({
        status: expected,
        error: expected >= 400 ? { 403: 'Forbidden', 404: 'Not Found' }[expected] : undefined,
      });
    },
  );

  it.each(ROUTES.map((r) => [r.name, r] as const))('%s without a token → 401', async (_name, route) => {
    const res = await route.call(world, { auth: '' } as TestUser);
    expect(res.status).toBe(401);
  });

  it('a group admin’s queue holds their group’s cases only; a moderator’s leaves out private groups they are not in', async () => {
    const { t, cast } = world;
    const inPublic = await world.post('public');
    const inPrivate = await world.post('private');
    const companyWide = await world.post('company');
    for (const p of [inPublic, inPrivate, companyWide]) await report(t, cast.owner, p.id);
    const queue = async (u: TestUser) =>
      (
        (await t.http.get('/api/moderation/queue?limit=100').set('Authorization', u.auth)).body.items as {
          target: { id: string };
        }[]
      ).map((i) => i.target.id);
    const forGroupAdmin = await queue(cast.admin);
    expect(forGroupAdmin).toEqual(expect.arrayContaining([inPublic.id, inPrivate.id]));
    expect(forGroupAdmin).not.toContain(companyWide.id);
    expect(await queue(cast.otherAdmin)).toEqual([]);
    const forModerator = await queue(cast.moderator);
    expect(forModerator).toEqual(expect.arrayContaining([inPublic.id, companyWide.id]));
    expect(forModerator).not.toContain(inPrivate.id);
  });
});
