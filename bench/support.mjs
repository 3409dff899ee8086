// What every load benchmark needs, written once: the app's pure TypeScript modules and migrations
// transpiled for plain Node, a dedicated database on the server (created, optionally dropped first,
// migrated with the project's migrations), deterministic randomness, timing statistics, and
// EXPLAIN ANALYZE summarised to the plan's shape. Benchmarks print progress to stderr and their
// result (JSON) to stdout.
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import ts from 'typescript';
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
export function transpile(files, rewrite = (text) => text, compilerOptions = {}) {
  const out = join(root, 'node_modules/.cache/ruche-bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(join(out, 'package.json'), '{ "type": "module" }\n');
  const migrations = readdirSync(join(root, 'migrations'))
    .filter((f) => f.endsWith('.ts'))
    .map((f) => join(root, 'migrations', f));
  for (const file of [...migrations, ...files.map((f) => join(root, f))]) {
    const { outputText } = ts.transpileModule(readFileSync(file, 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.ES2022,
        target: ts.ScriptTarget.ES2022,
        experimentalDecorators: true,
        ...compilerOptions,
      },
      fileName: file,
    });
    const target = join(out, relative(root, file)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, rewrite(outputText, file));
  }
  return (path) => import(pathToFileURL(join(out, path)).href);
}

/**
 * The benchmark's own database on the server in DATABASE_URL (default: the local test server),
 * migrated; `fresh` drops it first. Returns a small pool and helpers.
 */
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
