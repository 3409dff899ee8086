import { GroupsService } from '@ruche/groups';
import { addMember, createGroup, type GroupBody, groupOf, joinGroup } from './factories/group.factory.js';
import { listAll } from './factories/post.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

interface MyRequestBody {
  group: Omit<GroupBody, 'guidelines'>;
  requestedAt: string;
}

/**
 * A pending requester of a private group: sees the group's card (`myRole: "pending"`) and their
 * own pending requests, may withdraw, and still sees none of the content (feed, members, posts,
 * guidelines) until approved. A stranger still sees a 404.
 */
describe('groups: a pending request to join a private group', () => {
  const t = useTestApp();
  let owner: TestUser;
  let asker: TestUser;
  let stranger: TestUser;
  let secret: GroupBody;
  let postId: string;

  beforeAll(async () => {
    await registerUser(t); // the first account is the site admin
    owner = await registerUser(t, { displayName: 'Olga Owner' });
    asker = await registerUser(t, { displayName: 'Arno Asker' });
    stranger = await registerUser(t, { displayName: 'Stan Stranger' });
    secret = await createGroup(t, owner, {
      name: 'Skunkworks',
      description: 'Prototypes nobody should know about yet',
      guidelines: 'Members only: no screenshots',
      visibility: 'private',
    });
    const post = await t.http
      .post('/api/posts')
      .set('Authorization', owner.auth)
      .send({ body: 'The secret roadmap', groupId: secret.id })
      .expect(201);
    postId = post.body.id;
    expect(await joinGroup(t, asker, secret.id)).toBe('pending');
  });

  const get = (who: TestUser, path: string) => t.http.get(path).set('Authorization', who.auth);
  const myRequests = (who: TestUser) => listAll<MyRequestBody>(t, who, '/api/me/group-requests');

  it('shows the pending requester the card alone, with myRole "pending"', async () => {
    const res = await get(asker, `/api/groups/${secret.id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: secret.id,
      name: 'Skunkworks',
      description: 'Prototypes nobody should know about yet',
      visibility: 'private',
      memberCount: 1,
      myRole: 'pending',
    });
    // The guidelines are content: the members' to reveal.
    expect(res.body).not.toHaveProperty('guidelines');
  });

  it('keeps the content a 404 for the pending requester: feed, members, posts, requests', async () => {
    for (const path of [
      `/api/groups/${secret.id}/feed`,
      `/api/groups/${secret.id}/members`,
      `/api/groups/${secret.id}/requests`,
      `/api/posts/${postId}`,
      `/api/posts/${postId}/comments`,
    ]) {
      const res = await get(asker, path);
      expect({ path, status: res.status }).toEqual({ path, status: 404 });
    }
    expect(await t.app.get(GroupsService).readableGroupIds(asker.id, [secret.id])).toEqual(new Set());
    // Nor may they post into it.
    const post = await t.http.post('/api/posts').set('Authorization', asker.auth).send({ body: 'Let me in', groupId: secret.id });
    expect(post.status).toBe(404);
    // And the directory still lists only groups they may read.
    expect((await listAll<GroupBody>(t, asker, '/api/groups')).map((g) => g.id)).not.toContain(secret.id);
  });

  it('keeps the whole group a 404 for a stranger', async () => {
    for (const path of [`/api/groups/${secret.id}`, `/api/groups/${secret.id}/feed`, `/api/groups/${secret.id}/members`]) {
      const res = await get(stranger, path);
      expect({ path, status: res.status, message: res.body.message }).toEqual({
        path,
        status: 404,
        message: 'Group not found',
      });
    }
    expect(await myRequests(stranger)).toEqual([]);
  });

  it('lists my pending requests, newest first, with each group’s card', async () => {
    const other = await createGroup(t, owner, { name: 'Night shift', visibility: 'private' });
    expect(await joinGroup(t, asker, other.id)).toBe('pending');
    const mine = await myRequests(asker);
    expect(mine.map((r) => r.group.id)).toEqual([other.id, secret.id]);
    expect(mine[1]).toEqual({
      group: expect.objectContaining({ id: secret.id, name: 'Skunkworks', visibility: 'private', myRole: 'pending' }),
      requestedAt: expect.any(String),
    });
    expect(mine[1].group).not.toHaveProperty('guidelines');
    // Pages follow the keyset cursor.
    const first = await get(asker, '/api/me/group-requests?limit=1').expect(200);
    expect(first.body.items.map((r: MyRequestBody) => r.group.id)).toEqual([other.id]);
    const second = await get(asker, `/api/me/group-requests?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items.map((r: MyRequestBody) => r.group.id)).toEqual([secret.id]);
  });

  it('turns the card into the group once approved, and drops the request from my list', async () => {
    const g = await createGroup(t, owner, { visibility: 'private', guidelines: 'Be kind' });
    const u = await registerUser(t);
    await joinGroup(t, u, g.id);
    expect((await myRequests(u)).map((r) => r.group.id)).toEqual([g.id]);
    await addMember(t, owner, g.id, u);
    expect(await groupOf(t, u, g.id)).toMatchObject({ myRole: 'member', guidelines: 'Be kind', memberCount: 2 });
    expect(await myRequests(u)).toEqual([]);
    await get(u, `/api/groups/${g.id}/feed`).expect(200);
  });

  it('withdraws a request: the card becomes a 404 again, nothing is counted, the list empties', async () => {
    const g = await createGroup(t, owner, { visibility: 'private' });
    const u = await registerUser(t);
    await joinGroup(t, u, g.id);
    await get(u, `/api/groups/${g.id}`).expect(200);
    const res = await t.http.delete(`/api/groups/${g.id}/members/${u.id}`).set('Authorization', u.auth);
    expect(res.status).toBe(204);
    expect(await t.sql('SELECT 1 FROM group_memberships WHERE group_id = $1 AND user_id = $2', [g.id, u.id])).toEqual([]);
    expect((await get(u, `/api/groups/${g.id}`)).status).toBe(404);
    expect(await myRequests(u)).toEqual([]);
    expect((await groupOf(t, owner, g.id)).memberCount).toBe(1);
    // Withdrawing again: nothing left, and the group is hidden again.
    const again = await t.http.delete(`/api/groups/${g.id}/members/${u.id}`).set('Authorization', u.auth);
    expect({ status: again.status, message: again.body.message }).toEqual({ status: 404, message: 'Group not found' });
    // And they may ask again.
    expect(await joinGroup(t, u, g.id)).toBe('pending');
  });

  it('does not let someone else withdraw my request (a stranger sees a 404)', async () => {
    const res = await t.http.delete(`/api/groups/${secret.id}/members/${asker.id}`).set('Authorization', stranger.auth);
    expect(res.status).toBe(404);
    expect((await groupOf(t, asker, secret.id)).myRole).toBe('pending');
  });

  it.each<[string, string]>([
    ['limit 0', '/api/me/group-requests?limit=0'],
    ['limit 101', '/api/me/group-requests?limit=101'],
    ['limit not a number', '/api/me/group-requests?limit=lots'],
    ['garbage cursor', '/api/me/group-requests?cursor=nope'],
    ['unknown parameter', '/api/me/group-requests?groupId=x'],
  ])('GET my requests with %s → 400', async (_name, path) => {
    const res = await get(asker, path);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it.each<[string, string]>([
    ['bad group id', `/api/groups/not-a-uuid/members/{me}`],
    ['bad user id', `/api/groups/{group}/members/me`],
  ])('withdraw with a %s → 400, nothing written', async (_name, template) => {
    const before = await t.sql('SELECT * FROM group_memberships ORDER BY group_id, user_id');
    const path = template.replace('{me}', asker.id).replace('{group}', secret.id);
    const res = await t.http.delete(path).set('Authorization', asker.auth);
    expect(res.status).toBe(400);
    expect(await t.sql('SELECT * FROM group_memberships ORDER BY group_id, user_id')).toEqual(before);
  });

  it('GET a card with a bad id → 400, an unknown one → 404', async () => {
    expect((await get(asker, '/api/groups/nope')).status).toBe(400);
    expect((await get(asker, `/api/groups/${UNKNOWN_ID}`)).status).toBe(404);
  });

  it('without a token → 401', async () => {
    expect((await t.http.get('/api/me/group-requests')).status).toBe(401);
  });
});
