/** What ranking needs to know about an idea. */
export interface Rankable {
  id: string;
  voteCount: number;
  createdAt: Date;
}

/**
 * The "top" order, used by the idea list (`sort=top`), the leaderboard and the advance: most votes
 * first; among equal votes the earliest submission first (whoever had the idea first keeps the
 * place); the id last, only so the order is total and repeatable.
 */
export function compareTop(a: Rankable, b: Rankable): number {
  if (a.voteCount !== b.voteCount) return b.voteCount - a.voteCount;
  const at = a.createdAt.getTime() - b.createdAt.getTime();
  if (at !== 0) return at;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** The SQL ORDER BY that matches {@link compareTop} (served by ideas_campaign_top_idx). */
export const TOP_ORDER_SQL = (alias: string) => `${alias}.vote_count DESC, ${alias}.created_at ASC, ${alias}.id ASC`;

/**
 * The advance: the first `topN` ideas in the top order go to expert review, the rest are not
 * selected. A tie at the cut is broken the same way (earliest submission wins), so exactly
 * `min(topN, ideas)` ideas advance.
 */
export function rankForAdvance<T extends Rankable>(ideas: readonly T[], topN: number): { advanced: T[]; notSelected: T[] } {
  const ranked = [...ideas].sort(compareTop);
  return { advanced: ranked.slice(0, topN), notSelected: ranked.slice(topN) };
}
