import { AnnouncementSchedule } from '@ruche/announcements';
import { addMember, createGroup, type GroupBody } from './factories/group.factory.js';
import { actingAs, registerUsers, type TestUser } from './factories/user.factory.js';
import { quietPeriod, socketsFor } from './support/socket-client.js';
import { useTestApp } from './support/test-app.js';

/**
 * Must-read announcements live, with real Socket.IO clients (issue #13): published ones appear at
 * once for their recipients and nobody else (a private group's never reach a non-member, live or
 * replayed), a scheduled one appears when the timed job publishes it, an expired one unpins, and
 * reading it on one device unpins it on the others.
 */
describe('announcements, live', () => {
  const t = useTestApp();
  let admin: TestUser, alice: TestUser, bob: TestUser, carol: TestUser;
  let board: GroupBody;
  const connect = socketsFor(() => t, { settleFirst: true });

  const as = (user: TestUser) => actingAs(t, user);
  const publish = async (user: TestUser, body: object): Promise<{ id: string; publishedAt: string | null }> => {
    const res = await as(user).post('/api/announcements', { title: 'Read me', body: 'Important.', ...body });
    if (res.status !== 201) throw new Error(`publish: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const pinnedIds = async (user: TestUser) =>
    (await as(user).get('/api/announcements?pinned=true').expect(200)).body.items.map((a: { id: string }) => a.id);
  const about = (id: string) => (p: Record<string, unknown>) =>
    (p.announcement as { id?: string } | undefined)?.id === id || p.announcementId === id;
  const schedule = () => t.app.get(AnnouncementSchedule);

  beforeAll(async () => {
    [admin, alice, bob, carol] = await registerUsers(t, ['Admin', 'Alice', 'Bob', 'Carol']);
    board = await createGroup(t, alice, { name: 'Board', visibility: 'private' });
    await addMember(t, alice, board.id, bob);
  });

  it("a private group's announcement reaches its members live, and no one else", async () => {
    const [bobSocket, carolSocket, adminSocket] = [await connect(bob), await connect(carol), await connect(admin)];
    const announcement = await publish(alice, { title: 'Board only', groupId: board.id });
    const received = await bobSocket.waitFor('announcement.published', about(announcement.id));
    expect(received.announcement).toMatchObject({ id: announcement.id, title: 'Board only', groupId: board.id });
    await t.settle();
    await quietPeriod();
    for (const outsider of [carolSocket, adminSocket]) {
      expect(outsider.received.filter((r) => r.event.startsWith('announcement.'))).toEqual([]);
      // Nor as a notification.
      expect(outsider.received.filter((r) => r.event === 'notification.created')).toEqual([]);
    }
    await bobSocket.waitFor('notification.created', (p) => (p.notification as { kind: string }).kind === 'announcement');
  });

  it('a company-wide one reaches everyone; a narrowed one only the people it was addressed to', async () => {
    await t.http.patch('/api/me').set('Authorization', carol.auth).send({ department: 'Finance' });
    const [aliceSocket, carolSocket] = [await connect(alice), await connect(carol)];
    const everyone = await publish(admin, { title: 'Everyone' });
    await aliceSocket.waitFor('announcement.published', about(everyone.id));
    await carolSocket.waitFor('announcement.published', about(everyone.id));
    const finance = await publish(admin, { title: 'Finance only', audience: { departments: ['Finance'] } });
    await carolSocket.waitFor('announcement.published', about(finance.id));
    await t.settle();
    await quietPeriod();
    expect(aliceSocket.received.some((r) => about(finance.id)(r.payload))).toBe(false);
  });

  it("reading it on one device unpins it on the others, and the author's receipts follow", async () => {
    const announcement = await publish(alice, { title: 'Ack me', groupId: board.id });
    const [phone, laptop, author, outsider] = [
      await connect(bob),
      await connect(bob),
      await connect(alice),
      await connect(carol),
    ];
    await as(bob).post(`/api/announcements/${announcement.id}/ack`).expect(200);
    for (const device of [phone, laptop, author]) {
      expect(await device.waitFor('announcement.acknowledged', about(announcement.id))).toMatchObject({ userId: bob.id });
    }
    await t.settle();
    await quietPeriod();
    expect(outsider.received.some((r) => about(announcement.id)(r.payload))).toBe(false);
  });

  it('a scheduled announcement appears live when the timed job publishes it', async () => {
    const at = new Date(Date.now() + 60_000);
    const scheduled = await publish(alice, { title: 'In a minute', groupId: board.id, publishAt: at.toISOString() });
    expect(scheduled.publishedAt).toBeNull();
    // Before its time: the author sees it, the members do not, nothing is pinned.
    await as(alice).get(`/api/announcements/${scheduled.id}`).expect(200);
    await as(bob).get(`/api/announcements/${scheduled.id}`).expect(404);
    await as(bob).post(`/api/announcements/${scheduled.id}/ack`).expect(404);
    await as(alice).post(`/api/announcements/${scheduled.id}/remind`).expect(409);
    expect(await pinnedIds(bob)).not.toContain(scheduled.id);

    const bobSocket = await connect(bob);
    // A round before its time publishes nothing; the round at its time does.
    expect((await schedule().tick(new Date(at.getTime() - 10_000))).published).toBe(0);
    expect((await schedule().tick(new Date(at.getTime() + 1_000))).published).toBe(1);
    const live = await bobSocket.waitFor('announcement.published', about(scheduled.id));
    expect(live.announcement).toMatchObject({ id: scheduled.id, live: true });
    expect(await pinnedIds(bob)).toContain(scheduled.id);
    // Published once, whatever the rounds that follow.
    expect((await schedule().tick(new Date(at.getTime() + 120_000))).published).toBe(0);
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox WHERE type = 'announcement.published' AND subject_id = $1`,
      [scheduled.id],
    );
    expect(n).toBe(1);
  });

  it('an expired announcement unpins, live', async () => {
    const announcement = await publish(alice, {
      title: 'Short-lived',
      groupId: board.id,
      expiresAt: new Date(Date.now() + 1_500).toISOString(),
    });
    expect(await pinnedIds(bob)).toContain(announcement.id);
    const bobSocket = await connect(bob);
    await new Promise((r) => setTimeout(r, 1_600));
    expect(await pinnedIds(bob)).not.toContain(announcement.id);
    expect((await schedule().tick()).expired).toBeGreaterThanOrEqual(1);
    expect(await bobSocket.waitFor('announcement.expired', about(announcement.id))).toMatchObject({ groupId: board.id });
    expect((await as(bob).get(`/api/announcements/${announcement.id}`).expect(200)).body.live).toBe(false);
    expect((await schedule().tick()).expired).toBe(0);
  });

  it('a member who left a private group gets none of its announcements replayed; one who stayed does', async () => {
    const dave = (await registerUsers(t, ['Dave']))[0];
    await addMember(t, alice, board.id, dave);
    await t.settle();
    const [{ last }] = await t.sql<{ last: string }>('SELECT max(seq) AS last FROM outbox');
    const announcement = await publish(alice, { title: 'Before you left', groupId: board.id });
    await t.http.delete(`/api/groups/${board.id}/members/${dave.id}`).set('Authorization', dave.auth).expect(204);
    await t.settle();
    await as(dave).get(`/api/announcements/${announcement.id}`).expect(404);

    const replayed = await connect(dave, Number(last));
    await quietPeriod();
    expect(replayed.received.some((r) => about(announcement.id)(r.payload))).toBe(false);
    const stayed = await connect(bob, Number(last));
    await stayed.waitFor('announcement.published', about(announcement.id));
  });
});
