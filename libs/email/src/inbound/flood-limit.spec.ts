import { FloodLimit } from './flood-limit.js';

describe('FloodLimit', () => {
  it('allows `limit` hits per key in a window, then refuses until the next window', () => {
    let now = 0;
    const limit = new FloodLimit(60_000, 100, () => now);
    expect([1, 2, 3].map(() => limit.hit('a', 2))).toEqual([true, true, false]);
    expect(limit.hit('b', 2)).toBe(true);
    now = 60_000;
    expect(limit.hit('a', 2)).toBe(true);
  });

  it('keeps at most maxKeys windows', () => {
    const limit = new FloodLimit(60_000, 2, () => 0);
    limit.hit('a', 1);
    limit.hit('b', 1);
    limit.hit('c', 1);
    // 'a' was dropped: it starts a new window.
    expect(limit.hit('a', 1)).toBe(true);
  });
});
