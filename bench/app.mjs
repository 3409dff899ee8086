// The real api for benchmarks that drive it over HTTP: every source file of the api and the libs
// transpiled for plain Node (`@ruche/<lib>` imports rewritten to relative paths), configured for
// a benchmark database, listening on a free loopback port.
//
//   import { loadApp, startApp } from './app.mjs';     // in this process
//   node bench/app.mjs <database-url> [<settings>]     // in a child (forked: sends { port });
//                                                      // settings: a JSON object of env settings
//
// Run as a child, the api can be pinned to its own core while the load generator uses another,
// so the figures measure the server and not the client sharing its event loop.
import { fileURLToPath } from 'node:url';
import { loadApp as transpiledApp } from './support.mjs';

/** The transpiled app: its migrations, `createApp`, and platform's exports. */
export async function loadApp() {
  const load = transpiledApp();
  const { migrations } = await load('migrations/index.js');
  const { createApp } = await load('apps/api/src/bootstrap.js');
  const platform = await load('libs/platform/src/index.js');
  return { migrations, createApp, platform };
}

/**
 * Starts the api on `databaseUrl` (already migrated) with budgets off: benchmarks measure the
 * database path, not the per-person limits that would refuse a storm first. `env` adds settings.
 */
export async function startApp(databaseUrl, env = {}, loaded) {
  const { createApp, platform } = loaded ?? (await loadApp());
  const config = platform.loadConfig({
    ...process.env,
    DATABASE_URL: databaseUrl,
    JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256',
    RUCHE_RATE_LIMIT: '0',
    RUCHE_WRITE_RATE_LIMIT: '0',
    RUCHE_DEMO: '0',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    RUCHE_DATA_DIR: '/tmp/ruche-bench-app',
    ...env,
  });
  const app = await createApp(config);
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { app, base: `http://127.0.0.1:${app.getHttpServer().address().port}`, platform };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  // The app logs JSON lines on stdout; the parent reads the port from the IPC channel.
  const { app } = await startApp(process.argv[2], process.argv[3] ? JSON.parse(process.argv[3]) : {});
  process.send?.({ port: app.getHttpServer().address().port });
  // A parent that died (a test or a benchmark killed mid-run) leaves no api behind.
  process.on('disconnect', () => process.exit(1));
  process.on('message', async (message) => {
    if (message === 'close') {
      await app.close();
      process.exit(0);
    }
  });
}
