import { cleanFileName, contentDisposition, extensionOf } from './file-names.js';

describe('file names', () => {
  it('keep the last path segment only, with either separator', () => {
    expect(cleanFileName('../../etc/passwd')).toBe('passwd');
    expect(cleanFileName('..\\..\\windows\\system32\\cmd.exe')).toBe('cmd.exe');
    expect(cleanFileName('/abs/path/report.pdf')).toBe('report.pdf');
    expect(cleanFileName('..')).toBe('file');
    expect(cleanFileName('.hidden')).toBe('hidden');
  });

  it('drop control characters, bidi overrides and invisible characters', () => {
    expect(cleanFileName('invoice\u202Egpj.exe')).toBe('invoicegpj.exe');
    expect(cleanFileName('a\u0000b\u0007c\u009b.txt')).toBe('abc.txt');
    expect(cleanFileName('x\u2066y\u2069\u200Bz.png')).toBe('xyz.png');
    expect(cleanFileName('line\nbreak.txt')).toBe('line break.txt');
    expect(cleanFileName('a<b>c:"d"|e?f*.txt')).toBe('a_b_c__d__e_f_.txt');
  });

  it('keep letters of every script, NFC, and an empty result becomes "file"', () => {
    expect(cleanFileName('Re\u0301sume\u0301 été.docx')).toBe('Résumé été.docx');
    expect(cleanFileName('تقرير.pdf')).toBe('تقرير.pdf');
    expect(cleanFileName('\u202E\u0000 ')).toBe('file');
  });

  it('cut long names keeping the extension', () => {
    const name = cleanFileName(`${'a'.repeat(300)}.pdf`);
    expect([...name]).toHaveLength(200);
    expect(name.endsWith('.pdf')).toBe(true);
    expect(extensionOf(name)).toBe('pdf');
    expect(extensionOf('README')).toBe('');
  });

  it('send an ASCII fallback and the exact name (RFC 6266 / 8187)', () => {
    expect(contentDisposition('attachment', 'Résumé "final".pdf')).toBe(
      `attachment; filename="R_sum_ _final_.pdf"; filename*=UTF-8''R%C3%A9sum%C3%A9%20%22final%22.pdf`,
    );
    expect(contentDisposition('inline', "it's (1).png")).toBe(
      `inline; filename="it's (1).png"; filename*=UTF-8''it%27s%20%281%29.png`,
    );
  });
});
