import { invalid } from '@ruche/platform';

/**
 * Opaque keyset cursor for the "top" order (votes descending, then earliest submission, then id):
 * the sort key of the last idea a page returned. Like the platform's cursors it is base64url JSON
 * and anything that does not decode to exactly this shape is a 400. A `new` cursor given to a
 * `top` list (or the reverse) fails the same way.
 */
export type TopCursorKey = [voteCount: number, createdAt: Date, id: string];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TAG = 'top';

export function encodeTopCursor([voteCount, createdAt, id]: TopCursorKey): string {
  return Buffer.from(JSON.stringify([TAG, voteCount, createdAt.toISOString(), id])).toString('base64url');
}

export function decodeTopCursor(cursor: string): TopCursorKey {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid('cursor is not valid');
  }
  if (
    !Array.isArray(parsed) ||
    parsed.length !== 4 ||
    parsed[0] !== TAG ||
    typeof parsed[1] !== 'number' ||
    !Number.isSafeInteger(parsed[1]) ||
    parsed[1] < 0 ||
    typeof parsed[2] !== 'string' ||
    typeof parsed[3] !== 'string' ||
    !UUID.test(parsed[3])
  ) {
    throw invalid('cursor is not valid');
  }
  const createdAt = new Date(parsed[2]);
  if (Number.isNaN(createdAt.getTime())) throw invalid('cursor is not valid');
  return [parsed[1], createdAt, parsed[3]];
}
