import { compareTop, rankForAdvance } from './ranking.js';

const at = (minute: number) => new Date(Date.UTC(2027, 0, 1, 9, minute));
const idea = (id: string, voteCount: number, minute: number) => ({ id, voteCount, createdAt: at(minute) });

describe('advance ranking', () => {
  it('advances the most voted ideas', () => {
    const ideas = [idea('a', 1, 0), idea('b', 9, 1), idea('c', 5, 2), idea('d', 7, 3)];
    const { advanced, notSelected } = rankForAdvance(ideas, 2);
    expect(advanced.map((i) => i.id)).toEqual(['b', 'd']);
    expect(notSelected.map((i) => i.id)).toEqual(['c', 'a']);
  });

  it('breaks a tie at the cut by earliest submission', () => {
    const ideas = [idea('late', 4, 30), idea('early', 4, 10), idea('top', 8, 50), idea('middle', 4, 20)];
    const { advanced, notSelected } = rankForAdvance(ideas, 2);
    expect(advanced.map((i) => i.id)).toEqual(['top', 'early']);
    expect(notSelected.map((i) => i.id)).toEqual(['middle', 'late']);
  });

  it('breaks a tie of votes and time by id, so the order is total and repeatable', () => {
    const ideas = [idea('b', 2, 5), idea('a', 2, 5)];
    expect(rankForAdvance(ideas, 1).advanced.map((i) => i.id)).toEqual(['a']);
    expect(rankForAdvance([...ideas].reverse(), 1).advanced.map((i) => i.id)).toEqual(['a']);
  });

  it('advances exactly min(topN, ideas): everyone when there are fewer ideas, nobody when there are none', () => {
    expect(rankForAdvance([idea('a', 0, 0), idea('b', 0, 1)], 5).advanced).toHaveLength(2);
    expect(rankForAdvance([], 3)).toEqual({ advanced: [], notSelected: [] });
    const many = Array.from({ length: 10 }, (_, n) => idea(`i${n}`, n % 3, n));
    expect(rankForAdvance(many, 4).advanced).toHaveLength(4);
    expect(rankForAdvance(many, 4).notSelected).toHaveLength(6);
  });

  it('does not reorder its input', () => {
    const ideas = [idea('a', 1, 0), idea('b', 2, 1)];
    rankForAdvance(ideas, 1);
    expect(ideas.map((i) => i.id)).toEqual(['a', 'b']);
  });

  it('compareTop: votes descending, then earliest, then id', () => {
    expect(compareTop(idea('x', 3, 0), idea('y', 2, 0))).toBeLessThan(0);
    expect(compareTop(idea('x', 2, 1), idea('y', 2, 0))).toBeGreaterThan(0);
    expect(compareTop(idea('x', 2, 0), idea('x', 2, 0))).toBe(0);
  });
});
