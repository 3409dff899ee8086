// What every load benchmark needs, written once: the app's pure TypeScript modules and migrations
// transpiled for plain Node, a dedicated database on the server (created, optionally dropped first,
// migrated with the project's migrations), deterministic randomness, timing statistics, and
// EXPLAIN ANALYZE summarised to the plan's shape. Benchmarks print progress to stderr and their
// result (JSON) to stdout.
import { Buffer } from 'node:buffer';
import { createHmac } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createRequire } from 'node:module';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, posix, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearInterval, setInterval } from 'node:timers';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import typeorm from 'typeorm';

export const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const logger =
  (name) =>
  (...parts) =>
    process.stderr.write(`[${name}] ${parts.join(' ')}\n`);

/**
 * Transpiles dependency-free TypeScript files of the project (plus every migration) into
 * node_modules/.cache/ruche-bench; returns an importer for them by project-relative path (`.js`).
 * `compilerOptions` adds to the defaults (the whole app needs `emitDecoratorMetadata` for Nest).
 */
export function transpile(files, rewrite = (text) => text, compilerOptions = {}, from = root) {
  const ts = typescript();
  const out = outputDir(from);
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  const migrations = readdirSync(join(from, 'migrations'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(from, 'migrations', f));
  for (const file of [...migrations, ...files.map((f) => join(from, f))]) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.ES2022,
        target: ts.ScriptTarget.ES2022,
        experimentalDecorators: true,
        ...compilerOptions,
      },
      fileName: file,
    });
    const target = join(out, relative(from, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, rewrite(outputText, file));
  }
  return importerOf(from);
}

// Loaded only by a process that transpiles: the api under measurement imports what its parent
// emitted (`builtApp`), so its RSS holds no compiler (TypeScript and a whole transpile left
// ~250 MB of RSS above a ~120 MB heap in the api, which production's `nest build` output never has).
const require = createRequire(import.meta.url);
let compiler;
const typescript = () => (compiler ??= require('typescript'));

/**
 * Where `transpile` writes. Another checkout's node_modules is a link to ours: its output stays in
 * its own tree. RUCHE_APP_BUILD_DIR (a folder inside the project, so packages still resolve) gives
 * a run its own output: a test starting the app in a child must not rewrite files a benchmark is
 * loading.
 */
function outputDir(from) {
  if (process.env.RUCHE_APP_BUILD_DIR) return resolve(root, process.env.RUCHE_APP_BUILD_DIR);
  return from === root ? join(root, 'node_modules/.cache/ruche-bench') : join(from, '.bench-cache');
}

const importerOf = (from) => (path) => import(pathToFileURL(join(outputDir(from), path)).href);

/**
 * The benchmark's own database on the server in DATABASE_URL (default: the local test server),
 * migrated; `fresh` drops it first. Returns a small pool and helpers.
 */
/**
 * A data benchmark's command line: `--fresh` (drop its database first) and whole-number options
 * (`--people 100000`), each with its default; answers `{ fresh, ...numbers }`.
 */
export function benchOptions(defaults) {
  const names = Object.keys(defaults);
  const { values } = parseArgs({
    options: {
      fresh: { type: 'boolean', default: false },
      ...Object.fromEntries(names.map((name) => [name, { type: 'string', default: String(defaults[name]) }])),
    },
  });
  return { fresh: values.fresh, ...Object.fromEntries(names.map((name) => [name, Number(values[name])])) };
}

export async function openBenchDatabase({ name, fresh, migrations, log }) {
  const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  if (fresh) {
    log(`dropping ${name}`);
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();

  const dataSource = new typeorm.DataSource({
    type: 'postgres',
    url: url.toString(),
    migrations,
    migrationsTransactionMode: 'each',
    installExtensions: false,
    logging: false,
  });
  await dataSource.initialize();
  const ran = await dataSource.runMigrations();
  if (ran.length) log(`migrated: ${ran.map((m) => m.name).join(', ')}`);
  await dataSource.destroy();

  const db = new pg.Pool({ connectionString: url.toString(), max: 4, application_name: name });
  const one = async (text, values) => (await db.query(text, values)).rows[0];
  const count = async (table, where = 'true') =>
    Number((await one(`SELECT count(*)::bigint AS n FROM ${table} WHERE ${where}`)).n);
  const size = async (table) => (await one('SELECT pg_size_pretty(pg_total_relation_size($1)) AS s', [table])).s;
  const server = async () => {
    const row = await one('SELECT version() AS v, current_setting($1) AS shared_buffers', ['shared_buffers']);
    return { server: row.v.split(' on ')[0], sharedBuffers: row.shared_buffers };
  };
  return { db, one, count, size, server };
}

/** Runs `work`, logging how long it took. */
export async function timed(log, label, work) {
  const started = performance.now();
  const result = await work();
  log(`${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return result;
}

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so runs are comparable. */
export function seededRandom(seed = 42) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let x = Math.imul(state ^ (state >>> 15), 1 | state);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

/** p50, p95 and max of timings in ms. */
export function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v) => Number(v.toFixed(2));
  return { p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted[sorted.length - 1]) };
}

/** Times `runs` executions of `run(i)`, i = 0 … runs - 1, with no warm-up. */
export async function timeRuns(runs, run) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await run(i);
    times.push(performance.now() - started);
  }
  return stats(times);
}

/** Times `runs` executions of `run()` (after one warm-up). */
export async function measure(runs, run) {
  await run();
  return timeRuns(runs, () => run());
}

/** EXPLAIN (ANALYZE, BUFFERS) of one statement on `client`, summarised: node types, indexes, rows. */
export async function explainPlan(client, name, query) {
  const [
    {
      'QUERY PLAN': [plan],
    },
  ] = (await client.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${query.text}`, query.values)).rows;
  const nodes = [];
  const walk = (node, depth) => {
    const on = node['Index Name'] ? ` using ${node['Index Name']}` : node['Relation Name'] ? ` on ${node['Relation Name']}` : '';
    nodes.push(`${'  '.repeat(depth)}${node['Node Type']}${on} (rows ${node['Actual Rows']}, loops ${node['Actual Loops']})`);
    for (const child of node.Plans ?? []) walk(child, depth + 1);
  };
  walk(plan.Plan, 0);
  return {
    statement: name,
    executionMs: Number(plan['Execution Time'].toFixed(2)),
    sharedHit: plan.Plan['Shared Hit Blocks'],
    sharedRead: plan.Plan['Shared Read Blocks'],
    seqScans: nodes.filter((n) => n.includes('Seq Scan')).length,
    plan: nodes,
  };
}

// ---- the suite (npm run bench:seed, npm run bench) -------------------------------------------------

/** The suite's database: seeded once by seed.mjs, read by run.mjs. */
export const SUITE_DATABASE = 'ruche_bench';

/** The api's JWT secret in the suite: run.mjs mints access tokens with it. */
export const BENCH_JWT_SECRET = 'ruche-bench-secret-that-is-long-enough-for-hs256';

/** The URL of `name` on the server in DATABASE_URL (default: the local test server). */
export function databaseUrl(name) {
  const url = new URL(process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test');
  url.pathname = `/${name}`;
  return url.toString();
}

/** A progress bar on stderr, redrawn in place on a terminal, one line per 10% otherwise. */
export function progress(label, total) {
  const tty = process.stderr.isTTY;
  const started = performance.now();
  let lastTenth = -1;
  return (done) => {
    const share = total ? Math.min(1, done / total) : 1;
    const seconds = (performance.now() - started) / 1000;
    const bar = `${'#'.repeat(Math.round(share * 30)).padEnd(30, '.')}`;
    const line = `[seed] ${label.padEnd(14)} [${bar}] ${String(Math.round(share * 100)).padStart(3)}% ${done.toLocaleString('en')}/${total.toLocaleString('en')} ${seconds.toFixed(1)} s`;
    if (tty) process.stderr.write(`\r${line}${share >= 1 ? '\n' : ''}`);
    else if (Math.floor(share * 10) > lastTenth) {
      lastTenth = Math.floor(share * 10);
      process.stderr.write(`${line}\n`);
    }
  };
}

/** Every source file of the api and the libs under `from`, for `loadApp`. */
function appSources(from) {
  const files = [];
  const walk = (dir) => {
    for (const entry of readdirSync(join(from, dir), { withFileTypes: true })) {
      const path = posix.join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  walk('apps/api/src');
  for (const lib of readdirSync(join(from, 'libs'))) if (existsSync(join(from, 'libs', lib, 'src'))) walk(`libs/${lib}/src`);
  return files;
}

/** `@ruche/<lib>` imports become relative paths (no path mapping at run time). */
const aliasesToPaths = (from) => (text, file) =>
  text.replace(/(from\s+|import\s*\(\s*)(['"])@ruche\/([a-z-]+)(\/[^'"]*)?\2/g, (_, lead, quote, lib, deep) => {
    const target = join(from, 'libs', lib, 'src', deep ? `${deep.slice(1).replace(/\.js$/, '')}.js` : 'index.js');
    let path = relative(dirname(file), target).split('\\').join('/');
    if (!path.startsWith('.')) path = `./${path}`;
    return `${lead}${quote}${path}${quote}`;
  });

/**
 * The whole api from its sources (the working tree, or another checkout in `from`), transpiled as
 * `nest build` emits it (ES2023, decorator metadata), without writing dist/: returns the importer
 * (`apps/api/src/bootstrap.js`, ...).
 */
export function loadApp(from = root) {
  return transpile(appSources(from), aliasesToPaths(from), { emitDecoratorMetadata: true, target: typescript().ScriptTarget.ES2023 }, from);
}

/** The importer of an api `loadApp(from)` has already emitted (by another process), without transpiling. */
export function builtApp(from = root) {
  return importerOf(from);
}

/**
 * The sources of a git revision, for a before/after comparison: extracted once into
 * /tmp/ruche-bench-src/<commit> (git archive), node_modules shared with the working tree.
 */
export function checkout(ref) {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: root, encoding: 'utf8' }).trim();
  const dir = join('/tmp/ruche-bench-src', commit.slice(0, 12));
  if (!existsSync(join(dir, 'package.json'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('sh', ['-c', `git archive ${commit} | tar -x -C ${dir}`], { cwd: root });
    // Our packages, each linked, plus the revision's dependencies we no longer have (a package a
    // later change replaced), installed beside them with npm.
    const modules = join(dir, 'node_modules');
    mkdirSync(modules);
    for (const entry of readdirSync(join(root, 'node_modules'))) symlinkSync(join(root, 'node_modules', entry), join(modules, entry));
    const { dependencies = {} } = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const missing = Object.entries(dependencies).filter(([name]) => !existsSync(join(root, 'node_modules', name, 'package.json')));
    if (missing.length) {
      const extra = join(dir, '.bench-deps');
      execFileSync('npm', ['install', '--no-audit', '--no-fund', '--no-save', '--prefix', extra, ...missing.map(([n, v]) => `${n}@${v}`)], { stdio: ['ignore', 2, 2] });
      for (const entry of readdirSync(join(extra, 'node_modules'))) {
        const link = join(modules, entry);
        if (!existsSync(link)) symlinkSync(join(extra, 'node_modules', entry), link);
        else if (entry.startsWith('@'))
          for (const sub of readdirSync(join(extra, 'node_modules', entry))) {
            const scoped = join(root, 'node_modules', entry);
            // A scope we also have: give the checkout its own scope folder holding both.
            if (lstatSync(link).isSymbolicLink()) {
              rmSync(link);
              mkdirSync(link);
              for (const ours of readdirSync(scoped)) symlinkSync(join(scoped, ours), join(link, ours));
            }
            if (!existsSync(join(link, sub))) symlinkSync(join(extra, 'node_modules', entry, sub), join(link, sub));
          }
      }
    }
  }
  return { commit, dir };
}

/**
 * An HS256 access token as identity signs it, valid for `seconds`: `sub` the person, `sid` an open
 * session of theirs and `ver` their token version (the api checks both on every request).
 */
export function accessToken(secret, { sub, sid, ver }, seconds = 3600) {
  const b64 = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub, sid, ver, iat: now, exp: now + seconds })}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** p50, p90, p99 and max of timings in ms (the suite's figures). */
export function latency(values) {
  if (values.length === 0) return { p50: null, p90: null, p99: null, max: null };
  const sorted = [...values].sort((a, b) => a - b);
  const round = (v) => Number(v.toFixed(1));
  return {
    p50: round(percentile(sorted, 50)),
    p90: round(percentile(sorted, 90)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted[sorted.length - 1]),
  };
}

/** The median of numbers (the suite keeps the median of its runs). */
export function median(values) {
  const sorted = values.filter((v) => v != null).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/**
 * CPU and memory of a process from /proc while `work` runs: CPU% of one core over the run (user +
 * system ticks), RSS sampled every 100 ms (peak and at the end, MB).
 */
export async function watchProcess(pid, work) {
  const ticks = () => {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return Number(fields[11]) + Number(fields[12]);
  };
  const rss = () => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
  const hz = 100;
  let peak = rss();
  const sampler = setInterval(() => (peak = Math.max(peak, rss())), 100);
  const before = ticks();
  const started = performance.now();
  try {
    const result = await work();
    const seconds = (performance.now() - started) / 1000;
    const end = rss();
    return {
      result,
      server: { cpuPercent: Math.round(((ticks() - before) / hz / seconds) * 100), rssMb: Math.round(end), peakRssMb: Math.round(Math.max(peak, end)) },
    };
  } finally {
    clearInterval(sampler);
  }
}

/** The machine: cores, load average now, and whether someone else is using it. */
export function machine() {
  const [one, five] = loadavg();
  const cores = cpus().length;
  return {
    cores,
    cpu: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage: [Number(one.toFixed(2)), Number(five.toFixed(2))],
    // Above ~0.5 per core before a run, other work competes with the benchmark for the CPU.
    busy: one > cores * 0.5,
  };
}

/**
 * Keep-alive HTTP to one server, at most `sockets` connections; requests never throw. `discard`:
 * the body is read and dropped, not decoded (parsing a feed page was a third of the load
 * generator's CPU, taken from the cores the server and PostgreSQL share with it).
 */
export function httpClient(base, sockets = 64) {
  const url = new URL(base);
  const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
  const request = (method, path, { token, body, discard = false } = {}) =>
    new Promise((resolve) => {
      const started = performance.now();
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const req = http.request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method,
          path,
          headers: {
            ...(token ? { authorization: `Bearer ${token}` } : {}),
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
          },
          timeout: 30_000,
        },
        (res) => {
          if (discard) {
            res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - started, body: undefined }));
            res.resume();
            return;
          }
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            let json;
            try {
              json = text ? JSON.parse(text) : null;
            } catch {
              json = text;
            }
            resolve({ status: res.statusCode, ms: performance.now() - started, body: json });
          });
        },
      );
      req.on('timeout', () => req.destroy(new Error('timeout')));
      req.on('error', (error) => resolve({ status: 0, ms: performance.now() - started, body: error.message }));
      if (payload) req.write(payload);
      req.end();
    });
  return { request, close: () => agent.destroy() };
}

/**
 * A closed-loop load: `concurrency` workers each send `next(worker, i)` ({ method, path, token,
 * body, ok }) back to back for `seconds` (after `warmupSeconds` not counted). Returns req/s,
 * latency, errors (a status outside `ok`, default 2xx) and a sample error.
 */
export async function load({ client, concurrency, seconds, warmupSeconds = 1, next }) {
  const times = [];
  let errors = 0;
  let sampleError;
  let sent = 0;
  const warmEnd = performance.now() + warmupSeconds * 1000;
  const end = warmEnd + seconds * 1000;
  let measuredFrom = null;
  const worker = async (w) => {
    while (performance.now() < end) {
      const r = next(w, sent++);
      const res = await client.request(r.method ?? 'GET', r.path, r);
      if (performance.now() < warmEnd) continue;
      measuredFrom ??= performance.now() - res.ms;
      times.push(res.ms);
      const ok = r.ok ? r.ok(res) : res.status >= 200 && res.status < 300;
      if (!ok) {
        errors++;
        sampleError ??= { status: res.status, body: typeof res.body === 'string' ? res.body.slice(0, 200) : res.body };
      }
      await r.after?.(res);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const wall = (performance.now() - (measuredFrom ?? warmEnd)) / 1000;
  return {
    requests: times.length,
    reqPerSec: Math.round(times.length / wall),
    ...latency(times),
    errors,
    ...(sampleError ? { sampleError } : {}),
  };
}

/**
 * A small client of the running api for benchmarks that drive it request by request: `call` never
 * throws (no answer within `timeoutMs` is status 0), `ok` insists on a status and returns the body,
 * `register` signs up `n` people (20 at a time) named `<prefix><k>`, numbered across calls,
 * `openCampaign` opens an innovation campaign (one criterion) for ideas.
 */
export function apiClient(base, { timeoutMs = 30_000 } = {}) {
  async function call(method, path, { user, body } = {}) {
    const started = performance.now();
    try {
      const res = await globalThis.fetch(`${base}${path}`, {
        method,
        headers: {
          ...(user ? { authorization: `Bearer ${user.token}` } : {}),
          ...(body ? { 'content-type': 'application/json' } : {}),
        },
        body: body ? JSON.stringify(body) : undefined,
        signal: globalThis.AbortSignal.timeout(timeoutMs),
      });
      const text = await res.text();
      return {
        status: res.status,
        ms: performance.now() - started,
        body: text ? JSON.parse(text) : null,
        retryAfter: res.headers.get('retry-after'),
      };
    } catch (error) {
      return { status: 0, ms: performance.now() - started, body: null, failure: error.message };
    }
  }

  async function ok(method, path, options, expected) {
    const res = await call(method, path, options);
    if (res.status !== expected) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }

  let registered = 0;
  async function register(n, prefix) {
    const people = [];
    for (let i = 0; i < n; i += 20) {
      const batch = Array.from({ length: Math.min(20, n - i) }, async () => {
        const k = ++registered;
        const body = await ok(
          'POST',
          '/api/auth/register',
          { body: { email: `${prefix}${k}@corp.example`, password: 'correct horse battery', displayName: `${prefix} ${k}` } },
          201,
        );
        return { id: body.user.id, token: body.accessToken };
      });
      people.push(...(await Promise.all(batch)));
    }
    return people;
  }

  /** Created by `user` (innovation role), reviewed by `reviewer`, open for ideas at once. */
  async function openCampaign(user, title, reviewer) {
    const campaign = await ok(
      'POST',
      '/api/campaigns',
      {
        user,
        body: { title, description: 'Bench', criteria: [{ name: 'Impact', weight: 1 }], reviewerIds: [reviewer.id], advanceTopN: 1 },
      },
      201,
    );
    await ok('POST', `/api/campaigns/${campaign.id}/open`, { user }, 200);
    return campaign;
  }

  return { call, ok, register, openCampaign };
}
