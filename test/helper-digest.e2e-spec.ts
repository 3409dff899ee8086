import { HelperDigestSchedule, HelperDigestService, monthOf } from '@ruche/recognition';
import { addMember, createGroup, setRole } from './factories/group.factory.js';
import { expectStatus } from './factories/expect-status.js';
import { grantRoles, report, resolve } from './factories/moderation.factory.js';
import { comment, kindOf, postIn, react } from './factories/notification.factory.js';
import { actingAs, registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { type MailingTestApp, type SmtpReceiver, startTestAppWithMail } from './support/smtp-receiver.js';
import { useTestApp } from './support/test-app.js';

interface HelperBody {
  user: { id: string };
  score: number;
  kudos: number;
  threadsHelped: number;
  reactionsReceived: number;
  reasons: { reason: string; count: number }[];
}

/**
 * Issue #17, the monthly "who helped" digest for a group's owners and admins: counts from seeded
 * activity against hand-computed values (kudos 3, threads helped 2, reactions received 1; once per
 * person and post, once per thread, never for your own post), moderation (hidden content counts
 * nothing), opt-out and deactivated accounts left out, a private group's helpers only in its own
 * digest, who may read it (404 / 403), and the monthly job writing and notifying once.
 */
describe('helper digest', () => {
  const t = useTestApp({}, 180_000);
  let admin: TestUser, moderator: TestUser, owner: TestUser, coAdmin: TestUser, member: TestUser, outsider: TestUser;
  let alice: TestUser, bob: TestUser, carol: TestUser, dave: TestUser, erin: TestUser, ollie: TestUser, dan: TestUser;
  let groupId: string, privateId: string;
  const now = new Date();
  const thisMonth = monthOf(now.getUTCFullYear(), now.getUTCMonth());
  const lastMonth = monthOf(now.getUTCFullYear(), now.getUTCMonth() - 1);
  /** A clock in next month: the monthly job then reports on this month, where the test's activity is. */
  const nextMonth = new Date(thisMonth.to.getTime() + 6 * 3600 * 1000);

  const as = (user: TestUser) => actingAs(t, user);
  const digest = async (viewer: TestUser, id: string, month = thisMonth.key) => {
    const res = await as(viewer).get(`/api/groups/${id}/helpers?month=${month}`);
    expectStatus(res, 200, 'GET helpers');
    return res.body as { groupId: string; month: string; sentAt: string | null; items: HelperBody[] };
  };
  const counts = (items: HelperBody[]) => items.map((h) => [h.user.id, h.score, h.kudos, h.threadsHelped, h.reactionsReceived]);
  const kudos = async (from: TestUser, postId: string) =>
    expectStatus(await as(from).post('/api/kudos', { targetType: 'post', targetId: postId, message: 'Thanks!' }), 201, 'kudos');
  const hide = async (targetType: 'post' | 'comment', targetId: string) => {
    const filed = await report(t, outsider, targetId, targetType);
    await resolve(t, moderator, filed.id, 'hide');
  };

  beforeAll(async () => {
    [admin, owner, coAdmin, member, outsider, alice, bob, carol, dave, erin, ollie, dan] = await registerUsers(t, [
      'Admin',
      'Olga Owner',
      'Adam Admin',
      'Mia Member',
      'Otto Outsider',
      'Alice',
      'Bob',
      'Carol',
      'Dave',
      'Erin',
      'Ollie Optout',
      'Dan Departed',
    ]);
    moderator = await grantRoles(t, admin, await registerUser(t, { displayName: 'Mo Moderator' }), ['moderator']);
    groupId = (await createGroup(t, owner, { visibility: 'public' })).id;
    for (const u of [coAdmin, member, alice, bob, carol, dave, erin, ollie, dan]) await addMember(t, owner, groupId, u);
    await setRole(t, owner, groupId, coAdmin.id, 'admin');
    privateId = (await createGroup(t, owner, { visibility: 'private' })).id;
    for (const u of [alice, erin]) await addMember(t, owner, privateId, u);

    // Alice's posts: reactions from Bob (two kinds: one person), Carol, Dave; her own counts nothing.
    const p1 = (await postIn(t, alice, 'How we run the quarterly close', groupId)).id;
    const p2 = (await postIn(t, alice, 'Template for expense reports', groupId)).id;
    await react(t, bob, p1, 'like');
    await react(t, bob, p1, 'celebrate');
    await react(t, carol, p1);
    await react(t, alice, p1);
    await react(t, dave, p2);
    // A reaction from last month is outside this month's window.
    await react(t, erin, p2);
    await t.sql(`UPDATE post_reactions SET created_at = $1 WHERE post_id = $2 AND user_id = $3`, [
      new Date(lastMonth.from.getTime() + 86_400_000),
      p2,
      erin.id,
    ]);
    // Bob's post: Carol comments twice (one thread), Bob answers on his own post (nothing).
    const p3 = (await postIn(t, bob, 'Which ERP module for fixed assets?', groupId)).id;
    await comment(t, carol, p3, 'The FA module.');
    await comment(t, carol, p3, 'And set depreciation first.');
    await comment(t, bob, p3, 'Thanks');
    // Carol on Alice's post: a second thread. Dave: one thread, and a hidden comment counts nothing.
    await comment(t, carol, p1, 'Useful');
    await comment(t, dave, p1, 'We do the same');
    await hide('comment', (await comment(t, dave, p2, 'Off-topic rant')).id);
    // Kudos for the group's posts count; kudos for a post outside the group do not.
    await kudos(bob, p1);
    await kudos(carol, p3);
    const outside = (await postIn(t, erin, 'Company-wide tip')).id;
    await kudos(alice, outside);
    // Erin's post is hidden by a moderator: its reactions, comments and kudos count nothing.
    const p4 = (await postIn(t, erin, 'A post that will be hidden', groupId)).id;
    await react(t, bob, p4);
    await comment(t, dave, p4, 'Hmm');
    await kudos(carol, p4);
    await hide('post', p4);
    // Ollie opted out of public recognition, Dan's account is deactivated: both left out.
    await comment(t, ollie, p1, 'Helpful');
    await as(ollie).put('/api/me/recognition').send({ publicRecognition: false }).expect(200);
    await comment(t, dan, p2, 'Good one');
    expectStatus(await as(admin).put(`/api/admin/users/${dan.id}/deactivation`).send({ deactivated: true }), 200, 'deactivate');

    // The private group: Alice reacts to Erin's post there.
    const secret = (await postIn(t, erin, 'Private plans', privateId)).id;
    await react(t, alice, secret);
    await t.settle();
    // A busy machine (the suite's neighbours) can make this much seeding slow.
  }, 180_000);

  /** The month's helpers, counted by hand from the seeded activity: [id, score, kudos, threadsHelped, reactionsReceived]. */
  const expectedCounts = () => [
    [alice.id, 6, 1, 0, 3],
    [carol.id, 4, 0, 2, 0],
    [bob.id, 3, 1, 0, 0],
    [dave.id, 2, 0, 1, 0],
  ];

  it('ranks the helpers with exact, hand-computed counts and reasons', async () => {
    const read = await digest(owner, groupId);
    expect(read).toMatchObject({ groupId, month: thisMonth.key, sentAt: null });
    expect(counts(read.items)).toEqual(expectedCounts());
    expect(read.items[0].reasons).toEqual([
      { reason: 'kudos', count: 1 },
      { reason: 'reactionsReceived', count: 3 },
    ]);
    // The co-admin reads the same; last month has nothing but Erin's backdated reaction to Alice.
    expect((await digest(coAdmin, groupId)).items).toEqual(read.items);
    expect(counts((await digest(owner, groupId, lastMonth.key)).items)).toEqual([[alice.id, 1, 0, 0, 1]]);
  });

  it("keeps a private group's helpers in its own digest, for its managers only", async () => {
    expect(counts((await digest(owner, privateId)).items)).toEqual([[erin.id, 1, 0, 0, 1]]);
    // Not a manager: 404 for a private group to a non-member, 403 to a member or on a public group.
    expect((await as(outsider).get(`/api/groups/${privateId}/helpers`)).status).toBe(404);
    expect((await as(alice).get(`/api/groups/${privateId}/helpers`)).status).toBe(403);
    expect((await as(member).get(`/api/groups/${groupId}/helpers`)).status).toBe(403);
    expect((await as(outsider).get(`/api/groups/${groupId}/helpers`)).status).toBe(403);
    expect((await as(moderator).get(`/api/groups/${privateId}/helpers`)).status).toBe(404);
  });

  it('refuses a bad or future month with a 400', async () => {
    for (const month of ['2026-13', '26-01', 'last', '2026-1']) {
      expect((await as(owner).get(`/api/groups/${groupId}/helpers?month=${month}`)).status).toBe(400);
    }
    const future = monthOf(now.getUTCFullYear(), now.getUTCMonth() + 1).key;
    expect((await as(owner).get(`/api/groups/${groupId}/helpers?month=${future}`)).status).toBe(400);
    expect((await as(owner).get(`/api/groups/${groupId}/helpers?month=${thisMonth.key}&x=1`)).status).toBe(400);
  });

  it('the monthly job writes each digest once and tells each manager once, even run twice or at once', async () => {
    const schedule = t.app.get(HelperDigestSchedule);
    const service = t.app.get(HelperDigestService);
    const [first, concurrent] = await Promise.all([schedule.tick(nextMonth), service.runMonth(thisMonth)]);
    expect(first + concurrent).toBe(2);
    expect(await schedule.tick(nextMonth)).toBe(0);
    await t.settle();
    const rows = await t.sql<{ group_id: string }>(
      'SELECT group_id FROM helper_digests WHERE month = $1::date ORDER BY group_id',
      [thisMonth.from.toISOString().slice(0, 10)],
    );
    expect(rows.map((r) => r.group_id).sort()).toEqual([groupId, privateId].sort());

    const ownerTold = await kindOf(t, owner, 'digest.helpers');
    expect(ownerTold.map((n) => n.subject.id).sort()).toEqual([groupId, privateId].sort());
    expect(ownerTold.find((n) => n.subject.id === groupId)?.context).toEqual({ groupId, month: thisMonth.key, helperCount: 4 });
    expect((await kindOf(t, coAdmin, 'digest.helpers')).map((n) => n.subject.id)).toEqual([groupId]);
    for (const u of [member, alice, erin, outsider]) expect(await kindOf(t, u, 'digest.helpers')).toEqual([]);

    // Read back: the stored digest, with when it was sent, the same helpers.
    const stored = await digest(owner, groupId);
    expect(stored.sentAt).toEqual(expect.any(String));
    expect(counts(stored.items)).toEqual(expectedCounts());
  });
});

/** With SMTP set, the managers also get the digest's notification by email (on by default), linking to its page. */
describe('helper digest by email', () => {
  let t: MailingTestApp;
  let smtp: SmtpReceiver;

  beforeAll(async () => {
    t = await startTestAppWithMail({ RUCHE_EMAIL_VERIFICATION: 'off' });
    smtp = t.smtp;
  });
  afterAll(() => t.close());

  it('emails each manager once, and nobody else', async () => {
    const [, owner, helper, member] = await registerUsers(t, ['Admin', 'Olga Owner', 'Hugo Helper', 'Mia Member']);
    const groupId = (await createGroup(t, owner)).id;
    for (const u of [helper, member]) await addMember(t, owner, groupId, u);
    const post = (await postIn(t, member, 'Where is the style guide?', groupId)).id;
    await comment(t, helper, post, 'In the wiki, under Brand.');
    const now = new Date();
    const month = monthOf(now.getUTCFullYear(), now.getUTCMonth());
    const service = t.app.get(HelperDigestService);
    expect(await service.runMonth(month)).toBe(1);
    expect(await service.runMonth(month)).toBe(0);
    await t.settle();
    const [mail] = await smtp.waitFor(owner.email);
    expect(mail.parsed.subject).toBe('Who helped in your group in ' + month.key + ': 1 person to thank');
    expect(mail.parsed.text).toContain(`https://ruche.corp.example/groups/${groupId}/helpers?month=${month.key}`);
    await t.settle();
    expect(smtp.mailsTo(owner.email)).toHaveLength(1);
    for (const u of [helper, member]) expect(smtp.mailsTo(u.email)).toHaveLength(0);
  });
});
