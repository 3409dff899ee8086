import type { SearchHit } from '@ruche/platform';
import { decodeOffset, encodeOffset, MAX_DEPTH, mergeHits, pageOf } from './ranking.js';

const hit = (type: SearchHit['type'], id: string, score: number, createdAt: string | null = null): SearchHit => ({
  type,
  id,
  title: id,
  snippet: '',
  highlights: [],
  score,
  createdAt,
});

describe('mergeHits', () => {
  it('ranks every source together by score, best first', () => {
    const merged = mergeHits([
      [hit('post', 'p1', 0.3), hit('post', 'p2', 0.1)],
      [hit('person', 'u1', 0.9)],
      [hit('group', 'g1', 0.2)],
    ]);
    expect(merged.map((h) => h.id)).toEqual(['u1', 'p1', 'g1', 'p2']);
  });

  it('breaks ties by newest, then type and id, so the order never depends on which source answered first', () => {
    const a = [hit('post', 'b', 0.5, '2026-01-01T00:00:00Z'), hit('post', 'a', 0.5, '2026-01-01T00:00:00Z')];
    const b = [hit('idea', 'z', 0.5, '2026-02-01T00:00:00Z'), hit('group', 'c', 0.5, '2026-01-01T00:00:00Z')];
    expect(mergeHits([a, b]).map((h) => h.id)).toEqual(['z', 'c', 'a', 'b']);
    expect(mergeHits([b, a]).map((h) => h.id)).toEqual(['z', 'c', 'a', 'b']);
  });
});

describe('search pages', () => {
  const merged = Array.from({ length: 7 }, (_, i) => hit('post', `p${i}`, 1 - i / 10));

  it('slices at the offset and points to the next page while there is more', () => {
    const first = pageOf(merged, 0, 3);
    expect(first.items.map((h) => h.id)).toEqual(['p0', 'p1', 'p2']);
    expect(decodeOffset(first.nextCursor ?? undefined)).toBe(3);
    const last = pageOf(merged, 6, 3);
    expect(last.items.map((h) => h.id)).toEqual(['p6']);
    expect(last.nextCursor).toBeNull();
  });

  it('stops at the depth limit', () => {
    const deep = Array.from({ length: MAX_DEPTH + 5 }, (_, i) => hit('post', `p${i}`, 1));
    expect(pageOf(deep, MAX_DEPTH - 10, 10).nextCursor).toBeNull();
  });

  it('round-trips cursors and refuses anything else', () => {
    expect(decodeOffset(undefined)).toBe(0);
    expect(decodeOffset(encodeOffset(40))).toBe(40);
    for (const bad of [
      'x',
      encodeOffset(-1),
      encodeOffset(MAX_DEPTH),
      encodeOffset(1.5),
      Buffer.from('[]').toString('base64url'),
    ]) {
      expect(() => decodeOffset(bad)).toThrow('cursor is not valid');
    }
  });
});
