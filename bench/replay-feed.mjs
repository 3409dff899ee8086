// The home statement alone: replays the feed statements `npm run bench -- --recorded FILE` recorded,
// on one connection, and prints (JSON) the shared buffers each call touches (EXPLAIN) and the
// PostgreSQL backend's CPU per call (its /proc/<pid>/stat, so this runs beside the server). What
// session 10 used to compare versions of the statement; alternate runs of two versions on a busy
// machine, CPU per call moves less with load than wall time.
//
//   node bench/replay-feed.mjs FILE [--database ruche_bench_full] [--viewers 100] [--rounds 5] [--plan]
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { databaseUrl, logger } from './support.mjs';

const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    database: { type: 'string', default: 'ruche_bench_full' },
    viewers: { type: 'string', default: '100' },
    rounds: { type: 'string', default: '5' },
    plan: { type: 'boolean', default: false },
  },
});
const log = logger('replay-feed');
const recorded = JSON.parse(readFileSync(positionals[0], 'utf8')).slice(0, Number(args.viewers));
const homes = recorded.map((statements) => statements.find((s) => s.text.includes('home_timelines')));
const client = new pg.Client({ connectionString: databaseUrl(args.database) });
await client.connect();
const { pid } = (await client.query('SELECT pg_backend_pid() AS pid')).rows[0];
const cpuMs = () => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
};
const run = (s) => client.query({ name: s.name, text: s.text, values: s.values });
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];

// Prepared and past PostgreSQL's five custom plans, as in the app.
for (const s of homes) for (let i = 0; i < 6; i++) await run(s);
const buffers = [];
for (const s of homes) {
  const [explained] = (await client.query({ text: `EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${s.text}`, values: s.values })).rows;
  const plan = explained['QUERY PLAN'][0].Plan;
  buffers.push(plan['Shared Hit Blocks'] + plan['Shared Read Blocks']);
}
if (args.plan) {
  const text = await client.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${homes[0].text}`, values: homes[0].values });
  log(text.rows.map((r) => r['QUERY PLAN']).join('\n'));
}
const before = cpuMs();
const started = performance.now();
let calls = 0;
for (let round = 0; round < Number(args.rounds); round++) {
  for (const s of homes) {
    await run(s);
    calls++;
  }
  log(`round ${round + 1} / ${args.rounds}`);
}
const cpu = cpuMs() - before;
const [prepared] = (
  await client.query('SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE name = $1', [homes[0].name])
).rows;
buffers.sort((a, b) => a - b);
console.log(
  JSON.stringify({
    viewers: homes.length,
    calls,
    buffers: { p50: quantile(buffers, 0.5), p90: quantile(buffers, 0.9), max: buffers.at(-1) },
    postgresCpuMsPerCall: Number((cpu / calls).toFixed(3)),
    wallMsPerCall: Number(((performance.now() - started) / calls).toFixed(3)),
    plans: prepared,
  }),
);
await client.end();
