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
 * extension (CSV, Markdown, else plain text), once the content is known to be UTF-8 text.
 */
export async function detectContentType(path: string, name: string): Promise<string | null> {
  const detected = await fileTypeFromFile(path);
  if (detected) return BINARY_TYPES.has(detected.mime) ? detected.mime : null;
  if (!(await isUtf8Text(path))) return null;
  return TEXT_BY_EXTENSION[extensionOf(name)] ?? 'text/plain';
}
