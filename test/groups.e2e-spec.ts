import type { Test } from 'supertest';
import { GroupsService } from '@ruche/groups';
import { Transactions } from '@ruche/platform';
import {
  addMember,
  banFromGroup,
  createGroup,
  type GroupBody,
  groupOf,
  joinGroup,
  type MemberBody,
  setRole,
} from './factories/group.factory.js';
import { listAll } from './factories/post.factory.js';
import { registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';
import { documentedRoutes } from './support/openapi.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('groups: communities, membership, roles, bans, privacy', () => {
  const t = useTestApp();
  let siteAdmin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let moderator: TestUser;

  beforeAll(async () => {
    siteAdmin = await registerUser(t);
    alice = await registerUser(t, { displayName: 'Alice' });
    bob = await registerUser(t, { displayName: 'Bob' });
    moderator = await registerUser(t, { displayName: 'Mo' });
    await t.http
      .put(`/api/admin/users/${moderator.id}/roles`)
      .set('Authorization', siteAdmin.auth)
      .send({ roles: ['moderator'] })
      .expect(200);
  });

  const count = async (sql: string, params: unknown[] = []) => Number((await t.sql<{ n: string }>(sql, params))[0].n);
  /** The stored count and the real one, which must always agree. */
  const counts = async (groupId: string) => {
    const [row] = await t.sql<{ stored: number; actual: string }>(
      `SELECT g.member_count AS stored,
              (SELECT count(*) FROM group_memberships m WHERE m.group_id = g.id AND m.role IN ('owner', 'admin', 'member')) AS actual
         FROM groups g WHERE g.id = $1`,
      [groupId],
    );
    return { stored: row.stored, actual: Number(row.actual) };
  };
  const expectExactCount = async (groupId: string, n: number) => expect(await counts(groupId)).toEqual({ stored: n, actual: n });
  const events = (type: string, groupId: string) =>
    t.sql<{ payload: Record<string, unknown>; audience: string[]; actor_id: string; subject_type: string; subject_id: string }>(
      `SELECT payload, audience, actor_id, subject_type, subject_id FROM outbox WHERE type = $1 AND subject_id = $2 ORDER BY id`,
      [type, groupId],
    );
  /** Everything a groups request could write, to prove a refused one wrote nothing. */
  const snapshot = async () => ({
    groups: await t.sql('SELECT * FROM groups ORDER BY id'),
    memberships: await t.sql('SELECT * FROM group_memberships ORDER BY group_id, user_id'),
    bans: await t.sql('SELECT * FROM group_bans ORDER BY id'),
    // Only this module's events: listeners elsewhere (notifications) write theirs asynchronously.
    outbox: await count("SELECT count(*) AS n FROM outbox WHERE type LIKE 'group.%'"),
  });
  const members = (viewer: TestUser, groupId: string) => listAll<MemberBody>(t, viewer, `/api/groups/${groupId}/members`);
  const removeMember = (actor: TestUser, groupId: string, userId: string) =>
    t.http.delete(`/api/groups/${groupId}/members/${userId}`).set('Authorization', actor.auth);

  describe('creating and reading', () => {
    it('creates a group whose creator is the owner and first member', async () => {
      const res = await t.http
        .post('/api/groups')
        .set('Authorization', alice.auth)
        .send({ name: '  Data Guild ', description: 'SQL, dashboards, **pipelines**', visibility: 'public' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        name: 'Data Guild',
        handle: 'data-guild',
        description: 'SQL, dashboards, **pipelines**',
        descriptionHtml: '<p>SQL, dashboards, <strong>pipelines</strong></p>\n',
        guidelines: '',
        guidelinesHtml: '',
        visibility: 'public',
        memberCount: 1,
        myRole: 'owner',
        createdBy: alice.id,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
      expect(await groupOf(t, alice, res.body.id)).toEqual(res.body);
      // Another employee sees the same card, with their own role.
      expect(await groupOf(t, bob, res.body.id)).toEqual({ ...res.body, myRole: null });
      await expectExactCount(res.body.id, 1);
      const [created] = await events('group.created', res.body.id);
      expect(created).toMatchObject({
        audience: [`user:${alice.id}`, `group:${res.body.id}`],
        actor_id: alice.id,
        subject_type: 'group',
        payload: { group: { id: res.body.id, name: 'Data Guild', visibility: 'public', memberCount: 1 } },
      });
      expect(created.payload.group).not.toHaveProperty('myRole');
    });

    it('accepts exactly the maximum lengths, and Markdown guidelines stored as written', async () => {
      const guidelines = ('# Rules\n\n1. Be kind\n2. <b>no HTML rendering</b>\n' + 'x'.repeat(20_000)).slice(0, 20_000);
      const g = await createGroup(t, alice, {
        name: 'n'.repeat(100),
        description: 'd'.repeat(2000),
        guidelines,
        visibility: 'private',
      });
      expect(g.guidelines).toBe(guidelines);
      expect(g.guidelines).toHaveLength(20_000);
      expect(g.name).toHaveLength(100);
    });

    it('edits the card and guidelines (owners and admins), announcing only real changes', async () => {
      const g = await createGroup(t, alice, { name: 'Before', description: 'Old' });
      await joinGroup(t, bob, g.id);
      await setRole(t, alice, g.id, bob.id, 'admin');
      const res = await t.http
        .patch(`/api/groups/${g.id}`)
        .set('Authorization', bob.auth)
        .send({ name: 'After', guidelines: '## Posting\nStay on topic.', description: '' });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        name: 'After',
        guidelines: '## Posting\nStay on topic.',
        description: '',
        myRole: 'admin',
        memberCount: 2,
      });
      expect(new Date(res.body.updatedAt).getTime()).toBeGreaterThanOrEqual(new Date(g.updatedAt).getTime());
      // Absent fields are kept; a no-op edit is a 200 without an event.
      const same = await t.http.patch(`/api/groups/${g.id}`).set('Authorization', alice.auth).send({ name: 'After' });
      expect(same.body).toMatchObject({ name: 'After', guidelines: '## Posting\nStay on topic.', myRole: 'owner' });
      const updates = await events('group.updated', g.id);
      expect(updates).toHaveLength(1);
      expect(updates[0]).toMatchObject({
        audience: [`group:${g.id}`],
        actor_id: bob.id,
        payload: { changed: ['name', 'description', 'guidelines'] },
      });
    });
  });

  describe('the directory', () => {
    let viewer: TestUser;
    let outsider: TestUser;
    let groups: GroupBody[];
    /** The keyset order (created_at, id), newest first: creations in one millisecond tie on time. */
    const newestFirst = async (gs: GroupBody[]) =>
      (
        await t.sql<{ id: string }>('SELECT id FROM groups WHERE id = ANY ($1) ORDER BY created_at DESC, id DESC', [
          gs.map((g) => g.id),
        ])
      ).map((r) => r.id);

    beforeAll(async () => {
      [viewer, outsider] = await registerUsers(t, 2);
      groups = [];
      for (const [i, visibility] of (['public', 'private', 'public', 'private', 'public'] as const).entries()) {
        groups.push(await createGroup(t, viewer, { name: `Zebra club ${i} 100%_done`, visibility }));
      }
    });

    it('lists public groups and the caller’s private ones, newest first, with stable cursors', async () => {
      const mine = (await listAll<GroupBody>(t, viewer, '/api/groups?q=zebra', 2)).map((g) => g.id);
      expect(mine).toEqual(await newestFirst(groups));
      const theirs = (await listAll<GroupBody>(t, outsider, '/api/groups?q=zebra', 2)).map((g) => g.id);
      expect(theirs).toEqual(await newestFirst(groups.filter((g) => g.visibility === 'public')));

      // A group created while paging does not shift the pages being read.
      const first = await t.http.get('/api/groups').query({ q: 'zebra', limit: 2 }).set('Authorization', viewer.auth);
      await createGroup(t, viewer, { name: 'Zebra club latecomer' });
      const second = await t.http
        .get('/api/groups')
        .query({ q: 'zebra', limit: 2, cursor: first.body.nextCursor })
        .set('Authorization', viewer.auth);
      expect([...first.body.items, ...second.body.items].map((g: GroupBody) => g.id)).toEqual(
        (await newestFirst(groups)).slice(0, 4),
      );
      expect(first.body.items[0]).not.toHaveProperty('guidelines');
    });

    it('searches by part of the name, case-insensitively, with % and _ taken literally', async () => {
      const found = await listAll<GroupBody>(t, viewer, `/api/groups?q=${encodeURIComponent('CLUB 3 100%_')}`);
      expect(found.map((g) => g.id)).toEqual([groups[3].id]);
      expect(await listAll(t, viewer, `/api/groups?q=${encodeURIComponent('zebra%club')}`)).toEqual([]);
      expect(await listAll(t, viewer, `/api/groups?q=${encodeURIComponent('_ebra')}`)).toEqual([]);
    });

    it('never shows another’s private group, whatever the search', async () => {
      const secret = groups[1];
      for (const q of ['Zebra', 'zebra club 1', secret.name, '%', '_', 'club']) {
        const seen = await listAll<GroupBody>(t, outsider, `/api/groups?q=${encodeURIComponent(q)}`);
        expect(seen.map((g) => g.id)).not.toContain(secret.id);
      }
      // Nor after asking to join it: a pending request is not membership.
      expect(await joinGroup(t, outsider, secret.id)).toBe('pending');
      expect((await listAll<GroupBody>(t, outsider, '/api/groups')).map((g) => g.id)).not.toContain(secret.id);
      expect((await listAll<GroupBody>(t, outsider, '/api/groups?mine=true')).map((g) => g.id)).not.toContain(secret.id);
    });

    it('filters to the caller’s groups with mine=true', async () => {
      const u = await registerUser(t);
      await joinGroup(t, u, groups[0].id);
      await addMember(t, viewer, groups[3].id, u);
      const mine = await listAll<GroupBody>(t, u, '/api/groups?mine=true');
      expect(mine.map((g) => g.id)).toEqual(await newestFirst([groups[0], groups[3]]));
      expect(mine.map((g) => g.myRole)).toEqual(['member', 'member']);
      expect(await listAll(t, u, '/api/groups?mine=false&q=zebra')).toHaveLength(5);
    });

    it('agrees with GET /groups/:id/members and GroupsService.readableGroupIds for every caller (one visibility rule)', async () => {
      const service = t.app.get(GroupsService);
      const member = await registerUser(t);
      await addMember(t, viewer, groups[1].id, member);
      const ids = groups.map((g) => g.id);
      for (const who of [viewer, outsider, member, moderator]) {
        const listed = new Set((await listAll<GroupBody>(t, who, '/api/groups?q=zebra%20club')).map((g) => g.id));
        const readable = await service.readableGroupIds(who.id, [...ids, UNKNOWN_ID, 'not-a-uuid']);
        for (const id of ids) {
          // The content (members here) is the readable rule; the card also shows to a pending requester.
          const status = (await t.http.get(`/api/groups/${id}/members`).set('Authorization', who.auth)).status;
          const card = await t.http.get(`/api/groups/${id}`).set('Authorization', who.auth);
          expect({ id, who: who.displayName, listed: listed.has(id), readable: readable.has(id) }).toEqual({
            id,
            who: who.displayName,
            listed: status === 200,
            readable: status === 200,
          });
          expect(card.status === 200).toBe(status === 200 || card.body.myRole === 'pending');
        }
        expect(readable.has(UNKNOWN_ID)).toBe(false);
      }
    });
  });

  describe('joining and join requests', () => {
    it('joins a public group at once, idempotently, with an exact count', async () => {
      const g = await createGroup(t, alice);
      const u = await registerUser(t);
      for (let i = 0; i < 3; i++) {
        const res = await t.http.post(`/api/groups/${g.id}/join`).set('Authorization', u.auth);
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ groupId: g.id, myRole: 'member' });
      }
      await expectExactCount(g.id, 2);
      expect((await groupOf(t, u, g.id)).myRole).toBe('member');
      const joined = await events('group.member_joined', g.id);
      expect(joined).toEqual([
        {
          payload: {
            groupId: g.id,
            userId: u.id,
            user: { id: u.id, handle: u.handle, displayName: u.displayName },
            role: 'member',
          },
          audience: [`user:${u.id}`, `group:${g.id}`],
          actor_id: u.id,
          subject_type: 'group',
          subject_id: g.id,
        },
      ]);
    });

    it('asks to join a private group; owners and admins hear of it, approve or reject', async () => {
      const g = await createGroup(t, alice, { visibility: 'private' });
      await addMember(t, alice, g.id, bob);
      await setRole(t, alice, g.id, bob.id, 'admin');
      const plain = await registerUser(t);
      await addMember(t, alice, g.id, plain);
      const [asker, other] = await registerUsers(t, 2);

      expect(await joinGroup(t, asker, g.id)).toBe('pending');
      expect(await joinGroup(t, asker, g.id)).toBe('pending');
      expect(await joinGroup(t, other, g.id)).toBe('pending');
      await expectExactCount(g.id, 3);
      const requested = (await events('group.join_requested', g.id)).filter((e) =>
        [asker.id, other.id].includes(e.payload.userId as string),
      );
      expect(requested).toHaveLength(2);
      expect(new Set(requested[0].audience)).toEqual(new Set([`user:${alice.id}`, `user:${bob.id}`]));
      expect(requested[0].payload).toEqual({
        groupId: g.id,
        userId: asker.id,
        user: { id: asker.id, handle: asker.handle, displayName: asker.displayName },
      });

      // Pending: still outside. The card shows (myRole "pending"); the members and the requests stay 404.
      expect((await groupOf(t, asker, g.id)).myRole).toBe('pending');
      for (const path of ['/members', '/requests']) {
        expect((await t.http.get(`/api/groups/${g.id}${path}`).set('Authorization', asker.auth)).status).toBe(404);
      }

      const list = await t.http.get(`/api/groups/${g.id}/requests`).set('Authorization', bob.auth);
      expect(list.status).toBe(200);
      expect(list.body.items.map((r: { user: { id: string } }) => r.user.id)).toEqual([asker.id, other.id]);
      expect(list.body.items[0]).toEqual({
        user: { id: asker.id, handle: asker.handle, displayName: asker.displayName },
        requestedAt: expect.any(String),
      });

      const approved = await t.http.post(`/api/groups/${g.id}/requests/${asker.id}/approve`).set('Authorization', bob.auth);
      expect(approved.status).toBe(200);
      expect(approved.body).toEqual({ groupId: g.id, userId: asker.id, decision: 'approved', role: 'member' });
      await expectExactCount(g.id, 4);
      expect((await groupOf(t, asker, g.id)).myRole).toBe('member');
      expect(
        await t.sql('SELECT decided_by FROM group_memberships WHERE group_id = $1 AND user_id = $2', [g.id, asker.id]),
      ).toEqual([{ decided_by: bob.id }]);
      const approval = (await events('group.member_approved', g.id)).find((e) => e.payload.userId === asker.id);
      expect(approval).toMatchObject({
        audience: [`user:${asker.id}`, `group:${g.id}`],
        actor_id: bob.id,
        payload: { userId: asker.id, approvedBy: bob.id },
      });

      const rejected = await t.http.post(`/api/groups/${g.id}/requests/${other.id}/reject`).set('Authorization', alice.auth);
      expect(rejected.body).toEqual({ groupId: g.id, userId: other.id, decision: 'rejected', role: null });
      await expectExactCount(g.id, 4);
      expect(
        await count('SELECT count(*) AS n FROM group_memberships WHERE group_id = $1 AND user_id = $2', [g.id, other.id]),
      ).toBe(0);
      expect((await events('group.request_rejected', g.id))[0]).toMatchObject({
        audience: [`user:${other.id}`],
        payload: { userId: other.id },
      });

      // Decided requests are gone: deciding again is a 404; asking again is allowed.
      for (const [who, decision] of [
        [asker, 'approve'],
        [other, 'reject'],
        [plain, 'approve'],
      ] as const) {
        expect(
          (await t.http.post(`/api/groups/${g.id}/requests/${who.id}/${decision}`).set('Authorization', alice.auth)).status,
        ).toBe(404);
      }
      expect(await joinGroup(t, other, g.id)).toBe('pending');
    });

    it('lets a requester withdraw their own request', async () => {
      const g = await createGroup(t, alice, { visibility: 'private' });
      const u = await registerUser(t);
      await joinGroup(t, u, g.id);
      expect((await removeMember(u, g.id, u.id)).status).toBe(204);
      expect(await count('SELECT count(*) AS n FROM group_memberships WHERE group_id = $1 AND user_id = $2', [g.id, u.id])).toBe(
        0,
      );
      await expectExactCount(g.id, 1);
      // Withdrawn: leaving again is a 404 (the group is hidden again).
      expect((await removeMember(u, g.id, u.id)).status).toBe(404);
    });

    it('turns requests left over from a private past into memberships when the person joins the now-public group', async () => {
      const g = await createGroup(t, alice, { visibility: 'private' });
      const u = await registerUser(t);
      await joinGroup(t, u, g.id);
      await t.http.patch(`/api/groups/${g.id}`).set('Authorization', alice.auth).send({ visibility: 'public' }).expect(200);
      expect((await groupOf(t, u, g.id)).myRole).toBe('pending');
      expect(await joinGroup(t, u, g.id)).toBe('member');
      await expectExactCount(g.id, 2);
    });

    it('makes one membership of 20 simultaneous join requests by one person', async () => {
      for (const visibility of ['public', 'private'] as const) {
        const g = await createGroup(t, alice, { visibility });
        const u = await registerUser(t);
        const results = await Promise.all(
          Array.from({ length: 20 }, () => t.http.post(`/api/groups/${g.id}/join`).set('Authorization', u.auth)),
        );
        expect(results.map((r) => r.status)).toEqual(Array(20).fill(200));
        const role = visibility === 'public' ? 'member' : 'pending';
        expect(new Set(results.map((r) => r.body.myRole))).toEqual(new Set([role]));
        expect(await t.sql('SELECT role FROM group_memberships WHERE group_id = $1 AND user_id = $2', [g.id, u.id])).toEqual([
          { role },
        ]);
        await expectExactCount(g.id, visibility === 'public' ? 2 : 1);
        expect((await groupOf(t, alice, g.id)).memberCount).toBe(visibility === 'public' ? 2 : 1);
        expect(await events(visibility === 'public' ? 'group.member_joined' : 'group.join_requested', g.id)).toHaveLength(1);
      }
    });

    it('keeps the count exact under many people joining and leaving at once', async () => {
      const g = await createGroup(t, alice);
      const people = await registerUsers(t, 12);
      await Promise.all(people.slice(0, 6).map((u) => joinGroup(t, u, g.id)));
      const mixed = await Promise.all([
        ...people.slice(0, 6).map((u) => removeMember(u, g.id, u.id)),
        ...people.slice(6).map((u) => t.http.post(`/api/groups/${g.id}/join`).set('Authorization', u.auth)),
        ...people.slice(6).map((u) => t.http.post(`/api/groups/${g.id}/join`).set('Authorization', u.auth)),
      ]);
      expect(mixed.every((r) => r.status === 200 || r.status === 204)).toBe(true);
      await expectExactCount(g.id, 7);
    });
  });

  describe('leaving, removing, roles: a group always keeps an owner', () => {
    it('lets members leave, and refuses the last owner (409) until ownership is shared', async () => {
      const g = await createGroup(t, alice);
      const [m, next] = await registerUsers(t, 2);
      await joinGroup(t, m, g.id);
      await joinGroup(t, next, g.id);
      expect((await removeMember(m, g.id, m.id)).status).toBe(204);
      expect((await events('group.member_removed', g.id))[0]).toMatchObject({
        audience: [`user:${m.id}`],
        payload: { groupId: g.id, userId: m.id, reason: 'left' },
      });
      // Not a member any more: leaving again is a 404.
      expect((await removeMember(m, g.id, m.id)).status).toBe(404);

      const last = await removeMember(alice, g.id, alice.id);
      expect(last.status).toBe(409);
      expect(last.body.message).toMatch(/last owner/);
      const demote = await t.http
        .put(`/api/groups/${g.id}/members/${alice.id}`)
        .set('Authorization', alice.auth)
        .send({ role: 'member' });
      expect(demote.status).toBe(409);
      await expectExactCount(g.id, 2);

      // Hand over: make `next` an owner, then the former owner may step down or leave.
      const promoted = await setRole(t, alice, g.id, next.id, 'owner');
      expect(promoted).toEqual({
        user: { id: next.id, handle: next.handle, displayName: next.displayName },
        role: 'owner',
        joinedAt: expect.any(String),
      });
      expect(await setRole(t, alice, g.id, alice.id, 'member')).toMatchObject({ role: 'member' });
      expect((await removeMember(alice, g.id, alice.id)).status).toBe(204);
      expect((await removeMember(next, g.id, next.id)).status).toBe(409);
      await expectExactCount(g.id, 1);
      expect((await members(next, g.id)).map((x) => [x.user.id, x.role])).toEqual([[next.id, 'owner']]);
    });

    it('lets exactly one of two co-owners leave when both try at once', async () => {
      const g = await createGroup(t, alice);
      const co = await registerUser(t);
      await joinGroup(t, co, g.id);
      await setRole(t, alice, g.id, co.id, 'owner');
      const results = await Promise.all([removeMember(alice, g.id, alice.id), removeMember(co, g.id, co.id)]);
      expect(results.map((r) => r.status).sort()).toEqual([204, 409]);
      expect(await count(`SELECT count(*) AS n FROM group_memberships WHERE group_id = $1 AND role = 'owner'`, [g.id])).toBe(1);
      await expectExactCount(g.id, 1);
    });

    it('lets owners remove anyone and admins remove plain members only', async () => {
      const g = await createGroup(t, alice);
      const [admin1, admin2, m1, m2, co] = await registerUsers(t, 5);
      for (const u of [admin1, admin2, m1, m2, co]) await joinGroup(t, u, g.id);
      await setRole(t, alice, g.id, admin1.id, 'admin');
      await setRole(t, alice, g.id, admin2.id, 'admin');
      await setRole(t, alice, g.id, co.id, 'owner');

      for (const target of [alice, co, admin2]) {
        const res = await removeMember(admin1, g.id, target.id);
        expect(res.status).toBe(403);
      }
      expect((await removeMember(admin1, g.id, m1.id)).status).toBe(204);
      expect((await removeMember(m2, g.id, admin1.id)).status).toBe(403);
      expect((await removeMember(alice, g.id, admin2.id)).status).toBe(204);
      expect((await removeMember(alice, g.id, co.id)).status).toBe(204);
      const removed = await events('group.member_removed', g.id);
      expect(removed.map((e) => [e.payload.userId, e.payload.reason, e.actor_id])).toEqual([
        [m1.id, 'removed', admin1.id],
        [admin2.id, 'removed', alice.id],
        [co.id, 'removed', alice.id],
      ]);
      // Removing someone who is not a member (or only asked) is a 404.
      expect((await removeMember(alice, g.id, m1.id)).status).toBe(404);
      expect((await removeMember(alice, g.id, UNKNOWN_ID)).status).toBe(404);
      await expectExactCount(g.id, 3);
    });

    it('changes roles (owners only), announcing each change to the group and the person', async () => {
      const g = await createGroup(t, alice, { visibility: 'private' });
      const [m, asker] = await registerUsers(t, 2);
      await addMember(t, alice, g.id, m);
      await joinGroup(t, asker, g.id);
      expect(await setRole(t, alice, g.id, m.id, 'admin')).toMatchObject({ role: 'admin' });
      // The same role again: 200, nothing to announce.
      expect(await setRole(t, alice, g.id, m.id, 'admin')).toMatchObject({ role: 'admin' });
      // An admin cannot give roles, not even to themselves.
      expect(
        (await t.http.put(`/api/groups/${g.id}/members/${m.id}`).set('Authorization', m.auth).send({ role: 'owner' })).status,
      ).toBe(403);
      // Only members have roles: a pending requester or a stranger is a 404.
      for (const id of [asker.id, bob.id, UNKNOWN_ID]) {
        expect(
          (await t.http.put(`/api/groups/${g.id}/members/${id}`).set('Authorization', alice.auth).send({ role: 'admin' })).status,
        ).toBe(404);
      }
      const changes = await events('group.role_changed', g.id);
      expect(changes).toEqual([
        {
          payload: { groupId: g.id, userId: m.id, role: 'admin', previous: 'member' },
          audience: [`group:${g.id}`, `user:${m.id}`],
          actor_id: alice.id,
          subject_type: 'group',
          subject_id: g.id,
        },
      ]);
      expect((await members(alice, g.id)).map((x) => [x.user.id, x.role])).toEqual([
        [alice.id, 'owner'],
        [m.id, 'admin'],
      ]);
      expect((await listAll<MemberBody>(t, m, `/api/groups/${g.id}/members?role=owner`)).map((x) => x.user.id)).toEqual([
        alice.id,
      ]);
    });

    it('lists members in join order with stable cursors', async () => {
      const g = await createGroup(t, alice);
      const people = await registerUsers(t, 5);
      for (const u of people) await joinGroup(t, u, g.id);
      const first = await t.http.get(`/api/groups/${g.id}/members`).query({ limit: 2 }).set('Authorization', bob.auth);
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(2);
      expect(Object.keys(first.body.items[0]).sort()).toEqual(['joinedAt', 'role', 'user']);
      const all = await listAll<MemberBody>(t, bob, `/api/groups/${g.id}/members`, 2);
      const joinOrder = await t.sql<{ user_id: string }>(
        'SELECT user_id FROM group_memberships WHERE group_id = $1 ORDER BY joined_at, user_id',
        [g.id],
      );
      expect(all.map((x) => x.user.id)).toEqual(joinOrder.map((r) => r.user_id));
      expect(new Set(all.map((x) => x.user.id))).toEqual(new Set([alice.id, ...people.map((u) => u.id)]));
      expect(all[0]).toMatchObject({ user: { id: alice.id }, role: 'owner' });
    });
  });

  describe('bans', () => {
    it('bans a member: membership gone, count exact, cannot join again, post, or see a private group', async () => {
      const service = t.app.get(GroupsService);
      for (const visibility of ['public', 'private'] as const) {
        const g = await createGroup(t, alice, { visibility });
        const u = await registerUser(t);
        await addMember(t, alice, g.id, u);
        await expectExactCount(g.id, 2);
        const until = new Date(Date.now() + 7 * 86_400_000).toISOString();
        const res = await t.http
          .post(`/api/groups/${g.id}/bans`)
          .set('Authorization', alice.auth)
          .send({ userId: u.id, until, reason: '  Spam links ' });
        expect(res.status).toBe(201);
        expect(res.body).toEqual({
          id: expect.any(String),
          groupId: g.id,
          user: { id: u.id, handle: u.handle, displayName: u.displayName },
          until,
          reason: 'Spam links',
          bannedBy: alice.id,
          createdAt: expect.any(String),
        });
        await expectExactCount(g.id, 1);
        expect(
          await count('SELECT count(*) AS n FROM group_memberships WHERE group_id = $1 AND user_id = $2', [g.id, u.id]),
        ).toBe(0);
        expect((await events('group.member_removed', g.id)).map((e) => e.payload)).toEqual([
          { groupId: g.id, userId: u.id, reason: 'banned' },
        ]);
        expect((await events('group.banned', g.id))[0]).toMatchObject({
          audience: [`user:${u.id}`],
          actor_id: alice.id,
          payload: { groupId: g.id, userId: u.id, banId: res.body.id, until, reason: 'Spam links', bannedBy: alice.id },
        });

        const join = await t.http.post(`/api/groups/${g.id}/join`).set('Authorization', u.auth);
        expect(join.status).toBe(403);
        expect((await t.http.get(`/api/groups/${g.id}`).set('Authorization', u.auth)).status).toBe(
          visibility === 'public' ? 200 : 404,
        );
        expect(await service.isBanned(u.id, g.id)).toBe(true);
        await expect(canPost(u.id, g.id)).rejects.toMatchObject({
          code: visibility === 'public' ? 'forbidden' : 'not_found',
        });
        expect(await service.memberGroupIds(u.id)).not.toContain(g.id);

        const list = await t.http.get(`/api/groups/${g.id}/bans`).set('Authorization', alice.auth);
        expect(list.body).toEqual({ items: [res.body], nextCursor: null });
        // Banning again while the ban is in force: 409.
        expect(
          (await t.http.post(`/api/groups/${g.id}/bans`).set('Authorization', alice.auth).send({ userId: u.id, reason: 'Again' }))
            .status,
        ).toBe(409);

        // Lifted: they may join again (the ban does not restore the membership by itself).
        expect((await t.http.delete(`/api/groups/${g.id}/bans/${u.id}`).set('Authorization', alice.auth)).status).toBe(204);
        expect(await service.isBanned(u.id, g.id)).toBe(false);
        expect((await events('group.unbanned', g.id))[0]).toMatchObject({
          audience: [`user:${u.id}`],
          payload: { userId: u.id, banId: res.body.id, liftedBy: alice.id },
        });
        expect((await t.http.delete(`/api/groups/${g.id}/bans/${u.id}`).set('Authorization', alice.auth)).status).toBe(404);
        expect(await joinGroup(t, u, g.id)).toBe(visibility === 'public' ? 'member' : 'pending');
        expect((await t.http.get(`/api/groups/${g.id}/bans`).set('Authorization', alice.auth)).body.items).toEqual([]);
      }
    });

    it('bans outsiders and pending requesters too; a ban that ran out no longer applies and a new one replaces it', async () => {
      const g = await createGroup(t, alice, { visibility: 'private' });
      const [outsider, asker] = await registerUsers(t, 2);
      await joinGroup(t, asker, g.id);
      await banFromGroup(t, alice, g.id, outsider.id);
      await banFromGroup(t, alice, g.id, asker.id, { until: new Date(Date.now() + 60_000).toISOString() });
      expect(
        await count('SELECT count(*) AS n FROM group_memberships WHERE group_id = $1 AND user_id = $2', [g.id, asker.id]),
      ).toBe(0);
      expect(await events('group.member_removed', g.id)).toEqual([]);
      await expectExactCount(g.id, 1);
      expect((await t.http.post(`/api/groups/${g.id}/join`).set('Authorization', outsider.auth)).status).toBe(403);

      // Time passes: the asker's ban runs out.
      await t.sql(
        `UPDATE group_bans SET created_at = now() - interval '2 hours', until = now() - interval '1 hour' WHERE user_id = $1`,
        [asker.id],
      );
      expect(await t.app.get(GroupsService).isBanned(asker.id, g.id)).toBe(false);
      expect(
        (await t.http.get(`/api/groups/${g.id}/bans`).set('Authorization', alice.auth)).body.items.map(
          (b: { user: { id: string } }) => b.user.id,
        ),
      ).toEqual([outsider.id]);
      expect(await joinGroup(t, asker, g.id)).toBe('pending');
      // Lifting a ban that ran out: nothing in force, 404. Banning again closes the old one.
      expect((await t.http.delete(`/api/groups/${g.id}/bans/${asker.id}`).set('Authorization', alice.auth)).status).toBe(404);
      await banFromGroup(t, alice, g.id, asker.id);
      const rows = await t.sql<{ lifted_at: Date | null; until: Date | null }>(
        'SELECT lifted_at, until FROM group_bans WHERE group_id = $1 AND user_id = $2 ORDER BY created_at',
        [g.id, asker.id],
      );
      expect(rows).toHaveLength(2);
      expect(rows[0].lifted_at).toEqual(rows[0].until);
      expect(rows[1]).toEqual({ lifted_at: null, until: null });
    });

    it('protects owners: admins cannot ban owners or admins; moderators can, but never the last owner', async () => {
      const g = await createGroup(t, alice);
      const [admin1, admin2, co] = await registerUsers(t, 3);
      for (const u of [admin1, admin2, co]) await joinGroup(t, u, g.id);
      await setRole(t, alice, g.id, admin1.id, 'admin');
      await setRole(t, alice, g.id, admin2.id, 'admin');
      await setRole(t, alice, g.id, co.id, 'owner');
      const ban = (actor: TestUser, userId: string) =>
        t.http.post(`/api/groups/${g.id}/bans`).set('Authorization', actor.auth).send({ userId, reason: 'Testing the rules' });

      expect((await ban(admin1, alice.id)).status).toBe(403);
      expect((await ban(admin1, admin2.id)).status).toBe(403);
      expect((await ban(co, alice.id)).status).toBe(403);
      expect((await ban(alice, alice.id)).status).toBe(400);
      expect((await ban(alice, UNKNOWN_ID)).status).toBe(404);
      expect((await ban(alice, admin2.id)).status).toBe(201);
      expect((await ban(moderator, co.id)).status).toBe(201);
      const last = await ban(moderator, alice.id);
      expect(last.status).toBe(409);
      expect((await groupOf(t, alice, g.id)).myRole).toBe('owner');
      await expectExactCount(g.id, 2);
      expect(
        await t.app
          .get(GroupsService)
          .memberIds(g.id)
          .then((ids) => ids.sort()),
      ).toEqual([alice.id, admin1.id].sort());
    });
  });

  describe('GroupsService, for the feed and other modules', () => {
    it('answers membership, moderation and posting questions', async () => {
      const service = t.app.get(GroupsService);
      const pub = await createGroup(t, alice);
      const priv = await createGroup(t, alice, { visibility: 'private' });
      const [m, admin, asker, stranger] = await registerUsers(t, 4);
      for (const g of [pub, priv]) {
        await addMember(t, alice, g.id, m);
        await addMember(t, alice, g.id, admin);
        await setRole(t, alice, g.id, admin.id, 'admin');
      }
      await joinGroup(t, asker, priv.id);

      expect((await service.memberGroupIds(m.id)).sort()).toEqual([pub.id, priv.id].sort());
      expect(await service.memberGroupIds(asker.id)).toEqual([]);
      expect(await service.readableGroupIds(stranger.id, [pub.id, priv.id])).toEqual(new Set([pub.id]));
      expect(await service.readableGroupIds(asker.id, [pub.id, priv.id])).toEqual(new Set([pub.id]));
      expect(await service.readableGroupIds(m.id, [pub.id, priv.id, pub.id.toUpperCase()])).toEqual(new Set([pub.id, priv.id]));
      expect((await service.memberIds(priv.id)).sort()).toEqual([alice.id, m.id, admin.id].sort());

      for (const g of [pub, priv]) {
        expect(await service.isGroupModerator(alice.id, g.id)).toBe(true);
        expect(await service.isGroupModerator(admin.id, g.id)).toBe(true);
        expect(await service.isGroupModerator(m.id, g.id)).toBe(false);
        expect(await service.isGroupModerator(moderator.id, g.id)).toBe(false);
        await expect(canPost(m.id, g.id)).resolves.toBe(g.visibility === 'private');
      }
      await expect(canPost(stranger.id, pub.id)).rejects.toMatchObject({ code: 'forbidden' });
      await expect(canPost(stranger.id, priv.id)).rejects.toMatchObject({
        code: 'not_found',
        message: 'Group not found',
      });
      await expect(canPost(asker.id, priv.id)).rejects.toMatchObject({ code: 'not_found' });
      await expect(canPost(m.id, UNKNOWN_ID)).rejects.toMatchObject({ code: 'not_found' });
      await expect(canPost(m.id, 'not-a-uuid')).rejects.toMatchObject({ code: 'not_found' });
    });
  });

  /** Asks the groups module whether someone may post, as the posting transaction does. */
  function canPost(userId: string, groupId: string): Promise<boolean> {
    return t.app.get(Transactions).run(() => t.app.get(GroupsService).lockForPosting({ id: userId }, groupId));
  }

  it('documents its routes in OpenAPI', async () => {
    const { paths, components } = await documentedRoutes(t, [
      '/api/groups',
      '/api/groups/{id}',
      '/api/groups/{id}/join',
      '/api/groups/{id}/requests',
      '/api/groups/{id}/requests/{userId}/approve',
      '/api/groups/{id}/requests/{userId}/reject',
      '/api/groups/{id}/members',
      '/api/groups/{id}/members/{userId}',
      '/api/groups/{id}/bans',
      '/api/groups/{id}/bans/{userId}',
    ]);
    expect(Object.keys(paths['/api/groups/{id}/members/{userId}']).sort()).toEqual(['delete', 'put']);
    expect(paths['/api/groups/{id}'].patch.tags).toEqual(['groups']);
    expect(components.schemas.CreateGroupDto.properties.visibility.enum).toEqual(['public', 'private']);
  });

  describe('bad input: a clear 400 (or 404), nothing written', () => {
    let g: GroupBody;
    let member: TestUser;

    beforeAll(async () => {
      g = await createGroup(t, alice, { name: 'Steady', visibility: 'private' });
      member = await registerUser(t);
      await addMember(t, alice, g.id, member);
      await banFromGroup(t, alice, g.id, bob.id);
    });

    const long = (n: number) => 'x'.repeat(n);
    type Case = [string, (g: GroupBody) => Test, number?];
    const as =
      (method: 'get' | 'post' | 'patch' | 'put' | 'delete', path: (g: GroupBody) => string, body?: unknown) =>
      (group: GroupBody) => {
        const req = t.http[method](path(group)).set('Authorization', alice.auth);
        return body === undefined ? req : req.send(body as object);
      };
    const create = (body: unknown) => as('post', () => '/api/groups', body);
    const patch = (body: unknown) => as('patch', (x) => `/api/groups/${x.id}`, body);
    const setRoleBody = (body: unknown) => as('put', (x) => `/api/groups/${x.id}/members/${member.id}`, body);
    const ban = (body: unknown) => as('post', (x) => `/api/groups/${x.id}/bans`, body);
    const future = () => new Date(Date.now() + 86_400_000).toISOString();

    const CASES: Case[] = [
      ['create: no name', create({ visibility: 'public' })],
      ['create: blank name', create({ name: '   ', visibility: 'public' })],
      ['create: name too long', create({ name: long(101), visibility: 'public' })],
      ['create: name not a string', create({ name: 42, visibility: 'public' })],
      ['create: NUL in name', create({ name: 'a\u0000b', visibility: 'public' })],
      ['create: description too long', create({ name: 'Ok', description: long(2001), visibility: 'public' })],
      ['create: guidelines too long', create({ name: 'Ok', guidelines: long(20_001), visibility: 'public' })],
      ['create: NUL in guidelines', create({ name: 'Ok', guidelines: '#\u0000', visibility: 'public' })],
      ['create: no visibility', create({ name: 'Ok' })],
      ['create: bad visibility', create({ name: 'Ok', visibility: 'secret' })],
      ['create: unknown field', create({ name: 'Ok', visibility: 'public', memberCount: 1000 })],
      ['create: owner smuggled in', create({ name: 'Ok', visibility: 'public', createdBy: UNKNOWN_ID })],
      ['create: array body', create(['Ok'])],
      ['list: limit 0', as('get', () => '/api/groups?limit=0')],
      ['list: limit 101', as('get', () => '/api/groups?limit=101')],
      ['list: limit not a number', as('get', () => '/api/groups?limit=ten')],
      ['list: garbage cursor', as('get', () => '/api/groups?cursor=nope')],
      ['list: mine not a boolean', as('get', () => '/api/groups?mine=yes')],
      ['list: q too long', as('get', () => `/api/groups?q=${long(101)}`)],
      ['list: unknown parameter', as('get', () => '/api/groups?visibility=private')],
      ['get: bad id', as('get', () => '/api/groups/not-a-uuid')],
      ['patch: bad id', as('patch', () => '/api/groups/123', { name: 'New' })],
      ['patch: blank name', patch({ name: '' })],
      ['patch: name too long', patch({ name: long(101) })],
      ['patch: bad visibility', patch({ visibility: 'hidden' })],
      ['patch: description too long', patch({ description: long(2001) })],
      ['patch: guidelines not a string', patch({ guidelines: ['rule'] })],
      ['patch: unknown field', patch({ memberCount: 0 })],
      ['patch: valid fields with one bad one', patch({ name: 'Renamed', description: 'New', visibility: 'nope' })],
      ['join: bad id', as('post', () => '/api/groups/zzz/join')],
      ['join: unknown group', as('post', () => `/api/groups/${UNKNOWN_ID}/join`), 404],
      ['requests: bad cursor', as('get', (x) => `/api/groups/${x.id}/requests?cursor=abc`)],
      ['approve: bad user id', as('post', (x) => `/api/groups/${x.id}/requests/nope/approve`)],
      ['approve: bad group id', as('post', () => `/api/groups/nope/requests/${member.id}/approve`)],
      ['approve: no such request', as('post', (x) => `/api/groups/${x.id}/requests/${UNKNOWN_ID}/approve`), 404],
      ['reject: bad user id', as('post', (x) => `/api/groups/${x.id}/requests/1/reject`)],
      ['reject: a member, not a request', as('post', (x) => `/api/groups/${x.id}/requests/${member.id}/reject`), 404],
      ['members: bad cursor', as('get', (x) => `/api/groups/${x.id}/members?cursor=x`)],
      ['members: bad role filter', as('get', (x) => `/api/groups/${x.id}/members?role=pending`)],
      ['members: limit too big', as('get', (x) => `/api/groups/${x.id}/members?limit=1000`)],
      ['remove: bad user id', as('delete', (x) => `/api/groups/${x.id}/members/me`)],
      ['remove: unknown user', as('delete', (x) => `/api/groups/${x.id}/members/${UNKNOWN_ID}`), 404],
      ['set role: pending', setRoleBody({ role: 'pending' })],
      ['set role: unknown role', setRoleBody({ role: 'superuser' })],
      ['set role: no role', setRoleBody({})],
      ['set role: role not a string', setRoleBody({ role: ['admin'] })],
      ['set role: unknown field', setRoleBody({ role: 'admin', since: 'now' })],
      ['set role: bad user id', as('put', (x) => `/api/groups/${x.id}/members/abc`, { role: 'admin' })],
      ['ban: no user', ban({ reason: 'Spam' })],
      ['ban: user not a UUID', ban({ userId: 'bob', reason: 'Spam' })],
      ['ban: no reason', ban({ userId: UNKNOWN_ID })],
      ['ban: blank reason', ban({ userId: UNKNOWN_ID, reason: '  ' })],
      ['ban: reason too long', ban({ userId: UNKNOWN_ID, reason: long(1001) })],
      ['ban: until not a date', ban({ userId: UNKNOWN_ID, reason: 'Spam', until: 'next tuesday' })],
      ['ban: until a number', ban({ userId: UNKNOWN_ID, reason: 'Spam', until: 1893456000000 })],
      ['ban: until an impossible date', ban({ userId: UNKNOWN_ID, reason: 'Spam', until: '2030-02-30T10:00:00Z' })],
      ['ban: until in the past', (x) => ban({ userId: member.id, reason: 'Spam', until: '2020-01-01T00:00:00.000Z' })(x)],
      [
        'ban: until now-ish',
        (x) => ban({ userId: member.id, reason: 'Spam', until: new Date(Date.now() - 1000).toISOString() })(x),
      ],
      ['ban: unknown field', (x) => ban({ userId: member.id, reason: 'Spam', until: future(), scope: 'all' })(x)],
      ['ban: yourself', (x) => ban({ userId: alice.id, reason: 'Oops' })(x)],
      ['ban: unknown user', ban({ userId: UNKNOWN_ID, reason: 'Spam' }), 404],
      ['ban: already banned', (x) => ban({ userId: bob.id, reason: 'Again' })(x), 409],
      ['unban: bad user id', as('delete', (x) => `/api/groups/${x.id}/bans/bob`)],
      ['unban: no ban in force', as('delete', (x) => `/api/groups/${x.id}/bans/${member.id}`), 404],
      ['bans: bad cursor', as('get', (x) => `/api/groups/${x.id}/bans?cursor=%%%`)],
      ['bans: bad group id', as('get', () => '/api/groups/x/bans')],
    ];

    it.each(CASES)('%s → 4xx, nothing written', async (_name, call, expected = 400) => {
      const before = await snapshot();
      const res = await call(g);
      expect(res.status).toBe(expected);
      expect(res.body).toMatchObject({ statusCode: expected });
      expect(await snapshot()).toEqual(before);
    });
  });
});
