import { invalid } from '@ruche/platform';

/**
 * Opaque keyset cursor for the people directory (alphabetical by folded name, then id): the sort
 * key of the last person a page returned. Like the platform's cursors it is base64url JSON, and
 * anything that does not decode to exactly this shape is a 400 (a timestamp cursor from another
 * list included, thanks to the tag).
 */
export type NameCursorKey = readonly [sortKey: string, id: string];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TAG = 'name';
/** Folded display names are at most a few hundred characters; anything longer is not ours. */
const MAX_KEY = 400;

export function encodeNameCursor([sortKey, id]: NameCursorKey): string {
  return Buffer.from(JSON.stringify([TAG, sortKey, id])).toString('base64url');
}

export function decodeNameCursor(cursor: string): NameCursorKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('cursor is not valid');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 3 ||
    parsed[0] !== TAG ||
    typeof parsed[1] !== 'string' ||
    parsed[1].length > MAX_KEY ||
    // PostgreSQL text cannot hold NUL: a 400 here rather than a driver error.
    parsed[1].includes('\u0000') ||
    typeof parsed[2] !== 'string' ||
    !UUID.test(parsed[2])
  ) {
    throw invalid('cursor is not valid');
  }
  return [parsed[1], parsed[2]];
}
