import request from 'supertest';
import { addMember, createGroup } from './factories/group.factory.js';
import { listAll } from './factories/post.factory.js';
import { registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { connectSocket } from './support/socket-client.js';
import { type TestApp, useTestApp } from './support/test-app.js';

/**
 * Privacy is decided inside the transaction that writes, not fixed up afterwards: a group that
 * switches to private while its members are posting hides every one of those posts from
 * non-members, on every read path, the moment the switch returns. Two instances share the work,
 * as behind a load balancer.
 */
describe('privacy under races (two instances)', () => {
  const t = useTestApp();
  let peer: TestApp;
  let owner: TestUser;
  let outsider: TestUser;
  let members: TestUser[];

  beforeAll(async () => {
    peer = await t.startPeer();
    owner = await registerUser(t);
    outsider = await registerUser(t);
    members = await registerUsers(t, 8);
  });

  const instance = (i: number) => (i % 2 === 0 ? t : peer);

  it('200 posts written while the group goes private: none is readable by a non-member, by any path', async () => {
    const group = await createGroup(t, owner, { name: 'Skunkworks', visibility: 'public' });
    for (const m of members) await addMember(t, owner, group.id, m);
    const outsiderSocket = await connectSocket(peer.url, outsider.accessToken);
    const word = `zephyrine${Date.now().toString(36)}`;

    const writes = Array.from({ length: 200 }, (_, i) =>
      instance(i)
        .http.post('/api/posts')
        .timeout(30_000)
        .set('Authorization', members[i % members.length].auth)
        // Half of them send the group id in capitals: the same group, the same rule.
        .send({ body: `Roadmap note ${i} ${word}`, groupId: i % 4 < 2 ? group.id : group.id.toUpperCase() }),
    );
    // The switch lands in the middle of the burst.
    await new Promise((r) => setTimeout(r, 40));
    const flip = await t.http.patch(`/api/groups/${group.id}`).set('Authorization', owner.auth).send({ visibility: 'private' });
    expect(flip.status).toBe(200);
    expect(flip.body.visibility).toBe('private');
    const results = await Promise.all(writes);
    const created = results.filter((r) => r.status === 201).map((r) => r.body.id as string);
    // Every write is answered: written, or (a machine too busy to hand out a connection in time) a
    // 503 the client may retry. Never a hang, never another error.
    expect(results.filter((r) => r.status !== 201 && !(r.status === 503 && r.headers['retry-after'])).map((r) => r.status)).toEqual([]);
    expect(created.length).toBeGreaterThan(100);

    // The stored copy agrees with the group for every post (the invariant itself).
    const [{ public_posts }] = await t.sql<{ public_posts: number }>(
      'SELECT count(*)::int AS public_posts FROM posts WHERE group_id = $1 AND NOT group_private',
      [group.id],
    );
    expect(public_posts).toBe(0);

    // REST by id, on both instances: 404 for the outsider, 200 for a member (positive control).
    for (const [i, id] of created.entries()) {
      const res = await instance(i).http.get(`/api/posts/${id}`).set('Authorization', outsider.auth);
      expect(res.status).toBe(404);
    }
    expect((await t.http.get(`/api/posts/${created[0]}`).set('Authorization', members[1].auth)).status).toBe(200);

    // Feeds: the company feed, the authors' timelines, the group feed.
    const company = await listAll(t, outsider, '/api/feed?scope=company');
    expect(company.filter((p) => created.includes(p.id))).toEqual([]);
    for (const m of members.slice(0, 3)) {
      const theirs = await listAll(t, outsider, `/api/users/${m.id}/posts`);
      expect(theirs.filter((p) => created.includes(p.id))).toEqual([]);
    }
    expect((await t.http.get(`/api/groups/${group.id}/feed`).set('Authorization', outsider.auth)).status).toBe(404);
    expect((await listAll(t, members[0], `/api/groups/${group.id}/feed`)).length).toBe(created.length);

    // Search: nothing for the outsider; the members find them (positive control).
    const search = (who: TestUser) =>
      peer.http.get('/api/search').query({ q: word, type: 'post', limit: 50 }).set('Authorization', who.auth);
    expect((await search(outsider)).body.items).toEqual([]);
    expect((await search(members[0])).body.items.length).toBeGreaterThan(0);

    // Sockets: the outsider heard of none of them, and cannot subscribe to any.
    await t.settle();
    await peer.settle();
    expect(outsiderSocket.received.filter((e) => e.event === 'post.created')).toEqual([]);
    for (const id of created.slice(0, 20)) {
      expect(await outsiderSocket.subscribe(`post:${id}`)).toEqual({ ok: false, error: 'not found' });
    }
    outsiderSocket.close();
  });

  it('a member removed while posting cannot get a post into the group afterwards', async () => {
    const group = await createGroup(t, owner, { visibility: 'private' });
    const leaver = await registerUser(t);
    await addMember(t, owner, group.id, leaver);
    const writes = Array.from({ length: 60 }, (_, i) =>
      instance(i).http.post('/api/posts').timeout(30_000).set('Authorization', leaver.auth).send({ body: `Last words ${i}`, groupId: group.id }),
    );
    await new Promise((r) => setTimeout(r, 20));
    const removal = await t.http.delete(`/api/groups/${group.id}/members/${leaver.id}`).set('Authorization', owner.auth);
    expect(removal.status).toBe(204);
    const results = await Promise.all(writes);
    // Each write was decided under the group's lock: before the removal (201) or after it (404)
    // (or refused by a machine too busy to serve it in time: 503).
    expect(results.every((r) => r.status === 201 || r.status === 404 || (r.status === 503 && r.headers['retry-after']))).toBe(true);
    // Commit order, as the outbox records it: no post by them committed after the removal.
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox o
        WHERE o.type = 'post.created' AND o.actor_id = $2::uuid AND o.payload->'post'->>'groupId' = $1
          AND o.id > (SELECT max(id) FROM outbox WHERE type = 'group.member_removed' AND payload->>'userId' = $2::text)`,
      [group.id, leaver.id],
    );
    expect(n).toBe(0);
    expect(results.filter((r) => r.status === 201)).toHaveLength(
      (await t.sql('SELECT id FROM posts WHERE group_id = $1 AND author_id = $2', [group.id, leaver.id])).length,
    );
  });

  it('answers on both instances after the bursts', async () => {
    for (const app of [t, peer]) {
      const res = await request(app.app.getHttpServer()).get('/api/health').timeout(2000);
      expect(res.status).toBe(200);
    }
  });
});
