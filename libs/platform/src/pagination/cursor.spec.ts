import { decodeCursor, encodeCursor, toPage, toPresentPage } from './cursor.js';

const id = '0b6f3f5e-2a44-4f0e-9d55-5f1b2f7d9c11';

describe('keyset cursors', () => {
  it('round-trips the sort key exactly', () => {
    const at = new Date('2026-11-23T10:11:12.345Z');
    expect(decodeCursor(encodeCursor([at, id]))).toEqual([at, id]);
  });

  it('is opaque (no raw timestamp or id in the string)', () => {
    const cursor = encodeCursor([new Date('2026-01-01T00:00:00.000Z'), id]);
    expect(cursor).not.toContain(id);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it.each([
    ['garbage', 'not-a-cursor'],
    ['empty', ''],
    ['wrong shape', Buffer.from(JSON.stringify({ a: 1 })).toString('base64url')],
    ['bad date', Buffer.from(JSON.stringify(['yesterday', id])).toString('base64url')],
    ['bad id', Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', "1' OR 1=1"])).toString('base64url')],
  ])('rejects a %s cursor as invalid input', (_name, cursor) => {
    expect(() => decodeCursor(cursor)).toThrow(expect.objectContaining({ code: 'invalid' }));
  });

  it('pages with one extra row: nextCursor only when more rows exist', () => {
    const rows = [1, 2, 3].map((n) => ({ n, at: new Date(Date.UTC(2026, 0, n)), id }));
    const full = toPage(
      rows,
      2,
      (r) => [r.at, r.id],
      (r) => r.n,
    );
    expect(full.items).toEqual([1, 2]);
    expect(decodeCursor(full.nextCursor!)).toEqual([rows[1].at, id]);
    const last = toPage(
      rows.slice(0, 2),
      2,
      (r) => [r.at, r.id],
      (r) => r.n,
    );
    expect(last).toEqual({ items: [1, 2], nextCursor: null });
  });

  it('leaves out the rows whose item is gone, and still pages past them', () => {
    const rows = [1, 2, 3].map((n) => ({ n, at: new Date(Date.UTC(2026, 0, n)), id }));
    const page = toPresentPage(
      rows,
      2,
      (r) => [r.at, r.id],
      (r) => (r.n === 2 ? undefined : r.n),
    );
    expect(page.items).toEqual([1]);
    expect(decodeCursor(page.nextCursor!)).toEqual([rows[1].at, id]);
  });
});
