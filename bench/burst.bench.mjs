// Burst benchmark: the largest burst of simultaneous requests each main write endpoint holds.
// Not part of the test run.
//
//   node bench/burst.bench.mjs                          # DATABASE_URL or postgres://postgres@127.0.0.1:5432/test
//   node bench/burst.bench.mjs --sizes 40,80,160,320 --endpoints comment,reaction --max-seconds 300
//
// It starts the real api (the whole app, transpiled like the other benchmarks' modules) on its own
// fresh database `ruche_burst_bench`, with the default pool (DATABASE_POOL_MAX, 20 unless set),
// registers enough people, then fires bursts of growing size at each endpoint, all at once. For
// each size it records the statuses, latency (p50, p99, max), whether the counters still equal
// the rows they count, connections left idle inside a transaction, and how long
// `/api/health/ready` took afterwards. A size is *held* when every request got a 2xx or the
// expected 4xx (no 5xx, no 503, none left without an answer within 30 s), the counts are exact,
// nothing is stuck in a transaction and readiness answers 200 within 2 s; an endpoint stops
// growing at the first size it does not hold. Progress goes to stderr, the result (JSON) to
// stdout.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { apiClient, loadApp, logger, openBenchDatabase, stats, timed } from './support.mjs';

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string', default: '40,80,160,320' },
    endpoints: { type: 'string', default: '' },
    'max-seconds': { type: 'string', default: '300' },
  },
});
const SIZES = args.sizes.split(',').map(Number);
const LARGEST = Math.max(...SIZES);
const DEADLINE = performance.now() + Number(args['max-seconds']) * 1000;
const ANSWER_WITHIN_MS = 30_000;
const READY_WITHIN_MS = 2_000;
const DATABASE = 'ruche_burst_bench';

const log = logger('burst-bench');

// ---- the app, transpiled ------------------------------------------------------------------------

const load = loadApp();
const { migrations } = await load('migrations/index.js');
const { createApp } = await load('apps/api/src/bootstrap.js');
const { loadConfig, OutboxPublisher } = await load('libs/platform/src/index.js');

const { db, one, server } = await openBenchDatabase({ name: DATABASE, fresh: true, migrations, log });
const databaseUrl = (() => {
  const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');
  url.pathname = `/${DATABASE}`;
  return url.toString();
})();

const config = loadConfig({
  ...process.env,
  DATABASE_URL: databaseUrl,
  JWT_SECRET: 'burst-bench-secret-that-is-long-enough',
  // Bursts measure the database path, not the per-person budgets that would refuse them first.
  RUCHE_RATE_LIMIT: '0',
  RUCHE_WRITE_RATE_LIMIT: '0',
  RUCHE_DEMO: '0',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
  RUCHE_DATA_DIR: '/tmp/ruche-burst-bench',
});
// The app logs JSON lines on stdout; here they go to stderr, so stdout carries the result alone.
const print = process.stdout.write.bind(process.stdout);
process.stdout.write = process.stderr.write.bind(process.stderr);
const app = await createApp(config);
await app.listen({ port: 0, host: '127.0.0.1' });
const base = `http://127.0.0.1:${app.getHttpServer().address().port}`;
const settle = () => app.get(OutboxPublisher).flush();
log(`api on ${base}`);

// ---- http ---------------------------------------------------------------------------------------

const { call, ok, register: signUp, openCampaign } = apiClient(base, { timeoutMs: ANSWER_WITHIN_MS });
const register = (n) => signUp(n, 'burst');

const readyPath = (await call('GET', '/api/health/ready')).status === 404 ? '/api/health' : '/api/health/ready';

/** Readiness right after a burst: status and how long it took. */
async function readiness() {
  const res = await call('GET', readyPath);
  return { status: res.status, ms: Math.round(res.ms) };
}

/** Connections idle inside a transaction; a listener's transaction in flight gets a second to finish. */
async function stuckInTransaction() {
  let stuck = 0;
  for (let attempt = 0; attempt < 10; attempt++) {
    const row = await one(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1 AND state LIKE 'idle in transaction%'`,
      [DATABASE],
    );
    stuck = row.n;
    if (stuck === 0) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return stuck;
}

// ---- endpoints ----------------------------------------------------------------------------------

const int = async (text, values) => (await one(text, values)).n;

const admin = (await register(1))[0];
const crowd = await timed(log, `registered ${LARGEST + 1} people`, () => register(LARGEST + 1));
const [author, ...others] = crowd;
const innovator = admin;
await ok('PUT', `/api/admin/users/${innovator.id}/roles`, { user: admin, body: { roles: ['innovation', 'admin'] } }, 200);
// Auto-hide would stop later reports at 404; the report burst checks counting, not hiding.
await ok('PUT', '/api/moderation/settings', { user: admin, body: { autoHideThreshold: 1000 } }, 200);
const campaign = await openCampaign(innovator, 'Burst', admin);

const post = (user, body) => ok('POST', '/api/posts', { user, body: { body } }, 201);

/**
 * Each endpoint: `prepare(n)` makes a fresh subject, `requests(subject, n)` the burst, `expected`
 * the statuses a correct answer may have, `exact(subject, answers)` whether the counters equal
 * the rows (and the number of successes).
 */
const ENDPOINTS = {
  'post.create': {
    prepare: async () => ({ tag: `Burst ${Math.random().toString(36).slice(2)}` }),
    requests: (s, n) => others.slice(0, n).map((user) => ['POST', '/api/posts', { user, body: { body: s.tag } }]),
    expected: [201],
    exact: async (s, answers) =>
      (await int('SELECT count(*)::int AS n FROM posts WHERE body = $1', [s.tag])) === success(answers),
  },
  'post.edit (one author)': {
    prepare: () => post(author, 'Edited in a burst'),
    requests: (p, n) =>
      Array.from({ length: n }, (_, i) => ['PATCH', `/api/posts/${p.id}`, { user: author, body: { body: `Edit ${i}` } }]),
    expected: [200],
    exact: async (p, answers) =>
      (await int(`SELECT count(*)::int AS n FROM outbox WHERE type = 'post.updated' AND subject_id = $1`, [p.id])) ===
      success(answers),
  },
  'post.delete (one post)': {
    prepare: () => post(author, 'Deleted in a burst'),
    requests: (p, n) => Array.from({ length: n }, () => ['DELETE', `/api/posts/${p.id}`, { user: author }]),
    expected: [204, 404],
    exact: async (p, answers) =>
      answers.filter((a) => a.status === 204).length === 1 &&
      (await int(`SELECT count(*)::int AS n FROM outbox WHERE type = 'post.deleted' AND subject_id = $1`, [p.id])) === 1,
  },
  'comment.create (one post)': {
    prepare: () => post(author, 'Commented in a burst'),
    requests: (p, n) =>
      others.slice(0, n).map((user) => ['POST', `/api/posts/${p.id}/comments`, { user, body: { body: 'Me too' } }]),
    expected: [201],
    exact: (p, answers) =>
      counterMatches(
        'SELECT comment_count AS counter, (SELECT count(*)::int FROM post_comments WHERE post_id = $1) AS rows FROM posts WHERE id = $1',
        p.id,
        answers,
      ),
  },
  'reaction.put (one post)': {
    prepare: () => post(author, 'Liked in a burst'),
    requests: (p, n) => others.slice(0, n).map((user) => ['PUT', `/api/posts/${p.id}/reactions/like`, { user }]),
    expected: [200],
    exact: (p, answers) =>
      counterMatches(
        `SELECT like_count AS counter, (SELECT count(*)::int FROM post_reactions WHERE post_id = $1 AND kind = 'like') AS rows FROM posts WHERE id = $1`,
        p.id,
        answers,
      ),
  },
  'idea.vote (one idea)': {
    prepare: () =>
      ok(
        'POST',
        `/api/campaigns/${campaign.id}/ideas`,
        { user: innovator, body: { title: 'Voted in a burst', body: 'Why' } },
        201,
      ),
    requests: (idea, n) => others.slice(0, n).map((user) => ['PUT', `/api/ideas/${idea.id}/vote`, { user }]),
    expected: [200],
    exact: (idea, answers) =>
      counterMatches(
        'SELECT vote_count AS counter, (SELECT count(*)::int FROM idea_votes WHERE idea_id = $1) AS rows FROM ideas WHERE id = $1',
        idea.id,
        answers,
      ),
  },
  'answer.create (one question)': {
    prepare: () =>
      ok(
        'POST',
        '/api/questions',
        { user: author, body: { title: 'Answered in a burst?', body: 'Details', topics: ['bench'] } },
        201,
      ),
    requests: (q, n) =>
      others.slice(0, n).map((user) => ['POST', `/api/questions/${q.id}/answers`, { user, body: { body: 'Try this' } }]),
    expected: [201],
    exact: (q, answers) =>
      counterMatches(
        'SELECT answer_count AS counter, (SELECT count(*)::int FROM answers WHERE question_id = $1) AS rows FROM questions WHERE id = $1',
        q.id,
        answers,
      ),
  },
  'answer.vote (one answer)': {
    prepare: async () => {
      const q = await ok(
        'POST',
        '/api/questions',
        { user: admin, body: { title: 'Votes in a burst?', body: 'Details', topics: ['bench'] } },
        201,
      );
      return ok('POST', `/api/questions/${q.id}/answers`, { user: author, body: { body: 'Vote for me' } }, 201);
    },
    requests: (a, n) => others.slice(0, n).map((user) => ['PUT', `/api/answers/${a.id}/vote`, { user }]),
    expected: [200],
    exact: (a, answers) =>
      counterMatches(
        'SELECT vote_count AS counter, (SELECT count(*)::int FROM answer_votes WHERE answer_id = $1) AS rows FROM answers WHERE id = $1',
        a.id,
        answers,
      ),
  },
  'follow (one person)': {
    prepare: async () => (await register(1))[0],
    requests: (star, n) => others.slice(0, n).map((user) => ['PUT', `/api/users/${star.id}/follow`, { user }]),
    expected: [204],
    exact: async (star, answers) =>
      (await int('SELECT count(*)::int AS n FROM follows WHERE followee_id = $1', [star.id])) === success(answers),
  },
  'group.join (one public group)': {
    prepare: () =>
      ok(
        'POST',
        '/api/groups',
        { user: author, body: { name: `Burst ${Math.random().toString(36).slice(2)}`, visibility: 'public' } },
        201,
      ),
    requests: (g, n) => others.slice(0, n).map((user) => ['POST', `/api/groups/${g.id}/join`, { user }]),
    expected: [200],
    exact: async (g, answers) => {
      const row = await one(
        `SELECT member_count AS counter, (SELECT count(*)::int FROM group_memberships WHERE group_id = $1 AND role <> 'pending') AS rows FROM groups WHERE id = $1`,
        [g.id],
      );
      return row.counter === row.rows && row.rows === success(answers) + 1;
    },
  },
  'report (one post)': {
    prepare: () => post(author, 'Reported in a burst'),
    requests: (p, n) =>
      others
        .slice(0, n)
        .map((user) => ['POST', '/api/reports', { user, body: { targetType: 'post', targetId: p.id, reason: 'Bench' } }]),
    expected: [201],
    exact: async (p, answers) => {
      const row = await one(
        `SELECT max(report_count)::int AS counter, count(*)::int AS cases,
                (SELECT count(*)::int FROM reports WHERE target_id = $1) AS rows
           FROM moderation_cases WHERE target_id = $1`,
        [p.id],
      );
      return row.cases === 1 && row.counter === row.rows && row.rows === success(answers);
    },
  },
};

const success = (answers) => answers.filter((a) => a.status >= 200 && a.status < 300).length;

async function counterMatches(text, id, answers) {
  const row = await one(text, [id]);
  return row.counter === row.rows && row.rows === success(answers);
}

// ---- run ----------------------------------------------------------------------------------------

const chosen = args.endpoints
  ? Object.keys(ENDPOINTS).filter((name) => args.endpoints.split(',').some((e) => name.startsWith(e)))
  : Object.keys(ENDPOINTS);
const results = {};
let outOfTime = false;

for (const name of chosen) {
  const endpoint = ENDPOINTS[name];
  results[name] = { largestHeld: 0, bursts: [] };
  for (const size of SIZES) {
    if (performance.now() > DEADLINE) {
      outOfTime = true;
      break;
    }
    await settle();
    const subject = await endpoint.prepare(size);
    const requests = endpoint.requests(subject, size);
    const started = performance.now();
    const answers = await Promise.all(requests.map(([method, path, options]) => call(method, path, options)));
    const wallMs = Math.round(performance.now() - started);
    const ready = await readiness();
    await settle();
    const statuses = {};
    for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
    const exact = await endpoint.exact(subject, answers);
    const stuck = await stuckInTransaction();
    const clear = answers.every((a) => endpoint.expected.includes(a.status));
    const held = clear && exact && stuck === 0 && ready.status === 200 && ready.ms < READY_WITHIN_MS;
    const latency = stats(answers.map((a) => a.ms));
    const sorted = answers.map((a) => a.ms).sort((a, b) => a - b);
    const burst = {
      size,
      held,
      statuses,
      p50Ms: latency.p50,
      p99Ms: Number(sorted[Math.min(sorted.length - 1, Math.floor(0.99 * sorted.length))].toFixed(2)),
      maxMs: latency.max,
      wallMs,
      exact,
      stuckInTransaction: stuck,
      readyAfter: ready,
    };
    const failure = answers.find((a) => !endpoint.expected.includes(a.status));
    if (failure)
      burst.sampleFailure = { status: failure.status, retryAfter: failure.retryAfter, body: failure.body ?? failure.failure };
    results[name].bursts.push(burst);
    log(
      `${name} × ${size}: ${held ? 'held' : 'NOT held'} ${JSON.stringify(statuses)} p50 ${burst.p50Ms} ms p99 ${burst.p99Ms} ms, ready ${ready.status} in ${ready.ms} ms`,
    );
    if (!held) break;
    results[name].largestHeld = size;
  }
}

const result = {
  benchmark: 'burst',
  ...(await server()),
  node: process.version,
  pool: { max: Number(process.env.DATABASE_POOL_MAX ?? 20) },
  sizes: SIZES,
  outOfTime,
  largestHeld: Object.fromEntries(Object.entries(results).map(([name, r]) => [name, r.largestHeld])),
  endpoints: results,
};
print(`${JSON.stringify(result, null, 2)}\n`);

await app.close();
await db.end();
