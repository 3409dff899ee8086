import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { migrations } from '../migrations/index.js';
import { scratchDatabase, type ScratchDatabase } from './support/scratch-database.js';
import { schemaSnapshot } from './support/schema-snapshot.js';

/**
 * The schema after every migration, compared with the committed snapshot. `migration:generate`
 * sees only the tables that still have entities; this sees all of them, with their constraints,
 * indexes, functions and triggers, so a migration that changes the schema has to change the
 * snapshot in the same commit (and a reviewer reads the difference). `npm run schema:snapshot`
 * rewrites it.
 */
const SNAPSHOT = resolve('migrations/schema.snapshot.sql');
const REFRESH = 'npm run schema:snapshot';

function lineDiff(expected: string, actual: string): string {
  const want = new Set(expected.split('\n'));
  const got = new Set(actual.split('\n'));
  const missing = [...want].filter((l) => l.trim() && !got.has(l)).map((l) => `- ${l}`);
  const extra = [...got].filter((l) => l.trim() && !want.has(l)).map((l) => `+ ${l}`);
  return [...missing, ...extra].join('\n');
}

describe('schema snapshot', () => {
  let scratch: ScratchDatabase;
  let client: pg.Client;

  beforeAll(async () => {
    scratch = await scratchDatabase('ruche_schema');
    await scratch.migrate(migrations);
    client = await scratch.connect();
  }, 120_000);

  afterAll(() => scratch?.drop());

  it('matches migrations/schema.snapshot.sql after all migrations', async () => {
    const actual = `-- The schema after all migrations (test/schema-snapshot.e2e-spec.ts checks it). Refresh: ${REFRESH}\n\n${await schemaSnapshot(client)}`;
    if (process.env.RUCHE_UPDATE_SCHEMA_SNAPSHOT === '1') writeFileSync(SNAPSHOT, actual);
    if (!existsSync(SNAPSHOT)) throw new Error(`${SNAPSHOT} is missing: run \`${REFRESH}\` and commit it`);
    const expected = readFileSync(SNAPSHOT, 'utf8');
    if (expected !== actual) {
      throw new Error(
        `The schema after all migrations differs from migrations/schema.snapshot.sql (- snapshot, + database):\n` +
          `${lineDiff(expected, actual) || '(same lines, different order or spacing)'}\n\n` +
          `If the migration meant it, run \`${REFRESH}\` and commit the snapshot with the migration.`,
      );
    }
  });

  it('sees every table, including those no entity describes', () => {
    const tables = readFileSync(SNAPSHOT, 'utf8').match(/^TABLE /gm) ?? [];
    // 47 when #18 was written; a lower count would mean the catalog query lost tables.
    expect(tables.length).toBeGreaterThanOrEqual(40);
  });
});
