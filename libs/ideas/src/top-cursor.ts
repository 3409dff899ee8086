import { decodeTaggedCursor, encodeTaggedCursor, isId } from '@ruche/platform';

/**
 * Opaque keyset cursor for the "top" order (votes descending, then earliest submission, then id):
 * the sort key of the last idea a page returned. Anything that does not decode to exactly this
 * shape is a 400; a `new` cursor given to a `top` list (or the reverse) fails the same way.
 */
export type TopCursorKey = [voteCount: number, createdAt: Date, id: string];

const TAG = 'top';

export function encodeTopCursor([voteCount, createdAt, id]: TopCursorKey): string {
  return encodeTaggedCursor(TAG, [voteCount, createdAt.toISOString(), id]);
}

export function decodeTopCursor(cursor: string): TopCursorKey {
  const [voteCount, createdAt, id] = decodeTaggedCursor(
    cursor,
    TAG,
    ([votes, at, id, ...rest]) =>
      rest.length === 0 &&
      typeof votes === 'number' &&
      Number.isSafeInteger(votes) &&
      votes >= 0 &&
      typeof at === 'string' &&
      !Number.isNaN(new Date(at).getTime()) &&
      isId(id),
  );
  return [voteCount as number, new Date(createdAt as string), id as string];
}
