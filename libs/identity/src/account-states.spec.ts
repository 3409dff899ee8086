import { statusOf } from './account-states.js';

describe('account states', () => {
  const facts = (over: Partial<{ suspended: boolean; deactivated: boolean; erased: boolean }>) => ({
    suspended: false,
    deactivated: false,
    erased: false,
    ...over,
  });

  it('is active only when nothing holds it back', () => {
    expect(statusOf(facts({}))).toBe('active');
    expect(statusOf(facts({ suspended: true }))).toBe('suspended');
    expect(statusOf(facts({ deactivated: true }))).toBe('deactivated');
  });

  it('a deactivation shows over a suspension, and lifting it leaves the suspension', () => {
    expect(statusOf(facts({ suspended: true, deactivated: true }))).toBe('deactivated');
    expect(statusOf(facts({ suspended: true, deactivated: false }))).toBe('suspended');
  });

  it('erasure is final: it wins over everything', () => {
    expect(statusOf(facts({ erased: true, suspended: false, deactivated: false }))).toBe('erased');
    expect(statusOf(facts({ erased: true, suspended: true, deactivated: true }))).toBe('erased');
  });
});
