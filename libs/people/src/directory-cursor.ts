import { decodeTaggedCursor, encodeTaggedCursor, isId } from '@ruche/platform';

/**
 * Opaque keyset cursor for the people directory (alphabetical by folded name, then id): the sort
 * key of the last person a page returned. Anything that does not decode to exactly this shape is a
 * 400 (a timestamp cursor from another list included, thanks to the tag).
 */
export type NameCursorKey = readonly [sortKey: string, id: string];

const TAG = 'name';
/** Folded display names are at most a few hundred characters; anything longer is not ours. */
const MAX_KEY = 400;

export function encodeNameCursor([sortKey, id]: NameCursorKey): string {
  return encodeTaggedCursor(TAG, [sortKey, id]);
}

export function decodeNameCursor(cursor: string): NameCursorKey {
  const [sortKey, id] = decodeTaggedCursor(
    cursor,
    TAG,
    ([key, id, ...rest]) =>
      rest.length === 0 &&
      typeof key === 'string' &&
      key.length <= MAX_KEY &&
      // PostgreSQL text cannot hold NUL: a 400 here rather than a driver error.
      !key.includes('\u0000') &&
      isId(id),
  );
  return [sortKey as string, id as string];
}
