import type { Criterion } from './campaign-rules.js';
import { orderedScores, reviewScore, round2, scorecardProblems, weightedScore } from './scorecard.js';

const criteria: Criterion[] = [
  { name: 'Impact', weight: 3 },
  { name: 'Feasibility', weight: 1 },
];

describe('weighted scoring', () => {
  it('weights each criterion: Σ weight × score / Σ weight', () => {
    expect(weightedScore(criteria, { Impact: 5, Feasibility: 1 })).toBe(4);
    expect(weightedScore(criteria, { Impact: 1, Feasibility: 5 })).toBe(2);
    expect(weightedScore(criteria, { Impact: 3, Feasibility: 3 })).toBe(3);
  });

  it('accepts fractional weights', () => {
    const halves: Criterion[] = [
      { name: 'A', weight: 0.5 },
      { name: 'B', weight: 1.5 },
    ];
    expect(weightedScore(halves, { A: 1, B: 5 })).toBe(4);
  });

  it('is null without reviews', () => {
    expect(reviewScore(criteria, [])).toBeNull();
  });

  it('averages the reviews’ weighted means, every reviewer counting the same', () => {
    // 4 and 2 → 3.
    expect(
      reviewScore(criteria, [
        { Impact: 5, Feasibility: 1 },
        { Impact: 1, Feasibility: 5 },
      ]),
    ).toBe(3);
    // Equals the weighted mean over every score given: (3×(5+4+2) + 1×(1+2+5)) / (3×3 + 1×3) = 41/12.
    const reviews = [
      { Impact: 5, Feasibility: 1 },
      { Impact: 4, Feasibility: 2 },
      { Impact: 2, Feasibility: 5 },
    ];
    expect(reviewScore(criteria, reviews)).toBe(round2(41 / 12));
    expect(reviewScore(criteria, reviews)).toBe(3.42);
  });

  it('rounds once, at the end, to two decimals', () => {
    const thirds: Criterion[] = [{ name: 'Only', weight: 1 }];
    expect(reviewScore(thirds, [{ Only: 1 }, { Only: 1 }, { Only: 2 }])).toBe(1.33);
    expect(reviewScore(thirds, [{ Only: 2 }, { Only: 2 }, { Only: 1 }])).toBe(1.67);
    expect(round2(2.675)).toBe(2.68);
  });

  it('stays within 1..5 for any valid scorecard', () => {
    expect(reviewScore(criteria, [{ Impact: 1, Feasibility: 1 }])).toBe(1);
    expect(reviewScore(criteria, [{ Impact: 5, Feasibility: 5 }])).toBe(5);
  });
});

describe('scorecard validation', () => {
  it('accepts exactly the criteria, integers 1..5', () => {
    expect(scorecardProblems(criteria, { Impact: 1, Feasibility: 5 })).toEqual([]);
  });

  it.each([
    ['a missing criterion', { Impact: 3 }, 'scores must include "Feasibility"'],
    ['a zero', { Impact: 0, Feasibility: 3 }, 'score for "Impact" must be an integer from 1 to 5'],
    ['a six', { Impact: 3, Feasibility: 6 }, 'score for "Feasibility" must be an integer from 1 to 5'],
    ['a non-integer', { Impact: 3.5, Feasibility: 3 }, 'score for "Impact" must be an integer from 1 to 5'],
    ['a numeric string', { Impact: '3', Feasibility: 3 }, 'score for "Impact" must be an integer from 1 to 5'],
    ['null', { Impact: null, Feasibility: 3 }, 'score for "Impact" must be an integer from 1 to 5'],
    ['an unknown criterion', { Impact: 3, Feasibility: 3, Fun: 5 }, '"Fun" is not a criterion of this campaign'],
    ['a name in the wrong case', { impact: 3, Feasibility: 3 }, 'scores must include "Impact"'],
  ])('rejects %s', (_name, scores, problem) => {
    expect(scorecardProblems(criteria, scores)).toContain(problem);
  });

  it.each([
    ['an array', [3, 3]],
    ['null', null],
    ['a number', 4],
    ['a string', 'Impact=3'],
  ])('rejects %s instead of an object', (_name, scores) => {
    expect(scorecardProblems(criteria, scores)).toEqual(['scores must be an object with one score per criterion']);
  });

  it('ignores inherited properties (only own keys count)', () => {
    const scores = Object.create({ Impact: 3 }) as Record<string, number>;
    scores.Feasibility = 3;
    expect(scorecardProblems(criteria, scores)).toEqual(['scores must include "Impact"']);
  });

  it('stores scores in the criteria order', () => {
    expect(Object.keys(orderedScores(criteria, { Feasibility: 2, Impact: 4 }))).toEqual(['Impact', 'Feasibility']);
  });
});
