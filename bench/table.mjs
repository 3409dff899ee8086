// The suite's JSON lines as a Markdown table for bench/README.md, one column per run file:
//
//   npm run bench -- --ref <before> > before.jsonl
//   npm run bench > after.jsonl
//   node bench/table.mjs before.jsonl after.jsonl
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

const files = process.argv.slice(2);
if (files.length === 0) throw new Error('usage: node bench/table.mjs <run.jsonl> [<run.jsonl> ...]');
const runs = files.map((file) =>
  Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line))
      .map((line) => [line.scenario, line]),
  ),
);

/** One cell: the figure the scenario is judged on, then what explains it. */
function cell(line) {
  if (!line) return '–';
  if (line.skipped) return `skipped: ${line.skipped}`;
  if (line.scenario === 'feed.statements') return `${line.median} (page 5: ${line.page5?.median ?? '–'}, first read: ${line.firstRead?.median ?? '–'})`;
  const busy = line.note ? ' (busy)' : '';
  const heap = line.server?.heapUsedMb === undefined ? '' : ` (heap ${line.server.heapUsedMb})`;
  const server = line.server ? `, api ${line.server.cpuPercent}% CPU, ${line.server.peakRssMb} MB${heap}` : '';
  const latency = `p50 ${line.p50} / p99 ${line.p99} ms`;
  if (line.scenario === 'vote.storm') return `${line.votesPerSec} votes/s, ${latency}, exact: ${line.exact}${server}${busy}`;
  if (line.scenario.startsWith('live.')) return `${latency}, missed ${line.missed}${server}${busy}`;
  const ratio = line.ruchePerFloor ? `, Ruche/floor ${line.ruchePerFloor}` : '';
  return `${line.reqPerSec} req/s, ${latency}${line.errors ? `, ${line.errors} errors` : ''}${ratio}${server}${busy}`;
}

const names = [...new Set(runs.flatMap((r) => Object.keys(r)))].filter((n) => n !== 'summary');
const header = runs.map((r, i) => {
  const s = r.summary;
  const source = s ? (typeof s.source === 'string' ? s.source : s.source.commit.slice(0, 7)) : basename(files[i]);
  return s ? `${source} (${s.company.users.toLocaleString('en')} people, load ${s.machine.loadAverage[0]})` : source;
});
console.log(`| scenario | target | ${header.join(' | ')} |`);
console.log(`| --- | --- | ${runs.map(() => '---').join(' | ')} |`);
for (const name of names) {
  const target = runs.map((r) => r[name]?.target).find(Boolean) ?? '';
  console.log(`| \`${name}\` | ${target} | ${runs.map((r) => cell(r[name])).join(' | ')} |`);
}
