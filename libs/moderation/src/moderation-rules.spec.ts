import { shouldAutoHide, stateAfter } from './moderation-rules.js';

describe('moderation rules', () => {
  it.each([
    // action, applied by the case, current → after
    ['hide', 'visible', 'visible', 'hidden'],
    ['hide', 'hidden', 'hidden', 'hidden'],
    ['hide', 'held', 'held', 'hidden'],
    ['remove', 'visible', 'visible', 'removed'],
    ['remove', 'hidden', 'hidden', 'removed'],
    ['dismiss', 'visible', 'visible', 'visible'],
    // Dismissing undoes the automatic hide and releases held content...
    ['dismiss', 'hidden', 'hidden', 'visible'],
    ['dismiss', 'held', 'held', 'visible'],
    // ...but not an earlier reviewer's decision.
    ['dismiss', 'visible', 'hidden', 'hidden'],
    ['dismiss', 'visible', 'removed', 'removed'],
  ] as const)('%s (case applied %s, content %s) → %s', (action, applied, current, after) => {
    expect(stateAfter(action, applied, current)).toBe(after);
  });

  it('auto-hides visible content at the threshold, not before, and never twice', () => {
    expect(shouldAutoHide(2, 3, 'visible')).toBe(false);
    expect(shouldAutoHide(3, 3, 'visible')).toBe(true);
    expect(shouldAutoHide(4, 3, 'visible')).toBe(true);
    expect(shouldAutoHide(3, 3, 'hidden')).toBe(false);
    expect(shouldAutoHide(3, 3, 'held')).toBe(false);
    expect(shouldAutoHide(1, 1, 'visible')).toBe(true);
  });
});
