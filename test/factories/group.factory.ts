import type { TestApp } from '../support/test-app.js';
import { expectBody } from './expect-status.js';
import { actingAs, registerUser, type TestUser } from './user.factory.js';

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
  return expectBody(
    actingAs(t, owner).post('/api/groups', { name: `Group ${++counter}`, visibility: 'public', ...body }),
    201,
    'POST /api/groups',
  );
}

/** Joins (public) or asks to join (private); returns the caller's role afterwards. */
export async function joinGroup(t: TestApp, user: TestUser, groupId: string): Promise<string> {
  return (
    await expectBody<{ myRole: string }>(
      actingAs(t, user).post(`/api/groups/${groupId}/join`),
      200,
      `POST /api/groups/${groupId}/join`,
    )
  ).myRole;
}

export async function approveRequest(t: TestApp, manager: TestUser, groupId: string, userId: string): Promise<void> {
  await expectBody(actingAs(t, manager).post(`/api/groups/${groupId}/requests/${userId}/approve`), 200, 'approve');
}

/** Makes `user` a member whatever the visibility (asks, then `manager` approves if needed). */
export async function addMember(t: TestApp, manager: TestUser, groupId: string, user: TestUser): Promise<void> {
  if ((await joinGroup(t, user, groupId)) === 'pending') await approveRequest(t, manager, groupId, user.id);
}

export async function setRole(t: TestApp, owner: TestUser, groupId: string, userId: string, role: string): Promise<MemberBody> {
  return expectBody(actingAs(t, owner).put(`/api/groups/${groupId}/members/${userId}`, { role }), 200, 'PUT role');
}

export async function banFromGroup(
  t: TestApp,
  actor: TestUser,
  groupId: string,
  userId: string,
  extra: Partial<{ until: string; reason: string }> = {},
): Promise<{ id: string; until: string | null }> {
  return expectBody(
    actingAs(t, actor).post(`/api/groups/${groupId}/bans`, { userId, reason: 'Repeated off-topic posts', ...extra }),
    201,
    'POST bans',
  );
}

export async function groupOf(t: TestApp, viewer: TestUser, groupId: string): Promise<GroupBody> {
  return expectBody(actingAs(t, viewer).get(`/api/groups/${groupId}`), 200, `GET /api/groups/${groupId}`);
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
    await expectBody(actingAs(t, cast.owner).patch(`/api/groups/${group.id}`, { visibility: 'public' }), 200, 'PATCH visibility');
  }
  return groupOf(t, cast.owner, group.id);
}
