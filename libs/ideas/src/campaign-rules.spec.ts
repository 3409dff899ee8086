import { checkClosesAt, checkCriteria, decisionConflict, distinctTopics, judgeTransition } from './campaign-rules.js';

describe('campaign phases', () => {
  it.each([
    ['open', 'draft', 'apply'],
    ['open', 'open', 'repeat'],
    ['open', 'review', 'wrong_phase'],
    ['open', 'closed', 'wrong_phase'],
    ['advance', 'draft', 'wrong_phase'],
    ['advance', 'open', 'apply'],
    ['advance', 'review', 'repeat'],
    ['advance', 'closed', 'wrong_phase'],
    ['close', 'draft', 'wrong_phase'],
    ['close', 'open', 'wrong_phase'],
    ['close', 'review', 'apply'],
    ['close', 'closed', 'repeat'],
  ] as const)('%s from %s: %s', (action, from, verdict) => {
    expect(judgeTransition(action, from)).toBe(verdict);
  });
});

describe('decisions', () => {
  it('selects or rejects ideas in review, once the campaign is in review or closed', () => {
    expect(decisionConflict('selected', 'in_review', 'review')).toBeNull();
    expect(decisionConflict('rejected', 'in_review', 'closed')).toBeNull();
    expect(decisionConflict('selected', 'submitted', 'open')).toMatch(/in review/);
    expect(decisionConflict('selected', 'not_selected', 'review')).toMatch(/only when it is in_review/);
    expect(decisionConflict('rejected', 'rejected', 'review')).toMatch(/only when it is in_review/);
  });

  it('marks implemented only what was selected', () => {
    expect(decisionConflict('implemented', 'selected', 'closed')).toBeNull();
    expect(decisionConflict('implemented', 'in_review', 'review')).toMatch(/only when it is selected/);
    expect(decisionConflict('implemented', 'rejected', 'closed')).toMatch(/only when it is selected/);
  });
});

describe('criteria', () => {
  it('keeps valid criteria', () => {
    expect(
      checkCriteria([
        { name: 'Impact', weight: 2.5 },
        { name: 'Cost', weight: 100 },
      ]),
    ).toEqual([
      { name: 'Impact', weight: 2.5 },
      { name: 'Cost', weight: 100 },
    ]);
  });

  it.each([
    ['none', []],
    ['eleven', Array.from({ length: 11 }, (_, n) => ({ name: `C${n}`, weight: 1 }))],
    [
      'a repeated name (ignoring case)',
      [
        { name: 'Impact', weight: 1 },
        { name: 'impact', weight: 2 },
      ],
    ],
    ['a zero weight', [{ name: 'Impact', weight: 0 }]],
    ['a negative weight', [{ name: 'Impact', weight: -1 }]],
    ['a weight above 100', [{ name: 'Impact', weight: 101 }]],
    ['a name of 61 characters', [{ name: 'x'.repeat(61), weight: 1 }]],
  ])('rejects %s', (_name, criteria) => {
    expect(() => checkCriteria(criteria)).toThrow(expect.objectContaining({ code: 'invalid' }));
  });

  it('drops repeated topics, keeping the first spelling', () => {
    expect(distinctTopics(['Mobility', 'mobility', 'Green IT', 'MOBILITY'])).toEqual(['Mobility', 'Green IT']);
  });
});

describe('checkClosesAt', () => {
  const now = new Date('2026-12-06T10:00:00Z');
  it('takes none, or a moment in the future within a year', () => {
    expect(checkClosesAt(undefined, now)).toBeNull();
    expect(checkClosesAt(null, now)).toBeNull();
    expect(checkClosesAt('2026-12-06T10:00:01Z', now)).toEqual(new Date('2026-12-06T10:00:01Z'));
  });
  it('refuses the past, now, and more than a year ahead', () => {
    expect(() => checkClosesAt('2026-12-06T10:00:00Z', now)).toThrow('in the future');
    expect(() => checkClosesAt('2020-01-01T00:00:00Z', now)).toThrow('in the future');
    expect(() => checkClosesAt('2028-01-01T00:00:00Z', now)).toThrow('within 366 days');
  });
});
