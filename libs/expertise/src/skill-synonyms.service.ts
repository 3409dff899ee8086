import { Injectable } from '@nestjs/common';
import { skillKey } from '@ruche/people';
import { Database, invalid, lockKey, rows, Transactions } from '@ruche/platform';
import type { SynonymView } from './dto.js';
import type { SynonymMap } from './topics.js';

/** How long an instance trusts its copy of the table (another instance may have changed it). */
const CACHE_MS = 10_000;
export const MAX_SYNONYMS = 1000;

/**
 * The synonym table ("k8s" = "kubernetes"), admin-edited, read on every topic normalisation.
 * It is small (at most {@link MAX_SYNONYMS} rows), so each instance keeps it in memory for a few
 * seconds; an edit is seen at once by the instance that made it and within {@link CACHE_MS} by
 * the others.
 */
@Injectable()
export class SkillSynonyms {
  private cached: { at: number; map: Promise<Map<string, string>> } | null = null;

  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
  ) {}

  async map(): Promise<SynonymMap> {
    if (!this.cached || Date.now() - this.cached.at > CACHE_MS) {
      const map = rows<{ alias_key: string; canonical_key: string }>(
        this.db.manager,
        'SELECT alias_key, canonical_key FROM skill_synonyms',
      ).then((list) => new Map(list.map((r) => [r.alias_key, r.canonical_key])));
      this.cached = { at: Date.now(), map };
      void map.catch(() => (this.cached = null));
    }
    return this.cached.map;
  }

  async list(): Promise<{ items: SynonymView[] }> {
    const list = await rows<{ alias_key: string; canonical_key: string }>(
      this.db.manager,
      'SELECT alias_key, canonical_key FROM skill_synonyms ORDER BY canonical_key, alias_key',
    );
    return { items: list.map((r) => ({ alias: r.alias_key, canonical: r.canonical_key })) };
  }

  /**
   * Replaces the whole table. Both sides are normalised like skills; an alias may not also be a
   * canonical key (no chains: "a → b → c" would make a topic's key depend on the order of edits).
   * The change is announced (`skill_synonyms.updated`) so stored expertise is re-keyed.
   */
  async replace(actorId: string, entries: readonly SynonymView[]): Promise<{ items: SynonymView[] }> {
    const next = normaliseEntries(entries);
    await this.transactions.run(async (tx) => {
      await lockKey(tx.manager, 'expertise.synonyms');
      const before = await rows<{ alias_key: string; canonical_key: string }>(
        tx.manager,
        'SELECT alias_key, canonical_key FROM skill_synonyms',
      );
      const previous = new Map(before.map((r) => [r.alias_key, r.canonical_key]));
      const added = [...next].filter(([alias, canonical]) => previous.get(alias) !== canonical);
      const removed = [...previous].filter(([alias, canonical]) => next.get(alias) !== canonical);
      if (added.length === 0 && removed.length === 0) return;
      await tx.manager.query('DELETE FROM skill_synonyms WHERE alias_key = ANY ($1::text[])', [removed.map(([alias]) => alias)]);
      await tx.manager.query(
        `INSERT INTO skill_synonyms (alias_key, canonical_key)
         SELECT * FROM unnest($1::text[], $2::text[])
         ON CONFLICT (alias_key) DO UPDATE SET canonical_key = excluded.canonical_key, updated_at = now()`,
        [added.map(([alias]) => alias), added.map(([, canonical]) => canonical)],
      );
      const view = ([alias, canonical]: [string, string]) => ({ alias, canonical });
      await tx.emit({
        type: 'skill_synonyms.updated',
        payload: { added: added.map(view), removed: removed.map(view) },
        audience: [],
        actorId,
      });
    });
    this.cached = null;
    return this.list();
  }
}

/** Validates and normalises a full synonym table (400 on anything inconsistent). */
export function normaliseEntries(entries: readonly SynonymView[]): Map<string, string> {
  if (entries.length > MAX_SYNONYMS) throw invalid(`at most ${MAX_SYNONYMS} synonyms`);
  const next = new Map<string, string>();
  for (const entry of entries) {
    const alias = skillKey(entry.alias);
    const canonical = skillKey(entry.canonical);
    if (!alias || !canonical) throw invalid('alias and canonical must contain letters or digits');
    if (alias.length > 200 || canonical.length > 200) throw invalid('a synonym is too long');
    if (alias === canonical) throw invalid(`"${entry.alias}" is the same skill as "${entry.canonical}"`);
    const known = next.get(alias);
    if (known !== undefined && known !== canonical) throw invalid(`"${alias}" is given two canonical skills`);
    next.set(alias, canonical);
  }
  for (const [alias, canonical] of next) {
    if (next.has(canonical)) throw invalid(`"${canonical}" is both an alias and the canonical skill of "${alias}"`);
  }
  return next;
}
