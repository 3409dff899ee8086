import { Readable } from 'node:stream';
import { extractText, hasExtractableText, normaliseText, TEXT_MAX_CHARS } from './file-text.js';

describe('file text: what is kept of a document', () => {
  it('extracts from documents and text only', () => {
    expect(hasExtractableText('application/pdf')).toBe(true);
    expect(hasExtractableText('application/vnd.oasis.opendocument.spreadsheet')).toBe(true);
    expect(hasExtractableText('text/csv')).toBe(true);
    expect(hasExtractableText('image/png')).toBe(false);
    expect(hasExtractableText('application/zip')).toBe(false);
    expect(hasExtractableText('image/svg+xml')).toBe(false);
  });

  it('folds whitespace, drops controls and NUL, and keeps nothing of blank text', () => {
    expect(normaliseText('  a\u0000b \t\t c\n\n\n  d  ')).toBe('a b c\nd');
    expect(normaliseText(' \n\t ')).toBeNull();
  });

  it('cuts at the cap, never inside a surrogate pair', () => {
    expect(normaliseText('x'.repeat(TEXT_MAX_CHARS + 50))).toHaveLength(TEXT_MAX_CHARS);
    const cut = normaliseText(`${'x'.repeat(TEXT_MAX_CHARS - 1)}😀tail`)!;
    expect(cut).toBe('x'.repeat(TEXT_MAX_CHARS - 1));
  });

  it('gives no text, and does not throw, for a corrupt document; reports why', async () => {
    const problems: string[] = [];
    const text = await extractText(Readable.from([Buffer.from('PK\u0003\u0004 not a zip at all')]), 24, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', (r) =>
      problems.push(r),
    );
    expect(text).toBeNull();
    expect(problems).toHaveLength(1);
  });

  it('does not read a document over the size bound', async () => {
    const problems: string[] = [];
    expect(await extractText(Readable.from([Buffer.from('%PDF')]), 26 * 1024 * 1024, 'application/pdf', (r) => problems.push(r))).toBeNull();
    expect(problems[0]).toMatch(/larger than/);
  });
});
