import { invalid } from '../errors/domain-error.js';
import { isId } from '../validation/ids.js';

/**
 * Opaque keyset cursors: the sort key of the last row a page returned, so the next page starts
 * strictly after it and stays stable while new rows are inserted. Timestamps are stored with
 * millisecond precision (timestamptz(3)) so they survive the round trip through JavaScript.
 */
export type CursorKey = [sortedAt: Date, id: string];

export function encodeCursor([sortedAt, id]: CursorKey): string {
  return Buffer.from(JSON.stringify([sortedAt.toISOString(), id])).toString('base64url');
}

export function decodeCursor(cursor: string): CursorKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('cursor is not valid');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 2 ||
    typeof parsed[0] !== 'string' ||
    typeof parsed[1] !== 'string' ||
    !isId(parsed[1])
  ) {
    throw invalid('cursor is not valid');
  }
  const sortedAt = new Date(parsed[0]);
  if (Number.isNaN(sortedAt.getTime())) throw invalid('cursor is not valid');
  return [sortedAt, parsed[1]];
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * Turns `limit + 1` fetched rows into a page: the extra row only says whether there is more.
 */
export function toPage<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => CursorKey,
  map: (row: Row) => Item,
): Page<Item> {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows[pageRows.length - 1];
  return {
    items: pageRows.map(map),
    nextCursor: more && last ? encodeCursor(keyOf(last)) : null,
  };
}

/**
 * {@link toPage} for rows whose view needs something read apart (a person, a post's view) that
 * may be gone by then (deleted, no longer visible): `map` answers undefined for such a row and the
 * page leaves it out. The cursor still follows the last row fetched, so the next page moves on.
 */
export function toPresentPage<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => CursorKey,
  map: (row: Row) => Item | undefined,
): Page<Item> {
  const page = toPage(rows, limit, keyOf, map);
  return { items: page.items.filter((item): item is Item => item !== undefined), nextCursor: page.nextCursor };
}

/**
 * A list's own keyset cursor, for orders other than (time, id): base64url JSON `[tag, ...key]`.
 * The tag keeps one list's cursor out of another (a `top` cursor given to a `new` list is a 400).
 */
export function encodeTaggedCursor(tag: string, key: readonly unknown[]): string {
  return Buffer.from(JSON.stringify([tag, ...key])).toString('base64url');
}

/**
 * The key of a cursor made by {@link encodeTaggedCursor} with this tag, once `valid` accepts it
 * (its length and field types); anything else is a 400 "cursor is not valid".
 */
export function decodeTaggedCursor(cursor: string, tag: string, valid: (key: unknown[]) => boolean): unknown[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('cursor is not valid');
  }
  if (!Array.isArray(parsed) || parsed[0] !== tag || !valid(parsed.slice(1))) throw invalid('cursor is not valid');
  return parsed.slice(1);
}
