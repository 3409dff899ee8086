import { parseMonth, previousMonth, rankHelpers } from './helper-digest-rules.js';

describe('helper digest rules', () => {
  it('weighs kudos over threads over reactions, breaks ties by kudos then threads, and leaves out people with nothing', () => {
    const ranked = rankHelpers([
      { userId: 'a', kudos: 0, threadsHelped: 0, reactionsReceived: 5 },
      { userId: 'b', kudos: 1, threadsHelped: 1, reactionsReceived: 0 },
      { userId: 'c', kudos: 0, threadsHelped: 0, reactionsReceived: 0 },
      { userId: 'd', kudos: 0, threadsHelped: 2, reactionsReceived: 1 },
    ]);
    expect(ranked.map((h) => [h.userId, h.score])).toEqual([
      ['b', 5],
      ['d', 5],
      ['a', 5],
    ]);
    expect(ranked[0].reasons).toEqual([
      { reason: 'kudos', count: 1 },
      { reason: 'threadsHelped', count: 1 },
    ]);
  });

  it('keeps the top n', () => {
    const counts = Array.from({ length: 12 }, (_, i) => ({
      userId: `u${i}`,
      kudos: 0,
      threadsHelped: 0,
      reactionsReceived: i + 1,
    }));
    expect(rankHelpers(counts, 3).map((h) => h.userId)).toEqual(['u11', 'u10', 'u9']);
  });

  it('reads months in UTC and refuses bad or future ones', () => {
    const now = new Date('2026-12-06T09:00:00Z');
    expect(previousMonth(now)).toEqual({
      key: '2026-11',
      from: new Date('2026-11-01T00:00:00Z'),
      to: new Date('2026-12-01T00:00:00Z'),
    });
    expect(previousMonth(new Date('2027-01-01T06:00:00Z')).key).toBe('2026-12');
    expect(parseMonth('2026-12', now).key).toBe('2026-12');
    expect(() => parseMonth('2027-01', now)).toThrow('future');
    expect(() => parseMonth('2026-13', now)).toThrow('YYYY-MM');
    expect(() => parseMonth('2026-1', now)).toThrow('YYYY-MM');
  });
});
