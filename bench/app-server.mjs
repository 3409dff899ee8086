// The api under measurement, started by run.mjs in its own process (pinned to its own core with
// `taskset`): the whole app from the current sources (transpiled by run.mjs with support.mjs
// `loadApp`, what `nest build` emits), on the suite's database, with the bench settings. It tells
// its parent its port over IPC, and answers questions from it: how many SQL statements it sent;
// while recording, which ones (name if prepared, text and values) each HTTP request sent, which is
// how the suite counts statements per feed request (pg_stat_statements needs a preload the shared
// server does not have) and how the floor server learns Ruche's exact statements; and its memory
// (V8 heap, external). The hook on pg's Client sees every statement: the pool's, the LISTEN
// client's, TypeORM's.
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import pg from 'pg';
import { BENCH_JWT_SECRET, builtApp, databaseUrl, SUITE_DATABASE } from './support.mjs';

// Each HTTP request runs in its own async context, so a statement is counted for the request that
// sent it, never for background work (the outbox stamper, job workers) running at the same time.
const requests = new AsyncLocalStorage();
const emit = http.Server.prototype.emit;
http.Server.prototype.emit = function (event, req, res) {
  if (event !== 'request') return emit.apply(this, arguments);
  const store = { statements: [] };
  res.once('finish', () => {
    // Work the request set off and did not wait for (the stamper it kicked) is not the request's.
    store.done = true;
    recording?.push({ method: req.method, url: req.url, status: res.statusCode, statements: store.statements });
  });
  return requests.run(store, () => emit.call(this, event, req, res));
};

let sent = 0;
let recording = null;
const query = pg.Client.prototype.query;
pg.Client.prototype.query = function (config, values, callback) {
  sent++;
  const store = recording && requests.getStore();
  if (store && !store.done) {
    const text = typeof config === 'string' ? config : config?.text;
    const params = Array.isArray(values) ? values : config?.values;
    // A named (prepared) statement keeps its name, so the floor prepares it too.
    const name = typeof config === 'object' ? config?.name : undefined;
    if (text) store.statements.push({ ...(name ? { name } : {}), text, values: params ?? [] });
  }
  return query.call(this, config, values, callback);
};

// The app's JSON logs go to stderr: stdout is the suite's.
process.stdout.write = process.stderr.write.bind(process.stderr);

// BENCH_SOURCE: another checkout's sources (run.mjs --ref), for before/after figures. run.mjs
// transpiled them already: this process never loads the compiler, so its RSS is the app's.
const load = builtApp(process.env.BENCH_SOURCE || undefined);
const { createApp } = await load('apps/api/src/bootstrap.js');
const { loadConfig } = await load('libs/platform/src/index.js');
const config = loadConfig({
  ...process.env,
  DATABASE_URL: process.env.BENCH_DATABASE_URL || databaseUrl(SUITE_DATABASE),
  JWT_SECRET: BENCH_JWT_SECRET,
  // The load generator is a few people at full speed: the per-person budgets would refuse it.
  RUCHE_RATE_LIMIT: '0',
  RUCHE_WRITE_RATE_LIMIT: '0',
  RUCHE_DEMO: '0',
  LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  RUCHE_DATA_DIR: '/tmp/ruche-bench',
});
const app = await createApp(config);
await app.listen({ port: 0, host: '127.0.0.1' });

process.on('message', (message) => {
  if (message.cmd === 'statements') process.send({ id: message.id, sent });
  else if (message.cmd === 'memory') process.send({ id: message.id, memory: process.memoryUsage() });
  else if (message.cmd === 'record') {
    recording = [];
    process.send({ id: message.id });
  } else if (message.cmd === 'recorded') {
    process.send({ id: message.id, requests: recording ?? [] });
    recording = null;
  } else if (message.cmd === 'close') {
    void app.close().then(() => process.exit(0));
  }
});
process.send({ port: app.getHttpServer().address().port });
