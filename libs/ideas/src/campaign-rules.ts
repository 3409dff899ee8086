import type { CampaignStatus, Decision, IdeaStatus } from '@ruche/contracts';
import { invalid } from '@ruche/platform';

/**
 * The rules of a campaign's life, as plain data and pure functions: the phases, the idea statuses,
 * which transitions and decisions are allowed from where, and what a valid scorecard definition is.
 */
// The phases, statuses and decisions are the contracts layer's vocabulary: events carry them.
export {
  CAMPAIGN_STATUSES,
  type CampaignStatus,
  DECISIONS,
  type Decision,
  IDEA_STATUSES,
  type IdeaStatus,
} from '@ruche/contracts';

/** The status each decision must follow. */
const DECIDED_FROM: Record<Decision, IdeaStatus> = { selected: 'in_review', rejected: 'in_review', implemented: 'selected' };

/** Phase changes, each by the innovation team: draft → open → review → closed. */
export const CAMPAIGN_ACTIONS = {
  open: { from: 'draft', to: 'open' },
  advance: { from: 'open', to: 'review' },
  close: { from: 'review', to: 'closed' },
} as const;
export type CampaignAction = keyof typeof CAMPAIGN_ACTIONS;

/**
 * `apply` from the action's source phase; `repeat` when the campaign is already where the action
 * leads (the request is answered with the current state and changes nothing: idempotent); any
 * other phase is a conflict.
 */
export type TransitionVerdict = 'apply' | 'repeat' | 'wrong_phase';

export function judgeTransition(action: CampaignAction, current: CampaignStatus): TransitionVerdict {
  const { from, to } = CAMPAIGN_ACTIONS[action];
  if (current === from) return 'apply';
  if (current === to) return 'repeat';
  return 'wrong_phase';
}

/**
 * Why a decision is not allowed now, or null when it is. `selected` and `rejected` follow expert
 * review (the idea is `in_review`, the campaign in `review` or `closed`); `implemented` follows
 * `selected`. Anything else, a repeat included, is a conflict.
 */
export function decisionConflict(decision: Decision, idea: IdeaStatus, campaign: CampaignStatus): string | null {
  if (campaign !== 'review' && campaign !== 'closed')
    return `Decisions are made once the campaign is in review (it is ${campaign})`;
  const from = DECIDED_FROM[decision];
  if (idea !== from) return `An idea can be marked ${decision} only when it is ${from} (it is ${idea})`;
  return null;
}

export interface Criterion {
  name: string;
  weight: number;
  /**
   * What a 1 and a 5 mean for this criterion ("costly", "cheap"): a reviewer must know which end
   * is good, and for "Cost" the generic "1 = weak" reads backwards. Absent: the generic scale.
   */
  low?: string;
  high?: string;
}

export const CRITERIA_LIMITS = { min: 1, max: 10, nameLength: 60, maxWeight: 100, endLength: 40 } as const;

/**
 * A scorecard definition the DTO let through, checked as a whole: 1..10 criteria, names non-empty,
 * at most 60 characters and unique ignoring case (a review's scores are keyed by name), weights
 * finite, positive and at most 100. Throws a 400 listing every problem.
 */
export function checkCriteria(criteria: readonly Criterion[]): Criterion[] {
  const problems: string[] = [];
  if (criteria.length < CRITERIA_LIMITS.min || criteria.length > CRITERIA_LIMITS.max) {
    problems.push(`criteria must have between ${CRITERIA_LIMITS.min} and ${CRITERIA_LIMITS.max} entries`);
  }
  const seen = new Set<string>();
  for (const { name, weight } of criteria) {
    if (name.length === 0 || name.length > CRITERIA_LIMITS.nameLength) {
      problems.push(`criterion names must be 1 to ${CRITERIA_LIMITS.nameLength} characters`);
    }
    const key = name.toLowerCase();
    if (seen.has(key)) problems.push(`criterion "${name}" is listed twice`);
    seen.add(key);
    if (!Number.isFinite(weight) || weight <= 0 || weight > CRITERIA_LIMITS.maxWeight) {
      problems.push(`criterion "${name}" must have a weight above 0 and at most ${CRITERIA_LIMITS.maxWeight}`);
    }
  }
  if (problems.length) throw invalid(problems.join('; '));
  // Ends only when given: a scorecard without them is stored (and compared on edit) as before.
  return criteria.map(({ name, weight, low, high }) => ({ name, weight, ...(low ? { low } : {}), ...(high ? { high } : {}) }));
}

/** Topics without repeats (ignoring case), first spelling kept, in the order given. */
export function distinctTopics(topics: readonly string[]): string[] {
  const seen = new Set<string>();
  return topics.filter((topic) => {
    const key = topic.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A deadline further away than this is a typo, not a plan. */
export const CLOSES_AT_MAX_DAYS = 366;

/**
 * A campaign deadline as given (`closesAt`): null or absent is none; otherwise it must lie in the
 * future (and within {@link CLOSES_AT_MAX_DAYS} days), else a 400.
 */
export function checkClosesAt(raw: string | null | undefined, now = new Date()): Date | null {
  if (raw === undefined || raw === null) return null;
  const at = new Date(raw);
  if (Number.isNaN(at.getTime())) throw invalid('closesAt must be an ISO-8601 date-time');
  if (at.getTime() <= now.getTime()) throw invalid('closesAt must be in the future');
  if (at.getTime() - now.getTime() > CLOSES_AT_MAX_DAYS * 86_400_000)
    throw invalid(`closesAt must be within ${CLOSES_AT_MAX_DAYS} days`);
  return at;
}
