import type { ResolutionAction } from '@ruche/contracts';
import type { ModerationState } from '@ruche/platform';

/**
 * What a decision does to content, as pure functions (unit-tested next door) so the resolution
 * service, the tests and the README tell the same story.
 */
export { RESOLUTION_ACTIONS, type ResolutionAction } from '@ruche/contracts';

/**
 * The content's state after a decision. `applied` is what the case itself did before review
 * (`hidden` by auto-hide, `held` by blocked terms, else `visible`); `current` is the content's
 * state now. Dismissing undoes only what the case did automatically: content hidden by an earlier
 * decision stays hidden when a later report about it is dismissed.
 */
export function stateAfter(action: ResolutionAction, applied: ModerationState, current: ModerationState): ModerationState {
  switch (action) {
    case 'hide':
      return 'hidden';
    case 'remove':
      return 'removed';
    case 'dismiss':
      return (applied === 'hidden' || applied === 'held') && current === applied ? 'visible' : current;
  }
}

/** Enough different people reported visible content: hide it until someone reviews it. */
export function shouldAutoHide(reportCount: number, threshold: number, current: ModerationState): boolean {
  return current === 'visible' && reportCount >= threshold;
}
