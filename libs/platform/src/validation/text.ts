/**
 * What counts as "nothing to read" in a text field. A name, a title or a post made only of
 * zero-width spaces, bidi overrides or Hangul fillers looks empty on every screen, so it is
 * refused like an empty one. Removed for the check: white space, controls (Cc), format characters
 * (Cf: zero-width, bidi controls, the soft hyphen), every default-ignorable code point (which
 * includes the fillers U+115F, U+1160, U+3164, U+FFA0 and lone variation selectors) and the
 * braille blank U+2800, the other favourite of blank display names. Emoji joined by U+200D keep
 * their pictographs, and Arabic, Hebrew, CJK and combining accents are letters or marks: all stay
 * valid. The text itself is never changed: these functions only answer questions.
 */
const INVISIBLE = /[\s\p{Cc}\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** An unpaired UTF-16 surrogate: in `u` mode a well-formed pair is one astral code point, not Cs. */
const LONE_SURROGATE = /\p{Cs}/u;

/** True when nothing would be seen: empty, or only invisible characters. */
export function isInvisibleText(value: string): boolean {
  return value.replace(INVISIBLE, '').length === 0;
}

/**
 * True when the string has an unpaired surrogate. Such a string cannot be encoded as UTF-8: the
 * driver would silently store U+FFFD instead, so it is refused rather than changed.
 */
export function hasLoneSurrogate(value: string): boolean {
  return LONE_SURROGATE.test(value);
}

/**
 * Where in a parsed body or query the first string with an unpaired surrogate is (a key or a
 * value), as a path like `criteria[0].name`; undefined when there is none. Checked once for the
 * whole input, so no validator ever sees such a string (`IsEmail` throws on one: a 500).
 */
export function findLoneSurrogate(value: unknown, path = ''): string | undefined {
  if (typeof value === 'string') return hasLoneSurrogate(value) ? path || 'value' : undefined;
  if (typeof value !== 'object' || value === null) return undefined;
  // Parsed input is plain data. Anything else the global pipe is handed (a WebSocket handler's
  // @ConnectedSocket) is not input, and is cyclic: walking it overflowed the stack on every message.
  const prototype: unknown = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && prototype !== Object.prototype && prototype !== null) return undefined;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = findLoneSurrogate(value[i], `${path}[${i}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  for (const [key, item] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    if (hasLoneSurrogate(key)) return at;
    const found = findLoneSurrogate(item, at);
    if (found !== undefined) return found;
  }
  return undefined;
}
