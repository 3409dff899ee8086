/** At most this many distinct people can be mentioned in one post (the rest are plain text). */
export const MAX_MENTIONS = 50;

/**
 * `@handle` where a handle is [a-z0-9_]{2,30} (the format identity gives handles). Not a mention:
 * the `@` inside an email or a URL path (`a@b.com`, `site/@name`), a longer run of handle
 * characters (`@` + 31 of them), or a dotted name (`@corp.example`, `@jean.dupont`), which would
 * otherwise wrongly mention `corp` or `jean`. A trailing full stop still ends a mention.
 * No `i` flag: with `u` it would also fold `ſ` and the Kelvin sign into handle letters.
 */
const MENTION = /(?<![\p{L}\p{N}\p{M}_.+\-@/\\])@([A-Za-z0-9_]{2,30})(?![\p{L}\p{N}\p{M}_@]|\.[\p{L}\p{N}_])/gu;

/** The distinct handles a text mentions, lower-cased, in order of first appearance, at most {@link MAX_MENTIONS}. */
export function parseMentions(text: string): string[] {
  const handles = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    handles.add(match[1].toLowerCase());
    if (handles.size === MAX_MENTIONS) break;
  }
  return [...handles];
}
