import { addMember, createGroup } from './factories/group.factory.js';
import { expectStatus } from './factories/expect-status.js';
import { openCampaign, registerInnovator, review, submitIdea, transition } from './factories/idea.factory.js';
import { registerModerator, resolve } from './factories/moderation.factory.js';
import { kindOf } from './factories/notification.factory.js';
import { updateProfile } from './factories/people.factory.js';
import { acceptAnswer, answerQuestion, askQuestion } from './factories/question.factory.js';
import { actingAs, registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

interface KudosBody {
  id: string;
  from: { id: string };
  to: { id: string };
  targetType: string;
  targetId: string;
  message: string;
  createdAt: string;
}

/**
 * Issue #17, recognition: kudos for a specific answer, review or post (authorization, visibility,
 * bad input, moderation, the opt-out), and badges earned from events with their documented rules,
 * exact and revoked when what earned them leaves public sight or is undone. Real HTTP and PostgreSQL.
 */
describe('recognition', () => {
  const t = useTestApp();
  let admin: TestUser, moderator: TestUser, alice: TestUser, bob: TestUser, carol: TestUser, dave: TestUser, erin: TestUser;
  let outsider: TestUser;

  const as = (user: TestUser) => actingAs(t, user);
  const give = (user: TestUser, body: object) => as(user).post('/api/kudos', body);
  const kudosOf = async (viewer: TestUser, user: TestUser, query = ''): Promise<KudosBody[]> => {
    const res = await as(viewer).get(`/api/users/${user.id}/kudos${query}`);
    expectStatus(res, 200, 'GET kudos');
    return res.body.items;
  };
  const badgesOf = async (viewer: TestUser, user: TestUser): Promise<string[]> => {
    await t.settle();
    const res = await as(viewer).get(`/api/users/${user.id}/badges`);
    expectStatus(res, 200, 'GET badges');
    return res.body.items.map((b: { badge: string }) => b.badge);
  };
  const kudosRows = async () => Number((await t.sql<{ n: string }>('SELECT count(*) AS n FROM kudos'))[0].n);
  const hide = async (targetType: string, targetId: string) => {
    const reported = await as(carol).post('/api/reports', { targetType, targetId, reason: 'Not appropriate' });
    expectStatus(reported, [200, 201], 'report');
    await resolve(t, moderator, reported.body.id, 'hide');
    await t.settle();
  };

  beforeAll(async () => {
    [admin, alice, bob, carol, dave, erin, outsider] = await registerUsers(t, [
      'Admin',
      'Alice',
      'Bob',
      'Carol',
      'Dave',
      'Erin',
      'Otto',
    ]);
    moderator = await registerModerator(t, admin, 'Mo Moderator');
    await updateProfile(t, bob, { department: 'Finance' });
    await updateProfile(t, carol, { department: 'Legal' });
    await updateProfile(t, dave, { department: 'Sales' });
    await updateProfile(t, erin, { department: 'IT' });
  });

  describe('kudos', () => {
    let answerId: string;
    let kudos: KudosBody;

    beforeAll(async () => {
      const question = await askQuestion(t, alice, { title: 'How do I close the books?', topics: ['accounting'] });
      answerId = (await answerQuestion(t, bob, question.id, 'Reconcile first.')).id;
    });

    it('thanks someone for an answer, shown on both profiles and told to them', async () => {
      const res = await give(alice, {
        targetType: 'answer',
        targetId: answerId.toUpperCase(),
        message: '  Saved my month-end!  ',
      });
      expect(res.status).toBe(201);
      kudos = res.body;
      expect(kudos).toEqual({
        id: expect.any(String),
        from: { id: alice.id, handle: alice.handle, displayName: 'Alice' },
        to: { id: bob.id, handle: bob.handle, displayName: 'Bob' },
        targetType: 'answer',
        targetId: answerId,
        message: 'Saved my month-end!',
        createdAt: expect.any(String),
      });
      expect(await kudosOf(carol, bob)).toEqual([kudos]);
      expect(await kudosOf(carol, alice)).toEqual([kudos]);
      expect(await kudosOf(carol, alice, '?direction=received')).toEqual([]);
      expect(await kudosOf(carol, alice, '?direction=given')).toEqual([kudos]);
      await t.settle();
      const told = await kindOf(t, bob, 'kudos.received');
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({
        actor: { id: alice.id },
        context: { kudosId: kudos.id, targetType: 'answer', targetId: answerId },
      });
    });

    it('refuses kudos to yourself, twice for one thing, and for what you cannot see, writing nothing', async () => {
      const before = await kudosRows();
      expect((await give(bob, { targetType: 'answer', targetId: answerId, message: 'Me!' })).status).toBe(400);
      expect((await give(alice, { targetType: 'answer', targetId: answerId, message: 'Again' })).status).toBe(409);
      expect((await give(alice, { targetType: 'answer', targetId: MISSING, message: 'Ghost' })).status).toBe(404);
      expect((await give(alice, { targetType: 'review', targetId: answerId, message: 'Wrong type' })).status).toBe(404);
      expect((await give(alice, { targetType: 'post', targetId: answerId, message: 'Wrong type' })).status).toBe(404);
      expect(await kudosRows()).toBe(before);
    });

    it('refuses bad input with a 400 and writes nothing', async () => {
      const before = await kudosRows();
      for (const body of [
        {},
        { targetType: 'answer', targetId: answerId },
        { targetType: 'answer', targetId: answerId, message: '' },
        { targetType: 'answer', targetId: answerId, message: '   ' },
        { targetType: 'answer', targetId: answerId, message: 'x'.repeat(281) },
        { targetType: 'answer', targetId: answerId, message: 'nul \u0000' },
        { targetType: 'idea', targetId: answerId, message: 'Thanks' },
        { targetType: 'answer', targetId: 'not-an-id', message: 'Thanks' },
        { targetType: 'answer', targetId: answerId, message: 'Thanks', extra: true },
      ]) {
        const res = await give(carol, body);
        expect({ body, status: res.status }).toEqual({ body, status: 400 });
      }
      expect((await as(carol).get(`/api/users/${bob.id}/kudos?direction=sideways`)).status).toBe(400);
      expect((await as(carol).get('/api/users/not-an-id/kudos')).status).toBe(400);
      expect((await as(carol).get(`/api/users/${MISSING}/kudos`)).status).toBe(404);
      expect(await kudosRows()).toBe(before);
    });

    it('lets only the giver take kudos back', async () => {
      const res = await give(carol, { targetType: 'answer', targetId: answerId, message: 'Clear and short.' });
      expect(res.status).toBe(201);
      expect((await as(bob).delete(`/api/kudos/${res.body.id}`)).status).toBe(403);
      expect((await as(dave).delete(`/api/kudos/${res.body.id}`)).status).toBe(403);
      expect((await as(dave).delete(`/api/kudos/${MISSING}`)).status).toBe(404);
      expect((await as(carol).delete(`/api/kudos/${res.body.id.toUpperCase()}`)).status).toBe(204);
      expect((await kudosOf(dave, bob)).map((k) => k.id)).toEqual([kudos.id]);
    });

    it("keeps a private group's post and its kudos from non-members", async () => {
      const group = await createGroup(t, dave, { name: 'Sales leads', visibility: 'private' });
      await addMember(t, dave, group.id, erin);
      const post = await as(dave).post('/api/posts', { body: 'Pipeline review notes', groupId: group.id });
      expectStatus(post, 201, 'group post');
      expect((await give(outsider, { targetType: 'post', targetId: post.body.id, message: 'Great notes' })).status).toBe(404);
      const given = await give(erin, { targetType: 'post', targetId: post.body.id, message: 'Great notes' });
      expect(given.status).toBe(201);
      expect((await kudosOf(erin, dave)).map((k) => k.id)).toEqual([given.body.id]);
      expect((await kudosOf(dave, erin)).map((k) => k.id)).toEqual([given.body.id]);
      expect(await kudosOf(outsider, dave)).toEqual([]);
      expect(await kudosOf(outsider, erin)).toEqual([]);
      await t.settle();
      expect((await kindOf(t, dave, 'kudos.received')).map((n) => n.context.kudosId)).toEqual([given.body.id]);
    });

    it("thanks a reviewer for an idea review, whose event carries the campaign's topics", async () => {
      const innovator = await registerInnovator(t, admin);
      const campaign = await openCampaign(t, innovator, [carol], { topics: ['Travel'], advanceTopN: 1 });
      const idea = await submitIdea(t, alice, campaign.id);
      await transition(t, innovator, campaign.id, 'advance');
      const done = await review(t, carol, idea.id, { Impact: 4, Feasibility: 3 });
      const [event] = await t.sql<{ payload: { topics: string[] } }>(
        `SELECT payload FROM outbox WHERE type = 'review.created' AND payload->'review'->>'id' = $1`,
        [done.id],
      );
      expect(event.payload.topics).toEqual(['Travel']);
      const res = await give(alice, { targetType: 'review', targetId: done.id, message: 'Fair and useful review' });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ to: { id: carol.id }, targetType: 'review', targetId: done.id });
    });

    it('is reported and hidden like other content: gone from both profiles for everyone but moderators', async () => {
      const res = await give(dave, { targetType: 'answer', targetId: answerId, message: 'Thanks a lot' });
      expect(res.status).toBe(201);
      await hide('kudos', res.body.id);
      expect((await kudosOf(carol, bob)).map((k) => k.id)).not.toContain(res.body.id);
      expect((await kudosOf(dave, dave)).map((k) => k.id)).not.toContain(res.body.id);
      expect((await kudosOf(moderator, bob)).map((k) => k.id)).toContain(res.body.id);
    });

    it('honours an opt-out of public recognition: shown to the recipient and the giver only', async () => {
      expect((await as(bob).get('/api/me/recognition')).body).toEqual({ publicRecognition: true });
      const off = await as(bob).put('/api/me/recognition').send({ publicRecognition: false });
      expect(off.status).toBe(200);
      expect(off.body).toEqual({ publicRecognition: false });
      expect((await as(bob).put('/api/me/recognition').send({ publicRecognition: 'no' })).status).toBe(400);
      expect(await kudosOf(carol, bob)).toEqual([]);
      expect((await kudosOf(carol, alice)).map((k) => k.id)).not.toContain(kudos.id);
      expect((await kudosOf(bob, bob)).map((k) => k.id)).toContain(kudos.id);
      expect((await kudosOf(alice, alice)).map((k) => k.id)).toContain(kudos.id);
      await as(bob).put('/api/me/recognition').send({ publicRecognition: true }).expect(200);
      expect((await kudosOf(carol, bob)).map((k) => k.id)).toEqual([kudos.id]);
    });
  });

  describe('badges', () => {
    it('lists every badge with its rule', async () => {
      const res = await as(carol).get('/api/badges');
      expect(res.body.items.map((b: { badge: string }) => b.badge)).toEqual([
        'first_accepted_answer',
        'helper',
        'bridge_builder',
        'reviewer',
        'idea_made_real',
        'mentor',
      ]);
    });

    it('first accepted answer and Helper at exactly 10, revoked when an accepted answer is hidden', async () => {
      const helper = await registerUser(t, { displayName: 'Hana Helper' });
      // Answering your own question earns nothing.
      const own = await askQuestion(t, helper, { topics: ['payroll'] });
      await acceptAnswer(t, helper, own.id, (await answerQuestion(t, helper, own.id)).id);
      expect(await badgesOf(carol, helper)).toEqual([]);

      const accepted: string[] = [];
      for (let i = 0; i < 10; i++) {
        const q = await askQuestion(t, alice, { topics: ['payroll'] });
        const a = await answerQuestion(t, helper, q.id);
        await acceptAnswer(t, alice, q.id, a.id);
        accepted.push(a.id);
        if (i === 0) expect(await badgesOf(carol, helper)).toEqual(['first_accepted_answer']);
        if (i === 8) expect(await badgesOf(carol, helper)).toEqual(['first_accepted_answer']);
      }
      expect(await badgesOf(carol, helper)).toEqual(['first_accepted_answer', 'helper']);
      // Expert search shows public badges among the reasons (never to rank), none once opted out.
      const reasons = async () => {
        const found = await as(carol).get('/api/experts?q=payroll');
        expectStatus(found, 200, 'GET experts');
        return found.body.items.find((i: { user: { id: string } }) => i.user.id === helper.id)?.reasons as string[];
      };
      expect(await reasons()).toEqual(['10 accepted answers on payroll', 'Badge: First accepted answer', 'Badge: Helper']);
      await as(helper).put('/api/me/recognition').send({ publicRecognition: false }).expect(200);
      expect(await reasons()).toEqual(['10 accepted answers on payroll']);
      await as(helper).put('/api/me/recognition').send({ publicRecognition: true }).expect(200);
      await hide('answer', accepted[3]);
      expect(await badgesOf(carol, helper)).toEqual(['first_accepted_answer']);
      const told = await kindOf(t, helper, 'badge.earned');
      expect(told.map((n) => n.context.badge).sort()).toEqual(['first_accepted_answer', 'helper']);
    });

    it('an answer held by reports takes its badge away, and restored by a dismissal brings it back', async () => {
      const helper = await registerUser(t, { displayName: 'Rita Restored' });
      const question = await askQuestion(t, alice, { topics: ['treasury'] });
      const answer = await answerQuestion(t, helper, question.id);
      await acceptAnswer(t, alice, question.id, answer.id);
      expect(await badgesOf(carol, helper)).toEqual(['first_accepted_answer']);
      // Three reports (the default threshold) hold the answer for review: out of sight, it counts nothing.
      const reports = [];
      for (const reporter of [bob, dave, erin]) {
        const filed = await as(reporter).post('/api/reports', { targetType: 'answer', targetId: answer.id, reason: 'Looks wrong' });
        expectStatus(filed, [200, 201], 'report');
        reports.push(filed.body.id as string);
      }
      expect(await badgesOf(carol, helper)).toEqual([]);
      // A moderator finds nothing wrong: the answer is back, and so is the badge (awarded again, told again).
      await resolve(t, moderator, reports[0], 'dismiss');
      expect(await badgesOf(carol, helper)).toEqual(['first_accepted_answer']);
      const told = await kindOf(t, helper, 'badge.earned');
      expect(told.map((n) => n.context.badge)).toEqual(['first_accepted_answer', 'first_accepted_answer']);
    });

    it('Bridge builder: 5 answers upvoted by people of 3 other departments; a vote taken back revokes it', async () => {
      const answers: string[] = [];
      for (let i = 0; i < 5; i++) {
        const q = await askQuestion(t, alice, { topics: ['budgets'] });
        answers.push((await answerQuestion(t, bob, q.id)).id);
      }
      for (const voter of [carol, dave]) for (const id of answers) await as(voter).put(`/api/answers/${id}/vote`).expect(200);
      for (const id of answers.slice(0, 4)) await as(erin).put(`/api/answers/${id}/vote`).expect(200);
      // A voter of Bob's own department does not bridge anything.
      const colleague = await registerUser(t, { displayName: 'Fin Colleague' });
      await updateProfile(t, colleague, { department: 'finance' });
      await as(colleague).put(`/api/answers/${answers[4]}/vote`).expect(200);
      expect(await badgesOf(carol, bob)).not.toContain('bridge_builder');
      await as(erin).put(`/api/answers/${answers[4]}/vote`).expect(200);
      expect(await badgesOf(carol, bob)).toContain('bridge_builder');
      await as(dave).delete(`/api/answers/${answers[2]}/vote`).expect(200);
      expect(await badgesOf(carol, bob)).not.toContain('bridge_builder');
      // Opted out: shown to Bob only.
      await as(dave).put(`/api/answers/${answers[2]}/vote`).expect(200);
      expect(await badgesOf(carol, bob)).toContain('bridge_builder');
      await as(bob).put('/api/me/recognition').send({ publicRecognition: false }).expect(200);
      expect(await badgesOf(carol, bob)).toEqual([]);
      expect(await badgesOf(bob, bob)).toContain('bridge_builder');
      await as(bob).put('/api/me/recognition').send({ publicRecognition: true }).expect(200);
    });

    it('Reviewer at 5 idea reviews, and Idea made real for an implemented idea, revoked when the idea is hidden', async () => {
      const innovator = await registerInnovator(t, admin, 'Ivy Innovation');
      const reviewer = await registerUser(t, { displayName: 'Rhea Reviewer' });
      const campaign = await openCampaign(t, innovator, [reviewer], { topics: ['Energy'], advanceTopN: 5 });
      const ideas: { id: string }[] = [];
      for (let i = 0; i < 5; i++) ideas.push(await submitIdea(t, dave, campaign.id));
      await transition(t, innovator, campaign.id, 'advance');
      for (const [i, idea] of ideas.entries()) {
        await review(t, reviewer, idea.id, { Impact: 4, Feasibility: 3 });
        if (i === 3) expect(await badgesOf(carol, reviewer)).toEqual([]);
      }
      expect(await badgesOf(carol, reviewer)).toEqual(['reviewer']);

      const decide = (status: string) =>
        as(innovator).post(`/api/ideas/${ideas[0].id}/decision`, { status, rationale: 'Decided' }).expect(200);
      await decide('selected');
      expect(await badgesOf(carol, dave)).toEqual([]);
      await decide('implemented');
      expect(await badgesOf(carol, dave)).toEqual(['idea_made_real']);
      await hide('idea', ideas[0].id);
      expect(await badgesOf(carol, dave)).toEqual([]);
      // The reviews of a hidden idea stop counting too: 4 left.
      expect(await badgesOf(carol, reviewer)).toEqual([]);
    });

    it('Mentor: a pairing closed after 14 days or more and confirmed by the mentee', async () => {
      const mentor = await registerUser(t, { displayName: 'Meg Mentor' });
      const mentees = await registerUsers(t, ['Nell Newcomer', 'Ned Newcomer']);
      await as(mentor)
        .put('/api/me/mentoring')
        .send({ topics: ['Negotiation'], maxMentees: 3 })
        .expect(200);
      const pair = async (mentee: TestUser) => {
        const res = await as(mentee).post('/api/mentoring/requests', { skill: 'negotiation' });
        expectStatus(res, 201, 'request');
        expect(res.body.mentor?.id).toBe(mentor.id);
        return res.body.id as string;
      };
      const confirm = (user: TestUser, id: string) => as(user).post(`/api/mentoring/requests/${id}/confirm`);

      const short = await pair(mentees[0]);
      expect((await confirm(mentees[0], short)).status).toBe(409);
      await as(mentees[0]).post(`/api/mentoring/requests/${short}/close`).expect(200);
      expect((await confirm(mentor, short)).status).toBe(403);
      expect((await confirm(outsider, short)).status).toBe(404);
      const confirmed = await confirm(mentees[0], short);
      expect(confirmed.status).toBe(200);
      expect(confirmed.body.confirmedAt).toEqual(expect.any(String));
      expect(await badgesOf(carol, mentor)).toEqual([]);

      const long = await pair(mentees[1]);
      // Paired 15 days ago.
      await t.sql(`UPDATE mentoring_requests SET paired_at = now() - interval '15 days' WHERE id = $1`, [long]);
      await as(mentor).post(`/api/mentoring/requests/${long}/close`).expect(200);
      await confirm(mentees[1], long).expect(200);
      await confirm(mentees[1], long).expect(200);
      expect(await badgesOf(carol, mentor)).toEqual(['mentor']);
    });
  });
});
