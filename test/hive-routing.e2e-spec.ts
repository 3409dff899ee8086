import { QuestionRouting } from '@ruche/questions';
import type { QuestionView } from '@ruche/contracts';
import { expectStatus } from './factories/expect-status.js';
import { grantRoles, registerModerator } from './factories/moderation.factory.js';
import { kindOf } from './factories/notification.factory.js';
import { updateProfile } from './factories/people.factory.js';
import { answerQuestion, askQuestion, questionOf, setStatus } from './factories/question.factory.js';
import { actingAs, registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

interface Route {
  userId: string;
  reason: 'expert' | 'helper' | 'topic_follower' | 'department_answerer';
  detail: string;
  round: number;
}

/**
 * Issue #17, "every question reaches someone": routing fills a round with experts, then (only when
 * fewer than 5) helpers within their weekly caps, topic followers, and the asker's department's
 * most active answerers, saying why for each; a question nobody answered after the last round joins
 * the unanswered queue and its asker is told. Real HTTP, real PostgreSQL, a small pool.
 */
describe('hive routing', () => {
  const t = useTestApp({ DATABASE_POOL_MAX: '4', RUCHE_REROUTE_MINUTES: '60', RUCHE_UNANSWERED_MINUTES: '30' });
  let admin: TestUser, asker: TestUser, expert: TestUser, helper: TestUser, follower: TestUser, gone: TestUser;
  let busy: TestUser, quiet: TestUser, outsider: TestUser, moderator: TestUser, innovator: TestUser;

  const as = (user: TestUser) => actingAs(t, user);
  const route = (user: TestUser, reason: Route['reason'], detail: string, round = 1): Route => ({
    userId: user.id,
    reason,
    detail,
    round,
  });

  beforeAll(async () => {
    [admin, asker, expert, helper, follower, gone, busy, quiet, outsider] = await registerUsers(t, [
      'Admin',
      'Ada Asker',
      'Eve Expert',
      'Hal Helper',
      'Fay Follower',
      'Gus Gone',
      'Bea Busy',
      'Quinn Quiet',
      'Otto Outsider',
    ]);
    moderator = await registerModerator(t, admin, 'Mo Moderator');
    innovator = await grantRoles(t, admin, await registerUser(t, { displayName: 'Ines Innovation' }), ['innovation']);
    await updateProfile(t, expert, { skills: ['Terraform'] });
    for (const person of [asker, busy, quiet]) await updateProfile(t, person, { department: 'Finance' });
    await updateProfile(t, outsider, { department: 'Legal' });
    // The department's answerers: Bea answered twice, Quinn once; Otto (another department) three times.
    const elsewhere = await askQuestion(t, admin, { title: 'Where are the expense forms?', topics: ['expenses'] });
    const again = await askQuestion(t, admin, { title: 'Who signs purchase orders?', topics: ['purchasing'] });
    await answerQuestion(t, busy, elsewhere.id);
    await answerQuestion(t, busy, again.id);
    await answerQuestion(t, quiet, elsewhere.id);
    for (const q of [elsewhere, again, elsewhere]) await answerQuestion(t, outsider, q.id);
    expectStatus(await as(helper).put('/api/topics/Terraform/helper').send({ weeklyCap: 1 }), 200, 'helper');
    for (const person of [follower, gone, asker])
      expectStatus(await as(person).put('/api/topics/TERRAFORM/follow'), 204, 'follow');
    await setStatus(t, gone, 'suspended');
    await t.settle();
  });

  describe('following and helping', () => {
    it('folds the topic like every topic and lists what you follow and help with', async () => {
      expectStatus(await as(follower).put('/api/topics/K8s/follow'), 204, 'follow k8s');
      expectStatus(await as(follower).put('/api/topics/kubernetes/follow'), 204, 'again, idempotent');
      const helping = await as(follower).put('/api/topics/%C3%89conomie/helper').send({ weeklyCap: 3 });
      expect(helping.status).toBe(200);
      expect(helping.body).toEqual({ topic: 'economie', label: 'Économie', weeklyCap: 3 });
      const capped = await as(follower).put('/api/topics/economie/helper').send({ weeklyCap: 7 });
      expect(capped.body).toEqual({ topic: 'economie', label: 'Économie', weeklyCap: 7 });
      const mine = await as(follower).get('/api/me/topics');
      expect(mine.body).toEqual({
        follows: [
          { topic: 'terraform', label: 'TERRAFORM' },
          { topic: 'kubernetes', label: 'K8s' },
        ],
        helping: [{ topic: 'economie', label: 'Économie', weeklyCap: 7 }],
      });
      expectStatus(await as(follower).delete('/api/topics/kubernetes/follow'), 204, 'unfollow');
      expectStatus(await as(follower).delete('/api/topics/Economie/helper'), 204, 'stop helping');
      expectStatus(await as(follower).delete('/api/topics/Economie/helper'), 204, 'idempotent');
      expect((await as(follower).get('/api/me/topics')).body).toEqual({
        follows: [{ topic: 'terraform', label: 'TERRAFORM' }],
        helping: [],
      });
    });

    it('refuses a bad cap or a topic with no letters with a 400 and writes nothing', async () => {
      const before = await t.sql('SELECT * FROM topic_helpers ORDER BY user_id, topic');
      for (const body of [
        { weeklyCap: 0 },
        { weeklyCap: 101 },
        { weeklyCap: 2.5 },
        { weeklyCap: '3' },
        {},
        { weeklyCap: 2, extra: 1 },
      ]) {
        const res = await as(quiet).put('/api/topics/terraform/helper').send(body);
        expect(res.status).toBe(400);
      }
      expect((await as(quiet).put('/api/topics/%23%23%23/helper').send({ weeklyCap: 2 })).status).toBe(400);
      expect((await as(quiet).put('/api/topics/%20%20/follow')).status).toBe(400);
      expect((await as(quiet).put(`/api/topics/${'x'.repeat(61)}/follow`)).status).toBe(400);
      expect(await t.sql('SELECT * FROM topic_helpers ORDER BY user_id, topic')).toEqual(before);
      expect(await t.sql('SELECT * FROM topic_follows WHERE user_id = $1', [quiet.id])).toEqual([]);
    });

    it('needs a signed-in person', async () => {
      expect((await t.http.put('/api/topics/terraform/follow')).status).toBe(401);
      expect((await t.http.get('/api/topics/terraform')).status).toBe(401);
    });
  });

  describe('the routing order', () => {
    let first: QuestionView;

    it('fills a round with experts, then helpers, followers and the department answerers, saying why', async () => {
      first = await askQuestion(t, asker, { title: 'How do I import existing state?', topics: ['terraform'] });
      expect(first.routing).toEqual([
        route(expert, 'expert', 'terraform'),
        route(helper, 'helper', 'Terraform'),
        route(follower, 'topic_follower', 'TERRAFORM'),
        route(busy, 'department_answerer', 'Finance: 2 answers'),
        route(quiet, 'department_answerer', 'Finance: 1 answer'),
      ]);
      // Never the asker (who follows the topic), never a suspended follower, never another department.
      expect(first.routedTo).toEqual([expert.id, helper.id, follower.id, busy.id, quiet.id]);
      const read = await questionOf(t, outsider, first.id);
      expect(read.routing).toEqual(first.routing);
      await t.settle();
      const told = await t.sql<{ recipient_id: string }>(
        `SELECT recipient_id FROM notifications WHERE kind = 'question.routed' AND subject_id = $1 ORDER BY recipient_id`,
        [first.id],
      );
      expect(told.map((r) => r.recipient_id)).toEqual([expert, helper, follower, busy, quiet].map((u) => u.id).sort());
    });

    it("respects a helper's weekly cap: once asked as a helper, not again that week", async () => {
      const second = await askQuestion(t, outsider, { title: 'Terraform workspaces or directories?', topics: ['Terraform'] });
      // Ada follows the topic too: asked by someone else, she is a follower like any other.
      expect(second.routing).toEqual([
        route(expert, 'expert', 'terraform'),
        route(follower, 'topic_follower', 'TERRAFORM'),
        route(asker, 'topic_follower', 'TERRAFORM'),
      ]);
    });

    it('asks only experts when five are found: nobody falls back', async () => {
      const gophers = await registerUsers(t, 6);
      for (const g of gophers) await updateProfile(t, g, { skills: ['Golang'] });
      expectStatus(await as(helper).put('/api/topics/golang/helper').send({ weeklyCap: 10 }), 200, 'helper');
      expectStatus(await as(follower).put('/api/topics/golang/follow'), 204, 'follow');
      await t.settle();
      const q = await askQuestion(t, asker, { title: 'Generics or interfaces?', topics: ['golang'] });
      expect(q.routing).toHaveLength(5);
      expect(q.routing.every((r: Route) => r.reason === 'expert')).toBe(true);
      expect(q.routedTo).not.toContain(helper.id);
      expect(q.routedTo).not.toContain(follower.id);
    });

    it('keeps every cap exact when many questions are asked at once, beyond the pool size', async () => {
      const volunteers = await registerUsers(t, ['Cap Two', 'Cap Three']);
      expectStatus(await as(volunteers[0]).put('/api/topics/ansible/helper').send({ weeklyCap: 2 }), 200, 'cap 2');
      expectStatus(await as(volunteers[1]).put('/api/topics/ansible/helper').send({ weeklyCap: 3 }), 200, 'cap 3');
      const askers = await registerUsers(t, 12);
      const asked = await Promise.all(
        askers.map((a, i) => askQuestion(t, a, { title: `Ansible question ${i}?`, topics: ['ansible'] })),
      );
      const count = (user: TestUser) => asked.filter((q) => q.routedTo.includes(user.id)).length;
      expect(count(volunteers[0])).toBe(2);
      expect(count(volunteers[1])).toBe(3);
      const stored = await t.sql<{ user_id: string; n: number }>(
        `SELECT user_id, count(*)::int AS n FROM question_routes WHERE reason = 'helper' AND user_id = ANY ($1::uuid[]) GROUP BY user_id ORDER BY n`,
        [volunteers.map((v) => v.id)],
      );
      expect(stored).toEqual([
        { user_id: volunteers[0].id, n: 2 },
        { user_id: volunteers[1].id, n: 3 },
      ]);
    });

    it('shows a topic page: experts, open questions and recent answers', async () => {
      await answerQuestion(t, expert, first.id, 'terraform import, then plan.');
      const page = await as(outsider).get('/api/topics/TerraForm');
      expect(page.status).toBe(200);
      expect(page.body).toMatchObject({
        topic: 'terraform',
        label: 'TerraForm',
        followers: 3,
        helpers: 1,
        following: false,
        helping: null,
      });
      expect(page.body.experts.map((e: { user: { id: string } }) => e.user.id)).toContain(expert.id);
      expect(page.body.openQuestions.map((q: QuestionView) => q.id)).toContain(first.id);
      expect(page.body.recentAnswers).toEqual([
        expect.objectContaining({
          questionId: first.id,
          questionTitle: 'How do I import existing state?',
          author: expect.objectContaining({ id: expert.id }),
        }),
      ]);
      expect((await as(follower).get('/api/topics/terraform')).body).toMatchObject({ following: true });
      expect((await as(helper).get('/api/topics/terraform')).body).toMatchObject({ helping: { weeklyCap: 1 } });
    });
  });

  describe('the unanswered queue', () => {
    it('takes a question nobody answered after the last round, tells its asker once, and lets it go when answered', async () => {
      const routing = t.app.get(QuestionRouting);
      const q = await askQuestion(t, asker, { title: 'Anyone knows the Pulumi state backend?', topics: ['pulumi'] });
      expect(await routing.markUnanswered(new Date(Date.now() + 24 * 3600_000))).toBe(0);
      for (let round = 2; round <= 4; round++) {
        // Each re-route stamps the database's now(): the next one is due an hour after it.
        await routing.rerouteDue(new Date(Date.now() + 61 * 60_000));
        const [row] = await t.sql<{ routed_round: number }>('SELECT routed_round FROM questions WHERE id = $1', [q.id]);
        expect(row.routed_round).toBe(round);
      }
      expect(await routing.markUnanswered(new Date(Date.now() + 20 * 60_000))).toBe(0);
      expect(await routing.markUnanswered(new Date(Date.now() + 31 * 60_000))).toBeGreaterThanOrEqual(1);
      expect(await routing.markUnanswered(new Date(Date.now() + 31 * 60_000))).toBe(0);

      for (const reader of [moderator, innovator, admin]) {
        const res = await as(reader).get('/api/questions/unanswered');
        expect(res.status).toBe(200);
        expect(res.body.items.map((i: QuestionView) => i.id)).toContain(q.id);
        expect(res.body.items.find((i: QuestionView) => i.id === q.id)).toMatchObject({
          title: q.title,
          unansweredAt: expect.any(String),
        });
      }
      expect((await as(asker).get('/api/questions/unanswered')).status).toBe(403);
      expect((await as(outsider).get('/api/questions/unanswered?limit=0')).status).toBe(403);
      expect((await as(moderator).get('/api/questions/unanswered?limit=0')).status).toBe(400);

      await t.settle();
      // Her earlier questions went the same way; this one is told once.
      const told = (await kindOf(t, asker, 'question.unanswered')).filter((n) => n.subject.id === q.id);
      expect(told).toHaveLength(1);
      expect(told[0]).toMatchObject({ subject: { type: 'question', id: q.id }, context: { questionId: q.id, rounds: 4 } });

      await answerQuestion(t, outsider, q.id, 'Use the S3 backend.');
      const after = await as(moderator).get('/api/questions/unanswered');
      expect(after.body.items.map((i: QuestionView) => i.id)).not.toContain(q.id);
    });
  });
});
