#!/usr/bin/env node
// The repeated-code ratchet (issue #18): the number of blocks of code repeated across the source
// tree may only go down. CI machines have no clone-finding command of their own, so the scan is
// jscpd from npm (a prebuilt binary in a registry package: a few seconds on the whole tree).
//
//   node scripts/check-duplicates.mjs            fails when there are more clones than the baseline
//                                                and prints the ones the baseline does not know
//   node scripts/check-duplicates.mjs --update   writes the current clones as the new baseline;
//                                                refuses a higher count unless --allow-rise is given
//                                                (a rise is a decision for a reviewer to see)
//
// The baseline (.duplicates-baseline.json) keeps the count and one line per clone: a fingerprint of
// its text and the two files, never line numbers, so editing around a clone does not make it new.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const baselinePath = join(root, '.duplicates-baseline.json');
const args = new Set(process.argv.slice(2));

// Code only: prose, data and lock files repeat by nature, and so does the generated API types file.
// Six lines is the threshold.
const SCAN = [
  '--min-lines',
  '6',
  '--format',
  'typescript,javascript,tsx,jsx,css',
  '--ignore',
  [
    '**/node_modules/**',
    '**/dist/**',
    '**/.ruche/**',
    '**/.tools/**',
    '**/coverage/**',
    'bench/results/**',
    'apps/web/src/api/openapi.d.ts',
  ].join(','),
];

function scan() {
  const out = mkdtempSync(join(tmpdir(), 'ruche-duplicates-'));
  try {
    const jscpd = createRequire(import.meta.url).resolve('jscpd/run-jscpd.js');
    const run = spawnSync(
      process.execPath,
      [jscpd, ...SCAN, '--reporters', 'json', '--output', out, '--silent', '--no-tips', '--no-colors', '.'],
      { cwd: root, encoding: 'utf8', env: { ...process.env, JSCPD_NO_TIPS: '1' } },
    );
    if (run.status !== 0) throw new Error(`jscpd failed (exit ${run.status}):\n${run.stderr}${run.stdout}`);
    const report = JSON.parse(readFileSync(join(out, 'jscpd-report.json'), 'utf8'));
    return report.duplicates.map((d) => {
      const files = [d.firstFile.name, d.secondFile.name].sort();
      const text = d.fragment.replace(/\s+/g, ' ').trim();
      const id = createHash('sha256').update(`${files.join('\n')}\n${text}`).digest('hex').slice(0, 12);
      return {
        key: `${id} ${files[0]} ~ ${files[1]}`,
        where: `${d.firstFile.name}:${d.firstFile.start}-${d.firstFile.end} ~ ${d.secondFile.name}:${d.secondFile.start}-${d.secondFile.end}`,
        lines: d.lines,
      };
    });
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

function readBaseline() {
  try {
    return JSON.parse(readFileSync(baselinePath, 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return undefined;
    throw error;
  }
}

function writeBaseline(clones) {
  const baseline = {
    about: 'Clones of 6+ lines found by `npm run check:duplicates` (jscpd); CI fails when the count rises. Lower it with `npm run check:duplicates -- --update`.',
    count: clones.length,
    clones: clones.map((c) => c.key).sort(),
  };
  writeFileSync(baselinePath, `${JSON.stringify(baseline, null, 2)}\n`);
}

const started = Date.now();
const clones = scan();
const baseline = readBaseline();
const seconds = ((Date.now() - started) / 1000).toFixed(1);
const known = new Set(baseline?.clones ?? []);
const unknown = clones.filter((c) => !known.has(c.key));
const list = (items) => items.map((c) => `  ${c.where} (${c.lines} lines)`).join('\n');

if (args.has('--update')) {
  if (baseline && clones.length > baseline.count && !args.has('--allow-rise')) {
    console.error(`duplicates: ${clones.length} clones, above the baseline's ${baseline.count}; not raising it without --allow-rise. New:\n${list(unknown)}`);
    process.exit(1);
  }
  writeBaseline(clones);
  console.log(`duplicates: baseline set to ${clones.length} clones (was ${baseline?.count ?? 'none'}) in ${seconds}s`);
  // CI scans a clean clone: a baseline counted over uncommitted edits may be lower than what lands.
  const dirty = spawnSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).stdout ?? '';
  if (dirty.trim()) console.log('duplicates: the work tree has uncommitted changes: the baseline counts them as if committed');
} else if (!baseline) {
  console.error('duplicates: no .duplicates-baseline.json; create it with `npm run check:duplicates -- --update`');
  process.exit(1);
} else if (clones.length > baseline.count) {
  console.error(
    `duplicates: ${clones.length} clones, more than the baseline's ${baseline.count}. Fold what was written again ` +
      `into one place (a helper, a factory, a shared component). Clones the baseline does not know:\n${list(unknown)}`,
  );
  process.exit(1);
} else {
  console.log(`duplicates: ${clones.length} clones, baseline ${baseline.count} (${seconds}s)`);
  if (clones.length < baseline.count) {
    console.log(`duplicates: fewer than the baseline: lock the gain in with \`npm run check:duplicates -- --update\``);
  }
}
