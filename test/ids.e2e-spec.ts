import { randomUUID } from 'node:crypto';
import sharp from 'sharp';
import type { AnswerView, IdeaView, QuestionView } from '@ruche/contracts';
import { addMember, createGroup, type GroupBody } from './factories/group.factory.js';
import { openCampaign, submitIdea, type CampaignBody } from './factories/idea.factory.js';
import { grantRoles, report } from './factories/moderation.factory.js';
import { notificationsOf } from './factories/notification.factory.js';
import { updateProfile } from './factories/people.factory.js';
import { answerQuestion, askQuestion } from './factories/question.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { connectSocket } from './support/socket-client.js';
import { fillPath, idParamsOf, type RouteEntry, routeKey, ROUTES } from './support/route-table.js';
import { type TestApp, useTestApp } from './support/test-app.js';

/**
 * One id, one spelling (#11): a UUID in any letter case names the same resource, and is lower-cased
 * where it enters, so no comparison or set lookup past the edge sees two spellings. Any other
 * spelling is a 400. Table-driven over the route table, plus the body, query and socket ids and
 * the writes where a second spelling once slipped past an equality check.
 */

const upper = (id: string) => id.toUpperCase();
/** Every other letter in capitals: neither spelling a client would normally send. */
const mixed = (id: string) => {
  let n = 0;
  return id.replace(/[a-f]/g, (c) => (n++ % 2 ? c.toUpperCase() : c));
};
const CASINGS = { upper, mixed } as const;

const BAD_SPELLINGS: Record<string, (id: string) => string> = {
  braces: (id) => `{${id}}`,
  urn: (id) => `urn:uuid:${id}`,
  '32 hex digits': (id) => id.replace(/-/g, ''),
  'trailing space': (id) => `${id} `,
  'one digit short': (id) => id.slice(0, -1),
  garbage: () => 'not-an-id',
};

type Verb = 'get' | 'post' | 'put' | 'patch' | 'delete';
const call = (t: TestApp, method: string, path: string, as: TestUser, body?: object) => {
  const req = t.http[method.toLowerCase() as Verb](path).set('Authorization', as.auth);
  return method === 'GET' || method === 'DELETE' ? req : req.send(body ?? {});
};

// SCIM (RFC 7644) answers an id it does not know with its own 404 error body, whatever the spelling,
// as identity providers expect; its routes are checked by test/scim-*.e2e-spec.ts.
const ID_ROUTES = ROUTES.filter((r) => idParamsOf(r.path).length > 0 && !r.path.startsWith('/api/scim/'));
const ID_GETS = ID_ROUTES.filter((r) => r.method === 'GET');
/** Reads whose answer is computed against the clock (a window ending now): compared to the minute. */
const CLOCKED = new Set(['GET /api/groups/:id/health']);
const toTheMinute = (body: unknown) => JSON.parse(JSON.stringify(body).replace(/(\d{4}-\d\d-\d\dT\d\d:\d\d):[\d.]+Z/g, '$1Z'));

/** Reads only some people may make (managers, moderators, authors): read as the person who holds every role. */
const READ_AS_POWER = new Set([
  'GET /api/training/paths/:id/progress',
  'GET /api/comments/:id/history',
  'GET /api/questions/:id/history',
  'GET /api/answers/:id/history',
  'GET /api/announcements/:id/receipts',
  'GET /api/admin/people/imports/:id',
  'GET /api/admin/people/imports/:id/report.csv',
]);

/** Query strings some reads need to answer 200 at all. */
const QUERY: Record<string, string> = {
  'GET /api/campaigns/:id/ideas/similar': '?title=Travel%20less',
};

describe('ids: one canonical spelling at the edge', () => {
  const t = useTestApp({}, 90_000);
  let admin: TestUser;
  /** Holds every role, so permission guards never answer before the id is judged. */
  let power: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let open: GroupBody;
  let secret: GroupBody;
  let post: { id: string };
  let campaign: CampaignBody;
  let idea: IdeaView;
  let question: QuestionView;
  let answer: AnswerView;
  let reportId: string;
  let trainingPath: { id: string; steps: { id: string }[] };
  let commentId: string;
  let announcementId: string;
  let fileId: string;
  let importId: string;
  let exportId: string;

  /** A real id for each id parameter of `route`, the resource the route is about. */
  const realIds = (route: RouteEntry): Record<string, string> => {
    const byPrefix: [string, string][] = [
      ['/api/admin/users/', bob.id],
      ['/api/users/', alice.id],
      ['/api/groups/', open.id],
      ['/api/posts/', post.id],
      ['/api/campaigns/', campaign.id],
      ['/api/ideas/', idea.id],
      ['/api/questions/', question.id],
      ['/api/answers/', answer.id],
      ['/api/moderation/reports/', reportId],
      ['/api/notifications/mutes/', post.id],
      ['/api/training/paths/', trainingPath.id],
      ['/api/comments/', commentId],
      ['/api/announcements/', announcementId],
      ['/api/files/', fileId],
      ['/api/admin/people/imports/', importId],
      ['/api/me/exports/', exportId],
    ];
    const id = byPrefix.find(([prefix]) => route.path.startsWith(prefix))?.[1] ?? randomUUID();
    return { id, userId: carol.id, stepId: trainingPath.steps[0].id };
  };

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Site Admin' });
    power = await grantRoles(t, admin, await registerUser(t, { displayName: 'Power' }), ['admin', 'innovation', 'moderator']);
    alice = await registerUser(t, { displayName: 'Alice' });
    bob = await registerUser(t, { displayName: 'Bob' });
    carol = await registerUser(t, { displayName: 'Carol' });
    open = await createGroup(t, alice, { visibility: 'public' });
    secret = await createGroup(t, alice, { visibility: 'private' });
    for (const g of [open, secret]) await addMember(t, alice, g.id, carol);
    post = (
      await t.http
        .post('/api/posts')
        .set('Authorization', alice.auth)
        .send({ body: 'Kickoff notes', groupId: open.id })
        .expect(201)
    ).body;
    campaign = await openCampaign(t, power, [carol]);
    idea = await submitIdea(t, alice, campaign.id);
    question = await askQuestion(t, alice);
    answer = await answerQuestion(t, bob, question.id);
    reportId = (await report(t, bob, post.id)).id;
    trainingPath = (
      await t.http
        .post('/api/training/paths')
        .set('Authorization', power.auth)
        .send({ title: 'Welcome', audience: 'newcomers', steps: [{ kind: 'read', title: 'How we work' }] })
        .expect(201)
    ).body;
    await t.http.post(`/api/training/paths/${trainingPath.id}/publish`).set('Authorization', power.auth).expect(200);
    commentId = (
      await t.http.post(`/api/posts/${post.id}/comments`).set('Authorization', bob.auth).send({ body: 'Noted' }).expect(201)
    ).body.id;
    announcementId = (
      await t.http
        .post('/api/announcements')
        .set('Authorization', power.auth)
        .send({ title: 'Office move', body: 'On Monday.' })
        .expect(201)
    ).body.id;
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#3366cc' } })
      .png()
      .toBuffer();
    fileId = (await t.http.post('/api/files').set('Authorization', alice.auth).attach('file', png, 'pixel.png').expect(201)).body
      .id;
    // Alice's photo, so GET /api/users/:id/avatar answers 200 (with her token, no version).
    const photo = (await t.http.post('/api/files').set('Authorization', alice.auth).attach('file', png, 'me.png').expect(201)).body.id;
    await t.http.put('/api/me/avatar').set('Authorization', alice.auth).send({ fileId: photo }).expect(200);
    importId = (
      await t.http
        .post('/api/admin/people/imports')
        .set('Authorization', power.auth)
        .set('Content-Type', 'text/csv')
        .send('email,displayName\nnew.person@corp.example,New Person\n')
        .expect(201)
    ).body.id;
    // Alice's personal data export, ready (the download answers 200 only then).
    exportId = (await t.http.post('/api/me/export').set('Authorization', alice.auth).expect(202)).body.id;
    for (let i = 0; i < 100; i++) {
      await t.settle();
      const { body } = await t.http.get(`/api/me/exports/${exportId}`).set('Authorization', alice.auth).expect(200);
      if (body.status === 'ready') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await t.settle();
  }, 90_000);

  describe('every id in a path', () => {
    const cases = ID_ROUTES.flatMap((route) =>
      idParamsOf(route.path).flatMap((param) =>
        Object.keys(BAD_SPELLINGS).map((spelling) => [routeKey(route), param, spelling, route] as const),
      ),
    );
    it.each(cases)('%s: :%s spelled with %s → 400', async (_key, param, spelling, route) => {
      const ids = realIds(route);
      const path = fillPath(route.path, { ...ids, [param]: BAD_SPELLINGS[spelling](ids[param]) });
      const res = await call(t, route.method, path, power);
      expect({ status: res.status, message: res.body.message }).toEqual({ status: 400, message: `${param} must be a UUID` });
    });

    const reads = ID_GETS.flatMap((route) =>
      (['upper', 'mixed'] as const).map((casing) => [routeKey(route), casing, route] as const),
    );
    it.each(reads)('%s in %s case answers exactly like in lower case', async (key, casing, route) => {
      const ids = realIds(route);
      const query = QUERY[key] ?? '';
      const reader = READ_AS_POWER.has(key) ? power : alice;
      const lower = await call(t, 'GET', fillPath(route.path, ids) + query, reader);
      expect(lower.status).toBe(200);
      const respelled = Object.fromEntries(Object.entries(ids).map(([k, v]) => [k, CASINGS[casing](v)]));
      const other = await call(t, 'GET', fillPath(route.path, respelled) + query, reader);
      const comparable = CLOCKED.has(key) ? toTheMinute : (body: unknown) => body;
      expect({ status: other.status, body: comparable(other.body) }).toEqual({
        status: lower.status,
        body: comparable(lower.body),
      });
    });

    it.each(ID_ROUTES.map((r) => [routeKey(r), r] as const))(
      '%s: an unknown id answers the same in every case',
      async (_key, route) => {
        const unknown = Object.fromEntries(idParamsOf(route.path).map((name) => [name, randomUUID()]));
        const answers = [];
        for (const spell of [(id: string) => id, upper, mixed]) {
          const spelled = Object.fromEntries(Object.entries(unknown).map(([k, v]) => [k, spell(v)]));
          const res = await call(t, route.method, fillPath(route.path, spelled), power);
          // Each answer has its own request id; the rest must match, ids compared in one case.
          const { requestId: _requestId, ...body } = res.body as Record<string, unknown>;
          answers.push({ status: res.status, body: JSON.stringify(body).toLowerCase() });
        }
        expect(answers[1]).toEqual(answers[0]);
        expect(answers[2]).toEqual(answers[0]);
        expect(answers[0].status).toBeLessThan(500);
      },
    );
  });

  describe('ids in bodies and queries', () => {
    it.each(Object.keys(BAD_SPELLINGS))('a body id spelled with %s → 400, nothing written', async (spelling) => {
      const before = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM posts');
      const res = await call(t, 'POST', '/api/posts', alice, {
        body: 'Into the group',
        groupId: BAD_SPELLINGS[spelling](open.id),
      });
      expect(res.status).toBe(400);
      expect(await t.sql('SELECT count(*)::int AS n FROM posts')).toEqual(before);
    });

    it('a private group id in capitals gives a private post: hidden from non-members everywhere', async () => {
      const word = `zephyrine${Date.now()}`;
      const res = await call(t, 'POST', '/api/posts', alice, {
        body: `Plans ${word} for @${bob.handle}`,
        groupId: upper(secret.id),
      });
      expect(res.status).toBe(201);
      expect(res.body.groupId).toBe(secret.id);
      await t.settle();
      const [stored] = await t.sql<{ group_id: string; group_private: boolean }>(
        'SELECT group_id, group_private FROM posts WHERE id = $1',
        [res.body.id],
      );
      expect(stored).toEqual({ group_id: secret.id, group_private: true });
      expect((await call(t, 'GET', `/api/posts/${res.body.id}`, bob)).status).toBe(404);
      expect((await call(t, 'GET', `/api/posts/${res.body.id}`, carol)).status).toBe(200);
      const company = await call(t, 'GET', '/api/feed?scope=company&limit=100', bob);
      expect(company.body.items.map((p: { id: string }) => p.id)).not.toContain(res.body.id);
      const search = await call(t, 'GET', `/api/search?q=${word}`, bob);
      expect(search.status).toBe(200);
      expect(JSON.stringify(search.body)).not.toContain(res.body.id);
      // The mentioned non-member hears nothing about it.
      expect(JSON.stringify(await notificationsOf(t, bob))).not.toContain(res.body.id);
    });

    it('report targetId: two spellings are one report', async () => {
      const target = (await call(t, 'POST', '/api/posts', alice, { body: 'Report me' })).body;
      const first = await call(t, 'POST', '/api/reports', carol, {
        targetType: 'post',
        targetId: upper(target.id),
        reason: 'Off-topic',
      });
      expect(first.status).toBe(201);
      const again = await call(t, 'POST', '/api/reports', carol, {
        targetType: 'post',
        targetId: target.id,
        reason: 'Off-topic',
      });
      expect(again.status).toBe(200);
      expect(again.body.id).toBe(first.body.id);
      expect(await t.sql('SELECT target_id FROM reports WHERE target_id = $1', [target.id])).toEqual([{ target_id: target.id }]);
    });

    it('accept answerId in capitals accepts that answer', async () => {
      const res = await call(t, 'POST', `/api/questions/${question.id}/accept`, alice, { answerId: upper(answer.id) });
      expect(res.status).toBe(200);
      expect(res.body.acceptedAnswerId).toBe(answer.id);
    });

    it('reviewerIds: two spellings of one person are the duplicate they are', async () => {
      const body = (ids: string[]) => ({
        title: 'Fewer flights',
        description: 'How could we travel less?',
        criteria: [{ name: 'Impact', weight: 1 }],
        reviewerIds: ids,
        advanceTopN: 1,
      });
      const twice = await call(t, 'POST', '/api/campaigns', power, body([carol.id, carol.id]));
      const respelled = await call(t, 'POST', '/api/campaigns', power, body([carol.id, upper(carol.id)]));
      expect({ status: respelled.status, reviewers: respelled.body.reviewers?.length }).toEqual({
        status: twice.status,
        reviewers: twice.body.reviewers?.length,
      });
      const capitals = await call(t, 'POST', '/api/campaigns', power, body([mixed(carol.id)]));
      expect(capitals.status).toBe(201);
      expect(JSON.stringify(capitals.body)).toContain(carol.id);
    });

    it('notification ids in capitals mark those notifications read', async () => {
      const [first] = await notificationsOf(t, alice);
      expect(first).toBeDefined();
      await call(t, 'POST', '/api/notifications/read', alice, { ids: [upper(first.id)] }).expect(204);
      const after = await notificationsOf(t, alice);
      expect(after.find((n) => n.id === first.id)?.readAt).not.toBeNull();
    });

    it('query ids in capitals filter like lower-case ones', async () => {
      for (const path of [`/api/moderation/queue?groupId=`, `/api/moderation/audit?actorId=`]) {
        const id = path.includes('actorId') ? admin.id : open.id;
        const lower = await call(t, 'GET', `${path}${id}`, power);
        expect(lower.status).toBe(200);
        expect(lower.body.items.length).toBeGreaterThan(0);
        const other = await call(t, 'GET', `${path}${upper(id)}`, power);
        expect({ status: other.status, body: other.body }).toEqual({ status: 200, body: lower.body });
        expect((await call(t, 'GET', `${path}{${id}}`, power)).status).toBe(400);
      }
    });
  });

  describe('writes: a second spelling is the same resource', () => {
    it('reactions: capitals then lower case count once', async () => {
      await call(t, 'PUT', `/api/posts/${upper(post.id)}/reactions/like`, carol).expect(200);
      await call(t, 'PUT', `/api/posts/${post.id}/reactions/like`, carol).expect(200);
      expect((await call(t, 'GET', `/api/posts/${post.id}`, carol)).body.reactions.like).toBe(1);
      await call(t, 'DELETE', `/api/posts/${mixed(post.id)}/reactions/like`, carol).expect(200);
      expect((await call(t, 'GET', `/api/posts/${post.id}`, carol)).body.reactions.like).toBe(0);
    });

    it('idea votes: capitals then lower case count once', async () => {
      await call(t, 'PUT', `/api/ideas/${upper(idea.id)}/vote`, bob).expect(200);
      const res = await call(t, 'PUT', `/api/ideas/${idea.id}/vote`, bob).expect(200);
      expect(res.body.voteCount).toBe(1);
    });

    it('follows: capitals then lower case follow once', async () => {
      await call(t, 'PUT', `/api/users/${upper(alice.id)}/follow`, bob).expect(204);
      await call(t, 'PUT', `/api/users/${alice.id}/follow`, bob).expect(204);
      expect((await call(t, 'GET', `/api/users/${alice.id}`, bob)).body.followers).toBe(1);
    });

    it('joins: capitals then lower case join once', async () => {
      const before = (await call(t, 'GET', `/api/groups/${open.id}`, bob)).body.memberCount;
      await call(t, 'POST', `/api/groups/${upper(open.id)}/join`, bob).expect(200);
      await call(t, 'POST', `/api/groups/${open.id}/join`, bob).expect(200);
      expect((await call(t, 'GET', `/api/groups/${open.id}`, bob)).body.memberCount).toBe(before + 1);
    });

    it('mutes: capitals then lower case mute once', async () => {
      await call(t, 'PUT', `/api/notifications/mutes/post/${upper(post.id)}`, carol).expect(204);
      await call(t, 'PUT', `/api/notifications/mutes/post/${post.id}`, carol).expect(204);
      const mutes = await call(t, 'GET', '/api/notifications/mutes', carol);
      expect(mutes.body.items).toHaveLength(1);
    });

    it('bans: a userId in capitals bans that person, a mixed-case one lifts it', async () => {
      const group = await createGroup(t, alice, { visibility: 'public' });
      const target = await registerUser(t);
      await addMember(t, alice, group.id, target);
      await call(t, 'POST', `/api/groups/${group.id}/bans`, alice, { userId: upper(target.id), reason: 'Spam' }).expect(201);
      expect(await t.sql('SELECT user_id FROM group_bans WHERE group_id = $1', [group.id])).toEqual([{ user_id: target.id }]);
      const refused = await call(t, 'POST', '/api/posts', target, { body: 'Still here?', groupId: group.id });
      expect(refused.status).toBe(403);
      await call(t, 'DELETE', `/api/groups/${group.id}/bans/${mixed(target.id)}`, alice).expect(204);
      await call(t, 'POST', `/api/groups/${group.id}/bans`, alice, { userId: upper(alice.id), reason: 'Me' }).expect(400);
    });
  });

  describe('the self checks hold in any case', () => {
    /** The lower-case answer first (it refuses, so it changes nothing), then each other spelling. */
    async function sameRefusal(as: TestUser, method: string, path: (id: string) => string, id: string, body?: object) {
      const lower = await call(t, method, path(id), as, body);
      expect(lower.status).toBeGreaterThanOrEqual(400);
      expect(lower.status).toBeLessThan(500);
      for (const spell of [upper, mixed]) {
        const res = await call(t, method, path(spell(id)), as, body);
        expect({ status: res.status, message: res.body.message }).toEqual({ status: lower.status, message: lower.body.message });
      }
    }

    it('the last owner cannot leave a group', async () => {
      const group = await createGroup(t, alice);
      await sameRefusal(alice, 'DELETE', (id) => `/api/groups/${group.id}/members/${id}`, alice.id);
      const owners = await t.sql('SELECT user_id FROM group_memberships WHERE group_id = $1 AND role = $2', [group.id, 'owner']);
      expect(owners).toEqual([{ user_id: alice.id }]);
    });

    it('the last owner cannot step down', async () => {
      const group = await createGroup(t, alice);
      await sameRefusal(alice, 'PUT', (id) => `/api/groups/${group.id}/members/${id}`, alice.id, { role: 'member' });
    });

    it('an admin cannot drop their own admin role', async () => {
      await sameRefusal(admin, 'PUT', (id) => `/api/admin/users/${id}/roles`, admin.id, { roles: ['employee'] });
      expect((await call(t, 'GET', '/api/me', admin)).body.roles).toContain('admin');
    });

    it('an admin cannot suspend themselves', async () => {
      await sameRefusal(admin, 'PUT', (id) => `/api/admin/users/${id}/suspension`, admin.id, { suspended: true, reason: 'Oops' });
      expect((await call(t, 'GET', '/api/me', admin)).status).toBe(200);
    });

    it('nobody endorses their own skill', async () => {
      await updateProfile(t, alice, { skills: ['typescript'] });
      await sameRefusal(alice, 'PUT', (id) => `/api/users/${id}/skills/typescript/endorsement`, alice.id);
    });
  });

  it('a socket subscribes to a room whatever the case of its id, and receives its events', async () => {
    await t.settle();
    const socket = await connectSocket(t.url, carol.accessToken);
    try {
      expect(await socket.subscribe(`post:${upper(post.id)}`)).toEqual({ ok: true });
      expect(await socket.subscribe(`post:{${post.id}}`)).toEqual({ ok: false, error: 'invalid room' });
      await call(t, 'POST', `/api/posts/${post.id}/comments`, alice, { body: 'Heard on the socket' }).expect(201);
      await socket.waitFor('comment.created', (p) => JSON.stringify(p).includes('Heard on the socket'));
    } finally {
      socket.close();
    }
  });
});
