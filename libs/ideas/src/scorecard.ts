import type { Scores } from '@ruche/contracts';
import type { Criterion } from './campaign-rules.js';

/** One reviewer's scores: exactly the campaign's criterion names, each an integer 1..5. */
export type { Scores } from '@ruche/contracts';

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

/**
 * What is wrong with a submitted scorecard (empty when nothing is): not an object, a criterion
 * missing, a name that is not a criterion, a score that is not an integer from 1 to 5.
 */
export function scorecardProblems(criteria: readonly Criterion[], scores: unknown): string[] {
  if (typeof scores !== 'object' || scores === null || Array.isArray(scores)) {
    return ['scores must be an object with one score per criterion'];
  }
  const problems: string[] = [];
  const given = scores as Record<string, unknown>;
  const names = new Set(criteria.map((c) => c.name));
  for (const { name } of criteria) {
    if (!Object.hasOwn(given, name)) {
      problems.push(`scores must include "${name}"`);
      continue;
    }
    const value = given[name];
    if (typeof value !== 'number' || !Number.isInteger(value) || value < SCORE_MIN || value > SCORE_MAX) {
      problems.push(`score for "${name}" must be an integer from ${SCORE_MIN} to ${SCORE_MAX}`);
    }
  }
  for (const key of Object.keys(given)) {
    if (!names.has(key)) problems.push(`"${key}" is not a criterion of this campaign`);
  }
  return problems;
}

/** The scores in the campaign's criterion order (a stable shape to store and show). */
export function orderedScores(criteria: readonly Criterion[], scores: Scores): Scores {
  return Object.fromEntries(criteria.map((c) => [c.name, scores[c.name]]));
}

/** Rounded to two decimals, the precision shown and stored. */
export const round2 = (value: number) => Math.round((value + Number.EPSILON) * 100) / 100;

/**
 * One review's weighted mean, unrounded: Σ weight × score / Σ weight. A criterion weighted 3
 * counts three times as much as one weighted 1.
 */
export function weightedScore(criteria: readonly Criterion[], scores: Scores): number {
  let total = 0;
  let weights = 0;
  for (const { name, weight } of criteria) {
    total += weight * scores[name];
    weights += weight;
  }
  return total / weights;
}

/**
 * An idea's review score: the mean of its reviews' weighted means (every reviewer counts the same,
 * and since all reviews use the same weights this equals the weighted mean over every score
 * given), rounded to two decimals once at the end; null until the first review.
 */
export function reviewScore(criteria: readonly Criterion[], reviews: readonly Scores[]): number | null {
  if (reviews.length === 0) return null;
  const sum = reviews.reduce((acc, scores) => acc + weightedScore(criteria, scores), 0);
  return round2(sum / reviews.length);
}
