import { describe, expect, it } from 'vitest';
import { isHandleTyped, withoutAt } from './handles';

describe('handles as typed', () => {
  it('drops one leading @ only', () => {
    expect(withoutAt('@dana')).toBe('dana');
    expect(withoutAt('dana')).toBe('dana');
    expect(withoutAt('d@na')).toBe('d@na');
  });

  it.each([
    ['dana', 'dana', true],
    ['@Dana', 'dana', true],
    ['dan', 'dana', false],
    ['@@dana', 'dana', false],
    ['', '', false],
  ])('%j typed for the handle %j: %s', (typed, handle, expected) => {
    expect(isHandleTyped(typed, handle)).toBe(expected);
  });
});
