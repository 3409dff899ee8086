/** The longest cleaned name kept, in characters (its extension is kept when it is cut). */
const MAX_NAME = 200;

/**
 * What a file name may not carry: C0 and C1 controls and DEL; the bidirectional overrides,
 * embeddings and isolates that make `gpj.exe` read as `exe.jpg` (U+202A–U+202E, U+2066–U+2069),
 * the directional marks (U+200E, U+200F, U+061C); zero-width and other invisible characters; the
 * characters Windows forbids in names and both path separators.
 */
// eslint-disable-next-line no-control-regex
const REMOVED = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]/g;
const REPLACED = /[<>:"|?*]/g;

/**
 * A file name safe to store and to send back in `Content-Disposition`: the last path segment only
 * (no `../`, no directories, either separator), without control or bidi characters, NFC, spaces
 * collapsed, no leading dots (no hidden or relative names), at most 200 characters (the extension
 * kept). Nothing usable left: `file`.
 */
export function cleanFileName(raw: string): string {
  const base = raw.normalize('NFC').split(/[/\\]/).pop() ?? '';
  let name = base
    .replace(/[\t\n\v\f\r]/g, ' ')
    .replace(REMOVED, '')
    .replace(REPLACED, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  if (!name) return 'file';
  const chars = [...name];
  if (chars.length > MAX_NAME) {
    const dot = name.lastIndexOf('.');
    const ext = dot > 0 ? [...name.slice(dot)] : [];
    const keep = ext.length > 0 && ext.length <= 16 ? ext : [];
    name = chars.slice(0, MAX_NAME - keep.length).join('') + keep.join('');
  }
  return name;
}

/** The lower-cased extension of a cleaned name, without its dot ('' when it has none). */
export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/**
 * `Content-Disposition` (RFC 6266) for a cleaned name: an ASCII fallback in `filename` (anything
 * else, quotes and backslashes as `_`) and the exact name in `filename*` (RFC 8187, UTF-8).
 */
export function contentDisposition(kind: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
