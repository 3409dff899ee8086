import { updateProfile } from './factories/people.factory.js';
import { earnAcceptedAnswer, setStatus } from './factories/question.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { quietPeriod, socketsFor } from './support/socket-client.js';
import { useTestApp } from './support/test-app.js';

interface RequestBody {
  id: string;
  skill: string;
  label: string;
  note: string;
  status: 'waiting' | 'paired' | 'closed';
  mentee: { id: string };
  mentor: { id: string } | null;
}

/** Mentoring: willing experts, requests paired at once, capacity, waiting lists, both told live. */
describe('expertise: mentoring', () => {
  const t = useTestApp();
  let expert: TestUser;
  let junior: TestUser;
  let newcomer: TestUser;
  let other: TestUser;

  beforeAll(async () => {
    await registerUser(t, { displayName: 'Admin' });
    expert = await registerUser(t, { displayName: 'Grace Expert' });
    junior = await registerUser(t, { displayName: 'Jules Junior' });
    newcomer = await registerUser(t, { displayName: 'Nina Newcomer' });
    other = await registerUser(t, { displayName: 'Omar Other' });
    // Grace knows Kubernetes better than Jules: she is the first choice while she has room.
    await updateProfile(t, expert, { skills: ['Kubernetes'] });
    await updateProfile(t, junior, { skills: ['Kubernetes'] });
    await earnAcceptedAnswer(t, other, expert, ['kubernetes']);
    await t.settle();
  });

  const connect = socketsFor(() => t);
  const offer = (user: TestUser, body: object) => t.http.put('/api/me/mentoring').set('Authorization', user.auth).send(body);
  const ask = (user: TestUser, body: object) => t.http.post('/api/mentoring/requests').set('Authorization', user.auth).send(body);
  const close = (user: TestUser, id: string) =>
    t.http.post(`/api/mentoring/requests/${id}/close`).set('Authorization', user.auth);

  it('records what a person offers to mentor on (normalised, synonyms applied)', async () => {
    const res = await offer(expert, { topics: ['K8s', '  Go  '], maxMentees: 1 });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      available: true,
      maxMentees: 1,
      activeMentees: 0,
      topics: [
        { topic: 'go', label: 'Go' },
        { topic: 'kubernetes', label: 'K8s' },
      ],
    });
    expect((await t.http.get('/api/me/mentoring').set('Authorization', expert.auth)).body).toEqual(res.body);
    expect((await t.http.get('/api/me/mentoring').set('Authorization', newcomer.auth)).body).toEqual({
      available: false,
      maxMentees: 3,
      activeMentees: 0,
      topics: [],
    });
  });

  it('pairs a newcomer with the best willing, available expert at once, and tells both live', async () => {
    await offer(junior, { topics: ['kubernetes'] }).expect(200);
    const menteeSocket = await connect(newcomer);
    const mentorSocket = await connect(expert);
    const res = await ask(newcomer, { skill: 'Kubernetes', note: 'New in the platform team' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      skill: 'kubernetes',
      label: 'Kubernetes',
      note: 'New in the platform team',
      status: 'paired',
      mentee: { id: newcomer.id, displayName: 'Nina Newcomer' },
      mentor: { id: expert.id, displayName: 'Grace Expert' },
    });
    for (const socket of [menteeSocket, mentorSocket]) {
      const event = await socket.waitFor('mentoring.paired', (p) => p.requestId === res.body.id);
      expect(event).toMatchObject({ menteeId: newcomer.id, mentorId: expert.id, skill: 'kubernetes', mentor: { id: expert.id } });
    }
  });

  it('respects capacity: the next request goes to the next willing expert', async () => {
    const res = await ask(other, { skill: 'k8s' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'paired', mentor: { id: junior.id } });
  });

  it('refuses a second open request on the same skill (409)', async () => {
    expect((await ask(newcomer, { skill: 'KUBERNETES' })).status).toBe(409);
  });

  it('waits when nobody is available, and pairs once someone offers', async () => {
    const someone = await registerUser(t, { displayName: 'Sam Seeker' });
    const res = await ask(someone, { skill: 'Rust' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'waiting', mentor: null, skill: 'rust' });
    const socket = await connect(someone);
    await offer(other, { topics: ['rust'] }).expect(200);
    await socket.waitFor('mentoring.paired', (p) => p.requestId === res.body.id && p.mentorId === other.id);
    const mine = await t.http.get('/api/mentoring/requests?role=mentee').set('Authorization', someone.auth);
    expect(mine.body.items).toEqual([
      expect.objectContaining({ id: res.body.id, status: 'paired', mentor: expect.objectContaining({ id: other.id }) }),
    ]);
  });

  it('never pairs with oneself, an unavailable or a suspended expert', async () => {
    const solo = await registerUser(t, { displayName: 'Solo' });
    await offer(solo, { topics: ['Cobol'] }).expect(200);
    expect((await ask(solo, { skill: 'cobol' })).body.status).toBe('waiting');

    const away = await registerUser(t, { displayName: 'Away' });
    await offer(away, { topics: ['Fortran'], available: false }).expect(200);
    const suspended = await registerUser(t, { displayName: 'Suspended' });
    await offer(suspended, { topics: ['Fortran'] }).expect(200);
    await setStatus(t, suspended, 'suspended');
    expect((await ask(newcomer, { skill: 'fortran' })).body).toMatchObject({ status: 'waiting', mentor: null });
  });

  it('closing frees the mentor, who is then paired with the oldest waiting request', async () => {
    const list = await t.http.get('/api/mentoring/requests?role=mentor').set('Authorization', expert.auth);
    const current = (list.body.items as RequestBody[]).find((r) => r.status === 'paired')!;
    const waiting = await registerUser(t, { displayName: 'Wanda Waiting' });
    await offer(junior, { available: false }).expect(200);
    expect((await ask(waiting, { skill: 'kubernetes' })).body.status).toBe('waiting');

    expect((await close(other, current.id)).status).toBe(404);
    const closed = await close(newcomer, current.id);
    expect(closed.status).toBe(200);
    expect(closed.body.status).toBe('closed');
    expect((await close(newcomer, current.id)).body.status).toBe('closed');
    await offer(expert, {}).expect(200);
    const after = await t.http.get('/api/mentoring/requests').set('Authorization', waiting.auth);
    expect(after.body.items[0]).toMatchObject({ status: 'paired', mentor: { id: expert.id } });
  });

  it('keeps capacity exact when many ask at once', async () => {
    const busy = await registerUser(t, { displayName: 'Busy Bee' });
    await offer(busy, { topics: ['Elixir'], maxMentees: 2 }).expect(200);
    const askers = await Promise.all(Array.from({ length: 6 }, (_, i) => registerUser(t, { displayName: `Asker ${i}` })));
    const results = await Promise.all(askers.map((a) => ask(a, { skill: 'elixir' })));
    expect(results.map((r) => r.status)).toEqual(askers.map(() => 201));
    expect(results.filter((r) => r.body.status === 'paired')).toHaveLength(2);
    expect((await t.http.get('/api/me/mentoring').set('Authorization', busy.auth)).body.activeMentees).toBe(2);
  });

  it.each([
    ['an empty skill', { skill: '  ' }],
    ['a skill of accents only', { skill: '\u0301' }],
    ['a 61-character skill', { skill: 's'.repeat(61) }],
    ['an unknown field', { skill: 'go', mentorId: '00000000-0000-4000-8000-000000000000' }],
    ['a 2001-character note', { skill: 'go', note: 'n'.repeat(2001) }],
  ])('rejects a request with %s (400)', async (_name, body) => {
    expect((await ask(newcomer, body)).status).toBe(400);
  });

  it.each([
    ['21 topics', { topics: Array.from({ length: 21 }, (_, i) => `t${i}`) }],
    ['a blank topic', { topics: ['go', ' '] }],
    ['maxMentees 0', { maxMentees: 0 }],
    ['maxMentees 21', { maxMentees: 21 }],
    ['available as a string', { available: 'yes' }],
  ])('rejects an offer with %s (400)', async (_name, body) => {
    expect((await offer(newcomer, body)).status).toBe(400);
  });

  it('tells nobody else', async () => {
    const bystander = await connect(await registerUser(t, { displayName: 'Bystander' }));
    const seeker = await registerUser(t, { displayName: 'Late Seeker' });
    await offer(expert, { topics: ['kubernetes', 'go', 'haskell'], maxMentees: 5 }).expect(200);
    expect((await ask(seeker, { skill: 'haskell' })).body.status).toBe('paired');
    await t.settle();
    await quietPeriod();
    expect(bystander.received.map((r) => r.event)).toEqual(['ready']);
  });
});
