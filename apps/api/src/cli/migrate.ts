import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import {
  type EmbeddedDatabase,
  JsonLogger,
  loadConfig,
  loadLocalSecrets,
  type RucheConfig,
  startEmbeddedPostgres,
} from '@ruche/platform';
import { migrations } from '../../../../migrations/index.js';
import { AppModule } from '../app.module.js';
import { assertPascalName, handWrittenObjectNames, renderMigration, withoutHandWrittenDrops } from './migration-file.js';

const USAGE = `usage: node dist/apps/api/src/cli/migrate.js <command>

  run                  apply every pending migration
  revert               undo the last applied migration
  show                 list migrations and whether they are applied
  generate <Name>      write migrations/<timestamp>-<Name>.ts from the entities' difference to the database

The database is DATABASE_URL, or the embedded PostgreSQL in RUCHE_DATA_DIR when it is unset.`;

const COMMANDS = ['run', 'revert', 'show', 'generate'] as const;
type Command = (typeof COMMANDS)[number];

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
const level = LEVELS.find((l) => l === process.env.LOG_LEVEL) ?? 'info';
const log = new JsonLogger(level);
const info = (fields: Record<string, unknown>) => log.log(fields, 'migrate');

interface Database {
  url: string;
  source: 'DATABASE_URL' | 'embedded' | 'embedded (already running)';
  close(): Promise<void>;
}

/**
 * An embedded server already running on the data directory (the app started by `npm start`)
 * is joined rather than started: starting would stop it as an orphan under the app's feet.
 */
function runningEmbedded(dataDir: string): string | undefined {
  const pidFile = join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(pidLine);
  const port = Number(portLine);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  try {
    process.kill(pid, 0);
  } catch {
    return undefined;
  }
  const { databasePassword } = loadLocalSecrets(dataDir);
  return `postgres://postgres:${encodeURIComponent(databasePassword)}@127.0.0.1:${port}/ruche`;
}

async function openDatabase(config: RucheConfig): Promise<Database> {
  if (config.databaseUrl) return { url: config.databaseUrl, source: 'DATABASE_URL', close: async () => undefined };
  const running = runningEmbedded(config.dataDir);
  if (running) return { url: running, source: 'embedded (already running)', close: async () => undefined };
  const embedded: EmbeddedDatabase = await startEmbeddedPostgres({
    dataDir: config.dataDir,
    onLog: (message) => log.debug(message, 'postgres'),
  });
  return { url: embedded.url, source: 'embedded', close: () => embedded.stop() };
}

function plainDataSource(url: string): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    migrations,
    migrationsTransactionMode: 'each',
    installExtensions: false,
    synchronize: false,
    logging: ['error'],
    extra: { max: 2, application_name: 'ruche-migrate' },
  });
}

/** Applied migration names, newest first (empty before the first run). */
async function appliedMigrations(dataSource: DataSource): Promise<string[]> {
  const table = dataSource.options.migrationsTableName ?? 'migrations';
  const [{ present }] = await dataSource.query('SELECT to_regclass($1) IS NOT NULL AS present', [table]);
  if (!present) return [];
  const rows: { name: string }[] = await dataSource.query(`SELECT name FROM "${table}" ORDER BY "timestamp" DESC, id DESC`);
  return rows.map((r) => r.name);
}

async function run(dataSource: DataSource): Promise<Record<string, unknown>> {
  const applied = await dataSource.runMigrations({ transaction: 'each' });
  for (const migration of applied) info({ msg: 'migration applied', name: migration.name });
  if (applied.length === 0) info({ msg: 'nothing to apply: the database is up to date' });
  return { applied: applied.length };
}

async function revert(dataSource: DataSource): Promise<Record<string, unknown>> {
  const [last] = await appliedMigrations(dataSource);
  if (!last) {
    info({ msg: 'nothing to revert: no migration has been applied' });
    return { reverted: null };
  }
  await dataSource.undoLastMigration({ transaction: 'each' });
  info({ msg: 'migration reverted', name: last });
  return { reverted: last };
}

async function show(dataSource: DataSource): Promise<Record<string, unknown>> {
  const applied = new Set(await appliedMigrations(dataSource));
  let pending = 0;
  for (const migration of dataSource.migrations) {
    const name = migration.name ?? migration.constructor.name;
    if (!applied.has(name)) pending++;
    info({ msg: 'migration', name, applied: applied.has(name) });
  }
  return { total: dataSource.migrations.length, pending };
}

/** Existing migration timestamps, so a new one always sorts last even if the clock disagrees. */
function lastTimestamp(dir: string): number {
  return Math.max(0, ...readdirSync(dir).map((f) => Number(/^(\d+)-/.exec(f)?.[1] ?? 0)));
}

async function generate(config: RucheConfig, name: string): Promise<Record<string, unknown>> {
  const dir = resolve('migrations');
  if (!existsSync(join(dir, 'index.ts')))
    throw new Error(`no migrations/index.ts under ${process.cwd()}: run this from the repository root`);

  // The whole app, so every module's entities are loaded exactly as at run time; migrations run first.
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), {
    logger: new JsonLogger(config.logLevel === 'debug' ? 'debug' : 'warn'),
  });
  try {
    const dataSource = app.get(DataSource);
    info({ msg: 'app context ready; comparing the entities with the database', entities: dataSource.entityMetadatas.length });
    const sql = await dataSource.driver.createSchemaBuilder().log();
    const sources = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && f !== 'index.ts')
      .map((f) => readFileSync(join(dir, f), 'utf8'));
    const { up, down, skipped } = withoutHandWrittenDrops(sql.upQueries, sql.downQueries, handWrittenObjectNames(sources));
    for (const query of skipped) log.debug({ msg: 'left out', query }, 'migrate');
    if (skipped.length) {
      info({
        msg: 'left out statements that drop or re-create constraints and indexes the hand-written migrations made on purpose (LOG_LEVEL=debug lists them)',
        leftOut: skipped.length,
      });
    }
    if (up.length === 0) {
      info({ msg: 'no schema changes: the entities match the database, nothing written', leftOut: skipped.length });
      return { written: null };
    }
    const file = renderMigration(name, Math.max(Date.now(), lastTimestamp(dir) + 1), up, down);
    const path = join(dir, file.fileName);
    writeFileSync(path, file.content, { flag: 'wx' });
    info({
      msg: 'migration written',
      path: relative(process.cwd(), path),
      className: file.className,
      statements: up.length,
      leftOut: skipped.length,
    });
    process.stdout.write(
      `\n  Wrote ${relative(process.cwd(), path)}.\n` +
        '  Migrations are reviewed by hand: check every statement, give constraints and indexes explicit names,\n' +
        `  then add ${file.className} to migrations/index.ts (it is not run until it is listed there).\n\n`,
    );
    return { written: file.fileName };
  } finally {
    await app.close();
  }
}

async function main(argv: string[]): Promise<number> {
  const [command, name, ...extra] = argv;
  if (!COMMANDS.includes(command as Command) || extra.length || (command === 'generate') !== (name !== undefined)) {
    process.stderr.write(`${USAGE}\n`);
    return 2;
  }
  if (command === 'generate') assertPascalName(name);

  const started = Date.now();
  const config = loadConfig();
  const database = await openDatabase(config);
  info({ msg: 'database', source: database.source, command });
  try {
    let result: Record<string, unknown>;
    const cmd = command as Command;
    switch (cmd) {
      case 'generate':
        result = await generate({ ...config, databaseUrl: database.url }, name!);
        break;
      case 'run':
      case 'revert':
      case 'show': {
        const dataSource = await plainDataSource(database.url).initialize();
        try {
          result = cmd === 'run' ? await run(dataSource) : cmd === 'revert' ? await revert(dataSource) : await show(dataSource);
        } finally {
          await dataSource.destroy();
        }
        break;
      }
    }
    info({ msg: 'done', command, ms: Date.now() - started, ...result });
    return 0;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    log.error(
      {
        msg: 'migration command failed',
        error: error instanceof Error ? error.message : String(error),
        stack: (error as Error)?.stack,
      },
      'migrate',
    );
    process.exit(1);
  },
);
