import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectContentType } from './file-types.js';

const dir = mkdtempSync(join(tmpdir(), 'ruche-types-'));
const file = (name: string, content: string) => {
  const path = join(dir, `${Math.random().toString(36).slice(2)}-${name}`);
  writeFileSync(path, content);
  return path;
};
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
const HTML = '<!doctype html><title>x</title>';

describe('file types: SVG and HTML only when allowed', () => {
  it('refuses both when none is allowed, by extension or content', async () => {
    expect(await detectContentType(file('a.svg', SVG), 'a.svg')).toBeNull();
    expect(await detectContentType(file('a.txt', SVG), 'a.txt')).toBeNull();
    expect(await detectContentType(file('a.html', HTML), 'a.html')).toBeNull();
    expect(await detectContentType(file('a.csv', `  \n<!-- x -->${HTML}`), 'a.csv')).toBeNull();
  });

  it('allows exactly the listed ones', async () => {
    const svgOnly = new Set(['svg']);
    expect(await detectContentType(file('a.svg', SVG), 'a.svg', svgOnly)).toBe('image/svg+xml');
    expect(await detectContentType(file('a.html', HTML), 'a.html', svgOnly)).toBeNull();
    expect(await detectContentType(file('a.htm', HTML), 'a.htm', new Set(['html']))).toBe('text/html');
    // With an XML declaration (file-type's "XML"), by extension and by content.
    const declared = `<?xml version="1.0"?>\n${SVG}`;
    expect(await detectContentType(file('b.svg', declared), 'b.svg', svgOnly)).toBe('image/svg+xml');
    expect(await detectContentType(file('b.txt', declared), 'b.txt', svgOnly)).toBe('image/svg+xml');
    expect(await detectContentType(file('b.svg', declared), 'b.svg')).toBeNull();
    // Other XML is not on the list, allowed types or not.
    expect(await detectContentType(file('c.xml', '<?xml version="1.0"?><feed/>'), 'c.xml', svgOnly)).toBeNull();
  });

  it('leaves ordinary text alone', async () => {
    expect(await detectContentType(file('a.txt', 'About <svg> tags'), 'a.txt')).toBe('text/plain');
    expect(await detectContentType(file('a.md', '# Title'), 'a.md')).toBe('text/markdown');
  });
});
