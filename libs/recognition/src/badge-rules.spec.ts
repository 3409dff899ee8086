import { bridgesDepartments, earnedBadges, mentoringCounts } from './badge-rules.js';

describe('badge rules', () => {
  it('earns each badge at its threshold, never below', () => {
    expect(earnedBadges({})).toEqual([]);
    expect(earnedBadges({ accepted_answer: 1 })).toEqual(['first_accepted_answer']);
    expect(earnedBadges({ accepted_answer: 9 })).toEqual(['first_accepted_answer']);
    expect(earnedBadges({ accepted_answer: 10 })).toEqual(['first_accepted_answer', 'helper']);
    expect(earnedBadges({ bridge_answer: 4, review: 4 })).toEqual([]);
    expect(earnedBadges({ bridge_answer: 5, review: 5, implemented_idea: 1, mentoring: 1 })).toEqual([
      'bridge_builder',
      'reviewer',
      'idea_made_real',
      'mentor',
    ]);
  });

  it("bridges departments with voters of three other departments, folded, the author's own and none left out", () => {
    expect(bridgesDepartments('Finance', ['Legal', 'Sales', 'IT'])).toBe(true);
    expect(bridgesDepartments('Finance', ['Legal', 'legal ', 'Légal', 'Sales'])).toBe(false);
    expect(bridgesDepartments('Finance', ['Legal', 'Sales', 'finance', '', undefined])).toBe(false);
    expect(bridgesDepartments('', ['Legal', 'Sales', 'IT'])).toBe(true);
  });

  it('counts a mentoring pairing of 14 days or more', () => {
    const paired = new Date('2026-11-01T10:00:00Z');
    expect(mentoringCounts(paired, new Date('2026-11-15T09:59:59Z'))).toBe(false);
    expect(mentoringCounts(paired, new Date('2026-11-15T10:00:00Z'))).toBe(true);
  });
});
