import { QuestionRouting } from '@ruche/questions';
import { updateProfile } from './factories/people.factory.js';
import { answerQuestion, askQuestion } from './factories/question.factory.js';
import { registerUsers, type TestUser } from './factories/user.factory.js';
import { quietPeriod, socketsFor } from './support/socket-client.js';
import { useTestApp } from './support/test-app.js';

/** Questions over a real Socket.IO connection: experts hear about questions on their topics within moments. */
describe('questions realtime', () => {
  const t = useTestApp();
  let asker: TestUser, expert: TestUser, secondExpert: TestUser, stranger: TestUser;

  beforeAll(async () => {
    [, asker, expert, secondExpert] = await registerUsers(t, ['Admin', 'Asker', 'Kube Expert', 'Second Expert']);
    [stranger] = await registerUsers(t, ['Stranger']);
    await updateProfile(t, expert, { skills: ['Kubernetes'] });
    await updateProfile(t, stranger, { skills: ['Accounting'] });
    await t.settle();
  });

  const connect = socketsFor(() => t);

  it('notifies the top experts on the topics at once; nobody else hears of it', async () => {
    const expertSocket = await connect(expert);
    const strangerSocket = await connect(stranger);
    const askerSocket = await connect(asker);
    const question = await askQuestion(t, asker, { title: 'Pod stuck in CrashLoopBackOff', topics: ['k8s'] });
    expect(question.routedTo).toEqual([expert.id]);

    const routed = await expertSocket.waitFor('question.routed', (p) => p.questionId === question.id);
    expect(routed).toMatchObject({
      questionId: question.id,
      userIds: [expert.id],
      round: 1,
      title: 'Pod stuck in CrashLoopBackOff',
      topics: ['kubernetes'],
    });
    expect(typeof routed.eventId).toBe('number');
    const created = await expertSocket.waitFor('question.created', (p) => (p.question as { id: string }).id === question.id);
    expect(created.question).toMatchObject({ id: question.id, routedTo: [expert.id], asker: { id: asker.id } });
    await askerSocket.waitFor('question.created', (p) => (p.question as { id: string }).id === question.id);

    await quietPeriod();
    expect(strangerSocket.received.map((r) => r.event)).toEqual(['ready']);
    expect(askerSocket.received.filter((r) => r.event === 'question.routed')).toEqual([]);
  });

  it('re-routing reaches the next expert live', async () => {
    const question = await askQuestion(t, asker, { topics: ['kubernetes'] });
    await updateProfile(t, secondExpert, { skills: ['kubernetes'] });
    await t.settle();
    const socket = await connect(secondExpert);
    const askerSocket = await connect(asker);
    const strangerSocket = await connect(stranger);
    await t.app.get(QuestionRouting).rerouteDue(new Date(Date.now() + 2 * 60 * 60_000));
    const routed = await socket.waitFor('question.routed', (p) => p.questionId === question.id);
    expect(routed).toMatchObject({ userIds: [secondExpert.id], round: 2 });
    // The asker learns who else was asked, live; nobody else does.
    expect(await askerSocket.waitFor('question.routed', (p) => p.questionId === question.id)).toMatchObject({ round: 2 });
    await quietPeriod();
    expect(strangerSocket.received.filter((r) => r.event === 'question.routed')).toEqual([]);
  });

  it('a subscriber to question:<id> follows answers, votes, claims and the accepted answer live', async () => {
    const question = await askQuestion(t, asker, { topics: ['kubernetes'] });
    const watcher = await connect(stranger);
    expect(await watcher.subscribe(`question:${question.id}`)).toEqual({ ok: true });
    const answererSocket = await connect(expert);

    await t.http.post(`/api/questions/${question.id}/claim`).set('Authorization', expert.auth).expect(200);
    expect(await watcher.waitFor('question.claimed')).toMatchObject({
      questionId: question.id,
      claim: { user: { id: expert.id } },
    });

    const answer = await answerQuestion(t, expert, question.id, 'Check the liveness probe');
    const created = await watcher.waitFor('answer.created');
    expect(created).toMatchObject({
      questionId: question.id,
      answerCount: 1,
      answer: { id: answer.id, body: 'Check the liveness probe' },
    });
    await watcher.waitFor('question.claim_released', (p) => p.userId === expert.id);

    await t.http.put(`/api/answers/${answer.id}/vote`).set('Authorization', stranger.auth).expect(200);
    expect(await watcher.waitFor('answer.voted')).toMatchObject({ answerId: answer.id, questionId: question.id, voteCount: 1 });

    await t.http
      .post(`/api/questions/${question.id}/accept`)
      .set('Authorization', asker.auth)
      .send({ answerId: answer.id })
      .expect(200);
    const accepted = await watcher.waitFor('question.answer_accepted');
    expect(accepted).toMatchObject({ questionId: question.id, answerId: answer.id, answererId: expert.id });
    // The accepted answerer is told in their own room, without subscribing.
    await answererSocket.waitFor('question.answer_accepted', (p) => p.answerId === answer.id);
  });

  it('the asker hears of new answers without subscribing', async () => {
    const question = await askQuestion(t, asker, { topics: ['kubernetes'] });
    const askerSocket = await connect(asker);
    await answerQuestion(t, stranger, question.id, 'Try restarting it');
    await askerSocket.waitFor('answer.created', (p) => p.questionId === question.id);
  });

  it('refuses to subscribe to an unknown question', async () => {
    const socket = await connect(stranger);
    expect(await socket.subscribe('question:00000000-0000-4000-8000-000000000000')).toEqual({ ok: false, error: 'not found' });
  });

  it('replays a missed routing after a reconnect', async () => {
    const first = await connect(expert);
    const seen = await askQuestion(t, asker, { topics: ['kubernetes'] });
    const seenEvent = await first.waitFor('question.routed', (p) => p.questionId === seen.id);
    first.close();
    const missed = await askQuestion(t, asker, { topics: ['kubernetes'] });
    await t.settle();
    const back = await connect(expert, seenEvent.eventId as number);
    await back.waitFor('question.routed', (p) => p.questionId === missed.id);
  });
});
