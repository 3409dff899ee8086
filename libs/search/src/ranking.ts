import { invalid, type SourceHit } from '@ruche/platform';

/**
 * How deep results can be paged: search is for the best matches; past the first pages, a narrower
 * query serves better than a deeper page (every page re-ranks from the top in every source).
 */
export const MAX_DEPTH = 200;

/** Merges hits from several sources, best first; ties by newest, then id, so pages are stable. */
export function mergeHits<Hit extends SourceHit>(lists: readonly Hit[][]): Hit[] {
  return lists
    .flat()
    .sort(
      (a, b) =>
        b.score - a.score ||
        (b.createdAt ?? '').localeCompare(a.createdAt ?? '') ||
        a.type.localeCompare(b.type) ||
        a.id.localeCompare(b.id),
    );
}

/** Search pages are ranked, not keyed: the cursor is the position of the next page. */
export function encodeOffset(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

export function decodeOffset(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('cursor is not valid');
  }
  const offset = (parsed as { o?: unknown } | null)?.o;
  if (typeof offset !== 'number' || !Number.isInteger(offset) || offset < 0 || offset >= MAX_DEPTH) {
    throw invalid('cursor is not valid');
  }
  return offset;
}

/** The page at `offset` of the merged hits, and the cursor of the next one (none past MAX_DEPTH). */
export function pageOf<Hit extends SourceHit>(
  merged: readonly Hit[],
  offset: number,
  limit: number,
): { items: Hit[]; nextCursor: string | null } {
  const items = merged.slice(offset, offset + limit);
  const next = offset + limit;
  return { items, nextCursor: merged.length > next && next < MAX_DEPTH ? encodeOffset(next) : null };
}
