import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { Readable } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { rows } from '../database/rows.js';
import type { Tx } from '../events/transactions.js';

/**
 * Personal data (#15): what each module holding a person's data answers for their export and
 * their erasure. Every module owns its tables (DESIGN.md), so nobody reads everyone's tables: each
 * module registers one {@link PersonalDataOwner} here, and the privacy module (libs/privacy) only
 * calls them: `exportFor` when it builds an archive, `erase` in the one erasing transaction.
 *
 * Each registration lists the `table.column`s holding a user id that it handles (`covers`), so a
 * test can compare them with the migrated schema: a new table holding user ids fails that test
 * (test/personal-data-coverage.e2e-spec.ts) until its owner says how it is exported or erased.
 */

/** `RUCHE_ERASURE`: keep an erased person's content under "Former employee", or delete it. */
export type ErasureMode = 'anonymise' | 'delete';
export const ERASURE_MODES: readonly ErasureMode[] = ['anonymise', 'delete'];

/** The name an erased person's content and mentions show. */
export const FORMER_EMPLOYEE = 'Former employee';

/** What an erased person's texts say once wiped (delete mode; bodies must not be empty). */
export const ERASED_TEXT = '[erased]';

/** Who is being erased, read before anything changes (their old handle still names them in texts). */
export interface ErasureSubject {
  userId: string;
  /** The handle before erasure: `@handle` in others' texts is rewritten to {@link FORMER_EMPLOYEE}. */
  handle: string;
  /** Random (`former_<hex>`): the erased account's new handle, and all the audit log keeps of them. */
  pseudonym: string;
  mode: ErasureMode;
}

/** One file of a person's, put in the archive under `files/<path>`. */
export interface PersonalFile {
  path: string;
  size: number;
  open(): Promise<Readable | null>;
}

export interface PersonalDataOwner {
  /** The module, the archive's folder name (`<module>/<section>.json`). */
  module: string;
  /** Every `table.column` holding a user id that this owner exports, erases or knowingly keeps. */
  covers: readonly string[];
  /** The person's data, by section (`posts`, `comments`, ...): JSON-ready rows, no secrets. */
  exportFor(manager: EntityManager, userId: string): Promise<Record<string, unknown[]>>;
  /** Their files, when the module keeps any. */
  filesFor?(manager: EntityManager, userId: string): Promise<PersonalFile[]>;
  /** Erases (anonymises or deletes, by `subject.mode`) in the caller's transaction. */
  erase(tx: Tx, subject: ErasureSubject): Promise<void>;
  /** Erased last (identity: the account itself, after everyone read the old handle). */
  last?: boolean;
}

/** The registry every module holding personal data fills in on init. */
@Injectable()
export class PersonalDataRegistry {
  private readonly owners: PersonalDataOwner[] = [];

  constructor() {
    // Platform's own: events name their actor. The outbox is pruned by its retention window
    // (RUCHE_OUTBOX_RETENTION_DAYS), the decision for erased people too; not exported.
    this.register({ module: 'platform', covers: ['outbox.actor_id'], exportFor: async () => ({}), erase: async () => {} });
  }

  register(owner: PersonalDataOwner): void {
    if (this.owners.some((o) => o.module === owner.module))
      throw new Error(`personal data owner ${owner.module} registered twice`);
    this.owners.push(owner);
  }

  /** Registrations in erasure order (the `last` ones at the end). */
  all(): readonly PersonalDataOwner[] {
    return [...this.owners.filter((o) => !o.last), ...this.owners.filter((o) => o.last)];
  }

  /** `table.column` → the modules that cover it. */
  coverage(): Map<string, string[]> {
    const map = new Map<string, string[]>();
    for (const owner of this.owners) for (const c of owner.covers) map.set(c, [...(map.get(c) ?? []), owner.module]);
    return map;
  }
}

/**
 * A module's share of a person's data: the provider each module holding personal data lists,
 * registering its {@link PersonalDataOwner} (`owner`, usually a {@link tableOwner}) on init.
 */
@Injectable()
export abstract class PersonalDataShare implements OnModuleInit {
  protected abstract readonly owner: PersonalDataOwner;

  constructor(private readonly registry: PersonalDataRegistry) {}

  onModuleInit(): void {
    this.registry.register(this.owner);
  }
}

/** What happens to one table's rows about the person on erasure. */
export type TableErasure =
  /** Rows about the person are deleted (preferences, memberships, tokens, derived rows). */
  | 'delete'
  /** The columns are set to null where they hold the person (who decided, who edited). */
  | 'null'
  /**
   * Rows stay as they are: the id now names an anonymised account ("Former employee"), e.g. an
   * append-only audit row or others' records. The reason is required by the type's users in a comment.
   */
  | 'keep'
  | ((tx: Tx, subject: ErasureSubject) => Promise<void>);

/** One table's share of a module's personal data, for {@link tableOwner}. */
export interface PersonalTable {
  table: string;
  /** The columns holding a user id (the first is the person's own, used for the export). */
  columns: readonly string[];
  /** Exported under this section name (rows where the first column is the person); omitted: not exported. */
  section?: string;
  /** Export rows where any of `columns` is the person, not only the first. */
  exportAll?: boolean;
  erase: TableErasure;
}

/** Never in an archive: secrets and derived search data. */
const NEVER_EXPORTED = ['search_vector', 'password_hash', 'token_hash', 'code_hash', 'secret', 'totp_secret'];

const IDENT = /^[a-z_][a-z0-9_]*$/;
function ident(name: string): string {
  if (!IDENT.test(name)) throw new Error(`not an identifier: ${name}`);
  return name;
}

/** `col = $1` for a uuid column, `$1 = ANY(col)` for a uuid[] one (named in plural, e.g. `actors`). */
function holds(column: string): string {
  return column === 'actors' ? `$1 = ANY(${ident(column)})` : `${ident(column)} = $1`;
}

/** A person's rows of one table, as JSON, without secrets. */
export async function exportRows(
  manager: EntityManager,
  table: string,
  columns: readonly string[],
  userId: string,
): Promise<unknown[]> {
  const found = await rows<{ row: unknown }>(
    manager,
    `SELECT to_jsonb(t) - $2::text[] AS row FROM ${ident(table)} t WHERE ${columns.map(holds).join(' OR ')}`,
    [userId, NEVER_EXPORTED],
  );
  return found.map((r) => r.row);
}

/** Applies one table's {@link TableErasure}. */
export async function eraseTable(tx: Tx, spec: PersonalTable, subject: ErasureSubject): Promise<void> {
  const { erase } = spec;
  if (erase === 'keep') return;
  if (typeof erase === 'function') return erase(tx, subject);
  if (erase === 'delete') {
    await tx.manager.query(`DELETE FROM ${ident(spec.table)} WHERE ${spec.columns.map(holds).join(' OR ')}`, [subject.userId]);
    return;
  }
  for (const column of spec.columns) {
    await tx.manager.query(
      column === 'actors'
        ? `UPDATE ${ident(spec.table)} SET actors = array_remove(actors, $1) WHERE $1 = ANY(actors)`
        : `UPDATE ${ident(spec.table)} SET ${ident(column)} = NULL WHERE ${ident(column)} = $1`,
      [subject.userId],
    );
  }
}

/**
 * A registration made of table declarations (the common case): exported sections are the rows
 * where the first column is the person; erasure applies each table's rule in order.
 */
export function tableOwner(
  module: string,
  tables: readonly PersonalTable[],
  extra: Partial<Pick<PersonalDataOwner, 'filesFor' | 'last'>> & {
    /** More sections to export (computed by the module). */
    exportMore?: PersonalDataOwner['exportFor'];
    /** Runs before the table rules (e.g. rewriting mentions while the old handle is known). */
    eraseFirst?: PersonalDataOwner['erase'];
    /** More covered columns than the tables declare (e.g. handled by eraseFirst). */
    covers?: readonly string[];
  } = {},
): PersonalDataOwner {
  return {
    module,
    covers: [...tables.flatMap((t) => t.columns.map((c) => `${t.table}.${c}`)), ...(extra.covers ?? [])],
    last: extra.last,
    filesFor: extra.filesFor,
    async exportFor(manager, userId) {
      const out: Record<string, unknown[]> = {};
      for (const t of tables) {
        if (!t.section) continue;
        const found = await exportRows(manager, t.table, t.exportAll ? t.columns : t.columns.slice(0, 1), userId);
        out[t.section] = [...(out[t.section] ?? []), ...found];
      }
      if (extra.exportMore) Object.assign(out, await extra.exportMore(manager, userId));
      return out;
    },
    async erase(tx, subject) {
      if (extra.eraseFirst) await extra.eraseFirst(tx, subject);
      for (const t of tables) await eraseTable(tx, t, subject);
    },
  };
}

/**
 * Others' texts in `table` (an owner's table with `id`, `body`, `body_html`) whose rendered HTML
 * links the erased person (a resolved @mention), rewritten with {@link forgetMention} under a row
 * lock in the erasing transaction.
 */
export async function forgetMentionsIn(tx: Tx, table: string, subject: ErasureSubject): Promise<void> {
  const found = await rows<{ id: string; body: string; body_html: string | null }>(
    tx.manager,
    `SELECT id, body, body_html FROM ${ident(table)} WHERE body_html LIKE '%/people/' || $1 || '"%' FOR UPDATE`,
    [subject.userId],
  );
  for (const row of found) {
    const next = forgetMention(row.body, row.body_html, subject.handle, subject.userId);
    await tx.manager.query(`UPDATE ${ident(table)} SET body = $2, body_html = $3 WHERE id = $1`, [row.id, next.text, next.html]);
  }
}

/** Escapes a string for a RegExp. */
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A text and its rendered HTML with the erased person's mentions turned into plain
 * "Former employee": `@handle` in the source, the mention link in the HTML (renderMarkdown links
 * mentions to `/people/<id>`), so no page shows or links their old name.
 */
export function forgetMention(
  text: string,
  html: string | null,
  handle: string,
  userId: string,
): { text: string; html: string | null } {
  const mention = new RegExp(`@${escape(handle)}(?![\\p{L}\\p{N}_-])`, 'giu');
  const link = new RegExp(`<a\\b[^>]*href="/people/${escape(encodeURIComponent(userId))}"[^>]*>[^<]*</a>`, 'g');
  return {
    text: text.replace(mention, FORMER_EMPLOYEE),
    html: html === null ? null : html.replace(link, FORMER_EMPLOYEE).replace(mention, FORMER_EMPLOYEE),
  };
}
