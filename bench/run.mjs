// The benchmark suite of #12 "Fast at company scale": the issue's table, measured against the real
// api over HTTP and Socket.IO. Not part of the tests.
//
//   npm run bench:seed                      # once: the company (small preset; --preset full for #12's)
//   npm run bench                           # every scenario, 3 runs each, medians
//   npm run bench -- --only feed,search --runs 1 --seconds 3 --members 200
//
// The api runs in its own process from the current sources (bench/app-server.mjs) on the seeded
// database `ruche_bench`, pinned to core 0 with `taskset`; this process, the load generator and
// the Socket.IO clients, pins itself to core 1 (PostgreSQL runs where the kernel puts it: both
// cores are shared with it, as on the machine #12 was measured on). The floor server
// (bench/floor/server.mjs) runs on core 0 too, measured in the same run as the feed.
//
// Every scenario prints one JSON line to stdout: req/s, latency p50/p90/p99/max in ms, errors,
// the server's CPU% (of one core) and RSS from /proc, the median of `--runs` runs (by throughput,
// or by p99 for the latency scenarios) with every run's headline figure, the issue's target, and
// the load average before it (`busy` when other work was competing for the CPU). Progress goes to
// stderr. Writes change the database (posts, votes): re-seed for comparable runs across versions.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { io } from 'socket.io-client';
import {
  accessToken,
  checkout,
  BENCH_JWT_SECRET,
  databaseUrl,
  httpClient,
  latency,
  load,
  loadApp,
  logger,
  machine,
  median,
  root,
  SUITE_DATABASE,
  watchProcess,
} from './support.mjs';

const { values: args } = parseArgs({
  options: {
    only: { type: 'string', default: '' },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '10' },
    members: { type: 'string', default: '500' },
    voters: { type: 'string', default: '500' },
    followers: { type: 'string', default: '50' },
    viewers: { type: 'string', default: '200' },
    ref: { type: 'string' },
    database: { type: 'string', default: SUITE_DATABASE },
    // Writes the recorded feed statements (per viewer: name, text, values) to this file, to EXPLAIN them.
    recorded: { type: 'string' },
  },
});
const RUNS = Number(args.runs);
const SECONDS = Number(args.seconds);
const C = Number(args.concurrency);
const log = logger('bench');
const started = performance.now();

// ---- cores: the api and the floor on core 0, this process on core 1 ----------------------------------
const pinned = (() => {
  try {
    execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    log('taskset unavailable or one core: the server and the load generator share the CPU');
    return false;
  }
})();
// --ref: the api from that git revision's sources (the harness stays this one), for before/after.
const source = args.ref ? checkout(args.ref) : null;
const children = new Set();
const onCore0 = (script, extra = []) => {
  const child = spawn(pinned ? 'taskset' : process.execPath, [...(pinned ? ['-c', '0', process.execPath] : []), join(root, script), ...extra], {
    // The children's stdout goes to our stderr: stdout carries the results alone.
    stdio: ['ignore', 2, 'inherit', 'ipc'],
    env: { ...process.env, BENCH_DATABASE_URL: databaseUrl(args.database), ...(source ? { BENCH_SOURCE: source.dir } : {}) },
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
};
// A failed run leaves no server behind.
process.once('exit', () => children.forEach((c) => c.kill('SIGKILL')));
process.once('uncaughtException', (error) => {
  log(error.stack ?? String(error));
  process.exit(1);
});

/** A child process that reports `{ port }` once listening, with request/answer over IPC. */
async function startChild(script, extra) {
  const child = onCore0(script, extra);
  const port = await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.on('message', (m) => m.port && resolve(m.port));
  });
  let next = 0;
  const ask = (cmd) =>
    new Promise((resolve) => {
      const id = ++next;
      const answer = (m) => {
        if (m.id !== id) return;
        child.off('message', answer);
        resolve(m);
      };
      child.on('message', answer);
      child.send({ cmd, id });
    });
  const stop = async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.send({ cmd: 'close' });
    await Promise.race([exited, sleep(10_000).then(() => child.kill('SIGKILL'))]);
  };
  return { child, pid: child.pid, base: `http://127.0.0.1:${port}`, ask, stop };
}

// ---- the company ---------------------------------------------------------------------------------------
const db = new pg.Pool({ connectionString: databaseUrl(args.database), max: 2, application_name: 'ruche_bench_run' });
const company = await db
  .query(`SELECT value FROM bench_meta WHERE key = 'company'`)
  .then((r) => r.rows[0]?.value)
  .catch(() => undefined);
if (!company) throw new Error(`no seeded company in ${args.database}: run npm run bench:seed first`);
const ids = async (text, values) => (await db.query(text, values)).rows.map((r) => r.id);
// Everyone gets one open bench session (its id derived from theirs, so reruns reuse it): an access
// token names a session and the account's token version, both checked by the api.
const sessions = new Map(
  (
    await db.query(
      `WITH opened AS (
         INSERT INTO sessions (id, user_id, user_agent, expires_at)
         SELECT md5(id::text || ':bench-session')::uuid, id, 'ruche-bench', now() + interval '1 day' FROM users
         ON CONFLICT (id) DO UPDATE SET expires_at = EXCLUDED.expires_at, revoked_at = NULL
         RETURNING id, user_id)
       SELECT o.user_id, o.id AS sid, u.token_version AS ver FROM opened o JOIN users u ON u.id = o.user_id`,
    )
  ).rows.map((r) => [r.user_id, { sid: r.sid, ver: r.ver }]),
);
const person = (id) => ({ id, token: accessToken(BENCH_JWT_SECRET, { sub: id, ...sessions.get(id) }, 6 * 3600) });
const handleOf = (i) => `bench_${i}`;
const byHandles = async (handles) =>
  ids(`SELECT id FROM users WHERE handle = ANY($1) ORDER BY array_position($1, handle)`, [handles]);

// Viewers: people by handle order of their hashed ids, i.e. a fixed, arbitrary sample.
const viewers = (await ids('SELECT id FROM users ORDER BY id LIMIT $1', [Number(args.viewers)])).map(person);
const everyone = (await ids('SELECT id FROM users ORDER BY id')).map(person);
const stars = (await byHandles(Array.from({ length: company.stars }, (_, i) => handleOf(i + 1)))).map(person);
const allHands = (await db.query(`SELECT id FROM groups WHERE name = 'All hands'`)).rows[0].id;
const campaign = (await db.query(`SELECT id FROM campaigns WHERE status = 'open' ORDER BY created_at LIMIT 1`)).rows[0].id;
const innovator = person((await byHandles([handleOf(1)]))[0]);

// ---- the api ---------------------------------------------------------------------------------------------
// A server with autovacuum off (as a CI box may run PostgreSQL) never cleans the queue tables
// (outbox, pgboss.job): their dead rows pile up run after run and every write scenario slows down.
const autovacuum = (await db.query('SHOW autovacuum')).rows[0].autovacuum === 'on';
if (!autovacuum) log('autovacuum is off on this server: write scenarios (posts, votes, live) will be pessimistic; ALTER SYSTEM SET autovacuum = on');
const before = { ...machine(), autovacuum };
log(`machine: ${before.cores} cores, load ${before.loadAverage.join(' / ')}${before.busy ? ' (busy)' : ''}`);
log('transpiling the api');
// Here, not in the api's process: the compiler would stay in its RSS.
loadApp(source?.dir ?? root);
log('starting the api');
const api = await startChild('bench/app-server.mjs');
const client = httpClient(api.base, 600);
log(`api on ${api.base} (pid ${api.pid})`);

// Warm-up: each viewer's home page once, and a walk to page 5 (the timelines of people not seen
// for a while are rebuilt here, as on their return; what that first read costs is recorded).
// Then, once background work has settled, page 1 again, alone, recorded: the steady state, whose
// statements the floor replays.
const feedStatements = async (viewer, path = '/api/feed?limit=20') => {
  await api.ask('record');
  const res = await client.request('GET', path, { token: viewer.token });
  const { requests } = await api.ask('recorded');
  if (res.status !== 200) throw new Error(`feed for ${viewer.id}: ${res.status} ${JSON.stringify(res.body)}`);
  return { res, statements: requests.find((r) => r.url === path)?.statements ?? [] };
};
const firstReads = [];
const page5 = [];
for (const [n, viewer] of viewers.entries()) {
  const { res, statements } = await feedStatements(viewer);
  firstReads.push(statements.length);
  let cursor = res.body.nextCursor;
  for (let p = 2; p <= 5 && cursor; p++) {
    const next = await client.request('GET', `/api/feed?limit=20&cursor=${encodeURIComponent(cursor)}`, { token: viewer.token });
    if (p === 5 && next.status === 200) page5.push({ viewer, cursor });
    cursor = next.body?.nextCursor;
  }
  if (n % 50 === 49) log(`warm-up: ${n + 1} / ${viewers.length} viewers`);
}
await sleep(3_000);
const recordings = [];
for (const viewer of viewers) recordings.push((await feedStatements(viewer)).statements);
if (args.recorded) writeFileSync(args.recorded, JSON.stringify(recordings));
const page5Statements = [];
for (const { viewer, cursor } of page5.slice(0, 20))
  page5Statements.push((await feedStatements(viewer, `/api/feed?limit=20&cursor=${encodeURIComponent(cursor)}`)).statements.length);
const pagesAtFive = page5;

// ---- scenarios -----------------------------------------------------------------------------------------
let probe = 0;
const body = (label) => `${label} ${++probe}: projet réunion équipe planning, mesuré par le banc`;
// The api's V8 heap beside its RSS, read at the end of each run: a heap far below the RSS is memory
// V8 or the allocator keeps after a peak, a heap that grows run after run is memory the app retains.
const withServer = async (work) => {
  const measured = await watchProcess(api.pid, work);
  // Event jobs still waiting for the listeners when the load stops: a write rate the listeners did
  // not keep up with leaves a backlog (and borrowed their CPU while it was measured).
  measured.result.eventsQueued = Number(
    (await db.query(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'ruche.events' AND state IN ('created', 'retry', 'active')`)).rows[0].n,
  );
  const { memory } = await api.ask('memory');
  measured.server.heapUsedMb = memory && Math.round(memory.heapUsed / 1048576);
  measured.server.externalMb = memory && Math.round((memory.external + memory.arrayBuffers) / 1048576);
  return measured;
};

/** `{ measure: () => ({ result, server }), by, target }` per scenario; run RUNS times. */
const SCENARIOS = {
  feed: {
    what: 'home feed page 1 (GET /api/feed), c=10',
    target: '>= 1,000 req/s, p99 <= 50 ms',
    run: () =>
      withServer(() =>
        load({ client, concurrency: C, seconds: SECONDS, next: (w, i) => ({ path: '/api/feed?limit=20', token: viewers[i % viewers.length].token, discard: true }) }),
      ),
  },
  'feed.floor': {
    what: "the floor: bare node:http + pg running Ruche's recorded feed statements, c=10",
    target: 'the ceiling for the feed: Ruche / floor near 1 means the SQL is the limit',
    setup: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ruche-floor-'));
      const file = join(dir, 'recorded.json');
      writeFileSync(file, JSON.stringify({ databaseUrl: databaseUrl(args.database), poolMax: 20, viewers: recordings }));
      return startChild('bench/floor/server.mjs', [file]);
    },
    // Each run measures Ruche's feed right before the floor, so both see the same machine: the
    // ratio is taken per pair (on a shared machine, load moves between scenarios).
    run: async (floor) => {
      const ruche = await load({ client, concurrency: C, seconds: SECONDS, next: (w, i) => ({ path: '/api/feed?limit=20', token: viewers[i % viewers.length].token, discard: true }) });
      const floorClient = httpClient(floor.base, C);
      try {
        const measured = await watchProcess(floor.pid, () =>
          load({ client: floorClient, concurrency: C, seconds: SECONDS, next: (w, i) => ({ path: `/feed?v=${i % recordings.length}`, discard: true }) }),
        );
        measured.result.ruchePerFloor = Number((ruche.reqPerSec / measured.result.reqPerSec).toFixed(2));
        measured.result.ruche = { reqPerSec: ruche.reqPerSec, p99: ruche.p99 };
        return measured;
      } finally {
        floorClient.close();
      }
    },
    teardown: (floor) => floor.stop(),
  },
  'feed.page5': {
    what: 'home feed page 5 by cursor, c=10',
    target: 'as fast as page 1',
    run: () =>
      withServer(() =>
        load({
          client,
          concurrency: C,
          seconds: SECONDS,
          next: (w, i) => {
            const p = pagesAtFive[i % pagesAtFive.length];
            return { path: `/api/feed?limit=20&cursor=${encodeURIComponent(p.cursor)}`, token: p.viewer.token, discard: true };
          },
        }),
      ),
    skip: () => (pagesAtFive.length ? null : 'no viewer has five pages'),
  },
  'post.create': {
    what: 'post create (POST /api/posts) by anyone, c=10',
    target: '>= 500 req/s, p99 <= 100 ms',
    run: () =>
      withServer(() =>
        load({ client, concurrency: C, seconds: SECONDS, next: (w, i) => ({ method: 'POST', path: '/api/posts', token: everyone[(i * 7919) % everyone.length].token, body: { body: body('Post') } }) }),
      ),
  },
  'post.create.star': {
    what: `post by an author with ${company.starFollowers.toLocaleString('en')} followers, c=10`,
    target: '>= 200 req/s, p99 <= 150 ms',
    run: () =>
      withServer(() =>
        load({ client, concurrency: C, seconds: SECONDS, next: (w, i) => ({ method: 'POST', path: '/api/posts', token: stars[i % stars.length].token, body: { body: body('Star post') } }) }),
      ),
  },
  'live.follower': {
    what: `post -> a follower's socket (up to ${args.followers} followers connected), while posts are created at c=10`,
    target: 'p99 <= 200 ms',
    by: 'p99',
    setup: async () => {
      // A regular author (not a star) with followers; their followers' sockets listen.
      const author = (
        await db.query(
          `SELECT followee_id AS id FROM follows f JOIN users u ON u.id = f.followee_id
            WHERE u.handle NOT IN (SELECT 'bench_' || g FROM generate_series(1, $1::int) g)
            GROUP BY followee_id ORDER BY count(*) DESC, followee_id LIMIT 1`,
          [company.stars],
        )
      ).rows[0].id;
      const followers = (await ids(`SELECT follower_id AS id FROM follows WHERE followee_id = $1 ORDER BY follower_id LIMIT $2`, [author, Number(args.followers)])).map(person);
      return { author: person(author), sockets: await connectAll(followers) };
    },
    run: ({ author, sockets }) =>
      withServer(async () => {
        const sent = new Map();
        const delays = [];
        // The probe's POST alone (it waits behind the create load), to tell it from delivery after it.
        const posts = [];
        const onPost = (payload) => {
          const at = sent.get(payload?.post?.body);
          if (at !== undefined) delays.push(performance.now() - at);
        };
        for (const s of sockets) s.on('post.created', onPost);
        let stop = false;
        const probes = (async () => {
          while (!stop) {
            const text = body('Live probe');
            const at = performance.now();
            sent.set(text, at);
            await client.request('POST', '/api/posts', { token: author.token, body: { body: text } });
            posts.push(performance.now() - at);
            await sleep(200);
          }
        })();
        const background = await load({
          client,
          concurrency: C,
          seconds: SECONDS,
          next: (w, i) => ({ method: 'POST', path: '/api/posts', token: everyone[(i * 7919) % everyone.length].token, body: { body: body('Load') } }),
        });
        stop = true;
        await probes;
        const expected = sent.size * sockets.length;
        const deadline = performance.now() + 30_000;
        while (delays.length < expected && performance.now() < deadline) await sleep(100);
        for (const s of sockets) s.off('post.created', onPost);
        return {
          ...latency(delays),
          deliveries: delays.length,
          missed: expected - delays.length,
          probes: sent.size,
          probePost: latency(posts),
          sockets: sockets.length,
          createLoad: { reqPerSec: background.reqPerSec, p99: background.p99, errors: background.errors },
          errors: background.errors + (expected - delays.length),
        };
      }),
    teardown: ({ sockets }) => sockets.forEach((s) => s.close()),
  },
  'live.group': {
    what: `group post -> every connected member's socket (${args.members} of the all-hands group)`,
    target: 'p99 <= 100 ms (5,000 members in #12)',
    by: 'p99',
    setup: async () => {
      const members = (await ids(`SELECT user_id AS id FROM group_memberships WHERE group_id = $1 ORDER BY user_id LIMIT $2`, [allHands, Number(args.members) + 1])).map(person);
      const [author, ...listeners] = members;
      return { author, sockets: await connectAll(listeners) };
    },
    run: ({ author, sockets }) =>
      withServer(async () => {
        const delays = [];
        const perPost = [];
        let missed = 0;
        const posts = Math.max(5, SECONDS * 2);
        for (let n = 0; n < posts; n++) {
          const text = body('Group post');
          let got = 0;
          let last = 0;
          const at = performance.now();
          const onPost = (payload) => {
            if (payload?.post?.body !== text) return;
            got++;
            last = performance.now() - at;
            delays.push(last);
          };
          for (const s of sockets) s.on('post.created', onPost);
          const res = await client.request('POST', '/api/posts', { token: author.token, body: { body: text, groupId: allHands } });
          if (res.status !== 201) throw new Error(`group post: ${res.status} ${JSON.stringify(res.body)}`);
          const deadline = performance.now() + 10_000;
          while (got < sockets.length && performance.now() < deadline) await sleep(5);
          for (const s of sockets) s.off('post.created', onPost);
          missed += sockets.length - got;
          perPost.push(last);
        }
        return { ...latency(delays), allReachedMs: latency(perPost), posts, sockets: sockets.length, missed, errors: missed };
      }),
    teardown: ({ sockets }) => sockets.forEach((s) => s.close()),
  },
  'vote.storm': {
    what: `vote storm: ${args.voters} people vote for one idea at once`,
    target: '>= 1,000 votes/s, exact',
    run: () =>
      withServer(async () => {
        const idea = await client.request('POST', `/api/campaigns/${campaign}/ideas`, {
          token: innovator.token,
          body: { title: body('Storm idea'), body: 'Vote for me' },
        });
        if (idea.status !== 201) throw new Error(`idea: ${idea.status} ${JSON.stringify(idea.body)}`);
        const voters = everyone.filter((p) => p.id !== innovator.id).slice(0, Number(args.voters));
        const at = performance.now();
        const answers = await Promise.all(voters.map((v) => client.request('PUT', `/api/ideas/${idea.body.id}/vote`, { token: v.token })));
        const wall = (performance.now() - at) / 1000;
        const ok = answers.filter((a) => a.status === 200).length;
        const after = await client.request('GET', `/api/ideas/${idea.body.id}`, { token: innovator.token });
        return {
          votesPerSec: Math.round(ok / wall),
          reqPerSec: Math.round(answers.length / wall),
          ...latency(answers.map((a) => a.ms)),
          errors: answers.length - ok,
          exact: after.body?.voteCount === ok,
          voteCount: after.body?.voteCount,
        };
      }),
  },
  ...Object.fromEntries(
    [
      ['common', 'projet'],
      ['two-words', 'projet budget'],
      ['phrase', '"projet réunion"'],
      ['rare', 'zeppelin'],
    ].map(([shape, q]) => [
      `search.${shape}`,
      {
        what: `search ${q} (${shape === 'common' ? 'in 61% of posts' : shape}), c=10`,
        target: 'p50 <= 30 ms, p99 <= 150 ms',
        run: () =>
          withServer(() =>
            load({ client, concurrency: C, seconds: SECONDS, next: (w, i) => ({ path: `/api/search?q=${encodeURIComponent(q)}`, token: viewers[i % viewers.length].token }) }),
          ),
      },
    ]),
  ),
  mixed: {
    what: 'mixed load: 90% home feed reads, 10% post creates, c=50',
    target: 'api RSS <= 400 MB',
    run: () =>
      withServer(() =>
        load({
          client,
          concurrency: 50,
          seconds: SECONDS * 2,
          next: (w, i) =>
            i % 10 === 9
              ? { method: 'POST', path: '/api/posts', token: everyone[(i * 7919) % everyone.length].token, body: { body: body('Mixed') } }
              : { path: '/api/feed?limit=20', token: viewers[i % viewers.length].token, discard: true },
        }),
      ),
  },
};

/** Real Socket.IO clients, connected 50 at a time; each resolves on the server's `ready`. */
async function connectAll(people) {
  const sockets = [];
  for (let i = 0; i < people.length; i += 50) {
    sockets.push(
      ...(await Promise.all(
        people.slice(i, i + 50).map(
          (p) =>
            new Promise((resolve, reject) => {
              const socket = io(api.base, { path: '/socket.io', transports: ['websocket'], auth: { token: p.token }, reconnection: false, forceNew: true });
              socket.once('connect_error', reject);
              socket.once('ready', () => resolve(socket));
            }),
        ),
      )),
    );
  }
  log(`${sockets.length} sockets connected`);
  return sockets;
}

// ---- run ---------------------------------------------------------------------------------------------
const statementsPerRequest = recordings.map((r) => r.length);
const chosen = args.only ? Object.keys(SCENARIOS).filter((name) => args.only.split(',').some((o) => name === o || name.startsWith(`${o}.`))) : Object.keys(SCENARIOS);
const results = {};
const print = (line) => process.stdout.write(`${JSON.stringify(line)}\n`);

print({
  scenario: 'feed.statements',
  what: 'SQL statements per home feed request (page 1 once warm; page 5; a first read), counted at the pg driver per HTTP request, transaction control included',
  target: '<= 3',
  median: median(statementsPerRequest),
  min: Math.min(...statementsPerRequest),
  max: Math.max(...statementsPerRequest),
  page5: page5Statements.length ? { median: median(page5Statements), max: Math.max(...page5Statements) } : null,
  firstRead: { median: median(firstReads), max: Math.max(...firstReads) },
  oneRequest: recordings[0].map((s) => s.text.replace(/\s+/g, ' ').trim().slice(0, 160)),
});

for (const name of chosen) {
  const scenario = SCENARIOS[name];
  const skipped = scenario.skip?.();
  if (skipped) {
    print({ scenario: name, skipped });
    continue;
  }
  const loadBefore = machine();
  const context = await scenario.setup?.();
  const runs = [];
  try {
    for (let r = 0; r < RUNS; r++) {
      log(`${name}: run ${r + 1} / ${RUNS}`);
      const { result, server } = await scenario.run(context);
      runs.push({ ...result, server });
      log(`${name}: ${scenario.by === 'p99' ? `p99 ${result.p99} ms` : `${result.votesPerSec ?? result.reqPerSec}/s, p99 ${result.p99} ms`}, errors ${result.errors}`);
      await sleep(500);
    }
  } finally {
    await scenario.teardown?.(context);
  }
  const key = scenario.by === 'p99' ? (r) => r.p99 : (r) => r.votesPerSec ?? r.reqPerSec;
  const middle = [...runs].sort((a, b) => key(a) - key(b))[Math.floor(runs.length / 2)];
  results[name] = middle;
  const line = {
    scenario: name,
    what: scenario.what,
    target: scenario.target,
    ...middle,
    runs: runs.map(key),
    loadBefore: loadBefore.loadAverage[0],
    ...(loadBefore.busy ? { note: `machine busy before the run (load ${loadBefore.loadAverage[0]} on ${loadBefore.cores} cores): figures are pessimistic` } : {}),
  };
  if (name === 'feed.floor') line.ruchePerFloor = median(runs.map((r) => r.ruchePerFloor));
  print(line);
}

print({
  scenario: 'summary',
  source: source ? { ref: args.ref, commit: source.commit } : 'working tree',
  database: args.database,
  company,
  machine: { ...before, loadAfter: machine().loadAverage, pinned },
  runsPerScenario: RUNS,
  secondsPerRun: SECONDS,
  minutes: Number(((performance.now() - started) / 60000).toFixed(1)),
});
client.close();
await api.stop();
await db.end();
