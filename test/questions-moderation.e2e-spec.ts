import { QuestionRouting } from '@ruche/questions';
import { publishGuidelines, queueOf, registerModerator, report, resolve, setSettings } from './factories/moderation.factory.js';
import { endorse, updateProfile } from './factories/people.factory.js';
import { answerQuestion, askQuestion, questionOf } from './factories/question.factory.js';
import { listAll } from './factories/post.factory.js';
import { actingAs, registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

/**
 * Questions and answers under moderation, end to end: reportable content with excerpts in the
 * queue, hidden content leaves every read path for everyone but moderators (who see it marked),
 * blocked terms hold a new question (not routed, its asker and moderators only), and asking needs
 * the company guidelines accepted.
 */
describe('questions: moderation', () => {
  const t = useTestApp();
  let admin: TestUser, moderator: TestUser, asker: TestUser, employee: TestUser, expert: TestUser;

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Site admin' });
    moderator = await registerModerator(t, admin);
    [asker, employee, expert] = await registerUsers(t, ['Ada Asker', 'Eve Employee', 'Kim Kubernetes']);
    await updateProfile(t, expert, { skills: ['Kubernetes'] });
    await endorse(t, employee, expert, 'kubernetes');
    await t.settle();
  });

  const as = (user: TestUser) => actingAs(t, user);
  const listed = async (viewer: TestUser, query = '') =>
    (await listAll<{ id: string }>(t, viewer, `/api/questions${query}`)).map((q) => q.id);

  describe('reporting', () => {
    it('a question can be reported and shows in the moderator queue with its title', async () => {
      const question = await askQuestion(t, asker, { title: 'Who reviews the expense reports?', body: 'Details.' });
      const filed = await report(t, employee, question.id, 'question', 'Off-topic');
      expect(filed).toMatchObject({ targetType: 'question', targetId: question.id, status: 'open' });
      await t.settle();
      const item = (await queueOf(t, moderator)).find((i) => i.target.id === question.id);
      expect(item).toMatchObject({
        reportId: filed.id,
        reportCount: 1,
        target: {
          type: 'question',
          id: question.id,
          author: { id: asker.id },
          excerpt: 'Who reviews the expense reports?',
          state: 'visible',
          available: true,
        },
      });
    });

    it('an answer can be reported and shows in the moderator queue with its body', async () => {
      const question = await askQuestion(t, asker);
      const answer = await answerQuestion(t, expert, question.id, 'Ask the finance team, they know.');
      const filed = await report(t, employee, answer.id, 'answer', 'Rude');
      expect(filed).toMatchObject({ targetType: 'answer', targetId: answer.id });
      await t.settle();
      const item = (await queueOf(t, moderator)).find((i) => i.target.id === answer.id);
      expect(item).toMatchObject({
        target: { type: 'answer', author: { id: expert.id }, excerpt: 'Ask the finance team, they know.', state: 'visible' },
      });
    });

    it('404 for an unknown question or answer', async () => {
      for (const targetType of ['question', 'answer']) {
        const res = await as(employee).post('/api/reports', {
          targetType,
          targetId: '00000000-0000-4000-8000-000000000000',
          reason: 'Bad',
        });
        expect(res.status).toBe(404);
      }
    });
  });

  describe('decisions', () => {
    it('a hidden question is 404 for an employee everywhere (detail, lists, similar, writes); a moderator sees it marked', async () => {
      const question = await askQuestion(t, asker, { title: 'Where is the zebra crossing manual?', topics: ['kubernetes'] });
      const answer = await answerQuestion(t, expert, question.id);
      const filed = await report(t, employee, question.id, 'question');
      await resolve(t, moderator, filed.id, 'hide');
      await t.settle();

      expect((await as(employee).get(`/api/questions/${question.id}`)).status).toBe(404);
      expect((await as(asker).get(`/api/questions/${question.id}`)).status).toBe(404);
      expect(await listed(employee)).not.toContain(question.id);
      expect(await listed(employee, '?topic=kubernetes')).not.toContain(question.id);
      expect(await listed(expert, '?for=me')).not.toContain(question.id);
      const similar = await as(employee).get('/api/questions/similar?title=zebra crossing manual');
      expect(similar.status).toBe(200);
      expect(similar.body.items.map((i: { id: string }) => i.id)).not.toContain(question.id);
      expect((await as(employee).post(`/api/questions/${question.id}/answers`, { body: 'Late' })).status).toBe(404);
      expect((await as(employee).post(`/api/questions/${question.id}/claim`)).status).toBe(404);
      expect((await as(employee).put(`/api/answers/${answer.id}/vote`)).status).toBe(404);
      expect((await as(asker).post(`/api/questions/${question.id}/accept`, { answerId: answer.id })).status).toBe(404);

      const seen = await as(moderator).get(`/api/questions/${question.id}`);
      expect(seen.status).toBe(200);
      expect(seen.body.moderation).toEqual({ state: 'hidden' });
      const modList = await listAll<{ id: string; moderation?: { state: string } }>(t, moderator, '/api/questions');
      expect(modList.find((q) => q.id === question.id)?.moderation).toEqual({ state: 'hidden' });
      const modSimilar = await as(moderator).get('/api/questions/similar?title=zebra crossing manual');
      expect(modSimilar.body.items.map((i: { id: string }) => i.id)).toContain(question.id);

      const [hidden] = await t.sql<{ payload: Record<string, unknown>; audience: string[] }>(
        `SELECT payload, audience FROM outbox WHERE type = 'question.hidden' AND payload->>'questionId' = $1`,
        [question.id],
      );
      expect(hidden.payload).toEqual({ questionId: question.id, state: 'hidden' });
      expect(hidden.audience).toContain(`question:${question.id}`);
    });

    it('a hidden answer disappears from the question for employees (and cannot be voted on or accepted); moderators see it marked', async () => {
      const question = await askQuestion(t, asker);
      const kept = await answerQuestion(t, employee, question.id, 'A fine answer');
      const bad = await answerQuestion(t, expert, question.id, 'A rude answer');
      const filed = await report(t, employee, bad.id, 'answer');
      await resolve(t, moderator, filed.id, 'hide');
      await t.settle();

      const detail = await questionOf(t, employee, question.id);
      expect(detail.answers.map((a) => a.id)).toEqual([kept.id]);
      expect(detail.answerCount).toBe(1);
      expect((await questionOf(t, asker, question.id)).answers.map((a) => a.id)).toEqual([kept.id]);
      expect((await as(employee).put(`/api/answers/${bad.id}/vote`)).status).toBe(404);
      expect((await as(asker).post(`/api/questions/${question.id}/accept`, { answerId: bad.id })).status).toBe(404);

      const seen = await questionOf(t, moderator, question.id);
      expect(seen.answers.find((a) => a.id === bad.id)).toMatchObject({ moderation: { state: 'hidden' } });
      expect(seen.answers.find((a) => a.id === kept.id)).not.toHaveProperty('moderation');

      const [hidden] = await t.sql<{ payload: Record<string, unknown>; audience: string[] }>(
        `SELECT payload, audience FROM outbox WHERE type = 'answer.hidden' AND payload->>'answerId' = $1`,
        [bad.id],
      );
      expect(hidden.payload).toMatchObject({ questionId: question.id, answerId: bad.id, state: 'hidden' });
      expect(hidden.audience).toContain(`question:${question.id}`);
    });
  });

  describe('blocked terms', () => {
    beforeAll(async () => {
      await setSettings(t, admin, { blockedTerms: ['crypto scam'] });
    });
    afterAll(async () => {
      await setSettings(t, admin, { blockedTerms: [] });
    });

    it('hold a new question: not routed, invisible to others, visible to its asker and moderators', async () => {
      const res = await as(asker).post('/api/questions', {
        title: 'Is this crypto scam legit?',
        body: 'Asking for a friend.',
        topics: ['kubernetes'],
      });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ routedTo: [], moderation: { state: 'held' } });
      const id: string = res.body.id;
      await t.settle();

      expect(await t.sql('SELECT user_id FROM question_routes WHERE question_id = $1', [id])).toEqual([]);
      expect(
        await t.sql(`SELECT id FROM outbox WHERE type IN ('question.created', 'question.routed') AND subject_id = $1`, [id]),
      ).toEqual([]);
      const [heldEvent] = await t.sql<{ payload: Record<string, unknown> }>(
        `SELECT payload FROM outbox WHERE type = 'content.held' AND payload->>'targetId' = $1`,
        [id],
      );
      expect(heldEvent.payload).toMatchObject({ targetType: 'question', authorId: asker.id, terms: ['crypto scam'] });

      expect((await as(employee).get(`/api/questions/${id}`)).status).toBe(404);
      expect((await as(expert).get(`/api/questions/${id}`)).status).toBe(404);
      expect(await listed(employee)).not.toContain(id);
      expect(await listed(expert, '?for=me')).not.toContain(id);
      expect((await as(expert).post(`/api/questions/${id}/answers`, { body: 'Nope' })).status).toBe(404);
      // Nor does the re-routing job ask anyone while it is held.
      await t.app.get(QuestionRouting).rerouteDue(new Date(Date.now() + 24 * 60 * 60_000));
      expect(await t.sql('SELECT user_id FROM question_routes WHERE question_id = $1', [id])).toEqual([]);

      expect((await questionOf(t, asker, id)).moderation).toEqual({ state: 'held' });
      expect(await listed(asker)).toContain(id);
      expect((await questionOf(t, moderator, id)).moderation).toEqual({ state: 'held' });
      const item = (await queueOf(t, moderator)).find((i) => i.target.id === id);
      expect(item).toMatchObject({ held: true, heldTerms: ['crypto scam'], target: { type: 'question', state: 'held' } });
    });

    it('a held question released by a moderator is published then: routed to the experts, visible to all', async () => {
      const res = await as(asker).post('/api/questions', { title: 'Another crypto scam question?', topics: ['kubernetes'] });
      const id: string = res.body.id;
      await t.settle();
      const item = (await queueOf(t, moderator)).find((i) => i.target.id === id)!;
      await resolve(t, moderator, item.reportId, 'dismiss');
      await t.settle();
      const seen = await questionOf(t, employee, id);
      expect(seen.routedTo).toEqual([expert.id]);
      expect(seen).not.toHaveProperty('moderation');
      expect(await listed(expert, '?for=me')).toContain(id);
      const [created] = await t.sql<{ audience: string[] }>(
        `SELECT audience FROM outbox WHERE type = 'question.created' AND subject_id = $1`,
        [id],
      );
      expect(created.audience.sort()).toEqual([`user:${asker.id}`, `user:${expert.id}`].sort());
    });

    it('a question without blocked terms is routed to the experts as usual', async () => {
      const question = await askQuestion(t, asker, { title: 'How do I roll back a deployment?', topics: ['kubernetes'] });
      expect(question.routedTo).toEqual([expert.id]);
    });

    it('hold a new answer: the asker does not see it, its author and moderators do, not counted', async () => {
      const question = await askQuestion(t, asker);
      const res = await as(expert).post(`/api/questions/${question.id}/answers`, { body: 'Buy into this crypto scam' });
      expect(res.status).toBe(201);
      expect(res.body.moderation).toEqual({ state: 'held' });
      await t.settle();
      expect((await questionOf(t, asker, question.id)).answers).toEqual([]);
      expect((await questionOf(t, asker, question.id)).answerCount).toBe(0);
      expect((await questionOf(t, expert, question.id)).answers.map((a) => a.id)).toEqual([res.body.id]);
      expect((await questionOf(t, moderator, question.id)).answers.map((a) => a.id)).toEqual([res.body.id]);
      expect(await t.sql(`SELECT id FROM outbox WHERE type = 'answer.created' AND subject_id = $1`, [question.id])).toEqual([]);

      const item = (await queueOf(t, moderator)).find((i) => i.target.id === res.body.id)!;
      await resolve(t, moderator, item.reportId, 'dismiss');
      await t.settle();
      const released = await questionOf(t, asker, question.id);
      expect(released.answers.map((a) => a.id)).toEqual([res.body.id]);
      expect(released.answerCount).toBe(1);
      expect(await t.sql(`SELECT id FROM outbox WHERE type = 'answer.created' AND subject_id = $1`, [question.id])).toHaveLength(
        1,
      );
    });
  });

  describe('guidelines', () => {
    it('403 on asking and answering until the current guidelines are accepted; nothing written', async () => {
      const question = await askQuestion(t, asker);
      await publishGuidelines(t, admin, '# Be kind\n\nNo harassment.');
      const before = await t.sql('SELECT id FROM questions');
      const refused = await as(employee).post('/api/questions', { title: 'Can I ask?', topics: ['general'] });
      expect(refused.status).toBe(403);
      expect(refused.body.message).toMatch(/^guidelines_not_accepted/);
      expect(await t.sql('SELECT id FROM questions')).toHaveLength(before.length);
      expect((await as(employee).post(`/api/questions/${question.id}/answers`, { body: 'Can I answer?' })).status).toBe(403);
    });
  });
});
