import { fileTypeFromFile } from 'file-type';
import { createReadStream } from 'node:fs';
import { extensionOf } from './file-names.js';

/** Types recognised by their magic bytes (file-type) that may be shared. */
const BINARY_TYPES = new Set([
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'application/zip',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
  'application/vnd.oasis.opendocument.presentation',
]);

/** Images Ruche re-encodes (metadata stripped), measures, and renders a thumbnail and a web copy of. */
export const IMAGE_TYPES = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Text has no magic bytes: valid UTF-8 without binary controls, typed by its extension among these. */
const TEXT_BY_EXTENSION: Record<string, string> = { csv: 'text/csv', md: 'text/markdown', markdown: 'text/markdown' };

export const TEXT_TYPES = new Set(['text/plain', 'text/csv', 'text/markdown']);

/**
 * Text that a browser would run (SVG and HTML can carry script): refused unless an admin allows it
 * (`FILES_ALLOW_ACTIVE_TYPES`), and then always downloaded under a sandboxing CSP, never shown inline
 * or as an image (files.controller.ts). Typed by extension like other text, or by what the text starts
 * with, so an SVG named `.txt` is still known for what it is.
 */
export const ACTIVE_TYPES = { svg: 'image/svg+xml', html: 'text/html' } as const;
const ACTIVE_BY_EXTENSION: Record<string, keyof typeof ACTIVE_TYPES> = { svg: 'svg', svgz: 'svg', html: 'html', htm: 'html', xhtml: 'html' };
export const ACTIVE_CONTENT_TYPES = new Set<string>(Object.values(ACTIVE_TYPES));

/** SVG or HTML by the first 4 KB of the text (after a BOM, an XML declaration, comments, a doctype). */
async function activeKindOf(path: string): Promise<keyof typeof ACTIVE_TYPES | null> {
  const stream = createReadStream(path, { start: 0, end: 4095, encoding: 'utf8' });
  let head = '';
  for await (const chunk of stream) head += chunk as string;
  const start = head
    .replace(/^\uFEFF/, '')
    .replace(/^(\s|<\?xml[^>]*>|<!--[\s\S]*?-->)*/i, '')
    .toLowerCase();
  if (/^<!doctype\s+svg|^<svg[\s>]/.test(start)) return 'svg';
  if (/^<!doctype\s+html|^<(html|head|body|script|iframe)[\s>]/.test(start)) return 'html';
  return null;
}

/** Controls that never occur in text a person writes (NUL, and C0 but tab, LF, FF, CR, ESC). */
// eslint-disable-next-line no-control-regex
const BINARY_CONTROL = /[\u0000-\u0008\u000b\u000e-\u001a\u001c-\u001f\u007f]/;

/** Whether the file is UTF-8 text (read in chunks: never the whole file in memory). */
async function isUtf8Text(path: string): Promise<boolean> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of createReadStream(path, { highWaterMark: 64 * 1024 })) {
      if (BINARY_CONTROL.test(decoder.decode(chunk as Buffer, { stream: true }))) return false;
    }
    decoder.decode();
    return true;
  } catch {
    return false;
  }
}

/**
 * The content type of an upload from its content (magic bytes), never from its name, or null when
 * it is not on the allow-list. Only plain text, which has no magic bytes, is typed by its name's
 * extension (CSV, Markdown, else plain text), once the content is known to be UTF-8 text; SVG and
 * HTML (by extension or content) only when `allowedActive` names them.
 */
export async function detectContentType(
  path: string,
  name: string,
  allowedActive: ReadonlySet<string> = new Set(),
): Promise<string | null> {
  const detected = await fileTypeFromFile(path);
  // file-type calls anything starting `<?xml` XML: an SVG usually does. Other XML stays refused.
  const xml = detected?.mime === 'application/xml' || detected?.mime === 'image/svg+xml';
  if (detected && !xml) return BINARY_TYPES.has(detected.mime) ? detected.mime : null;
  if (!(await isUtf8Text(path))) return null;
  const active = ACTIVE_BY_EXTENSION[extensionOf(name)] ?? (await activeKindOf(path));
  if (xml && active !== 'svg') return null;
  if (active) return allowedActive.has(active) ? ACTIVE_TYPES[active] : null;
  return TEXT_BY_EXTENSION[extensionOf(name)] ?? 'text/plain';
}
