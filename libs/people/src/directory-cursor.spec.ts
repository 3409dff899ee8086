import { decodeNameCursor, encodeNameCursor } from './directory-cursor.js';

const id = '0b6f3f5e-2a44-4f0e-9d55-5f1b2f7d9c11';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('people directory cursors', () => {
  it('round-trips the sort key exactly and stays opaque', () => {
    const cursor = encodeNameCursor(['zoe leclerc', id]);
    expect(decodeNameCursor(cursor)).toEqual(['zoe leclerc', id]);
    expect(cursor).not.toContain(id);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['empty', ''],
    ['timestamp cursor', b64(['2026-01-01T00:00:00.000Z', id])],
    ['wrong tag', b64(['top', 'a', id])],
    ['bad id', b64(['name', 'a', "1' OR 1=1"])],
    ['NUL in the key', b64(['name', 'a\u0000b', id])],
    ['overlong key', b64(['name', 'x'.repeat(401), id])],
  ])('rejects a %s cursor as invalid input', (_name, cursor) => {
    expect(() => decodeNameCursor(cursor)).toThrow(expect.objectContaining({ code: 'invalid' }));
  });
});
