import type { Readable } from 'node:stream';

// Loaded on the first document to read (it adds ~30 MB to a process's RSS), then kept.
let officeParser: Promise<(typeof import('officeparser'))['OfficeParser']> | undefined;

/** Office documents and PDF: their text is read by officeparser. */
const DOCUMENT_TYPES: Record<string, 'pdf' | 'docx' | 'xlsx' | 'pptx' | 'odt' | 'ods' | 'odp'> = {
  'application/pdf': 'pdf',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'pptx',
  'application/vnd.oasis.opendocument.text': 'odt',
  'application/vnd.oasis.opendocument.spreadsheet': 'ods',
  'application/vnd.oasis.opendocument.presentation': 'odp',
};

/** Plain text, CSV and Markdown are their own text. */
const TEXT_TYPES = new Set(['text/plain', 'text/csv', 'text/markdown']);

/**
 * The bounds of one extraction. Text past `TEXT_MAX_CHARS` is cut (the `files_text_check`
 * constraint holds the same number): a search index over the first 100,000 characters of a document
 * finds what it is about, and a bigger one would make each file's vector, and its row, heavy.
 */
export const TEXT_LIMITS = {
  /** Characters of text kept per file. */
  maxChars: 100_000,
  /** Documents larger than this are not read at all (they stay downloadable, not searchable). */
  maxSourceBytes: 25 * 1024 * 1024,
  /** Wall-clock time for one document; past it the parse is abandoned and the file has no text. */
  timeoutMs: 30_000,
  /** Pages of a PDF read. */
  pdfPages: 50,
  /** Heap of the separate process officeparser reads a PDF in (pdf.js can be made to explode). */
  pdfProcessMemoryMb: 256,
  /** CPU time base for that process (officeparser adds 20 ms per KB of the file). */
  pdfCpuMs: 5_000,
  /** What a zip-based document (docx, xlsx, pptx, odt, ods, odp) may inflate to. */
  maxUncompressedBytes: 100 * 1024 * 1024,
  /** XML elements read from such a document (each costs memory: a zip bomb of empty elements). */
  maxXmlElements: 1_000_000,
  /** Spreadsheet cells materialised. */
  maxTableCells: 200_000,
} as const;

export const TEXT_MAX_CHARS = TEXT_LIMITS.maxChars;

/** Whether the files module extracts text from files of this type. */
export function hasExtractableText(contentType: string): boolean {
  return TEXT_TYPES.has(contentType) || contentType in DOCUMENT_TYPES;
}

/** Whitespace runs become one space or one newline, controls go, and the text is cut to the cap. */
export function normaliseText(text: string): string | null {
  const cleaned = text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, ' ')
    .replace(/[ \t\u00a0]+/g, ' ')
    .replace(/\s*\n\s*/g, '\n')
    .trim();
  if (cleaned.length === 0) return null;
  // Cut in UTF-16 units (never more code points than that, PostgreSQL's measure), not inside a
  // surrogate pair: a lone surrogate is not valid text for PostgreSQL.
  return cleaned.slice(0, TEXT_LIMITS.maxChars).replace(/[\ud800-\udbff]$/, '');
}

/** Reads at most `max` bytes of a stream (the rest is not read). */
async function readUpTo(body: Readable, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    const buffer = chunk as Buffer;
    chunks.push(buffer.subarray(0, max - size));
    size += Math.min(buffer.length, max - size);
    if (size >= max) break;
  }
  body.destroy();
  return Buffer.concat(chunks);
}

/**
 * The text of a stored file, or null when it has none that can be read: a type without text, a
 * document over the size bound, a corrupt, encrypted or too slow one. Never throws for the file's
 * sake (a bad document is the uploader's, not a job to retry); storage errors do throw, so the job
 * is retried. OCR is never enabled: officeparser can run Tesseract over images, which would cost
 * seconds of CPU per page and is not what a search index of written text needs.
 */
export async function extractText(
  body: Readable,
  size: number,
  contentType: string,
  onProblem: (reason: string) => void = () => undefined,
): Promise<string | null> {
  if (TEXT_TYPES.has(contentType)) {
    // UTF-8 was checked at upload; a cut in the middle of a character decodes to U+FFFD, harmless.
    return normaliseText((await readUpTo(body, TEXT_LIMITS.maxChars * 4)).toString('utf8'));
  }
  const fileType = DOCUMENT_TYPES[contentType];
  if (!fileType) {
    body.destroy();
    return null;
  }
  if (size > TEXT_LIMITS.maxSourceBytes) {
    body.destroy();
    onProblem(`larger than ${TEXT_LIMITS.maxSourceBytes} bytes`);
    return null;
  }
  const buffer = await readUpTo(body, TEXT_LIMITS.maxSourceBytes + 1);
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new Error(`took longer than ${TEXT_LIMITS.timeoutMs} ms`));
    }, TEXT_LIMITS.timeoutMs);
  });
  try {
    const parse = async () => {
      const OfficeParser = await (officeParser ??= import('officeparser').then((m) => m.OfficeParser));
      const ast = await OfficeParser.parseOffice(buffer, {
        fileType,
        ocr: false,
        extractAttachments: false,
        includeRawContent: false,
        ignorePageGeometry: true,
        abortSignal: abort.signal,
        onWarning: () => undefined,
        decompressionLimits: {
          maxUncompressedBytes: TEXT_LIMITS.maxUncompressedBytes,
          maxXmlElements: TEXT_LIMITS.maxXmlElements,
          maxTableCells: TEXT_LIMITS.maxTableCells,
        },
        pdfParserConfig: {
          pageRange: `1-${TEXT_LIMITS.pdfPages}`,
          processMemoryMb: TEXT_LIMITS.pdfProcessMemoryMb,
          maxTimeMs: TEXT_LIMITS.pdfCpuMs,
        },
      });
      return (await ast.to('text')).value;
    };
    // Abandoned, not just aborted: a parse that ignores its signal cannot hold the job.
    const text = await Promise.race([parse(), timeout]);
    return typeof text === 'string' ? normaliseText(text) : null;
  } catch (error) {
    onProblem((error as Error)?.message ?? String(error));
    return null;
  } finally {
    clearTimeout(timer);
  }
}
