import { addMember, approveRequest, banFromGroup, createGroup, joinGroup } from './factories/group.factory.js';
import { registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { quietPeriod, socketsFor, type TestSocket } from './support/socket-client.js';
import { useTestApp } from './support/test-app.js';

/**
 * Group rooms over real Socket.IO: sockets join `group:<id>` for each membership on connect, and
 * live sockets move in and out as memberships change (the room effects groups registers on
 * SocketRooms), so a removed or banned member stops receiving the group's events at once, without
 * reconnecting.
 */
describe('groups: realtime rooms follow membership', () => {
  const t = useTestApp();
  let owner: TestUser;

  beforeAll(async () => {
    await registerUser(t); // the site admin
    owner = await registerUser(t, { displayName: 'Owner' });
  });

  const connect = socketsFor(() => t);
  /** Renames the group and returns the new name, to match the resulting `group.updated`. */
  let renames = 0;
  const rename = async (groupId: string) => {
    const name = `Renamed ${++renames}`;
    await t.http.patch(`/api/groups/${groupId}`).set('Authorization', owner.auth).send({ name }).expect(200);
    return name;
  };
  const updatedTo = (socket: TestSocket, groupId: string, name: string) =>
    socket.waitFor(
      'group.updated',
      (p) => (p.group as { id: string; name: string }).id === groupId && (p.group as { name: string }).name === name,
    );
  const groupEvents = (socket: TestSocket, groupId: string) =>
    socket.received.filter(
      (r) =>
        r.event.startsWith('group.') && (r.payload.groupId === groupId || (r.payload.group as { id?: string })?.id === groupId),
    );

  it('delivers group.updated to members’ sockets only, never to a pending requester or a stranger', async () => {
    const g = await createGroup(t, owner, { visibility: 'private' });
    const [member, asker, stranger] = await registerUsers(t, 3);
    await addMember(t, owner, g.id, member);
    await joinGroup(t, asker, g.id);
    const [ownerSocket, memberSocket, askerSocket, strangerSocket] = await Promise.all(
      [owner, member, asker, stranger].map((u) => connect(u)),
    );

    const name = await rename(g.id);
    const event = await updatedTo(memberSocket, g.id, name);
    expect(event).toMatchObject({ group: { id: g.id, name, visibility: 'private', memberCount: 2 }, changed: ['name'] });
    expect(typeof event.eventId).toBe('number');
    await updatedTo(ownerSocket, g.id, name);
    await quietPeriod();
    expect(groupEvents(askerSocket, g.id)).toEqual([]);
    expect(groupEvents(strangerSocket, g.id)).toEqual([]);
  });

  it('tells owners and admins about join requests, on their own sockets only', async () => {
    const g = await createGroup(t, owner, { visibility: 'private' });
    const [admin, member, asker] = await registerUsers(t, 3);
    await addMember(t, owner, g.id, admin);
    await addMember(t, owner, g.id, member);
    await t.http
      .put(`/api/groups/${g.id}/members/${admin.id}`)
      .set('Authorization', owner.auth)
      .send({ role: 'admin' })
      .expect(200);
    // The member's own request (made by addMember) reaches the managers' rooms once delivered: let
    // it be delivered before the sockets connect, so they hear only the asker's.
    await t.settle();
    const [ownerSocket, adminSocket, memberSocket] = await Promise.all([owner, admin, member].map((u) => connect(u)));

    await joinGroup(t, asker, g.id);
    for (const socket of [ownerSocket, adminSocket]) {
      expect(await socket.waitFor('group.join_requested', (p) => p.groupId === g.id && p.userId === asker.id)).toMatchObject({
        userId: asker.id,
        user: { id: asker.id, handle: asker.handle, displayName: asker.displayName },
      });
    }
    await quietPeriod();
    expect(memberSocket.received.filter((r) => r.event === 'group.join_requested')).toEqual([]);
  });

  it('moves already-connected sockets into the room: the creator, a new member of a public group, an approved requester', async () => {
    const [joiner, asker] = await registerUsers(t, 2);
    const [ownerSocket, joinerSocket, askerSocket] = await Promise.all([owner, joiner, asker].map((u) => connect(u)));
    const pub = await createGroup(t, owner, { visibility: 'public' });
    const priv = await createGroup(t, owner, { visibility: 'private' });
    await joinGroup(t, joiner, pub.id);
    await joinGroup(t, asker, priv.id);

    // Before approval the requester hears nothing of the private group.
    const before = await rename(priv.id);
    await updatedTo(ownerSocket, priv.id, before);
    await approveRequest(t, owner, priv.id, asker.id);
    expect(await askerSocket.waitFor('group.member_approved', (p) => p.groupId === priv.id)).toMatchObject({
      userId: asker.id,
      approvedBy: owner.id,
    });

    const [pubName, privName] = [await rename(pub.id), await rename(priv.id)];
    await updatedTo(ownerSocket, pub.id, pubName);
    await updatedTo(joinerSocket, pub.id, pubName);
    await updatedTo(ownerSocket, priv.id, privName);
    await updatedTo(askerSocket, priv.id, privName);
    expect(
      askerSocket.received.some((r) => r.event === 'group.updated' && (r.payload.group as { name: string }).name === before),
    ).toBe(false);
  });

  it('joins a connecting socket to every group its user belongs to', async () => {
    const u = await registerUser(t);
    const groups = [
      await createGroup(t, owner, { visibility: 'private' }),
      await createGroup(t, owner, { visibility: 'public' }),
    ];
    for (const g of groups) await addMember(t, owner, g.id, u);
    const socket = await connect(u);
    for (const g of groups) await updatedTo(socket, g.id, await rename(g.id));
  });

  it.each([
    ['removed by an owner', 'removed'],
    ['leaving', 'left'],
    ['banned', 'banned'],
  ] as const)('stops sending the group’s events to a still-connected member once %s', async (_name, reason) => {
    for (const visibility of ['private', 'public'] as const) {
      const g = await createGroup(t, owner, { visibility });
      const [leaver, stayer] = await registerUsers(t, 2);
      await addMember(t, owner, g.id, leaver);
      await addMember(t, owner, g.id, stayer);
      const [leaverSocket, stayerSocket] = await Promise.all([leaver, stayer].map((u) => connect(u)));
      const first = await rename(g.id);
      await updatedTo(leaverSocket, g.id, first);

      if (reason === 'removed')
        await t.http.delete(`/api/groups/${g.id}/members/${leaver.id}`).set('Authorization', owner.auth).expect(204);
      if (reason === 'left')
        await t.http.delete(`/api/groups/${g.id}/members/${leaver.id}`).set('Authorization', leaver.auth).expect(204);
      if (reason === 'banned') await banFromGroup(t, owner, g.id, leaver.id);
      expect(await leaverSocket.waitFor('group.member_removed', (p) => p.groupId === g.id)).toMatchObject({
        userId: leaver.id,
        reason,
      });
      if (reason === 'banned') await leaverSocket.waitFor('group.banned', (p) => p.groupId === g.id);
      // No reconnect, no waiting for the outbox to settle: the room is left by the time the
      // removal notice arrives.

      const second = await rename(g.id);
      await updatedTo(stayerSocket, g.id, second);
      await quietPeriod();
      const seen = leaverSocket.received
        .filter((r) => r.event === 'group.updated')
        .map((r) => (r.payload.group as { name: string }).name);
      expect(seen).toEqual([first]);
      expect(leaverSocket.socket.connected).toBe(true);
    }
  });

  describe('replay after reconnecting (lastEventId)', () => {
    /** A new private group's member whose socket saw one rename, then closed: replay starts from `seen`. */
    const memberGoneOffline = async () => {
      const g = await createGroup(t, owner, { visibility: 'private' });
      const member = await registerUser(t);
      await addMember(t, owner, g.id, member);
      const socket = await connect(member);
      const seen = await updatedTo(socket, g.id, await rename(g.id));
      socket.close();
      return { g, member, seen };
    };

    it('replays the missed group events to a member, in order', async () => {
      const { g, member, seen } = await memberGoneOffline();
      const missed = [await rename(g.id), await rename(g.id)];
      await t.settle();
      const back = await connect(member, seen.eventId as number);
      const replayed = await back.waitForCount('group.updated', 2);
      expect(replayed.map((e) => (e.group as { name: string }).name)).toEqual(missed);
    });

    it('never replays a private group’s events to someone who is no longer a member', async () => {
      for (const how of ['removed', 'banned'] as const) {
        const { g, member, seen } = await memberGoneOffline();
        // Missed while offline: updates while still a member, the removal, updates after it.
        await rename(g.id);
        if (how === 'removed')
          await t.http.delete(`/api/groups/${g.id}/members/${member.id}`).set('Authorization', owner.auth).expect(204);
        else await banFromGroup(t, owner, g.id, member.id);
        await rename(g.id);
        await t.settle();

        const back = await connect(member, seen.eventId as number);
        await quietPeriod();
        expect(groupEvents(back, g.id)).toEqual([]);
      }
    });

    it('never replays a private group’s events to a stranger replaying from the beginning', async () => {
      const stranger = await registerUser(t);
      const g = await createGroup(t, owner, { visibility: 'private' });
      const member = await registerUser(t);
      await addMember(t, owner, g.id, member);
      await rename(g.id);
      await t.settle();
      const socket = await connect(stranger, 0);
      await quietPeriod();
      expect(socket.received.filter((r) => r.event.startsWith('group.'))).toEqual([]);
    });

    it('replays a public group’s removal notice to the person removed, but not the group’s later events', async () => {
      const g = await createGroup(t, owner, { visibility: 'public' });
      const member = await registerUser(t);
      await joinGroup(t, member, g.id);
      const socket = await connect(member);
      const seen = await updatedTo(socket, g.id, await rename(g.id));
      socket.close();
      await t.http.delete(`/api/groups/${g.id}/members/${member.id}`).set('Authorization', owner.auth).expect(204);
      await rename(g.id);
      await t.settle();
      const back = await connect(member, seen.eventId as number);
      expect(await back.waitFor('group.member_removed', (p) => p.groupId === g.id)).toMatchObject({
        userId: member.id,
        reason: 'removed',
      });
      await quietPeriod();
      expect(back.received.filter((r) => r.event === 'group.updated')).toEqual([]);
    });
  });
});
