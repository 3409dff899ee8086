/**
 * The one spelling of an id inside Ruche. A UUID in any letter case names the same resource, so it
 * is lower-cased once, where it enters (path, query, body, socket payload): past the edge, ids are
 * compared as plain strings (`actor.id === userId`, `Set.has`) and could not be trusted to if two
 * spellings got in. Only the dashed 8-4-4-4-12 form: PostgreSQL would also take braces, `urn:uuid:`
 * or 32 bare hex digits, but accepting them would make the API's ids ambiguous for no one's benefit.
 * Services that take ids from other modules or from event payloads check them here too, so a
 * malformed id is "nothing found", never a PostgreSQL cast error.
 */
export const ID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `value` is an id (any letter case). */
export const isId = (value: unknown): value is string => typeof value === 'string' && ID_PATTERN.test(value);

/** The canonical (lower-case) form of an id, or null when `value` is not one. */
export function canonicalId(value: unknown): string | null {
  return isId(value) ? value.toLowerCase() : null;
}

/** The ids among `values`, canonical and each once (what an `= ANY($1::uuid[])` lookup wants). */
export function canonicalIdSet(values: Iterable<unknown>): string[] {
  const ids = new Set<string>();
  for (const value of values) {
    const id = canonicalId(value);
    if (id !== null) ids.add(id);
  }
  return [...ids];
}
