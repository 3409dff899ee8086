import { encodeCursor } from '@ruche/platform';
import { decodeTopCursor, encodeTopCursor } from './top-cursor.js';

const id = '0b6f3f5e-2a44-4f0e-9d55-5f1b2f7d9c11';
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('top cursor', () => {
  it('round-trips (votes, submission time, id) exactly', () => {
    const at = new Date('2027-03-04T05:06:07.089Z');
    expect(decodeTopCursor(encodeTopCursor([42, at, id]))).toEqual([42, at, id]);
  });

  it('is opaque', () => {
    const cursor = encodeTopCursor([7, new Date('2027-01-01T00:00:00.000Z'), id]);
    expect(cursor).not.toContain(id);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['empty', ''],
    ['a "new" cursor', encodeCursor([new Date(), id])],
    ['negative votes', b64(['top', -1, '2027-01-01T00:00:00.000Z', id])],
    ['fractional votes', b64(['top', 1.5, '2027-01-01T00:00:00.000Z', id])],
    ['votes as a string', b64(['top', '1', '2027-01-01T00:00:00.000Z', id])],
    ['a bad date', b64(['top', 1, 'yesterday', id])],
    ['a bad id', b64(['top', 1, '2027-01-01T00:00:00.000Z', "1' OR 1=1"])],
    ['a wrong tag', b64(['new', 1, '2027-01-01T00:00:00.000Z', id])],
  ])('rejects %s as invalid input', (_name, cursor) => {
    expect(() => decodeTopCursor(cursor)).toThrow(expect.objectContaining({ code: 'invalid' }));
  });
});
