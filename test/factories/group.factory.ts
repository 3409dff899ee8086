import type { TestApp } from '../support/test-app.js';
import { expectStatus } from './expect-status.js';
import { registerUser, type TestUser } from './user.factory.js';

export interface GroupBody {
  id: string;
  name: string;
  handle: string;
  description: string;
  guidelines: string;
  visibility: 'public' | 'private';
  memberCount: number;
  myRole: 'owner' | 'admin' | 'member' | 'pending' | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface MemberBody {
  user: { id: string; handle: string; displayName: string };
  role: 'owner' | 'admin' | 'member';
  joinedAt: string;
}

let counter = 0;


/** Creates a group through the real API (public unless told otherwise); fails the test on anything but 201. */
export async function createGroup(
  t: TestApp,
  owner: TestUser,
  body: Partial<{ name: string; description: string; guidelines: string; visibility: 'public' | 'private' }> = {},
): Promise<GroupBody> {
  const res = await t.http
    .post('/api/groups')
    .set('Authorization', owner.auth)
    .send({ name: `Group ${++counter}`, visibility: 'public', ...body });
  expectStatus(res, 201, 'POST /api/groups');
  return res.body;
}

/** Joins (public) or asks to join (private); returns the caller's role afterwards. */
export async function joinGroup(t: TestApp, user: TestUser, groupId: string): Promise<string> {
  const res = await t.http.post(`/api/groups/${groupId}/join`).set('Authorization', user.auth);
  expectStatus(res, 200, `POST /api/groups/${groupId}/join`);
  return res.body.myRole;
}

export async function approveRequest(t: TestApp, manager: TestUser, groupId: string, userId: string): Promise<void> {
  const res = await t.http.post(`/api/groups/${groupId}/requests/${userId}/approve`).set('Authorization', manager.auth);
  expectStatus(res, 200, 'approve');
}

/** Makes `user` a member whatever the visibility (asks, then `manager` approves if needed). */
export async function addMember(t: TestApp, manager: TestUser, groupId: string, user: TestUser): Promise<void> {
  if ((await joinGroup(t, user, groupId)) === 'pending') await approveRequest(t, manager, groupId, user.id);
}

export async function setRole(t: TestApp, owner: TestUser, groupId: string, userId: string, role: string): Promise<MemberBody> {
  const res = await t.http.put(`/api/groups/${groupId}/members/${userId}`).set('Authorization', owner.auth).send({ role });
  expectStatus(res, 200, 'PUT role');
  return res.body;
}

export async function banFromGroup(
  t: TestApp,
  actor: TestUser,
  groupId: string,
  userId: string,
  extra: Partial<{ until: string; reason: string }> = {},
): Promise<{ id: string; until: string | null }> {
  const res = await t.http
    .post(`/api/groups/${groupId}/bans`)
    .set('Authorization', actor.auth)
    .send({ userId, reason: 'Repeated off-topic posts', ...extra });
  expectStatus(res, 201, 'POST bans');
  return res.body;
}

export async function groupOf(t: TestApp, viewer: TestUser, groupId: string): Promise<GroupBody> {
  const res = await t.http.get(`/api/groups/${groupId}`).set('Authorization', viewer.auth);
  expectStatus(res, 200, `GET /api/groups/${groupId}`);
  return res.body;
}

/** The people who play each part in a group; the site admin grants the moderator role. */
export interface Cast {
  owner: TestUser;
  admin: TestUser;
  member: TestUser;
  /** A second plain member, the one acted upon (removed, promoted, banned). */
  target: TestUser;
  pending: TestUser;
  banned: TestUser;
  stranger: TestUser;
  /** Admin of another group, nothing here. */
  otherAdmin: TestUser;
  moderator: TestUser;
}

export async function registerCast(t: TestApp, siteAdmin: TestUser): Promise<Cast> {
  const names = ['owner', 'admin', 'member', 'target', 'pending', 'banned', 'stranger', 'otherAdmin', 'moderator'] as const;
  const cast = {} as Cast;
  for (const name of names) cast[name] = await registerUser(t, { displayName: `Cast ${name}` });
  await t.http
    .put(`/api/admin/users/${cast.moderator.id}/roles`)
    .set('Authorization', siteAdmin.auth)
    .send({ roles: ['moderator'] })
    .expect(200);
  const elsewhere = await createGroup(t, cast.owner, { name: 'Elsewhere' });
  await joinGroup(t, cast.otherAdmin, elsewhere.id);
  await setRole(t, cast.owner, elsewhere.id, cast.otherAdmin.id, 'admin');
  return cast;
}

/**
 * A group with one person in each role, built through the API: owner, admin, two members, a
 * pending request, a banned former member. A public one is created private and opened afterwards,
 * so it holds a pending request too (left over from when it was private).
 */
export async function groupWithCast(t: TestApp, cast: Cast, visibility: 'public' | 'private'): Promise<GroupBody> {
  const group = await createGroup(t, cast.owner, { visibility: 'private' });
  for (const user of [cast.admin, cast.member, cast.target, cast.banned]) await addMember(t, cast.owner, group.id, user);
  await setRole(t, cast.owner, group.id, cast.admin.id, 'admin');
  await banFromGroup(t, cast.owner, group.id, cast.banned.id);
  await joinGroup(t, cast.pending, group.id);
  if (visibility === 'public') {
    const res = await t.http
      .patch(`/api/groups/${group.id}`)
      .set('Authorization', cast.owner.auth)
      .send({ visibility: 'public' });
    expectStatus(res, 200, 'PATCH visibility');
  }
  return groupOf(t, cast.owner, group.id);
}

/** Every item of a list endpoint, following `nextCursor` page by page (`path` may carry a query string). */
export async function listAll<T>(t: TestApp, viewer: TestUser, path: string, limit = 100): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const sep = path.includes('?') ? '&' : '?';
    const url: string = `${path}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
    const res: { status: number; body: { items: T[]; nextCursor: string | null } } = await t.http
      .get(url)
      .set('Authorization', viewer.auth);
    expectStatus(res, 200, `GET ${url}`);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
  } while (cursor);
  return items;
}
