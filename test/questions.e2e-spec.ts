import { QuestionRouting } from '@ruche/questions';
import type { QuestionView } from '@ruche/contracts';
import { endorse, updateProfile } from './factories/people.factory.js';
import { acceptAnswer, answerQuestion, askQuestion, questionOf, setStatus, voteAnswer } from './factories/question.factory.js';
import { listAll } from './factories/post.factory.js';
import { actingAs, registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { eventsAbout } from './support/outbox.js';
import { useTestApp } from './support/test-app.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

/** Questions and answers over real HTTP and PostgreSQL: routing, answers, votes, acceptance, claims, lists. */
describe('questions', () => {
  const t = useTestApp({ RUCHE_CLAIM_MINUTES: '30', RUCHE_REROUTE_MINUTES: '60' });
  let asker: TestUser;
  let other: TestUser;
  /** Seven Kubernetes people, strongest first (different numbers of endorsements). */
  let experts: TestUser[];

  beforeAll(async () => {
    await registerUser(t, { displayName: 'Admin' });
    asker = await registerUser(t, { displayName: 'Ada Asker' });
    other = await registerUser(t, { displayName: 'Otto Other' });
    experts = [];
    for (let i = 0; i < 7; i++) experts.push(await registerUser(t, { displayName: `Expert ${i}` }));
    const fans = await registerUsers(t, 6);
    for (const [i, expert] of experts.entries()) {
      await updateProfile(t, expert, { skills: ['Kubernetes'] });
      // Expert 0 gets 6 endorsements, expert 1 five, ... expert 6 none.
      for (const fan of fans.slice(0, 6 - i)) await endorse(t, fan, expert, 'kubernetes');
    }
    await t.settle();
  });

  const as = (user: TestUser) => actingAs(t, user);
  const events = (type: string, questionId: string) => eventsAbout(t, type, questionId);
  const ids = (users: TestUser[]) => users.map((u) => u.id);

  describe('asking and routing', () => {
    it('routes a new question at once to the top 5 experts on its topics, never the asker, and says who', async () => {
      const res = await as(asker).post('/api/questions', {
        title: '  How do I drain a node?  ',
        body: 'Safely, please.',
        topics: ['K8s'],
      });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        title: 'How do I drain a node?',
        body: 'Safely, please.',
        bodyHtml: '<p>Safely, please.</p>\n',
        topics: ['kubernetes'],
        status: 'open',
        asker: { id: asker.id, handle: asker.handle, displayName: 'Ada Asker' },
        answerCount: 0,
        acceptedAnswerId: null,
        createdAt: expect.any(String),
        answeredAt: null,
        claim: null,
        routedTo: ids(experts.slice(0, 5)),
        routing: experts.slice(0, 5).map((e) => ({ userId: e.id, reason: 'expert', detail: 'kubernetes', round: 1 })),
        routedRound: 1,
        editedAt: null,
        attachments: [],
        linkPreviews: [],
      });
      await t.settle();
      const [routed] = await events('question.routed', res.body.id);
      expect(routed.payload).toMatchObject({ questionId: res.body.id, userIds: ids(experts.slice(0, 5)), round: 1 });
      expect(routed.audience.sort()).toEqual(
        experts
          .slice(0, 5)
          .map((e) => `user:${e.id}`)
          .sort(),
      );
      const [created] = await events('question.created', res.body.id);
      expect(created.audience.sort()).toEqual([asker, ...experts.slice(0, 5)].map((u) => `user:${u.id}`).sort());
      expect(created.subject_type).toBe('question');
      expect(await questionOf(t, other, res.body.id)).toMatchObject({ routedTo: ids(experts.slice(0, 5)), answers: [] });
    });

    it('leaves the asker and suspended people out', async () => {
      await setStatus(t, experts[1], 'suspended');
      try {
        const question = await askQuestion(t, experts[0], { topics: ['kubernetes'] });
        expect(question.routedTo).toEqual(ids([experts[2], experts[3], experts[4], experts[5], experts[6]]));
      } finally {
        await setStatus(t, experts[1], 'active');
      }
    });

    it('routes to nobody when nobody knows the topic, and still accepts the question', async () => {
      const question = await askQuestion(t, asker, { topics: ['Underwater basket weaving'] });
      expect(question.routedTo).toEqual([]);
      expect(question.topics).toEqual(['underwater basket weaving']);
    });

    it('combines topics, normalised and de-duplicated', async () => {
      const question = await askQuestion(t, asker, { topics: ['Kubernetes', 'k8s', 'KUBERNETES', 'Développement'] });
      expect(question.topics).toEqual(['kubernetes', 'developpement']);
    });

    it.each([
      ['no title', { body: 'x', topics: ['go'] }],
      ['a blank title', { title: '   ', topics: ['go'] }],
      ['a 201-character title', { title: 't'.repeat(201), topics: ['go'] }],
      ['a 20,001-character body', { title: 'Why?', body: 'b'.repeat(20_001), topics: ['go'] }],
      ['no topics', { title: 'Why?' }],
      ['an empty topic list', { title: 'Why?', topics: [] }],
      ['11 topics', { title: 'Why?', topics: Array.from({ length: 11 }, (_, i) => `t${i}`) }],
      ['a blank topic', { title: 'Why?', topics: ['go', '  '] }],
      ['a topic of accents only', { title: 'Why?', topics: ['\u0301'] }],
      ['a 61-character topic', { title: 'Why?', topics: ['x'.repeat(61)] }],
      ['a non-string topic', { title: 'Why?', topics: [42] }],
      ['a NUL in the title', { title: 'Wh\u0000y?', topics: ['go'] }],
      ['an unknown field', { title: 'Why?', topics: ['go'], routedTo: [MISSING] }],
    ])('rejects %s with 400 and writes nothing', async (_name, body) => {
      const before = await t.sql('SELECT count(*) FROM questions');
      const res = await as(asker).post('/api/questions', body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(await t.sql('SELECT count(*) FROM questions')).toEqual(before);
    });

    it('accepts 200-character titles, 20,000-character bodies and 10 topics', async () => {
      const res = await as(asker).post('/api/questions', {
        title: 'T'.repeat(200),
        body: 'B'.repeat(20_000),
        topics: Array.from({ length: 10 }, (_, i) => `topic ${i}`),
      });
      expect(res.status).toBe(201);
    });

    it('is 401 without a token', async () => {
      expect((await t.http.post('/api/questions').send({ title: 'x', topics: ['go'] })).status).toBe(401);
    });
  });

  describe('reading', () => {
    it('is 404 for an unknown question, 400 for a malformed id', async () => {
      expect((await as(other).get(`/api/questions/${MISSING}`)).status).toBe(404);
      expect((await as(other).get('/api/questions/not-a-uuid')).status).toBe(400);
    });

    it('shows answers accepted first, then by votes, then oldest, with the caller’s votes', async () => {
      const question = await askQuestion(t, asker, { topics: ['go'] });
      const first = await answerQuestion(t, experts[0], question.id, 'First');
      const second = await answerQuestion(t, experts[1], question.id, 'Second');
      const third = await answerQuestion(t, experts[2], question.id, 'Third');
      await voteAnswer(t, other, second.id);
      await voteAnswer(t, asker, second.id);
      await voteAnswer(t, other, third.id);
      let detail = await questionOf(t, other, question.id);
      expect(detail.answers.map((a) => [a.body, a.voteCount, a.myVote, a.accepted])).toEqual([
        ['Second', 2, true, false],
        ['Third', 1, true, false],
        ['First', 0, false, false],
      ]);
      expect(detail.answerCount).toBe(3);
      await acceptAnswer(t, asker, question.id, first.id);
      detail = await questionOf(t, other, question.id);
      expect(detail.answers.map((a) => a.body)).toEqual(['First', 'Second', 'Third']);
      expect(detail).toMatchObject({ status: 'answered', acceptedAnswerId: first.id, answeredAt: expect.any(String) });
    });
  });

  describe('answers', () => {
    it('counts answers exactly and tells the question room and the asker', async () => {
      const question = await askQuestion(t, asker, { topics: ['go'] });
      const answers = await Promise.all(experts.map((e, i) => answerQuestion(t, e, question.id, `Answer ${i}`)));
      expect((await questionOf(t, asker, question.id)).answerCount).toBe(experts.length);
      await t.settle();
      const created = await events('answer.created', question.id);
      expect(created.map((e) => e.payload.answerCount).sort((a, b) => Number(a) - Number(b))).toEqual([1, 2, 3, 4, 5, 6, 7]);
      expect(created[0].audience.sort()).toEqual([`question:${question.id}`, `user:${asker.id}`].sort());
      expect(answers[0]).toMatchObject({
        questionId: question.id,
        author: { id: experts[0].id },
        voteCount: 0,
        myVote: false,
        accepted: false,
      });
    });

    it.each([
      ['an empty body', { body: ' ' }],
      ['a 20,001-character body', { body: 'a'.repeat(20_001) }],
      ['an unknown field', { body: 'ok', accepted: true }],
    ])('rejects %s with 400', async (_name, body) => {
      const question = await askQuestion(t, asker);
      expect((await as(other).post(`/api/questions/${question.id}/answers`, body)).status).toBe(400);
    });

    it('is 404 on an unknown question', async () => {
      expect((await as(other).post(`/api/questions/${MISSING}/answers`, { body: 'Hello' })).status).toBe(404);
    });
  });

  describe('votes', () => {
    let question: QuestionView;
    let answerId: string;
    beforeAll(async () => {
      question = await askQuestion(t, asker, { topics: ['go'] });
      answerId = (await answerQuestion(t, experts[0], question.id)).id;
    });

    it('is idempotent both ways and answers { voteCount, myVote }', async () => {
      expect((await as(other).put(`/api/answers/${answerId}/vote`)).body).toEqual({ voteCount: 1, myVote: true });
      expect((await as(other).put(`/api/answers/${answerId}/vote`)).body).toEqual({ voteCount: 1, myVote: true });
      expect((await as(other).delete(`/api/answers/${answerId}/vote`)).body).toEqual({ voteCount: 0, myVote: false });
      expect((await as(other).delete(`/api/answers/${answerId}/vote`)).body).toEqual({ voteCount: 0, myVote: false });
      await t.settle();
      expect((await events('answer.voted', question.id)).map((e) => e.payload.voteCount)).toEqual([1, 0]);
    });

    it('refuses a vote on your own answer (400), an unknown answer (404), a bad id (400)', async () => {
      expect((await as(experts[0]).put(`/api/answers/${answerId}/vote`)).status).toBe(400);
      expect((await as(experts[0]).delete(`/api/answers/${answerId}/vote`)).status).toBe(400);
      expect((await as(other).put(`/api/answers/${MISSING}/vote`)).status).toBe(404);
      expect((await as(other).put('/api/answers/nope/vote')).status).toBe(400);
    });

    it('keeps the count exact when many vote and unvote at once', async () => {
      const voters = await registerUsers(t, 12);
      await Promise.all(voters.map((v) => as(v).put(`/api/answers/${answerId}/vote`).expect(200)));
      await Promise.all(voters.slice(0, 5).map((v) => as(v).delete(`/api/answers/${answerId}/vote`).expect(200)));
      const [{ vote_count }] = await t.sql<{ vote_count: number }>('SELECT vote_count FROM answers WHERE id = $1', [answerId]);
      const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM answer_votes WHERE answer_id = $1', [answerId]);
      expect(vote_count).toBe(7);
      expect(n).toBe(7);
    });
  });

  describe('accepting', () => {
    it('only the asker may accept (403), only an answer to this question (404), only one (409)', async () => {
      const question = await askQuestion(t, asker, { topics: ['kubernetes'] });
      const good = await answerQuestion(t, experts[3], question.id, 'Drain with --ignore-daemonsets');
      const alsoGood = await answerQuestion(t, experts[4], question.id, 'Cordon first');
      const elsewhere = await answerQuestion(t, experts[3], (await askQuestion(t, asker)).id);

      const accept = (user: TestUser, answerId: string, questionId = question.id) =>
        as(user).post(`/api/questions/${questionId}/accept`, { answerId });
      expect((await accept(other, good.id)).status).toBe(403);
      expect((await accept(experts[3], good.id)).status).toBe(403);
      expect((await accept(asker, elsewhere.id)).status).toBe(404);
      expect((await accept(asker, MISSING)).status).toBe(404);
      expect((await accept(asker, good.id, MISSING)).status).toBe(404);
      expect((await as(asker).post(`/api/questions/${question.id}/accept`, { answerId: 'nope' })).status).toBe(400);
      expect((await as(asker).post(`/api/questions/${question.id}/accept`, {})).status).toBe(400);
      expect((await questionOf(t, asker, question.id)).status).toBe('open');

      const res = await accept(asker, good.id);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ status: 'answered', acceptedAnswerId: good.id });
      expect(res.body.answers[0]).toMatchObject({ id: good.id, accepted: true });
      // The same again changes nothing; another is a conflict.
      expect((await accept(asker, good.id)).status).toBe(200);
      expect((await accept(asker, alsoGood.id)).status).toBe(409);
      const accepted = await t.sql('SELECT id FROM answers WHERE question_id = $1 AND accepted', [question.id]);
      expect(accepted).toEqual([{ id: good.id }]);

      await t.settle();
      const events_ = await events('question.answer_accepted', question.id);
      expect(events_).toHaveLength(1);
      expect(events_[0].payload).toMatchObject({
        questionId: question.id,
        answerId: good.id,
        answererId: experts[3].id,
        topics: ['kubernetes'],
      });
      expect(events_[0].audience.sort()).toEqual([`question:${question.id}`, `user:${experts[3].id}`].sort());
    });

    it('raises the accepted answerer’s expertise on the question’s topics', async () => {
      const [row] = await t.sql<{ accepted_answers: number }>(
        "SELECT accepted_answers FROM expertise WHERE user_id = $1 AND topic = 'kubernetes'",
        [experts[3].id],
      );
      expect(row.accepted_answers).toBe(1);
      const res = await as(other).get('/api/experts?q=kubernetes');
      const item = res.body.items.find((i: { user: { id: string } }) => i.user.id === experts[3].id);
      expect(item.reasons).toContain('1 accepted answer on Kubernetes');
    });

    it('the database itself refuses a second accepted answer', async () => {
      const question = await askQuestion(t, asker);
      const a = await answerQuestion(t, experts[0], question.id);
      const b = await answerQuestion(t, experts[1], question.id);
      await t.sql('UPDATE answers SET accepted = true, accepted_at = now() WHERE id = $1', [a.id]);
      await expect(t.sql('UPDATE answers SET accepted = true, accepted_at = now() WHERE id = $1', [b.id])).rejects.toThrow(
        /answers_one_accepted_idx/,
      );
      const elsewhere = await answerQuestion(t, experts[0], (await askQuestion(t, asker)).id);
      await expect(
        t.sql(`UPDATE questions SET status = 'answered', accepted_answer_id = $2 WHERE id = $1`, [question.id, elsewhere.id]),
      ).rejects.toThrow(/questions_accepted_answer_fk/);
    });

    it('accepting your own answer earns no expertise', async () => {
      const question = await askQuestion(t, other, { topics: ['Self help'] });
      const mine = await answerQuestion(t, other, question.id);
      await acceptAnswer(t, other, question.id, mine.id);
      await t.settle();
      expect(await t.sql("SELECT * FROM expertise WHERE user_id = $1 AND topic = 'self help'", [other.id])).toEqual([]);
    });
  });

  describe('similar questions', () => {
    beforeAll(async () => {
      await askQuestion(t, asker, { title: 'How do I configure a Kubernetes ingress controller?', topics: ['kubernetes'] });
      await askQuestion(t, asker, { title: 'How do I configure the VPN on Linux?', topics: ['vpn'] });
      await askQuestion(t, asker, { title: 'Où déclarer mes notes de frais ?', topics: ['frais'] });
    });
    const similar = async (title: string) => {
      const res = await as(other).get(`/api/questions/similar?title=${encodeURIComponent(title)}`);
      expect(res.status).toBe(200);
      return (res.body.items as { title: string; similarity: number }[]).map((i) => i.title);
    };

    it('suggests existing questions with a title like the one being typed', async () => {
      expect(await similar('configure kubernetes ingress')).toEqual(['How do I configure a Kubernetes ingress controller?']);
      // Sharing only "configure" also passes, but the best match comes first.
      expect((await similar('How do I configure the vpn?'))[0]).toBe('How do I configure the VPN on Linux?');
      expect(await similar('notes de frais')).toEqual(['Où déclarer mes notes de frais ?']);
      expect(await similar('ou declarer NOTES de FRAIS')).toEqual(['Où déclarer mes notes de frais ?']);
    });

    it('suggests nothing for stop words, short or unrelated titles, and treats metacharacters as text', async () => {
      expect(await similar('how do I')).toEqual([]);
      expect(await similar('go')).toEqual([]);
      expect(await similar('quantum chromodynamics')).toEqual([]);
      for (const title of ['& | ! ( ) : *', "'; DROP TABLE questions; --", '%_\\', 'kube:* & ingress']) await similar(title);
    });

    it('validates the title (1..200) and the limit', async () => {
      expect((await as(other).get('/api/questions/similar')).status).toBe(400);
      expect((await as(other).get('/api/questions/similar?title=%20')).status).toBe(400);
      expect((await as(other).get(`/api/questions/similar?title=${'a'.repeat(201)}`)).status).toBe(400);
      expect((await as(other).get(`/api/questions/similar?title=${'a'.repeat(10_000)}`)).status).toBe(400);
      expect((await as(other).get('/api/questions/similar?title=vpn&limit=21')).status).toBe(400);
    });
  });

  describe('claims', () => {
    it("an expert claims a question ('I'm on it'), visible to all; nobody else can while it runs", async () => {
      const question = await askQuestion(t, asker, { topics: ['kubernetes'] });
      const res = await as(experts[0]).post(`/api/questions/${question.id}/claim`);
      expect(res.status).toBe(200);
      expect(res.body.claim).toMatchObject({ user: { id: experts[0].id } });
      const minutes = (new Date(res.body.claim.expiresAt).getTime() - Date.now()) / 60_000;
      expect(minutes).toBeGreaterThan(29);
      expect(minutes).toBeLessThanOrEqual(30);
      expect((await questionOf(t, other, question.id)).claim).toEqual(res.body.claim);

      expect((await as(experts[1]).post(`/api/questions/${question.id}/claim`)).status).toBe(409);
      expect((await as(asker).post(`/api/questions/${question.id}/claim`)).status).toBe(400);
      expect((await as(experts[1]).delete(`/api/questions/${question.id}/claim`)).status).toBe(403);
      // Claiming again extends one's own claim.
      expect((await as(experts[0]).post(`/api/questions/${question.id}/claim`)).status).toBe(200);

      // Time passes: the claim lapses and someone else may take it.
      await t.sql(`UPDATE questions SET claim_expires_at = now() - interval '1 second' WHERE id = $1`, [question.id]);
      expect((await questionOf(t, other, question.id)).claim).toBeNull();
      expect((await as(experts[1]).post(`/api/questions/${question.id}/claim`)).status).toBe(200);

      // Released by its holder (idempotent).
      expect((await as(experts[1]).delete(`/api/questions/${question.id}/claim`)).status).toBe(204);
      expect((await as(experts[1]).delete(`/api/questions/${question.id}/claim`)).status).toBe(204);
      expect((await questionOf(t, other, question.id)).claim).toBeNull();
    });

    it('ends when its holder answers, and cannot start once an answer is accepted', async () => {
      const question = await askQuestion(t, asker, { topics: ['kubernetes'] });
      await as(experts[2]).post(`/api/questions/${question.id}/claim`).expect(200);
      const answer = await answerQuestion(t, experts[2], question.id);
      expect((await questionOf(t, other, question.id)).claim).toBeNull();
      await acceptAnswer(t, asker, question.id, answer.id);
      expect((await as(experts[3]).post(`/api/questions/${question.id}/claim`)).status).toBe(409);
      expect((await as(experts[3]).post(`/api/questions/${MISSING}/claim`)).status).toBe(404);
    });

    it('lets only one of many simultaneous claims win', async () => {
      const question = await askQuestion(t, asker, { topics: ['kubernetes'] });
      const results = await Promise.all(experts.map((e) => as(e).post(`/api/questions/${question.id}/claim`)));
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      expect(results.filter((r) => r.status === 409)).toHaveLength(experts.length - 1);
    });
  });

  describe('re-routing unanswered questions', () => {
    it('routes to the next experts after the delay, never twice to the same person, and stops when answered', async () => {
      const routing = t.app.get(QuestionRouting);
      const question = await askQuestion(t, asker, { topics: ['kubernetes'] });
      // Accepted answers earlier in this file reordered the five best; they are still experts 0..4.
      const firstRound = [...question.routedTo];
      expect([...firstRound].sort()).toEqual(ids(experts.slice(0, 5)).sort());
      const answered = await askQuestion(t, asker, { topics: ['kubernetes'] });
      await answerQuestion(t, other, answered.id);
      const claimed = await askQuestion(t, asker, { topics: ['kubernetes'] });
      await as(experts[6]).post(`/api/questions/${claimed.id}/claim`).expect(200);

      // Not due yet.
      await routing.rerouteDue(new Date(Date.now() + 30 * 60_000));
      expect((await questionOf(t, asker, question.id)).routedRound).toBe(1);

      await routing.rerouteDue(new Date(Date.now() + 61 * 60_000));
      const after = await questionOf(t, asker, question.id);
      expect(after.routedRound).toBe(2);
      expect(after.routedTo).toEqual([...firstRound, ...ids(experts.slice(5))]);
      await t.settle();
      const rounds = await events('question.routed', question.id);
      expect(rounds.map((r) => [r.payload.round, r.payload.userIds])).toEqual([
        [1, firstRound],
        [2, ids(experts.slice(5))],
      ]);
      // Round 1 reaches the experts only (the asker has it in the POST's answer); a later round also
      // reaches the asker, whose page then says who else was asked.
      expect(rounds[0].audience.sort()).toEqual(firstRound.map((id) => `user:${id}`).sort());
      expect(rounds[1].audience.sort()).toEqual(
        [...experts.slice(5).map((e) => e.id), asker.id].map((id) => `user:${id}`).sort(),
      );
      expect((await questionOf(t, asker, answered.id)).routedRound).toBe(1);
      expect((await questionOf(t, asker, claimed.id)).routedRound).toBe(1);
    });

    it('gives up after the last round', async () => {
      const routing = t.app.get(QuestionRouting);
      const question = await askQuestion(t, asker, { topics: ['kubernetes'] });
      let later = Date.now();
      for (let i = 0; i < 6; i++) {
        later += 61 * 60_000;
        await t.sql(`UPDATE questions SET last_routed_at = last_routed_at - interval '61 minutes' WHERE id = $1`, [question.id]);
        await routing.rerouteDue(new Date(later));
      }
      expect((await questionOf(t, asker, question.id)).routedRound).toBe(4);
    });
  });

  describe('lists', () => {
    let go: QuestionView[];
    beforeAll(async () => {
      go = [];
      for (let i = 0; i < 5; i++) go.push(await askQuestion(t, other, { title: `Go question ${i}`, topics: ['Golang'] }));
      const a = await answerQuestion(t, experts[0], go[1].id);
      await acceptAnswer(t, other, go[1].id, a.id);
    });

    it('lists newest first, by topic (any spelling or synonym) and status, page by page', async () => {
      const byTopic = await listAll<QuestionView>(t, asker, '/api/questions?topic=golang', 2);
      const goIds = byTopic.filter((q) => q.title.startsWith('Go question')).map((q) => q.id);
      expect(goIds).toEqual(go.map((q) => q.id).reverse());
      expect(byTopic.every((q) => q.topics.includes('go'))).toBe(true);
      const open = await listAll<QuestionView>(t, asker, '/api/questions?topic=GO&status=open', 2);
      expect(open.filter((q) => q.title.startsWith('Go question')).map((q) => q.id)).toEqual(
        [go[4], go[3], go[2], go[0]].map((q) => q.id),
      );
      const answered = await listAll<QuestionView>(t, asker, '/api/questions?topic=go&status=answered');
      expect(answered.map((q) => q.id)).toContain(go[1].id);
      expect(answered.every((q) => q.status === 'answered')).toBe(true);
      const everything = await listAll<QuestionView>(t, asker, '/api/questions', 7);
      const [{ n }] = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM questions');
      expect(everything).toHaveLength(n);
      expect(new Set(everything.map((q) => q.id)).size).toBe(n);
    });

    it("lists 'questions for me': those routed to the caller, most recently routed first", async () => {
      const mine = await listAll<QuestionView>(t, experts[6], '/api/questions?for=me', 3);
      const routes = await t.sql<{ question_id: string }>(
        'SELECT question_id FROM question_routes WHERE user_id = $1 ORDER BY routed_at DESC, question_id DESC',
        [experts[6].id],
      );
      expect(mine.map((q) => q.id)).toEqual(routes.map((r) => r.question_id));
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((q) => q.routedTo.includes(experts[6].id))).toBe(true);
      expect(await listAll(t, other, '/api/questions?for=me')).toEqual([]);
      const openForMe = await listAll<QuestionView>(t, experts[0], '/api/questions?for=me&status=answered');
      expect(openForMe.every((q) => q.status === 'answered')).toBe(true);
    });

    it.each([
      ['an unknown status', '?status=closed'],
      ['for someone else', '?for=you'],
      ['a blank topic', '?topic=%20%20'],
      ['limit 0', '?limit=0'],
      ['limit 101', '?limit=101'],
      ['a garbage cursor', '?cursor=nope'],
      ['an unknown parameter', '?sort=votes'],
    ])('rejects %s with 400', async (_name, query) => {
      expect((await as(asker).get(`/api/questions${query}`)).status).toBe(400);
    });
  });
});
