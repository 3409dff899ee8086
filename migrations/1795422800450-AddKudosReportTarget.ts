import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Kudos can be reported and moderated like other content (issue #17): a target type of reports and cases. */
const CONSTRAINTS = [
  { table: 'reports', name: 'reports_target_type_known' },
  { table: 'moderation_cases', name: 'moderation_cases_target_type_known' },
];

/** The types a constraint lists now: extended rather than restated, so other work's types stay. */
async function types(q: QueryRunner, name: string): Promise<string[]> {
  const [row] = (await q.query('SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = $1', [name])) as {
    def: string;
  }[];
  return [...(row?.def ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

const list = (values: string[]) => values.map((v) => `'${v}'`).join(', ');

export class AddKudosReportTarget1795422800450 implements MigrationInterface {
  name = 'AddKudosReportTarget1795422800450';

  async up(q: QueryRunner): Promise<void> {
    for (const { table, name } of CONSTRAINTS) {
      const after = [...new Set([...(await types(q, name)), 'kudos'])];
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${name}`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${name} CHECK (target_type IN (${list(after)}))`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    for (const { table, name } of CONSTRAINTS) {
      const before = (await types(q, name)).filter((t) => t !== 'kudos');
      await q.query(`DELETE FROM ${table} WHERE target_type = 'kudos'`);
      await q.query(`ALTER TABLE ${table} DROP CONSTRAINT ${name}`);
      await q.query(`ALTER TABLE ${table} ADD CONSTRAINT ${name} CHECK (target_type IN (${list(before)}))`);
    }
  }
}
