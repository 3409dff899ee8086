import type { Test } from 'supertest';
import { addMember, type Cast, groupWithCast, type GroupBody, registerCast } from './factories/group.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { type TestApp, useTestApp } from './support/test-app.js';

/**
 * The authorization matrix: every group endpoint × every kind of caller × public and private,
 * with the documented status. A private group is 404 to everyone outside it (never 403), except
 * its card to a pending requester; a public one says 403 to those who may see it but not act.
 */
type Caller = Exclude<keyof Cast, 'target'>;
const CALLERS: Caller[] = ['owner', 'admin', 'member', 'pending', 'stranger', 'banned', 'otherAdmin', 'moderator'];

interface Route {
  name: string;
  /** Changes state: runs on a fresh group per case. */
  writes: boolean;
  call: (t: TestApp, g: GroupBody, cast: Cast, as: TestUser) => Test;
  /** Expected status per caller, in CALLERS order. */
  public: number[];
  private: number[];
}

//                       owner admin member pending stranger banned otherAdmin moderator
const READ_ALL = /*  */ [200, 200, 200, 200, 200, 200, 200, 200];
const READ_MEMBERS = [200, 200, 200, 404, 404, 404, 404, 404];
// The card alone: a pending requester sees it too (to follow and withdraw the request), not the content.
const READ_CARD = [200, 200, 200, 200, 404, 404, 404, 404];
const MANAGE_PUBLIC = [200, 200, 403, 403, 403, 403, 403, 403];
const MANAGE_PRIVATE = [200, 200, 403, 404, 404, 404, 404, 404];
const OWNER_PUBLIC = [200, 403, 403, 403, 403, 403, 403, 403];
const OWNER_PRIVATE = [200, 403, 403, 404, 404, 404, 404, 404];
const BANS_PUBLIC = [200, 200, 403, 403, 403, 403, 403, 200];
// A site moderator outside a private group gets the same 404 as every other outsider (#11).
const BANS_PRIVATE = [200, 200, 403, 404, 404, 404, 404, 404];
const JOIN = [200, 200, 200, 200, 200, 403, 200, 200];
const as = (statuses: number[], success: number) => statuses.map((s) => (s === 200 ? success : s));

const ROUTES: Route[] = [
  {
    name: 'GET /groups/:id',
    writes: false,
    call: (t, g, _c, u) => t.http.get(`/api/groups/${g.id}`).set('Authorization', u.auth),
    public: READ_ALL,
    private: READ_CARD,
  },
  {
    name: 'GET /groups/:id/members',
    writes: false,
    call: (t, g, _c, u) => t.http.get(`/api/groups/${g.id}/members`).set('Authorization', u.auth),
    public: READ_ALL,
    private: READ_MEMBERS,
  },
  {
    name: 'GET /groups/:id/requests',
    writes: false,
    call: (t, g, _c, u) => t.http.get(`/api/groups/${g.id}/requests`).set('Authorization', u.auth),
    public: MANAGE_PUBLIC,
    private: MANAGE_PRIVATE,
  },
  {
    name: 'GET /groups/:id/bans',
    writes: false,
    call: (t, g, _c, u) => t.http.get(`/api/groups/${g.id}/bans`).set('Authorization', u.auth),
    public: BANS_PUBLIC,
    private: BANS_PRIVATE,
  },
  {
    name: 'PATCH /groups/:id',
    writes: true,
    call: (t, g, _c, u) => t.http.patch(`/api/groups/${g.id}`).set('Authorization', u.auth).send({ guidelines: '# Be kind' }),
    public: MANAGE_PUBLIC,
    private: MANAGE_PRIVATE,
  },
  {
    name: 'POST /groups/:id/join',
    writes: true,
    call: (t, g, _c, u) => t.http.post(`/api/groups/${g.id}/join`).set('Authorization', u.auth),
    public: JOIN,
    private: JOIN,
  },
  {
    name: 'POST /groups/:id/requests/:userId/approve',
    writes: true,
    call: (t, g, c, u) => t.http.post(`/api/groups/${g.id}/requests/${c.pending.id}/approve`).set('Authorization', u.auth),
    public: MANAGE_PUBLIC,
    private: MANAGE_PRIVATE,
  },
  {
    name: 'POST /groups/:id/requests/:userId/reject',
    writes: true,
    call: (t, g, c, u) => t.http.post(`/api/groups/${g.id}/requests/${c.pending.id}/reject`).set('Authorization', u.auth),
    public: MANAGE_PUBLIC,
    private: MANAGE_PRIVATE,
  },
  {
    name: 'DELETE /groups/:id/members/:userId (someone else)',
    writes: true,
    call: (t, g, c, u) => t.http.delete(`/api/groups/${g.id}/members/${c.target.id}`).set('Authorization', u.auth),
    public: as(MANAGE_PUBLIC, 204),
    private: as(MANAGE_PRIVATE, 204),
  },
  {
    name: 'PUT /groups/:id/members/:userId',
    writes: true,
    call: (t, g, c, u) =>
      t.http.put(`/api/groups/${g.id}/members/${c.target.id}`).set('Authorization', u.auth).send({ role: 'admin' }),
    public: OWNER_PUBLIC,
    private: OWNER_PRIVATE,
  },
  {
    name: 'POST /groups/:id/bans',
    writes: true,
    call: (t, g, c, u) =>
      t.http.post(`/api/groups/${g.id}/bans`).set('Authorization', u.auth).send({ userId: c.target.id, reason: 'Spam' }),
    public: as(BANS_PUBLIC, 201),
    private: as(BANS_PRIVATE, 201),
  },
  {
    name: 'DELETE /groups/:id/bans/:userId',
    writes: true,
    call: (t, g, c, u) => t.http.delete(`/api/groups/${g.id}/bans/${c.banned.id}`).set('Authorization', u.auth),
    public: as(BANS_PUBLIC, 204),
    private: as(BANS_PRIVATE, 204),
  },
];

const CASES = ROUTES.flatMap((route) =>
  (['public', 'private'] as const).flatMap((visibility) =>
    CALLERS.map((caller, i) => ({ route, visibility, caller, expected: route[visibility][i] })),
  ),
);

describe('groups: authorization matrix', () => {
  const t = useTestApp({}, 60_000);
  let cast: Cast;
  const shared: Partial<Record<'public' | 'private', GroupBody>> = {};

  beforeAll(async () => {
    const siteAdmin = await registerUser(t);
    cast = await registerCast(t, siteAdmin);
    shared.public = await groupWithCast(t, cast, 'public');
    shared.private = await groupWithCast(t, cast, 'private');
  }, 60_000);

  it('builds groups with the cast in place', async () => {
    for (const g of [shared.public!, shared.private!]) {
      // owner, admin, member, target: the pending request and the banned person are not counted.
      expect(g.memberCount).toBe(4);
      const roles = await t.sql<{ user_id: string; role: string }>(
        'SELECT user_id, role FROM group_memberships WHERE group_id = $1',
        [g.id],
      );
      expect(Object.fromEntries(roles.map((r) => [r.user_id, r.role]))).toEqual({
        [cast.owner.id]: 'owner',
        [cast.admin.id]: 'admin',
        [cast.member.id]: 'member',
        [cast.target.id]: 'member',
        [cast.pending.id]: 'pending',
      });
    }
  });

  it.each(CASES.map((c) => [c.route.name, c.visibility, c.caller, c.expected, c] as const))(
    '%s in a %s group as %s → %i',
    async (_name, visibility, caller, expected, { route }) => {
      const group = route.writes ? await groupWithCast(t, cast, visibility) : shared[visibility]!;
      const res = await route.call(t, group, cast, cast[caller]);
      expect({ status: res.status, body: res.status >= 400 ? res.body.error : undefined }).toEqual({
        status: expected,
        body: expected >= 400 ? { 403: 'Forbidden', 404: 'Not Found' }[expected] : undefined,
      });
      // A hidden private group looks exactly like a missing one.
      if (expected === 404) expect(res.body.message).toBe('Group not found');
    },
  );

  it("keeps a site moderator's ban rights in a private group they belong to", async () => {
    const group = await groupWithCast(t, cast, 'private');
    await addMember(t, cast.owner, group.id, cast.moderator);
    const bans = await t.http.get(`/api/groups/${group.id}/bans`).set('Authorization', cast.moderator.auth);
    expect(bans.status).toBe(200);
    expect(bans.body.items.map((b: { user: { id: string } }) => b.user.id)).toEqual([cast.banned.id]);
    // A moderator may ban an admin, which the group's own admins may not.
    await t.http
      .post(`/api/groups/${group.id}/bans`)
      .set('Authorization', cast.moderator.auth)
      .send({ userId: cast.admin.id, reason: 'Spam' })
      .expect(201);
    await t.http.delete(`/api/groups/${group.id}/bans/${cast.admin.id}`).set('Authorization', cast.moderator.auth).expect(204);
  });

  it.each(ROUTES.map((r) => [r.name, r] as const))('%s without a token → 401', async (_name, route) => {
    const res = await route.call(t, shared.private!, cast, { auth: '' } as TestUser);
    expect(res.status).toBe(401);
  });

  it.each(ROUTES.map((r) => [r.name, r] as const))('%s on an unknown group → 404 like a hidden one', async (_name, route) => {
    const missing = { id: '00000000-0000-4000-8000-000000000000' } as GroupBody;
    const res = await route.call(t, missing, cast, cast.owner);
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('Group not found');
  });
});
