import { invalid } from '@ruche/platform';

/** How many helpers a digest names. */
export const HELPERS_SHOWN = 10;

/**
 * What weighs in a group's "who helped" digest (README, "Recognition"): a kudos is someone saying
 * "this helped me" (3), a thread helped is showing up in someone else's conversation (2, once per
 * thread however many comments), a reaction received is a lighter signal (1, once per person and
 * post whatever its kinds). Writing posts counts nothing by itself.
 */
export const HELP_WEIGHTS = { kudos: 3, threadsHelped: 2, reactionsReceived: 1 } as const;

export type HelpReason = keyof typeof HELP_WEIGHTS;

export interface HelpCounts {
  userId: string;
  kudos: number;
  threadsHelped: number;
  reactionsReceived: number;
}

export interface RankedHelper extends HelpCounts {
  score: number;
  /** The reasons with their counts, heaviest first; only those that counted. */
  reasons: { reason: HelpReason; count: number }[];
}

const REASON_ORDER: HelpReason[] = ['kudos', 'threadsHelped', 'reactionsReceived'];

/** Top `n` by score, then kudos, then threads helped; ties by id so the order is stable. */
export function rankHelpers(counts: readonly HelpCounts[], n = HELPERS_SHOWN): RankedHelper[] {
  return counts
    .map((c) => ({
      ...c,
      score: REASON_ORDER.reduce((sum, r) => sum + HELP_WEIGHTS[r] * c[r], 0),
      reasons: REASON_ORDER.filter((r) => c[r] > 0).map((reason) => ({ reason, count: c[reason] })),
    }))
    .filter((h) => h.score > 0)
    .sort((a, b) => b.score - a.score || b.kudos - a.kudos || b.threadsHelped - a.threadsHelped || (a.userId < b.userId ? -1 : 1))
    .slice(0, n);
}

/** A calendar month in UTC, `YYYY-MM`. */
export interface Month {
  key: string;
  from: Date;
  to: Date;
}

export function monthOf(year: number, monthIndex: number): Month {
  const from = new Date(Date.UTC(year, monthIndex, 1));
  const to = new Date(Date.UTC(year, monthIndex + 1, 1));
  return { key: from.toISOString().slice(0, 7), from, to };
}

/** The month before the one `now` falls in (UTC): what the monthly job reports on. */
export function previousMonth(now: Date): Month {
  return monthOf(now.getUTCFullYear(), now.getUTCMonth() - 1);
}

/** `YYYY-MM`, not after the current month; 400 otherwise. */
export function parseMonth(raw: string, now = new Date()): Month {
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(raw);
  if (!match) throw invalid('month must be YYYY-MM');
  const month = monthOf(Number(match[1]), Number(match[2]) - 1);
  if (month.from.getTime() > now.getTime()) throw invalid('month must not be in the future');
  return month;
}
