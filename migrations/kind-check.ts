import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Shared by the migrations that add values to a `kind IN (...)` CHECK constraint (issue #18:
 * written once, not per migration): notification kinds, analytics activity kinds.
 *
 * Adds the kinds to whatever the constraint lists now, instead of restating the whole list, so
 * migrations from other work that add kinds of their own keep theirs whatever the order.
 */
export type KindCheck = { table: string; constraint: string };

export const NOTIFICATION_KINDS: KindCheck = { table: 'notifications', constraint: 'notifications_kind_known' };
export const ANALYTICS_ACTIVITY_KINDS: KindCheck = { table: 'analytics_activity', constraint: 'analytics_activity_kind_known' };

/** What the constraint lists now. */
async function kinds(q: QueryRunner, check: KindCheck): Promise<string[]> {
  const [row] = (await q.query(`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = $1`, [
    check.constraint,
  ])) as { def: string }[];
  return [...(row?.def ?? '').matchAll(/'([^']+)'/g)].map((m) => m[1]);
}

const list = (values: readonly string[]) => values.map((k) => `'${k}'`).join(', ');

async function replaceConstraint(q: QueryRunner, check: KindCheck, allowed: readonly string[]): Promise<void> {
  await q.query(`ALTER TABLE ${check.table} DROP CONSTRAINT ${check.constraint}`);
  await q.query(`ALTER TABLE ${check.table} ADD CONSTRAINT ${check.constraint} CHECK (kind IN (${list(allowed)}))`);
}

/** `up`: the constraint now also allows `added`. */
export async function addKinds(q: QueryRunner, check: KindCheck, added: readonly string[]): Promise<void> {
  await replaceConstraint(q, check, [...new Set([...(await kinds(q, check)), ...added])]);
}

/** `down`: the rows of `added` are deleted, then the constraint no longer allows them. */
export async function removeKinds(q: QueryRunner, check: KindCheck, added: readonly string[]): Promise<void> {
  const before = (await kinds(q, check)).filter((k) => !added.includes(k));
  await q.query(`DELETE FROM ${check.table} WHERE kind IN (${list(added)})`);
  await replaceConstraint(q, check, before);
}

/**
 * A migration that adds `added` to the kinds `check` allows (`up`), and takes them back with their
 * rows (`down`): the concrete migration names itself and says which kinds, nothing else.
 */
export abstract class AddKindsMigration implements MigrationInterface {
  abstract name: string;

  protected constructor(
    private readonly check: KindCheck,
    private readonly added: readonly string[],
  ) {}

  async up(q: QueryRunner): Promise<void> {
    await addKinds(q, this.check, this.added);
  }

  async down(q: QueryRunner): Promise<void> {
    await removeKinds(q, this.check, this.added);
  }
}
