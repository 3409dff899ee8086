import { addMember, createGroup } from './factories/group.factory.js';
import { openCampaign, registerInnovator, submitIdea, vote } from './factories/idea.factory.js';
import { comment } from './factories/notification.factory.js';
import { updateProfile } from './factories/people.factory.js';
import { createPost } from './factories/post.factory.js';
import { acceptAnswer, answerQuestion, askQuestion } from './factories/question.factory.js';
import { actingAs, registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

const DAY_MS = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY_MS).toISOString().slice(0, 10);

/**
 * The department dashboard (#17): every figure computed from seeded activity and checked against
 * the value worked out by hand below, departments under 5 people never shown, and the three next
 * actions (questions waiting on the department's topics, groups whose health falls, who could mentor).
 */
describe('analytics: the department dashboard', () => {
  const t = useTestApp({}, 180_000);
  let admin: TestUser;
  let employee: TestUser;
  let finance: TestUser[];
  let legal: TestUser[];
  let waitingFinance: { id: string };
  let waitingLegal: { id: string };
  let fallingGroup: { id: string };
  let risingGroup: { id: string };
  let hiddenGroup: { id: string };

  beforeAll(async () => {
    [admin, employee] = await registerUsers(t, ['Admin', 'Emma Employee']);
    finance = await registerUsers(t, ['F1', 'F2', 'F3', 'F4', 'F5']);
    legal = await registerUsers(t, ['L1', 'L2', 'L3', 'L4', 'L5']);
    const tiny = await registerUsers(t, ['T1', 'T2']);
    for (const user of finance) await updateProfile(t, user, { department: 'Finance' });
    for (const user of legal) await updateProfile(t, user, { department: 'Legal' });
    for (const user of tiny) await updateProfile(t, user, { department: 'Tiny' });
    const [f1, f2, f3, f4, f5] = finance;
    const [l1, l2, l3] = legal;
    await updateProfile(t, f1, { skills: ['Budget'] });

    // Finance: a post with two replies (one from Legal), three questions (two answered by others).
    const post = await createPost(t, f1, 'Q3 closing calendar is out');
    await comment(t, l1, post.id, 'Thanks, noted for the contracts');
    await comment(t, f2, post.id, 'Added to our team calendar');
    const q1 = await askQuestion(t, f1, { title: 'Who approves budget transfers?', topics: ['budget'] });
    const a1 = await answerQuestion(t, l2, q1.id, 'The controller, above 10k');
    await acceptAnswer(t, f1, q1.id, a1.id);
    waitingFinance = await askQuestion(t, f2, { title: 'Budget template for 2027?', topics: ['budget'] });
    const q3 = await askQuestion(t, f3, { title: 'Per diem for Lyon?', topics: ['travel'] });
    const a3 = await answerQuestion(t, f4, q3.id, '90 euros');
    await acceptAnswer(t, f3, q3.id, a3.id);
    // Legal asks on Finance's topic, and nobody answers.
    waitingLegal = await askQuestion(t, l3, { title: 'Budget line for outside counsel?', topics: ['budget'] });
    // Ideas: one Finance person votes.
    const innovator = await registerInnovator(t, admin);
    const campaign = await openCampaign(t, innovator, [admin]);
    const idea = await submitIdea(t, innovator, campaign.id);
    await vote(t, f5, idea.id);
    // Tiny: active, but never shown.
    await createPost(t, tiny[0], 'Hello from a small team');

    // Groups: one whose activity was all five weeks ago (falling), one active now (rising), and a
    // falling private group the reader is not in.
    fallingGroup = await createGroup(t, f1, { name: 'Month-end close' });
    risingGroup = await createGroup(t, f1, { name: 'Forecasting' });
    hiddenGroup = await createGroup(t, f2, { name: 'Payroll', visibility: 'private' });
    for (const [group, manager] of [
      [fallingGroup, f1],
      [risingGroup, f1],
      [hiddenGroup, f2],
    ] as const) {
      for (const member of [f3, f4]) await addMember(t, manager, group.id, member);
      const p = await actingAs(t, f3).post('/api/posts', { body: 'Status of the close?', groupId: group.id }).expect(201);
      await comment(t, f4, p.body.id, 'Done on our side');
    }
    await t.settle();
    for (const group of [fallingGroup, hiddenGroup]) {
      await t.sql(`UPDATE analytics_activity SET created_at = created_at - interval '35 days' WHERE group_id = $1`, [group.id]);
    }
  }, 180_000);

  const departments = (who: TestUser, query = '') =>
    t.http.get(`/api/analytics/departments${query}`).set('Authorization', who.auth);

  it('is for analytics readers only', async () => {
    expect((await departments(employee)).status).toBe(403);
    expect((await t.http.get('/api/analytics/departments/Finance').set('Authorization', finance[0].auth)).status).toBe(403);
    expect((await t.http.get('/api/analytics/departments')).status).toBe(401);
  });

  it('gives each department of 5 people or more its figures, matching the hand count', async () => {
    const res = await departments(admin);
    expect(res.status).toBe(200);
    expect(res.body.smallestDepartment).toBe(5);
    // Tiny (2 people) is not shown, and people without a department are not a department.
    expect(res.body.items.map((d: { department: string }) => d.department)).toEqual(['Finance', 'Legal']);
    const [fin, leg] = res.body.items;
    expect(fin).toEqual({
      department: 'Finance',
      people: 5,
      // F1 post + question, F2 comment + question, F3 question + group posts, F4 answer, F5 vote.
      activeUsers: 5,
      // Items: the post, 3 questions and the rising group's post (the other two groups' activity
      // moved 35 days back) = 5; replies received: 2 comments + 2 answers + 1 group comment = 5.
      engagementDepth: 1,
      questions: 3,
      answeredRate: 0.6667,
      medianMinutesToFirstAnswer: expect.any(Number),
      // F2's comment and F4's answer and comments went to Finance people: none across.
      crossDepartmentReplies: 0,
      crossDepartmentShare: 0,
      ideaParticipation: 0.2,
      // The 30 days before: the two groups' posts by F3, each with F4's comment.
      previous: {
        activeUsers: 2,
        engagementDepth: 1,
        answeredRate: null,
        medianMinutesToFirstAnswer: null,
        ideaParticipation: 0,
      },
    });
    expect(leg).toEqual({
      department: 'Legal',
      people: 5,
      // L1 commented, L2 answered, L3 asked.
      activeUsers: 3,
      // One item (L3's question), no reply.
      engagementDepth: 0,
      questions: 1,
      answeredRate: 0,
      medianMinutesToFirstAnswer: null,
      // L1's comment and L2's answer both went to Finance.
      crossDepartmentReplies: 2,
      crossDepartmentShare: 1,
      ideaParticipation: 0,
      previous: {
        activeUsers: 0,
        engagementDepth: null,
        answeredRate: null,
        medianMinutesToFirstAnswer: null,
        ideaParticipation: 0,
      },
    });
  });

  it('counts the period before as the trend, when asked for a period that leaves today out', async () => {
    const res = await departments(admin, `?from=${day(1)}&to=${day(1)}`);
    expect(res.body.items[0]).toMatchObject({
      department: 'Finance',
      activeUsers: 0,
      previous: { activeUsers: 5, answeredRate: 0.6667 },
    });
  });

  it("gives one department's three next actions", async () => {
    const res = await t.http.get(`/api/analytics/departments/Finance?from=${day(-59)}`).set('Authorization', admin.auth);
    expect(res.status).toBe(200);
    const { actions } = res.body;
    // Asked and answered by Finance: budget (2 questions), travel (1).
    expect(actions.topics).toEqual(['budget', 'travel']);
    expect(actions.unansweredQuestions.map((q: { id: string }) => q.id)).toEqual([waitingFinance.id, waitingLegal.id]);
    // The falling public group; never the private one the reader is not in; not the rising one.
    const health = (await t.http.get(`/api/groups/${fallingGroup.id}/health`).set('Authorization', admin.auth).expect(200)).body;
    expect(health.trend.direction).toBe('down');
    expect(actions.fallingGroups).toEqual([
      { groupId: fallingGroup.id, name: 'Month-end close', score: health.score, previousScore: health.previousScore },
    ]);
    // F1 declared Budget, F4's answer on travel was accepted; Legal's L2 knows budget but is not Finance.
    const mentors = actions.possibleMentors.map((m: { user: { id: string }; topics: string[] }) => [m.user.id, m.topics]);
    expect(mentors).toEqual(
      expect.arrayContaining([
        [finance[0].id, ['budget']],
        [finance[3].id, ['travel']],
      ]),
    );
    expect(mentors.map(([id]: [string]) => id)).not.toContain(legal[1].id);
    expect(risingGroup.id).not.toBe(fallingGroup.id);
  });

  it('shows no department of fewer than 5 people, and refuses a bad name', async () => {
    for (const name of ['Tiny', 'Nowhere']) {
      expect((await t.http.get(`/api/analytics/departments/${name}`).set('Authorization', admin.auth)).status).toBe(404);
    }
    expect((await t.http.get('/api/analytics/departments/Fin%00ance').set('Authorization', admin.auth)).status).toBe(400);
    // Longer than the router takes for a parameter: refused before the app (414 or 404 by Fastify version).
    const long = await t.http.get(`/api/analytics/departments/${'x'.repeat(101)}`).set('Authorization', admin.auth);
    expect([404, 414]).toContain(long.status);
    expect((await t.http.get('/api/analytics/departments/Finance?from=2026-13-01').set('Authorization', admin.auth)).status).toBe(
      400,
    );
    expect((await departments(admin, '?from=tomorrow')).status).toBe(400);
  });

  it('keeps new people out of the figures until they are 5', async () => {
    const newcomer = await registerUser(t, { displayName: 'T3' });
    await updateProfile(t, newcomer, { department: 'Tiny' });
    expect((await departments(admin)).body.items.map((d: { department: string }) => d.department)).toEqual(['Finance', 'Legal']);
  });
});
