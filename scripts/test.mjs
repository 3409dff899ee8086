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

// In band, every e2e file's app (and its module graph, loaded afresh in Jest's VM context) adds to
// the one process's heap: ~100 files passed Node's default 4 GB limit (an out-of-memory crash at
// file 64). The machines have 24 GiB; 16 GB leaves room for PostgreSQL and Chromium.
const jestEnv = {
  ...process.env,
  NODE_OPTIONS: [process.env.NODE_OPTIONS, '--experimental-vm-modules', '--max-old-space-size=16384'].filter(Boolean).join(' '),
};
const api = run(process.execPath, ['node_modules/jest/bin/jest.js', '--runInBand', ...process.argv.slice(2)], jestEnv);

process.exit(web || api);
