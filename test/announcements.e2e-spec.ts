import { addMember, createGroup, type GroupBody, joinGroup } from './factories/group.factory.js';
import { registerCrowd } from './factories/idea.factory.js';
import { kindOf } from './factories/notification.factory.js';
import { updateProfile } from './factories/people.factory.js';
import { registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

interface AnnouncementBody {
  id: string;
  title: string;
  groupId: string | null;
  publishedAt: string | null;
  recipientCount: number;
  isRecipient: boolean;
  acknowledgedAt: string | null;
  live: boolean;
}

/**
 * Must-read announcements over real HTTP and PostgreSQL (issue #13): who may publish where, what
 * bad input gets, the audience fixed when published (by group, department, location), receipts
 * exact under 200 people acknowledging at once, the unread-first and pinned lists, one reminder a
 * day, and ids in any spelling.
 */
describe('announcements', () => {
  const t = useTestApp();
  let admin: TestUser, alice: TestUser, bob: TestUser, carol: TestUser, dave: TestUser;
  let secret: GroupBody, open: GroupBody;

  const as = (user: TestUser) => ({
    get: (path: string) => t.http.get(path).set('Authorization', user.auth),
    post: (path: string, body?: object) =>
      t.http
        .post(path)
        .set('Authorization', user.auth)
        .send(body ?? {}),
  });
  const publish = async (user: TestUser, body: object): Promise<AnnouncementBody> => {
    const res = await as(user).post('/api/announcements', { title: 'Read me', body: 'Important.', ...body });
    if (res.status !== 201) throw new Error(`publish: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const counts = async () => {
    const [row] = await t.sql<{ a: number; r: number; o: number }>(
      `SELECT (SELECT count(*) FROM announcements)::int AS a, (SELECT count(*) FROM announcement_recipients)::int AS r,
              (SELECT count(*) FROM outbox WHERE type LIKE 'announcement.%')::int AS o`,
    );
    return row;
  };
  const pinnedIds = async (user: TestUser) =>
    (await as(user).get('/api/announcements?pinned=true').expect(200)).body.items.map((a: AnnouncementBody) => a.id);

  beforeAll(async () => {
    [admin, alice, bob, carol, dave] = await registerUsers(t, ['Admin', 'Alice', 'Bob', 'Carol', 'Dave']);
    await updateProfile(t, alice, { department: 'Engineering', location: 'Paris' });
    await updateProfile(t, bob, { department: 'Sales', location: 'Lyon' });
    await updateProfile(t, carol, { department: 'engineering', location: 'Lyon' });
    // Alice owns a private group with Bob in it; Bob owns a public one Alice belongs to.
    secret = await createGroup(t, alice, { name: 'Board', visibility: 'private' });
    await addMember(t, alice, secret.id, bob);
    open = await createGroup(t, bob, { name: 'Open house', visibility: 'public' });
    await joinGroup(t, alice, open.id);
  });

  it('who may publish where: admins for the company, owners and admins for their group, everyone else refused', async () => {
    const before = await counts();
    await t.http.post('/api/announcements').send({ title: 'x', body: 'y' }).expect(401);
    await as(alice).post('/api/announcements', { title: 'All staff', body: 'Nope' }).expect(403);
    // A member who is not an owner or admin of the group.
    await as(bob).post('/api/announcements', { title: 'Board', body: 'Nope', groupId: secret.id }).expect(403);
    // A private group the caller is not in is not there at all; a public one is a plain refusal.
    await as(carol).post('/api/announcements', { title: 'Board', body: 'Nope', groupId: secret.id }).expect(404);
    await as(admin).post('/api/announcements', { title: 'Board', body: 'Nope', groupId: secret.id }).expect(404);
    await as(carol).post('/api/announcements', { title: 'Open', body: 'Nope', groupId: open.id }).expect(403);
    await as(alice).post('/api/announcements', { title: 'Open', body: 'Nope', groupId: open.id }).expect(403);
    await as(alice)
      .post('/api/announcements', { title: 'Gone', body: 'Nope', groupId: '00000000-0000-4000-8000-000000000000' })
      .expect(404);
    expect(await counts()).toEqual(before);

    const company = await publish(admin, { title: 'Company-wide' });
    // Everyone active but the author; the author sees it without being counted.
    expect(company).toMatchObject({ groupId: null, recipientCount: 4, isRecipient: false, live: true });
    const board = await publish(alice, { title: 'Board only', groupId: secret.id });
    expect(board).toMatchObject({ groupId: secret.id, recipientCount: 1 });
    expect((await publish(bob, { groupId: open.id })).recipientCount).toBe(1);
  });

  it("a private group's announcement is a 404 to non-members on every path; receipts and reminders are for its managers", async () => {
    const board = await publish(alice, { title: 'Board meeting', groupId: secret.id });
    for (const outsider of [carol, admin]) {
      await as(outsider).get(`/api/announcements/${board.id}`).expect(404);
      await as(outsider).post(`/api/announcements/${board.id}/ack`).expect(404);
      await as(outsider).get(`/api/announcements/${board.id}/receipts`).expect(404);
      await as(outsider).post(`/api/announcements/${board.id}/remind`).expect(404);
      const mine = (await as(outsider).get('/api/announcements?limit=100').expect(200)).body.items;
      expect(mine.map((a: AnnouncementBody) => a.id)).not.toContain(board.id);
    }
    // Bob may read it, not its receipts.
    expect((await as(bob).get(`/api/announcements/${board.id}`).expect(200)).body).toMatchObject({
      isRecipient: true,
      acknowledgedAt: null,
    });
    await as(bob).get(`/api/announcements/${board.id}/receipts`).expect(403);
    await as(bob).post(`/api/announcements/${board.id}/remind`).expect(403);
    // A company-wide one's receipts: its author and admins.
    const company = await publish(admin, { title: 'Receipts for admins' });
    await as(alice).get(`/api/announcements/${company.id}/receipts`).expect(403);
    await as(admin).get(`/api/announcements/${company.id}/receipts`).expect(200);
    await as(alice).get(`/api/announcements/${board.id}/receipts`).expect(200);
  });

  it('bad input is a 400 that writes nothing', async () => {
    const before = await counts();
    const soon = new Date(Date.now() + 3_600_000).toISOString();
    const bodies: object[] = [
      {},
      { title: 'No body' },
      { title: '   ', body: 'Blank title' },
      { title: 't'.repeat(201), body: 'Long title' },
      { title: 'Long body', body: 'b'.repeat(20_001) },
      { title: 'Nul', body: 'a\u0000b' },
      { title: 'Unknown', body: 'x', pinned: true },
      { title: 'Group', body: 'x', groupId: 'not-an-id' },
      { title: 'Audience', body: 'x', audience: ['Engineering'] },
      { title: 'Audience', body: 'x', audience: { departments: 'Engineering' } },
      { title: 'Audience', body: 'x', audience: { departments: [''] } },
      { title: 'Audience', body: 'x', audience: { teams: ['A'] } },
      { title: 'Audience', body: 'x', audience: { locations: Array.from({ length: 51 }, (_, i) => `L${i}`) } },
      { title: 'Dates', body: 'x', publishAt: '2027-02-30T10:00:00Z' },
      { title: 'Dates', body: 'x', publishAt: 'tomorrow' },
      { title: 'Dates', body: 'x', publishAt: '2020-01-01T00:00:00Z' },
      { title: 'Dates', body: 'x', publishAt: '2099-01-01T00:00:00Z' },
      { title: 'Dates', body: 'x', publishAt: soon, expiresAt: soon },
      { title: 'Dates', body: 'x', publishAt: soon, expiresAt: new Date(Date.now() + 60_000).toISOString() },
      { title: 'Dates', body: 'x', expiresAt: '2020-01-01T00:00:00Z' },
    ];
    for (const body of bodies) {
      const res = await as(admin).post('/api/announcements', body);
      expect([res.status, body]).toEqual([400, body]);
      expect(res.body.code).toMatch(/^(validation_failed|invalid)$/);
    }
    expect(await counts()).toEqual(before);
  });

  it('the audience by department and location is fixed when published (folded spellings match)', async () => {
    const engineering = await publish(admin, { title: 'Engineers', audience: { departments: ['ENGINEERING'] } });
    expect(engineering.recipientCount).toBe(2);
    const parisEngineers = await publish(admin, {
      title: 'Paris engineers',
      audience: { departments: ['Engineering'], locations: ['paris'] },
    });
    expect(parisEngineers.recipientCount).toBe(1);
    const lyon = await publish(admin, { title: 'Lyon', audience: { locations: ['Lyon', 'Bordeaux'] } });
    expect(lyon.recipientCount).toBe(2);

    expect(await pinnedIds(alice)).toEqual(expect.arrayContaining([engineering.id, parisEngineers.id]));
    expect(await pinnedIds(alice)).not.toContain(lyon.id);
    expect(await pinnedIds(carol)).toEqual(expect.arrayContaining([engineering.id, lyon.id]));
    expect(await pinnedIds(carol)).not.toContain(parisEngineers.id);
    // Not addressed, and narrowed: not there for them.
    await as(dave).get(`/api/announcements/${engineering.id}`).expect(404);
    await as(bob).get(`/api/announcements/${parisEngineers.id}`).expect(404);

    // Moving department afterwards changes nothing: the audience was fixed, with the department then.
    await updateProfile(t, dave, { department: 'Engineering' });
    await as(dave).get(`/api/announcements/${engineering.id}`).expect(404);
    const receipts = (await as(admin).get(`/api/announcements/${engineering.id}/receipts`).expect(200)).body;
    expect(receipts).toMatchObject({ recipients: 2, read: 0, unread: 2 });
    expect(receipts.byDepartment).toEqual(
      expect.arrayContaining([
        { department: 'Engineering', recipients: 1, read: 0, unread: 1 },
        { department: 'engineering', recipients: 1, read: 0, unread: 1 },
      ]),
    );
    await updateProfile(t, dave, { department: '' });
  });

  it('acknowledging is idempotent and unpins; late joiners see it without counting; the list puts unread first', async () => {
    const first = await publish(bob, { title: 'First', groupId: open.id });
    const second = await publish(bob, { title: 'Second', groupId: open.id });
    expect(await pinnedIds(alice)).toEqual(expect.arrayContaining([first.id, second.id]));

    const acks = await Promise.all([1, 2, 3].map(() => as(alice).post(`/api/announcements/${first.id}/ack`)));
    expect(acks.map((r) => r.status)).toEqual([200, 200, 200]);
    const times = new Set(acks.map((r) => r.body.acknowledgedAt));
    expect(times.size).toBe(1);
    expect(acks[0].body).toMatchObject({ id: first.id, isRecipient: true });
    await t.settle();
    const events = await t.sql(`SELECT 1 FROM outbox WHERE type = 'announcement.acknowledged' AND subject_id = $1`, [first.id]);
    expect(events).toHaveLength(1);
    expect(await pinnedIds(alice)).not.toContain(first.id);
    expect((await as(bob).get(`/api/announcements/${first.id}/receipts?list=read`).expect(200)).body).toMatchObject({
      recipients: 1,
      read: 1,
      unread: 0,
    });

    // Unread first, then newest first; paging one at a time walks the same list.
    await as(alice).post(`/api/announcements/${second.id}/ack`).expect(200);
    const third = await publish(bob, { title: 'Third', groupId: open.id });
    const mine = (await as(alice).get('/api/announcements?limit=100').expect(200)).body.items as AnnouncementBody[];
    const unreadCount = mine.filter((a) => a.isRecipient && !a.acknowledgedAt).length;
    expect(mine.slice(0, unreadCount).every((a) => a.isRecipient && !a.acknowledgedAt)).toBe(true);
    expect(mine.slice(unreadCount).some((a) => a.isRecipient && !a.acknowledgedAt)).toBe(false);
    expect(mine[0].id).toBe(third.id);
    const walked: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: AnnouncementBody[]; nextCursor: string | null } = (
        await as(alice)
          .get(`/api/announcements?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
          .expect(200)
      ).body;
      walked.push(...page.items.map((a: AnnouncementBody) => a.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(mine.map((a) => a.id));
    await as(alice).get('/api/announcements?cursor=not-a-cursor').expect(400);
    await as(alice).get('/api/announcements?pinned=yes').expect(400);

    // Carol joins the public group afterwards: she sees it, is not counted, and her ack counts nothing.
    await joinGroup(t, carol, open.id);
    expect((await as(carol).get(`/api/announcements/${third.id}`).expect(200)).body).toMatchObject({ isRecipient: false });
    expect(await pinnedIds(carol)).not.toContain(third.id);
    await as(carol).post(`/api/announcements/${third.id}/ack`).expect(200);
    expect((await as(bob).get(`/api/announcements/${third.id}/receipts`).expect(200)).body).toMatchObject({
      recipients: 1,
      read: 0,
      unread: 1,
    });
  });

  it('receipts stay exact when 200 people acknowledge at once', async () => {
    const crowd = await registerCrowd(t, 200);
    const announcement = await publish(admin, { title: 'Everyone, please read' });
    expect(announcement.recipientCount).toBeGreaterThanOrEqual(200);
    const results = await Promise.all(crowd.map((person) => as(person).post(`/api/announcements/${announcement.id}/ack`)));
    expect(results.map((r) => r.status)).toEqual(crowd.map(() => 200));
    const receipts = (await as(admin).get(`/api/announcements/${announcement.id}/receipts?list=read&limit=100`).expect(200)).body;
    expect(receipts).toMatchObject({
      recipients: announcement.recipientCount,
      read: 200,
      unread: announcement.recipientCount - 200,
    });
    expect(receipts.items).toHaveLength(100);
    // The read list, paged, is exactly the crowd.
    const read: string[] = receipts.items.map((i: { user: { id: string } }) => i.user.id);
    let cursor: string | null = receipts.nextCursor;
    while (cursor) {
      const page = (
        await as(admin).get(`/api/announcements/${announcement.id}/receipts?list=read&limit=100&cursor=${cursor}`).expect(200)
      ).body;
      read.push(...page.items.map((i: { user: { id: string } }) => i.user.id));
      cursor = page.nextCursor;
    }
    expect(new Set(read)).toEqual(new Set(crowd.map((p) => p.id)));
    const unread = (await as(admin).get(`/api/announcements/${announcement.id}/receipts?list=unread`).expect(200)).body;
    expect(unread.items.map((i: { user: { id: string } }) => i.user.id).sort()).toEqual(
      [alice.id, bob.id, carol.id, dave.id].sort(),
    );
    await t.settle();
    const [{ n }] = await t.sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM outbox WHERE type = 'announcement.acknowledged' AND subject_id = $1`,
      [announcement.id],
    );
    expect(n).toBe(200);
    // Registering 200 people (password hashing) dominates on a busy 2-core machine.
  }, 180_000);

  it('the unread are reminded once a day (a second reminder the same day is a 409) and notified', async () => {
    const announcement = await publish(alice, { title: 'Remind me', groupId: secret.id });
    await t.settle();
    expect((await kindOf(t, bob, 'announcement')).map((n) => n.subject.id)).toContain(announcement.id);
    expect((await kindOf(t, carol, 'announcement')).map((n) => n.subject.id)).not.toContain(announcement.id);

    const reminded = await as(alice).post(`/api/announcements/${announcement.id}/remind`).expect(200);
    expect(reminded.body).toEqual({ day: new Date().toISOString().slice(0, 10), unread: 1 });
    const again = await as(alice).post(`/api/announcements/${announcement.id}/remind`);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('conflict');
    await t.settle();
    expect((await kindOf(t, bob, 'announcement.reminder')).map((n) => n.subject.id)).toEqual([announcement.id]);

    // Two reminders at once on another: exactly one goes out.
    const other = await publish(alice, { title: 'Remind me once', groupId: secret.id });
    const both = await Promise.all([1, 2].map(() => as(alice).post(`/api/announcements/${other.id}/remind`)));
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
  });

  it('ids in any letter case mean the same announcement; any other spelling is a 400', async () => {
    const announcement = await publish(admin, { title: 'Spelling' });
    const upper = announcement.id.toUpperCase();
    expect((await as(alice).get(`/api/announcements/${upper}`).expect(200)).body.id).toBe(announcement.id);
    expect((await as(alice).post(`/api/announcements/${upper}/ack`).expect(200)).body.id).toBe(announcement.id);
    expect((await as(admin).get(`/api/announcements/${upper}/receipts`).expect(200)).body.announcementId).toBe(announcement.id);
    for (const odd of [`{${announcement.id}}`, announcement.id.replace(/-/g, ''), 'nope']) {
      await as(alice)
        .get(`/api/announcements/${encodeURIComponent(odd)}`)
        .expect(400);
      await as(alice)
        .post(`/api/announcements/${encodeURIComponent(odd)}/ack`)
        .expect(400);
    }
    const group = await publish(alice, { title: 'Upper group id', groupId: secret.id.toUpperCase() });
    expect(group.groupId).toBe(secret.id);
  });
});
