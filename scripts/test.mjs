// `npm test`: the web app's component tests (Vitest), then the api suite (Jest), both always run,
// so one failing does not hide the other's results. Arguments go to Jest (as `npm test -- <args>`
// always did). VITEST_RESULTS=<file> also writes Vitest's JSON report there (read by .ci/run).
// Exits non-zero when either runner failed.
import { spawnSync } from 'node:child_process';

const run = (command, args, env = process.env) => spawnSync(command, args, { stdio: 'inherit', env }).status ?? 1;

const vitestArgs = ['run', '--config', 'apps/web/vitest.config.ts'];
if (process.env.VITEST_RESULTS) {
  vitestArgs.push('--reporter=default', '--reporter=json', `--outputFile.json=${process.env.VITEST_RESULTS}`);
}
const web = run(process.execPath, ['node_modules/vitest/vitest.mjs', ...vitestArgs]);

// One test file at a time (the e2e files share one PostgreSQL server and the machine's cores with
// Chromium), but in a worker process, never in band: every file loads the app afresh in Jest's VM
// context, and in ESM mode Jest never frees those module graphs (75-100 MB a file). In band, one
// heap grew with every file: the last unit specs took minutes and a CI run stalled after its last
// test until its limit. A worker whose heap is past the limit after a file is
// replaced by a fresh one, so the heap stays under ~1.5 GB whatever the number of files.
const jestEnv = {
  ...process.env,
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules', '--max-old-space-size=4096'].filter(Boolean).join(' '),
};
const jestArgs = ['node_modules/jest/bin/jest.js', '--maxWorkers=1', '--workerIdleMemoryLimit=1GB', ...process.argv.slice(2)];
const api = run(process.execPath, jestArgs, jestEnv);

process.exit(web || api);
