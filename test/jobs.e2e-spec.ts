import { EVENTS_QUEUE, EventBus, JobEngine, OutboxRetention, type PublishedEvent } from '@ruche/platform';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { socketsFor } from './support/socket-client.js';
import { startTestApp, useTestApp } from './support/test-app.js';

const METRICS_TOKEN = 'metrics-token-for-the-tests-0123456789';

/**
 * Background work on pg-boss: listeners run off the stamping path, retry then dead-letter, are
 * idempotent on redelivery, keep per-subject order while subjects run concurrently; RUCHE_ROLE
 * splits api and worker; the outbox is pruned; /metrics reports it all.
 */
describe('background jobs', () => {
  const t = useTestApp({ RUCHE_JOB_RETRY_LIMIT: '2', RUCHE_JOB_RETRY_DELAY_SECONDS: '1', METRICS_TOKEN });
  let author: TestUser;
  let follower: TestUser;

  beforeAll(async () => {
    author = await registerUser(t, { displayName: 'Author' });
    follower = await registerUser(t, { displayName: 'Follower' });
    await t.http.put(`/api/users/${author.id}/follow`).set('Authorization', follower.auth).expect(204);
    await t.settle();
  });
  const connect = socketsFor(() => t);

  const post = async (body: string, user = author) => {
    const res = await t.http.post('/api/posts').set('Authorization', user.auth).send({ body });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };
  const stateOf = async (postId: string) => {
    const [row] = await t.sql<{ seq: string | null; state: string | null }>(
      `SELECT o.seq, j.state::text AS state FROM outbox o
         LEFT JOIN pgboss.job j ON j.name = $2 AND (j.data->>'seq')::bigint = o.seq
        WHERE o.type = 'post.created' AND o.payload->'post'->>'id' = $1`,
      [postId, EVENTS_QUEUE],
    );
    return row;
  };

  it('a listener that blocks does not hold back stamping or live delivery', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let entered!: () => void;
    const blocked = new Promise<void>((resolve) => (entered = resolve));
    const slow = process.hrtime.bigint().toString();
    t.app.get(EventBus).subscribe('post.created', async (e) => {
      if ((e.payload.post as { body: string }).body !== `slow ${slow}`) return;
      entered();
      await gate;
    }, 'test.blocking');
    const socket = await connect(follower);

    const first = await post(`slow ${slow}`);
    await blocked;
    // The listener holds the first event's job; a later post (another subject) is stamped and
    // delivered live all the same, and so was the first.
    const second = await post('while the listener is blocked');
    await socket.waitFor('post.created', (p) => (p.post as { id: string }).id === first.id);
    await socket.waitFor('post.created', (p) => (p.post as { id: string }).id === second.id);
    expect(await stateOf(first.id)).toMatchObject({ state: 'active' });
    expect((await stateOf(second.id)).seq).not.toBeNull();

    release();
    await t.settle();
    expect(await stateOf(first.id)).toMatchObject({ state: 'completed' });
  });

  it('a failing listener is retried with backoff, then dead-lettered with an alert; the others ran and the subject moves on', async () => {
    const marker = `poison ${process.hrtime.bigint()}`;
    const attempts: number[] = [];
    t.app.get(EventBus).subscribe('post.created', (e) => {
      if ((e.payload.post as { body: string }).body !== marker) return;
      attempts.push(Date.now());
      throw new Error('listener cannot cope');
    }, 'test.failing');
    const poisoned = await post(marker);
    await t.settle();

    // 1 attempt + RUCHE_JOB_RETRY_LIMIT=2 retries, spaced by the backoff (>= 1 s, doubling).
    expect(attempts).toHaveLength(3);
    expect(attempts[1] - attempts[0]).toBeGreaterThanOrEqual(900);
    const letters = await t.sql<{ event_type: string; listener: string; attempts: number; error: string }>(
      `SELECT d.event_type, d.listener, d.attempts, d.error FROM event_dead_letters d
         JOIN outbox o ON o.seq = d.event_id WHERE o.payload->'post'->>'id' = $1`,
      [poisoned.id],
    );
    expect(letters).toEqual([
      expect.objectContaining({ event_type: 'post.created', listener: 'test.failing', attempts: 3, error: expect.stringContaining('listener cannot cope') }),
    ]);
    // The other listeners of the event ran (analytics recorded the post once, despite 3 runs).
    const recorded = await t.sql(`SELECT 1 FROM analytics_activity WHERE subject_id = $1 AND kind = 'post'`, [poisoned.id]);
    expect(recorded).toHaveLength(1);
    // The dead-lettered job completed, so the post's later events are handled.
    await t.http.post(`/api/posts/${poisoned.id}/comments`).set('Authorization', follower.auth).send({ body: 'Still listening' }).expect(201);
    await t.settle();
    const told = await t.sql(`SELECT 1 FROM notifications WHERE recipient_id = $1 AND kind = 'comment' AND subject_type = 'comment'`, [author.id]);
    expect(told.length).toBeGreaterThanOrEqual(1);
  });

  it('a redelivered event changes nothing (listeners are idempotent by event id)', async () => {
    const target = await post('Redelivery target');
    await t.http.post(`/api/posts/${target.id}/comments`).set('Authorization', follower.auth).send({ body: 'Once' }).expect(201);
    await t.http.put(`/api/posts/${target.id}/reactions/like`).set('Authorization', follower.auth).expect(200);
    await t.settle();
    const snapshot = () =>
      Promise.all([
        t.sql(`SELECT id, actor_count, source_event_id FROM notifications WHERE recipient_id = $1 ORDER BY id`, [author.id]),
        t.sql(`SELECT event_id FROM analytics_activity ORDER BY event_id`),
        t.sql(`SELECT * FROM expertise_topics ORDER BY 1, 2`).catch(() => []),
      ]);
    const before = await snapshot();
    // Every event about the post, enqueued again (new job ids): pg-boss hands them out once more.
    const events = await t.sql<{ seq: string; subject_type: string; subject_id: string }>(
      `SELECT seq, subject_type, subject_id FROM outbox WHERE subject_id::text = $1 OR payload->'post'->>'id' = $1 OR payload->>'postId' = $1 ORDER BY seq`,
      [target.id],
    );
    expect(events.length).toBeGreaterThanOrEqual(3);
    const engine = t.app.get(JobEngine).engine!;
    await engine.insert(
      EVENTS_QUEUE,
      events.map((e) => ({ data: { seq: Number(e.seq) }, singletonKey: `${e.subject_type}:${e.subject_id}` })),
    );
    await t.settle();
    expect(await snapshot()).toEqual(before);
  });

  it('events about one subject are handled in eventId order while subjects run concurrently', async () => {
    const seen = new Map<string, number[]>();
    let inFlight = 0;
    let maxInFlight = 0;
    const record = async (e: PublishedEvent) => {
      if (!e.subject || e.subject.type !== 'post') return;
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      // Uneven work, so a subject's later event would overtake an earlier one if allowed to.
      await new Promise((r) => setTimeout(r, Math.random() * 40));
      seen.set(e.subject.id, [...(seen.get(e.subject.id) ?? []), e.eventId]);
      inFlight--;
    };
    const bus = t.app.get(EventBus);
    bus.subscribe('post.reaction_changed', record, 'test.order');
    bus.subscribe('comment.created', record, 'test.order');
    const posts = await Promise.all([1, 2, 3, 4, 5].map((n) => post(`Ordered ${n}`)));
    const people = await Promise.all([1, 2, 3].map((n) => registerUser(t, { displayName: `Voice ${n}` })));
    await Promise.all(
      posts.flatMap((p) =>
        people.flatMap((u) => [
          t.http.post(`/api/posts/${p.id}/comments`).set('Authorization', u.auth).send({ body: 'One' }),
          t.http.put(`/api/posts/${p.id}/reactions/like`).set('Authorization', u.auth),
          t.http.post(`/api/posts/${p.id}/comments`).set('Authorization', u.auth).send({ body: 'Two' }),
        ]),
      ),
    );
    await t.settle();
    for (const p of posts) {
      const ids = seen.get(p.id) ?? [];
      const subjects = await t.sql<{ seq: string }>(
        `SELECT seq FROM outbox WHERE subject_type = 'post' AND subject_id = $1 AND type IN ('post.reaction_changed', 'comment.created') ORDER BY seq`,
        [p.id],
      );
      expect(ids).toEqual(subjects.map((s) => Number(s.seq)));
    }
    expect(maxInFlight).toBeGreaterThan(1);
  });

  it('prunes events older than the retention window, in batches, and remembers how far', async () => {
    await t.sql(
      `INSERT INTO outbox (seq, type, payload, audience, created_at, published_at)
       SELECT -g, 'test.old', '{}'::jsonb, '{}', now() - interval '8 days', now() - interval '8 days' FROM generate_series(1, 20) g`,
    );
    const recent = await post('Recent enough');
    await t.settle();
    const retention = t.app.get(OutboxRetention);
    expect(await retention.prune()).toBe(20);
    expect(await t.sql(`SELECT 1 FROM outbox WHERE type = 'test.old'`)).toHaveLength(0);
    expect((await stateOf(recent.id)).seq).not.toBeNull();
    // The test rows' ids were negative: nothing real was pruned yet.
    expect(await retention.prunedThrough()).toBe(0);
    // Eight days on, everything here is past the 7-day window; the highest pruned id is kept.
    const later = new Date(Date.now() + 8 * 86_400_000);
    const [{ last }] = await t.sql<{ last: string }>('SELECT max(seq) AS last FROM outbox');
    await t.settle();
    expect(await retention.prune(later)).toBeGreaterThan(0);
    expect(await retention.prunedThrough()).toBe(Number(last));
  });

  it('GET /metrics: Prometheus text for operators holding the token', async () => {
    await t.http.get('/metrics').expect(401);
    await t.http.get('/metrics').set('Authorization', 'Bearer wrong-token-of-the-same-size-0000000').expect(401);
    await t.http.get('/api/health').expect(200);
    const res = await t.http.get('/metrics').set('Authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(res.headers['content-type']).toContain('text/plain');
    const text = res.text;
    expect(text).toMatch(/ruche_http_request_duration_seconds_bucket\{.*route="\/api\/health".*status="200"/);
    expect(text).toMatch(/ruche_events_lag\{stage="stamp",role="all"\} 0/);
    expect(text).toMatch(/ruche_events_lag\{stage="listeners",role="all"\} \d+/);
    expect(text).toMatch(/ruche_events_lag_seconds\{stage="listeners",role="all"\}/);
    expect(text).toMatch(/ruche_event_dead_letters\{role="all"\} [1-9]/);
    expect(text).toMatch(/ruche_db_pool_connections\{role="all"\} \d+/);
    expect(text).toMatch(/ruche_db_pool_waiting\{role="all"\} \d+/);
    expect(text).toContain('# TYPE ruche_job_queue_depth gauge');
  });
});

describe('RUCHE_ROLE', () => {
  it('an api instance runs no listener; a worker on the same database runs them and serves only operations', async () => {
    const api = await startTestApp({ RUCHE_ROLE: 'api' });
    try {
      const worker = await api.startPeer({ RUCHE_ROLE: 'worker' });
      const ranOn: string[] = [];
      api.app.get(EventBus).subscribe('post.created', () => void ranOn.push('api'), 'test.where');
      worker.app.get(EventBus).subscribe('post.created', () => void ranOn.push('worker'), 'test.where');
      const user = await registerUser(api, { displayName: 'Poster' });
      await api.http.post('/api/posts').set('Authorization', user.auth).send({ body: 'Who handles me?' }).expect(201);
      await api.settle();
      expect(ranOn).toEqual(['worker']);
      // The worker's listeners did the work (analytics recorded the post).
      expect(await api.sql(`SELECT 1 FROM analytics_activity WHERE kind = 'post'`)).toHaveLength(1);

      // Timed jobs are pg-boss schedules, created by the instance that runs jobs.
      const schedules = await api.sql<{ name: string; cron: string }>('SELECT name, cron FROM pgboss.schedule ORDER BY name');
      expect(schedules).toEqual(
        expect.arrayContaining([
          { name: 'ruche.timer.outbox-retention', cron: '23 * * * *' },
          { name: 'ruche.timer.questions-reroute', cron: '* * * * *' },
        ]),
      );

      await worker.http.get('/api/health').expect(200);
      await worker.http.get('/api/health/ready').expect(200);
      // No METRICS_TOKEN here: the endpoint is not served.
      await worker.http.get('/metrics').expect(404);
      await worker.http.get('/api/posts').set('Authorization', user.auth).expect(404);
      await worker.http.post('/api/auth/login').send({ email: 'x@example.com', password: 'whatever' }).expect(404);
    } finally {
      await api.close();
    }
  });
});
