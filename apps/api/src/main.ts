import 'reflect-metadata';
import { JsonLogger, loadConfig, startEmbeddedPostgres, type EmbeddedDatabase } from '@ruche/platform';
import { createApp } from './bootstrap.js';
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
    logger.log({ msg: 'shutting down', signal }, 'main');
    await app.close().catch((error) => logger.error(error, 'main'));
    await embedded?.stop().catch((error) => logger.error(error, 'main'));
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  await app.listen({ port: config.port, host: config.host });
  const demoLogins = config.demo ? await seedDemoIfEmpty(app, logger) : [];

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
