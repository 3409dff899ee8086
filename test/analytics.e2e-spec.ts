import { EventBus, toPublishedEvent } from '@ruche/platform';
import { addMember, createGroup, joinGroup } from './factories/group.factory.js';
import { openCampaign, registerInnovator, review, submitIdea, transition, vote } from './factories/idea.factory.js';
import { grantRoles } from './factories/moderation.factory.js';
import { comment, postIn, react } from './factories/notification.factory.js';
import { follow, updateProfile } from './factories/people.factory.js';
import { answerQuestion, askQuestion } from './factories/question.factory.js';
import { registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const dayOf = (d: Date) => d.toISOString().slice(0, 10);

/** A minimal RFC 4180 reader (quoted fields, CRLF), enough to prove the export parses. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field || row.length) rows.push([...row, field]);
  return rows;
}

/**
 * Company analytics on a hand-built data set: every figure asserted exactly, the CSV export parsed,
 * and who may read them. The data goes through the real API (so the activity listener records it);
 * only the time a few questions were asked is moved back in the rollup, to give answers a known delay.
 */
describe('analytics', () => {
  const t = useTestApp();
  let admin: TestUser, innovator: TestUser;
  let ana: TestUser; // Sales
  let ben: TestUser; // Engineering
  let cleo: TestUser; // Engineering
  let dan: TestUser; // no department
  let moderator: TestUser;
  const today = new Date();
  const period = { from: dayOf(new Date(today.getTime() - DAY_MS)), to: dayOf(today) };
  const overviewPath = `/api/analytics/overview?from=${period.from}&to=${period.to}`;

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Admin' });
    innovator = await registerInnovator(t, admin, 'Ines Innovation');
    [ana, ben, cleo, dan] = await registerUsers(t, ['Ana Sales', 'Ben Eng', 'Cleo Eng', 'Dan Nodept']);
    moderator = await grantRoles(t, admin, await registerUser(t, { displayName: 'Mo' }), ['moderator']);
    const lou = await registerUser(t, { displayName: 'Lou Lurker' });
    for (const [user, department] of [
      [ana, 'Sales'],
      [ben, 'Engineering'],
      [cleo, 'Engineering'],
      [lou, 'Sales'],
      [innovator, 'Innovation'],
    ] as const) {
      await updateProfile(t, user, { department });
    }

    // People and posts.
    await follow(t, ben, ana);
    const p1 = await postIn(t, ana, 'Q3 pipeline review'); // reaches Ben (follower)
    const p2 = await postIn(t, dan, 'Anyone for padel?'); // reaches nobody
    const group = await createGroup(t, cleo, { name: 'Platform' });
    await joinGroup(t, ben, group.id);
    const p3 = await postIn(t, cleo, 'New CI runners are live', group.id); // reaches Ben (member)
    await comment(t, ben, p1.id); // Eng → Sales
    await comment(t, cleo, p1.id); // Eng → Sales
    await comment(t, ana, p1.id); // her own post
    await comment(t, ben, p3.id); // Eng → Eng
    await react(t, cleo, p1.id, 'like');
    await react(t, ben, p2.id, 'celebrate');

    // Questions: Q1 answered twice (first after 30 min), Q2 never, Q3 by its asker then by Ben (after 90 min).
    const q1 = await askQuestion(t, ana, { title: 'Who owns the pricing sheet?' });
    const q2 = await askQuestion(t, dan, { title: 'Where is the padel court?' });
    const q3 = await askQuestion(t, ana, { title: 'How do I get a VPN token?' });
    const a1 = await answerQuestion(t, ben, q1.id);
    await answerQuestion(t, cleo, q1.id);
    await answerQuestion(t, ana, q3.id);
    const a3 = await answerQuestion(t, ben, q3.id);
    void q2;

    // Ideas: two submitted, one voted (and a vote withdrawn), one reviewed, selected, implemented.
    const campaign = await openCampaign(t, innovator, [cleo], { advanceTopN: 1 });
    const i1 = await submitIdea(t, ana, campaign.id, { title: 'Pricing calculator' });
    const i2 = await submitIdea(t, ana, campaign.id, { title: 'Team lunches' });
    await vote(t, ben, i1.id);
    await vote(t, ben, i2.id);
    await t.http.delete(`/api/ideas/${i2.id}/vote`).set('Authorization', ben.auth).expect(200);
    await transition(t, innovator, campaign.id, 'advance');
    await review(t, cleo, i1.id, { Impact: 5, Feasibility: 4 });
    await t.http.post(`/api/ideas/${i1.id}/comments`).set('Authorization', ben.auth).send({ body: 'Yes please' }).expect(201);
    for (const status of ['selected', 'implemented']) {
      await t.http
        .post(`/api/ideas/${i1.id}/decision`)
        .set('Authorization', innovator.auth)
        .send({ status, rationale: 'Go' })
        .expect(200);
    }

    // Issue #13: a must-read that Ben and Cleo acknowledged, and the email the bridge carried: three
    // emails out; in, Ben's reply (his comment on P3, as the bridge would have written it) and a
    // rejected message. The email events are written to the outbox as the bridge writes them.
    const memo = await t.http
      .post('/api/announcements')
      .set('Authorization', admin.auth)
      .send({ title: 'New expense policy', body: 'Please read.' })
      .expect(201);
    for (const reader of [ben, cleo]) await t.http.post(`/api/announcements/${memo.body.id}/ack`).set('Authorization', reader.auth).expect(200);
    const emailEvent = (type: string, payload: object) =>
      t.sql(`INSERT INTO outbox (type, payload, audience) VALUES ($1, $2, '{}')`, [type, JSON.stringify(payload)]);
    for (const person of [ana, ben, dan]) await emailEvent('email.sent', { recipientId: person.id, kind: 'digest' });
    await emailEvent('email.received', { senderId: ben.id, kind: 'reply', outcome: 'accepted' });
    await emailEvent('email.received', { senderId: null, kind: 'other', outcome: 'rejected' });
    await t.settle();

    // Time travel in the rollup: the questions were asked 30 and 90 minutes before their first answer from someone else.
    const moveBack = async (questionId: string, answerId: string, minutes: number) => {
      const [row] = await t.sql<{ created_at: Date }>(
        `SELECT created_at FROM analytics_activity WHERE kind = 'answer' AND subject_id = $1`,
        [answerId],
      );
      await t.sql(`UPDATE analytics_activity SET created_at = $2 WHERE kind = 'question' AND subject_id = $1`, [
        questionId,
        new Date(row.created_at.getTime() - minutes * 60_000),
      ]);
    };
    await moveBack(q1.id, a1.id, 30);
    await moveBack(q3.id, a3.id, 90);
  });

  const get = (user: TestUser, path: string) => t.http.get(path).set('Authorization', user.auth);

  it('every figure of the overview, exactly', async () => {
    const res = await get(admin, overviewPath).expect(200);
    const { byDay, byDepartment, ...figures } = res.body;
    expect(figures).toEqual({
      from: period.from,
      to: period.to,
      // Ana, Ben, Cleo, Dan (the innovation team only moved statuses; Lou did nothing visible).
      activeUsers: 4,
      posts: 3,
      // 4 on posts, 1 on an idea.
      comments: 5,
      reactions: 2,
      questions: 3,
      answers: 4,
      // Q1 and Q3 (Ana answering her own question does not count); Q2 never.
      answeredRate: 0.6667,
      medianMinutesToFirstAnswer: 60,
      // Participants: Ana (ideas), Ben (votes, comment), Cleo (review), out of 4 active users.
      ideas: { submitted: 2, inReview: 1, selected: 1, implemented: 1, participationRate: 0.75 },
      // The withdrawn vote is not subtracted, nor counted.
      votes: 2,
      reviews: 1,
      // 10 replies (4 comments, 4 answers, 1 review, 1 idea comment) over 8 items (3 posts, 3 questions, 2 ideas).
      engagementDepth: 1.25,
      // P1 and P3 got a comment from someone else, P2 did not.
      postsWithReplyShare: 0.6667,
      // Ben and Cleo (Engineering) to Ana (Sales): 2 comments, 3 answers, 1 review, 1 idea comment; Ben on Cleo's post is Eng → Eng.
      crossDepartmentInteractions: 7,
      crossDepartmentShare: 0.875,
      // Formula v2, P + K + Q + R = 2 posts that reached a reader + 2 announcements acknowledged + 2 questions
      // answered in the open + 8 replies (5 comments and 4 answers, less Ben's reply that came by email).
      // Version 1 (P + C + Q + A) said 13: no announcements, and the emailed reply counted.
      estimatedEmailsAvoided: 14,
      estimatedEmailsAvoidedDetail: { posts: 2, comments: 5, questions: 2, answers: 4, postReaders: 2 },
      emailsAvoidedFormula: {
        version: 2,
        terms: { postsReachingReaders: 2, announcementsAcknowledged: 2, questionsAnsweredInOpen: 2, replies: 8 },
        postMinReaders: 1,
        text: expect.stringContaining('P + K + Q + R'),
      },
      emailBridge: { sent: 3, received: 2, repliesByEmail: 1, postsByEmail: 0 },
    });
    expect(byDepartment).toEqual([
      {
        department: 'Engineering',
        activeUsers: 2,
        posts: 1,
        comments: 4,
        reactions: 2,
        questions: 0,
        answers: 3,
        ideas: 0,
        votes: 2,
        reviews: 1,
        crossDepartmentInteractions: 7,
      },
      {
        department: null,
        activeUsers: 1,
        posts: 1,
        comments: 0,
        reactions: 0,
        questions: 1,
        answers: 0,
        ideas: 0,
        votes: 0,
        reviews: 0,
        crossDepartmentInteractions: 0,
      },
      {
        department: 'Sales',
        activeUsers: 1,
        posts: 1,
        comments: 1,
        reactions: 0,
        questions: 2,
        answers: 1,
        ideas: 2,
        votes: 0,
        reviews: 0,
        crossDepartmentInteractions: 0,
      },
    ]);
    expect(byDay.map((d: { date: string }) => d.date)).toEqual([period.from, period.to]);
    const total = (key: string) => byDay.reduce((sum: number, d: Record<string, number>) => sum + d[key], 0);
    for (const key of [
      'posts',
      'comments',
      'reactions',
      'questions',
      'answers',
      'votes',
      'reviews',
      'crossDepartmentInteractions',
    ]) {
      expect([key, total(key)]).toEqual([key, figures[key]]);
    }
    expect(total('ideas')).toBe(2);
    expect(total('estimatedEmailsAvoided')).toBe(14);
    expect([total('emailsSent'), total('emailsReceived')]).toEqual([3, 2]);
  });

  it('a period without activity is all zeros and nulls, with one entry per day', async () => {
    const res = await get(admin, '/api/analytics/overview?from=2020-01-01&to=2020-01-07').expect(200);
    expect(res.body).toMatchObject({
      activeUsers: 0,
      posts: 0,
      answeredRate: null,
      medianMinutesToFirstAnswer: null,
      engagementDepth: null,
      ideas: { submitted: 0, inReview: 0, selected: 0, implemented: 0, participationRate: null },
      estimatedEmailsAvoided: 0,
      byDepartment: [],
    });
    expect(res.body.byDay).toHaveLength(7);
    expect(res.body.byDay[0]).toEqual({
      date: '2020-01-01',
      activeUsers: 0,
      posts: 0,
      comments: 0,
      reactions: 0,
      questions: 0,
      answers: 0,
      ideas: 0,
      votes: 0,
      reviews: 0,
      crossDepartmentInteractions: 0,
      estimatedEmailsAvoided: 0,
      emailsSent: 0,
      emailsReceived: 0,
    });
  });

  it('defaults to the last 30 days', async () => {
    const res = await get(innovator, '/api/analytics/overview').expect(200);
    expect(res.body.to).toBe(dayOf(today));
    expect(res.body.byDay).toHaveLength(30);
    expect(res.body.posts).toBe(3);
  });

  it('exports one CSV row per day that parses and matches the overview', async () => {
    const res = await get(admin, `/api/analytics/export.csv?from=${period.from}&to=${period.to}`).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toBe(`attachment; filename="ruche-analytics-${period.from}-to-${period.to}.csv"`);
    const [header, ...lines] = parseCsv(res.text);
    expect(header).toEqual([
      'date',
      'activeUsers',
      'posts',
      'comments',
      'reactions',
      'questions',
      'answers',
      'ideas',
      'votes',
      'reviews',
      'crossDepartmentInteractions',
      'estimatedEmailsAvoided',
      'emailsSent',
      'emailsReceived',
    ]);
    const overview = (await get(admin, overviewPath).expect(200)).body;
    expect(lines).toEqual(
      overview.byDay.map((d: Record<string, string | number>) =>
        header.map((column) => String(d[column === 'date' ? 'date' : column])),
      ),
    );
  });

  it('documents the routes in OpenAPI', async () => {
    const res = await t.http.get('/api/docs-json').expect(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/analytics/overview',
        '/api/analytics/export.csv',
        '/api/groups/{id}/health',
        '/api/notifications',
        '/api/notifications/read',
        '/api/notifications/mutes/{type}/{id}',
        '/api/digest',
      ]),
    );
  });

  it('an event delivered again is recorded once', async () => {
    const before = await t.sql<{ n: string }>('SELECT count(*) AS n FROM analytics_activity');
    const events = await t.sql<Parameters<typeof toPublishedEvent>[0]>(
      `SELECT id, seq, type, payload, audience, subject_type, subject_id, actor_id, created_at FROM outbox
        WHERE type IN ('post.created', 'comment.created', 'idea.voted', 'answer.created') ORDER BY seq`,
    );
    for (const row of events) await t.app.get(EventBus).deliver(toPublishedEvent(row));
    expect(await t.sql('SELECT count(*) AS n FROM analytics_activity')).toEqual(before);
  });

  describe('who may read company analytics', () => {
    it.each([
      ['an admin', () => admin, 200],
      ['the innovation team', () => innovator, 200],
      ['an employee', () => ana, 403],
      ['a moderator', () => moderator, 403],
    ])('%s → %i (overview and export)', async (_name, who, status) => {
      await get(who(), overviewPath).expect(status);
      await get(who(), '/api/analytics/export.csv').expect(status);
    });

    it('no token → 401', async () => {
      await t.http.get('/api/analytics/overview').expect(401);
      await t.http.get('/api/analytics/export.csv').expect(401);
    });
  });

  it.each([
    ['from after to', 'from=2026-02-02&to=2026-02-01'],
    ['more than 366 days', 'from=2024-01-01&to=2025-01-01'],
    ['not a date', 'from=yesterday'],
    ['an impossible date', 'to=2026-02-30'],
    ['an unknown parameter', 'groupBy=week'],
  ])('%s is a 400', async (_name, query) => {
    await get(admin, `/api/analytics/overview?${query}`).expect(400);
    await get(admin, `/api/analytics/export.csv?${query}`).expect(400);
  });
});

/** Community health of one group on a hand-built data set, and who may read it. */
describe('group health', () => {
  const t = useTestApp();
  let admin: TestUser, owner: TestUser, m1: TestUser, m2: TestUser, outsider: TestUser;
  let group: { id: string };
  let answered: { id: string };
  let waiting: { id: string };

  beforeAll(async () => {
    [admin, owner, m1, m2] = await registerUsers(t, ['Admin', 'Owner', 'Member one', 'Member two']);
    const m3 = await registerUser(t, { displayName: 'Passing through' });
    outsider = await registerUser(t, { displayName: 'Outsider' });
    group = await createGroup(t, owner, { visibility: 'private', name: 'Data guild' });
    for (const user of [m1, m2, m3]) await addMember(t, owner, group.id, user);
    await t.http.delete(`/api/groups/${group.id}/members/${m3.id}`).set('Authorization', m3.auth).expect(204);
    answered = await postIn(t, m1, 'Which warehouse for the events?', group.id);
    const reply = await comment(t, owner, answered.id, 'BigQuery');
    waiting = await postIn(t, m2, 'Anyone tried dbt snapshots?', group.id);
    await t.settle();
    // The reply came 45 minutes after the post.
    const [r] = await t.sql<{ created_at: Date }>(`SELECT created_at FROM analytics_activity WHERE subject_id = $1`, [reply.id]);
    await t.sql(`UPDATE analytics_activity SET created_at = $2 WHERE kind = 'post' AND subject_id = $1`, [
      answered.id,
      new Date(r.created_at.getTime() - 45 * 60_000),
    ]);
  });

  it('every figure, the documented score and its trend, and the posts still waiting', async () => {
    const res = await t.http.get(`/api/groups/${group.id}/health`).set('Authorization', owner.auth).expect(200);
    const { byWeek, from, to, ...figures } = res.body;
    expect(figures).toEqual({
      groupId: group.id,
      weeks: 4,
      memberCount: 3,
      // Owner (reply), m1 and m2 (posts); m3 left.
      activeMembers: 3,
      postsPerWeek: 0.5,
      repliesPerWeek: 0.25,
      answeredShare: 0.5,
      medianReplyMinutes: 45,
      // The owner (creating it), m1, m2, m3 came; m3 left.
      newMembers: 4,
      lostMembers: 1,
      // 40·1 (all members active) + 30·0.5 (answered) + 15·1 (replies within the hour) + 15·0.8 (4 came, 1 left).
      score: 82,
      // The four weeks before: nothing happened (growth neutral: 15·0.5 = 7.5 → 8).
      previousScore: 8,
      trend: { delta: 74, direction: 'up' },
      scoreParts: { participation: 1, answered: 0.5, responsiveness: 1, growth: 0.8 },
      unansweredPosts: [{ postId: waiting.id, authorId: m2.id, createdAt: expect.any(String), waitingHours: expect.any(Number) }],
    });
    expect(new Date(to).getTime() - new Date(from).getTime()).toBe(28 * DAY_MS);
    expect(byWeek).toHaveLength(4);
    expect(byWeek[3]).toMatchObject({ posts: 2, replies: 1, activeMembers: 3 });
  });

  it('weeks is 1..26', async () => {
    await t.http.get(`/api/groups/${group.id}/health?weeks=0`).set('Authorization', owner.auth).expect(400);
    await t.http.get(`/api/groups/${group.id}/health?weeks=27`).set('Authorization', owner.auth).expect(400);
    const res = await t.http.get(`/api/groups/${group.id}/health?weeks=1`).set('Authorization', owner.auth).expect(200);
    expect(res.body.byWeek).toHaveLength(1);
  });

  it('owners and admins only; a private group stays 404 to outsiders, site admins included', async () => {
    await t.http.get(`/api/groups/${group.id}/health`).set('Authorization', m1.auth).expect(403);
    await t.http.get(`/api/groups/${group.id}/health`).set('Authorization', outsider.auth).expect(404);
    await t.http.get(`/api/groups/${group.id}/health`).set('Authorization', admin.auth).expect(404);
    await t.http.get(`/api/groups/00000000-0000-4000-8000-000000000000/health`).set('Authorization', owner.auth).expect(404);
    await t.http.get('/api/groups/not-a-uuid/health').set('Authorization', owner.auth).expect(400);
    await t.http
      .put(`/api/groups/${group.id}/members/${m1.id}`)
      .set('Authorization', owner.auth)
      .send({ role: 'admin' })
      .expect(200);
    await t.http.get(`/api/groups/${group.id}/health`).set('Authorization', m1.auth).expect(200);
  });

  it('a public group: analytics readers may read it, other non-managers may not', async () => {
    const open = await createGroup(t, owner, { name: 'Open data' });
    await t.http.get(`/api/groups/${open.id}/health`).set('Authorization', admin.auth).expect(200);
    await t.http.get(`/api/groups/${open.id}/health`).set('Authorization', outsider.auth).expect(403);
  });
});
