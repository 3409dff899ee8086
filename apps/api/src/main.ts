import 'reflect-metadata';
import { JsonLogger, loadConfig, startEmbeddedPostgres, type EmbeddedDatabase } from '@ruche/platform';
import { createApp } from './bootstrap.js';
import { Readiness } from './health.controller.js';
import { seedDemoIfEmpty } from './demo/demo-seed.js';

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const logger = new JsonLogger(config.logLevel);

  let embedded: EmbeddedDatabase | undefined;
  if (!config.databaseUrl) {
    logger.log({ msg: 'starting the embedded PostgreSQL', dataDir: config.dataDir }, 'database');
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, onLog: (m) => logger.debug(m, 'postgres') });
    config.databaseUrl = embedded.url;
  }

  const app = await createApp(config);
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    // An orchestrator's SIGTERM: fail readiness first and keep serving while the load balancer
    // notices, so no request lands on a closed server. Ctrl-C (SIGINT) stops at once.
    const drainMs = signal === 'SIGTERM' ? config.http.shutdownDrainMs : 0;
    logger.log({ msg: 'shutting down', signal, drainMs }, 'main');
    app.get(Readiness).drain();
    if (drainMs) await new Promise((resolve) => setTimeout(resolve, drainMs));
    // Closes in order: readiness, outbox follower and sockets, the HTTP server (in-flight requests
    // finish), then the pool.
    await app.close().catch((error) => logger.error(error, 'main'));
    await embedded?.stop().catch((error) => logger.error(error, 'main'));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  // The demo company signs up with passwords: not when passwords are off or sign-up is closed (#15).
  const demoPossible = config.signIn.passwordLogin && config.signIn.signup === 'open';
  if (config.demo && !demoPossible) logger.warn({ msg: 'no demo data: it needs AUTH_PASSWORD=on and RUCHE_SIGNUP=open' }, 'main');
  const demoLogins = config.demo && demoPossible ? await seedDemoIfEmpty(app, logger) : [];

  const url = `http://localhost:${config.port}`;
  logger.log({ msg: 'Ruche is ready', url, docs: `${url}/api/docs`, startupMs: Date.now() - started, embeddedDatabase: !!embedded }, 'main');
  process.stdout.write(`\n  Ruche is running: ${url}\n  API docs:         ${url}/api/docs\n`);
  if (demoLogins.length) {
    process.stdout.write('\n  Demo logins (password for all: ' + demoLogins[0].password + '):\n');
    for (const login of demoLogins) process.stdout.write(`    ${login.email.padEnd(34)} ${login.roles}\n`);
  }
  process.stdout.write('\n');
}

main().catch((error) => {
  process.stderr.write(`Ruche failed to start: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
