// Vote storm: 500 people vote for one idea at the same instant, and 500 people like one post,
// through the real api over HTTP. Not part of the test run.
//
//   node bench/vote-storm.bench.mjs                    # DATABASE_URL or postgres://postgres@127.0.0.1:5432/test
//   node bench/vote-storm.bench.mjs --voters 500 --runs 3
//
// The api runs in a child process pinned to core 0 (the load generator takes core 1) on its own
// fresh database `ruche_vote_storm`, with the default pool. Each run makes a fresh idea (and
// post), fires every vote at once, then checks exactness three ways: the counter equals the vote
// rows, equals the number of 200s, and the event delivered last (highest eventId) carries that
// same count — a client showing the last event's count shows the truth. A second storm on the
// same idea has half the voters take their vote back while the other half repeat theirs (a no-op),
// so counts that go down are checked as well. Each scenario prints one JSON line: votes/s (500
// divided by the storm's wall time), latency percentiles, errors, exactness, server CPU% and RSS;
// the median run of `--runs`. Progress goes to stderr.
import { execFileSync, fork } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { loadApp } from './app.mjs';
import { apiClient, databaseUrl, logger, openBenchDatabase, root, timed } from './support.mjs';

const { values: args } = parseArgs({
  options: { voters: { type: 'string', default: '500' }, runs: { type: 'string', default: '3' } },
});
const VOTERS = Number(args.voters);
const RUNS = Number(args.runs);
const DATABASE = 'ruche_vote_storm';
const log = logger('vote-storm');

const { migrations } = await loadApp();
const { db, one, server } = await openBenchDatabase({ name: DATABASE, fresh: true, migrations, log });

// ---- the api, in its own process and on its own core --------------------------------------------

const child = fork(join(root, 'bench/app.mjs'), [databaseUrl(DATABASE)], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
const port = await new Promise((resolve, reject) => {
  child.once('message', (m) => resolve(m.port));
  child.once('exit', (code) => reject(new Error(`the api exited (${code}) before listening`)));
});
const base = `http://127.0.0.1:${port}`;
process.on('exit', () => child.kill());
const pinned = availableParallelism() > 1;
if (pinned) {
  execFileSync('taskset', ['-cp', '0', String(child.pid)], { stdio: 'ignore' });
  execFileSync('taskset', ['-cp', '1', String(process.pid)], { stdio: 'ignore' });
}
log(`api on ${base} (pid ${child.pid}${pinned ? ', core 0; load generator on core 1' : ''})`);

/** CPU seconds the api used so far, and its resident memory now (MB). */
function serverUsage() {
  const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))[1];
  return { cpuSeconds: ticks / 100, rssMb: Math.round(Number(rss) / 1024) };
}

// ---- http ---------------------------------------------------------------------------------------

const { call, ok, register: signUp, openCampaign } = apiClient(base, { timeoutMs: 60_000 });
const register = (n) => signUp(n, 'voter');

/** Waits until every committed event has been stamped (so "the last event" is final). */
async function stamped() {
  for (let i = 0; i < 600; i++) {
    if (!(await one('SELECT 1 AS pending FROM outbox WHERE seq IS NULL LIMIT 1'))) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('events still unstamped after 30 s');
}

// ---- the storms ---------------------------------------------------------------------------------

// The first account is the admin: registered alone, before the crowd.
const [admin] = await register(1);
const voters = await timed(log, `registered ${VOTERS} voters`, () => register(VOTERS));
await ok('PUT', `/api/admin/users/${admin.id}/roles`, { user: admin, body: { roles: ['innovation', 'admin'] } }, 200);
const campaign = await openCampaign(admin, 'Storm', admin);

const percentile = (sorted, p) => Number(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))].toFixed(1));

/** Fires every request at once; wall time, latency percentiles, statuses, server CPU% and RSS. */
async function storm(requests) {
  const before = serverUsage();
  const started = performance.now();
  const answers = await Promise.all(requests.map(([method, path, options]) => call(method, path, options)));
  const wallMs = performance.now() - started;
  const after = serverUsage();
  const sorted = answers.map((a) => a.ms).sort((a, b) => a - b);
  const statuses = {};
  for (const a of answers) statuses[a.status] = (statuses[a.status] ?? 0) + 1;
  return {
    answers,
    perSecond: Math.round((requests.length / wallMs) * 1000),
    wallMs: Math.round(wallMs),
    p50Ms: percentile(sorted, 50),
    p90Ms: percentile(sorted, 90),
    p99Ms: percentile(sorted, 99),
    maxMs: percentile(sorted, 100),
    errors: answers.filter((a) => a.status !== 200).length,
    statuses,
    serverCpuPercent: Math.round(((after.cpuSeconds - before.cpuSeconds) / (wallMs / 1000)) * 100),
    serverRssMb: after.rssMb,
  };
}

/** The counter, the rows it counts, and the count carried by the last event delivered. */
async function ideaCounts(ideaId) {
  await stamped();
  return one(
    `SELECT i.vote_count AS counter,
            (SELECT count(*)::int FROM idea_votes WHERE idea_id = $1) AS rows,
            (SELECT (payload->>'voteCount')::int FROM outbox WHERE type = 'idea.voted' AND subject_id = $1
              ORDER BY seq DESC LIMIT 1) AS "lastEvent"
       FROM ideas i WHERE i.id = $1`,
    [ideaId],
  );
}

async function postCounts(postId) {
  await stamped();
  return one(
    `SELECT p.like_count AS counter,
            (SELECT count(*)::int FROM post_reactions WHERE post_id = $1 AND kind = 'like') AS rows,
            (SELECT (payload->'reactions'->>'like')::int FROM outbox WHERE type = 'reaction.updated' AND subject_id = $1
              ORDER BY seq DESC LIMIT 1) AS "lastEvent"
       FROM posts p WHERE p.id = $1`,
    [postId],
  );
}

const exactly = (counts, expected) => counts.counter === expected && counts.rows === expected && counts.lastEvent === expected;

const SCENARIOS = {
  'vote storm': async (run) => {
    const idea = await ok(
      'POST',
      `/api/campaigns/${campaign.id}/ideas`,
      { user: admin, body: { title: `Storm ${run}`, body: 'Vote for me' } },
      201,
    );
    const result = await storm(voters.map((user) => ['PUT', `/api/ideas/${idea.id}/vote`, { user }]));
    const counts = await ideaCounts(idea.id);
    // The half that votes again repeats a vote it has (a no-op); the other half takes theirs back.
    const half = Math.floor(voters.length / 2);
    const back = await storm(voters.map((user, i) => [i < half ? 'DELETE' : 'PUT', `/api/ideas/${idea.id}/vote`, { user }]));
    const after = await ideaCounts(idea.id);
    return {
      ...result,
      exact: exactly(counts, voters.length - result.errors) && exactly(after, voters.length - half) && back.errors === 0,
      counts,
      mixed: { perSecond: back.perSecond, p99Ms: back.p99Ms, errors: back.errors, counts: after },
    };
  },
  'reaction storm': async (run) => {
    const post = await ok('POST', '/api/posts', { user: admin, body: { body: `Like storm ${run}` } }, 201);
    const result = await storm(voters.map((user) => ['PUT', `/api/posts/${post.id}/reactions/like`, { user }]));
    const counts = await postCounts(post.id);
    return { ...result, exact: exactly(counts, voters.length - result.errors), counts };
  },
};

const load = () => loadavg()[0];
for (const [name, scenario] of Object.entries(SCENARIOS)) {
  const runs = [];
  const busyBefore = load();
  for (let run = 1; run <= RUNS; run++) {
    const result = await scenario(run);
    delete result.answers;
    runs.push(result);
    log(`${name} ${run}/${RUNS}: ${result.perSecond}/s p99 ${result.p99Ms} ms, errors ${result.errors}, exact ${result.exact}`);
  }
  const median = [...runs].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(runs.length / 2)];
  const line = {
    scenario: name,
    voters: VOTERS,
    runs: RUNS,
    ...median,
    exact: runs.every((r) => r.exact),
    allRuns: runs.map((r) => r.perSecond),
    ...(await server()),
    node: process.version,
    pinned,
  };
  // A load average above the core count before the run: someone else was using the machine.
  if (busyBefore > availableParallelism()) line.note = `machine busy: load average ${busyBefore.toFixed(1)} before the run`;
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

child.send('close');
await new Promise((resolve) => child.once('exit', resolve));
await db.end();
