import { addMember, banFromGroup, createGroup, type GroupBody } from './factories/group.factory.js';
import { follow } from './factories/people.factory.js';
import { ids, listAll, type PostBody } from './factories/post.factory.js';
import { actingAs, registerUser, type TestUser } from './factories/user.factory.js';
import { quietPeriod, socketsFor } from './support/socket-client.js';
import { useTestApp } from './support/test-app.js';

/**
 * Posts in groups. The centre is the private-group leak test: content in a private group must
 * reach a non-member by no path at all.
 */
describe('feed in groups', () => {
  const t = useTestApp();
  let owner: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let follower: TestUser;
  let privateGroup: GroupBody;
  let publicGroup: GroupBody;

  beforeAll(async () => {
    owner = await registerUser(t, { displayName: 'Owner' });
    member = await registerUser(t, { displayName: 'Member' });
    outsider = await registerUser(t, { displayName: 'Outsider' });
    follower = await registerUser(t, { displayName: 'Follower of the member' });
    privateGroup = await createGroup(t, owner, { name: 'Project Falcon', visibility: 'private' });
    publicGroup = await createGroup(t, owner, { name: 'Coffee lovers', visibility: 'public' });
    await addMember(t, owner, privateGroup.id, member);
    await addMember(t, owner, publicGroup.id, member);
    // The outsider follows the member: following never opens a private group.
    await follow(t, outsider, member);
    await follow(t, follower, member);
  });

  const as = (user: TestUser) => actingAs(t, user);
  const postIn = async (user: TestUser, group: GroupBody, body: string): Promise<PostBody> => {
    const res = await as(user).post('/api/posts', { body, groupId: group.id });
    expect(res.status).toBe(201);
    return res.body;
  };
  const connect = socketsFor(() => t);
  const postCount = async () => Number((await t.sql<{ n: string }>('SELECT count(*) AS n FROM posts'))[0].n);

  describe('posting into a group', () => {
    it('members post; the post carries its groupId', async () => {
      const post = await postIn(member, privateGroup, 'Falcon kickoff notes');
      expect(post.groupId).toBe(privateGroup.id);
    });

    it('refuses non-members: 404 for a private group, 403 for a public one; unknown group 404; nothing written', async () => {
      const before = await postCount();
      expect((await as(outsider).post('/api/posts', { body: 'Let me in', groupId: privateGroup.id })).status).toBe(404);
      expect((await as(outsider).post('/api/posts', { body: 'Hello', groupId: publicGroup.id })).status).toBe(403);
      expect((await as(outsider).post('/api/posts', { body: 'Hello', groupId: '00000000-0000-4000-8000-000000000000' })).status).toBe(404);
      expect((await as(outsider).post('/api/posts', { body: 'Hello', groupId: 'not-a-uuid' })).status).toBe(400);
      expect(await postCount()).toBe(before);
    });
  });

  describe('a private group post reaches no non-member by any path', () => {
    let secret: PostBody;

    beforeAll(async () => {
      secret = await postIn(member, privateGroup, `Confidential: acquisition target, cc @${outsider.handle} @${owner.handle}`);
      await t.settle();
    });

    it('detail, comments, reactions and comment writes are 404', async () => {
      expect((await as(outsider).get(`/api/posts/${secret.id}`)).status).toBe(404);
      expect((await as(outsider).get(`/api/posts/${secret.id}/comments`)).status).toBe(404);
      expect((await as(outsider).post(`/api/posts/${secret.id}/comments`, { body: 'Interesting' })).status).toBe(404);
      expect((await as(outsider).put(`/api/posts/${secret.id}/reactions/like`)).status).toBe(404);
      expect((await as(member).get(`/api/posts/${secret.id}`)).status).toBe(200);
    });

    it('home, company, author and group feeds never list it', async () => {
      expect(ids(await listAll(t, outsider, '/api/feed'))).not.toContain(secret.id);
      expect(ids(await listAll(t, outsider, '/api/feed?scope=company'))).not.toContain(secret.id);
      expect(ids(await listAll(t, outsider, `/api/users/${member.id}/posts`))).not.toContain(secret.id);
      expect((await as(outsider).get(`/api/groups/${privateGroup.id}/feed`)).status).toBe(404);
      // ...while members find it in their home feed and the group feed (not in the company feed).
      expect(ids(await listAll(t, owner, '/api/feed'))).toContain(secret.id);
      expect(ids(await listAll(t, owner, `/api/groups/${privateGroup.id}/feed`))).toContain(secret.id);
      expect(ids(await listAll(t, owner, '/api/feed?scope=company'))).not.toContain(secret.id);
    });

    it('a mention of a non-member is dropped: not in mentions, no event, nothing in their feed', async () => {
      const seen = await as(member).get(`/api/posts/${secret.id}`);
      expect(seen.body.mentions).toEqual([owner.id]);
      const events = await t.sql<{ type: string; audience: string[]; payload: { userIds?: string[] } }>(
        'SELECT type, audience, payload FROM outbox WHERE subject_id = $1',
        [secret.id],
      );
      for (const e of events) {
        expect(e.audience).not.toContain(`user:${outsider.id}`);
        expect(e.payload.userIds ?? []).not.toContain(outsider.id);
      }
      expect(events.find((e) => e.type === 'post.created')!.audience).toContain(`group:${privateGroup.id}`);
    });

    it('realtime: members receive it live, a non-member (even a follower of the author) does not', async () => {
      const memberSocket = await connect(owner);
      const outsiderSocket = await connect(outsider);
      const live = await postIn(member, privateGroup, 'Live in the private group');
      await memberSocket.waitFor('post.created', (p) => (p.post as { id: string }).id === live.id);
      await quietPeriod();
      expect(outsiderSocket.received.filter((r) => r.event === 'post.created')).toEqual([]);
      expect(await outsiderSocket.subscribe(`post:${live.id}`)).toEqual({ ok: false, error: 'not found' });
    });

    it('replay with lastEventId never returns it to a non-member', async () => {
      // Positive control: an event addressed to the outsider, which replay must deliver.
      await follow(t, owner, outsider);
      await t.settle();
      const replay = await connect(outsider, 0);
      await replay.waitFor('user.followed', (p) => p.followerId === owner.id);
      await quietPeriod(600);
      const leaked = replay.received.filter((r) => JSON.stringify(r.payload).includes(privateGroup.id) || JSON.stringify(r.payload).includes('Confidential'));
      expect(leaked).toEqual([]);
    });

    it('a removed member loses access at once, and their socket stops receiving the group', async () => {
      const leaver = await registerUser(t, { displayName: 'Leaver' });
      await addMember(t, owner, privateGroup.id, leaver);
      expect((await as(leaver).get(`/api/posts/${secret.id}`)).status).toBe(200);
      const socket = await connect(leaver);
      await as(owner).delete(`/api/groups/${privateGroup.id}/members/${leaver.id}`).expect(204);
      await t.settle();
      expect((await as(leaver).get(`/api/posts/${secret.id}`)).status).toBe(404);
      expect(ids(await listAll(t, leaver, '/api/feed'))).not.toContain(secret.id);
      await quietPeriod();
      const after = await postIn(member, privateGroup, 'After the removal');
      await quietPeriod();
      expect(socket.received.filter((r) => r.event === 'post.created' && (r.payload.post as { id: string }).id === after.id)).toEqual([]);
    });
  });

  describe('public groups', () => {
    it('their posts are readable by everyone and listed in the company feed, not in followers’ home feeds', async () => {
      const post = await postIn(member, publicGroup, 'Best beans in Lyon?');
      expect((await as(outsider).get(`/api/posts/${post.id}`)).status).toBe(200);
      expect(ids(await listAll(t, outsider, '/api/feed?scope=company'))).toContain(post.id);
      expect(ids(await listAll(t, outsider, `/api/groups/${publicGroup.id}/feed`))).toContain(post.id);
      expect(ids(await listAll(t, follower, '/api/feed'))).not.toContain(post.id);
      // Non-members may join the conversation in a public group.
      expect((await as(outsider).post(`/api/posts/${post.id}/comments`, { body: 'Try Slake' })).status).toBe(201);
    });

    it('turning the group private hides its posts from non-members', async () => {
      const group = await createGroup(t, owner, { name: 'Soon private' });
      const post = await postIn(owner, group, 'Open for now');
      expect((await as(outsider).get(`/api/posts/${post.id}`)).status).toBe(200);
      await t.http.patch(`/api/groups/${group.id}`).set('Authorization', owner.auth).send({ visibility: 'private' }).expect(200);
      await t.settle();
      expect((await as(outsider).get(`/api/posts/${post.id}`)).status).toBe(404);
      expect(ids(await listAll(t, outsider, '/api/feed?scope=company'))).not.toContain(post.id);
      expect((await as(owner).get(`/api/posts/${post.id}`)).status).toBe(200);
    });
  });

  describe('group roles in the feed', () => {
    it('@group is for owners and admins only', async () => {
      const before = await postCount();
      const refused = await as(member).post('/api/posts', { body: 'Hey @group, lunch?', groupId: publicGroup.id });
      expect(refused.status).toBe(403);
      expect(await postCount()).toBe(before);
      const allowed = await postIn(owner, publicGroup, 'Hey @group, the meetup moved to Friday');
      const [event] = await t.sql<{ payload: { groupId: string } }>(
        "SELECT payload FROM outbox WHERE type = 'post.group_mentioned' AND subject_id = $1",
        [allowed.id],
      );
      expect(event.payload.groupId).toBe(publicGroup.id);
      // Outside a group, "@group" is plain text.
      expect((await as(member).post('/api/posts', { body: 'Our @group rocks' })).status).toBe(201);
    });

    it('a group admin may delete a member’s post; another member may not', async () => {
      const admin = await registerUser(t, { displayName: 'Group admin' });
      const other = await registerUser(t, { displayName: 'Other member' });
      await addMember(t, owner, publicGroup.id, admin);
      await addMember(t, owner, publicGroup.id, other);
      await t.http.put(`/api/groups/${publicGroup.id}/members/${admin.id}`).set('Authorization', owner.auth).send({ role: 'admin' }).expect(200);
      const post = await postIn(member, publicGroup, 'Off-topic rant');
      expect((await as(other).delete(`/api/posts/${post.id}`)).status).toBe(403);
      expect((await as(admin).delete(`/api/posts/${post.id}`)).status).toBe(204);
      expect((await as(member).get(`/api/posts/${post.id}`)).status).toBe(404);
    });

    it('a banned user cannot post, comment or react in the group, and nothing is written', async () => {
      const troll = await registerUser(t, { displayName: 'Troll' });
      await addMember(t, owner, publicGroup.id, troll);
      const post = await postIn(member, publicGroup, 'Meetup photos');
      await banFromGroup(t, owner, publicGroup.id, troll.id);
      const [{ comments }] = await t.sql<{ comments: string }>('SELECT count(*) AS comments FROM post_comments');
      expect((await as(troll).post('/api/posts', { body: 'Still here', groupId: publicGroup.id })).status).toBe(403);
      expect((await as(troll).post(`/api/posts/${post.id}/comments`, { body: 'lol' })).status).toBe(403);
      expect((await as(troll).put(`/api/posts/${post.id}/reactions/like`)).status).toBe(403);
      expect((await t.sql<{ comments: string }>('SELECT count(*) AS comments FROM post_comments'))[0].comments).toBe(comments);
      expect((await as(member).get(`/api/posts/${post.id}`)).body.reactions.like).toBe(0);
    });
  });

  it('the group feed validates its input', async () => {
    expect((await as(owner).get('/api/groups/not-a-uuid/feed')).status).toBe(400);
    expect((await as(owner).get('/api/groups/00000000-0000-4000-8000-000000000000/feed')).status).toBe(404);
    expect((await as(owner).get(`/api/groups/${publicGroup.id}/feed?limit=0`)).status).toBe(400);
    expect((await as(owner).get(`/api/groups/${publicGroup.id}/feed?cursor=nope`)).status).toBe(400);
    expect((await t.http.get(`/api/groups/${publicGroup.id}/feed`)).status).toBe(401);
  });
});
