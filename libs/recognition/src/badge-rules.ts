import type { Badge } from '@ruche/contracts';

/** What recognition counts, one row per thing (README "Recognition"). */
export const FACT_KINDS = ['accepted_answer', 'bridge_answer', 'review', 'implemented_idea', 'mentoring'] as const;
export type FactKind = (typeof FACT_KINDS)[number];

/** A mentoring pairing counts when it lasted at least this long (paired to closed) and the mentee confirmed it. */
export const MENTORING_MIN_DAYS = 14;
/** An answer bridges departments when people of at least this many other departments upvoted it. */
export const BRIDGE_DEPARTMENTS = 3;

interface BadgeRule {
  badge: Badge;
  label: string;
  kind: FactKind;
  atLeast: number;
  /** The rule as the README and the profile state it. */
  rule: string;
}

/**
 * The badges, in the order a profile shows them. Each is "at least N facts of one kind that are
 * still in sight": what helps others (accepted answers, answers upvoted across departments,
 * reviews, implemented ideas, confirmed mentoring), never raw post counts.
 */
export const BADGE_RULES: readonly BadgeRule[] = [
  {
    badge: 'first_accepted_answer',
    label: 'First accepted answer',
    kind: 'accepted_answer',
    atLeast: 1,
    rule: 'An answer of yours was accepted',
  },
  { badge: 'helper', label: 'Helper', kind: 'accepted_answer', atLeast: 10, rule: '10 accepted answers' },
  {
    badge: 'bridge_builder',
    label: 'Bridge builder',
    kind: 'bridge_answer',
    atLeast: 5,
    rule: `5 answers each upvoted by people of ${BRIDGE_DEPARTMENTS} or more departments other than yours`,
  },
  { badge: 'reviewer', label: 'Reviewer', kind: 'review', atLeast: 5, rule: '5 idea reviews' },
  {
    badge: 'idea_made_real',
    label: 'Idea made real',
    kind: 'implemented_idea',
    atLeast: 1,
    rule: 'An idea of yours was implemented',
  },
  {
    badge: 'mentor',
    label: 'Mentor',
    kind: 'mentoring',
    atLeast: 1,
    rule: `A mentoring pairing closed after at least ${MENTORING_MIN_DAYS} days and confirmed by the mentee`,
  },
];

export const badgeLabel = (badge: Badge): string => BADGE_RULES.find((r) => r.badge === badge)?.label ?? badge;

/** The badges these counts (facts in sight, by kind) earn, in profile order. */
export function earnedBadges(counts: Partial<Record<FactKind, number>>): Badge[] {
  return BADGE_RULES.filter((r) => (counts[r.kind] ?? 0) >= r.atLeast).map((r) => r.badge);
}

/** Folds a department name for comparison (case, accents, spaces); empty means none. */
export function departmentKey(department: string | undefined): string {
  return (department ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Whether an answer bridges departments: its voters come from at least {@link BRIDGE_DEPARTMENTS}
 * departments other than its author's (people with no department count for none; the author's own
 * vote cannot exist).
 */
export function bridgesDepartments(
  authorDepartment: string | undefined,
  voterDepartments: readonly (string | undefined)[],
): boolean {
  const own = departmentKey(authorDepartment);
  const others = new Set(voterDepartments.map(departmentKey).filter((d) => d !== '' && d !== own));
  return others.size >= BRIDGE_DEPARTMENTS;
}

/** Whether a confirmed pairing lasted long enough to count. */
export function mentoringCounts(pairedAt: Date, closedAt: Date): boolean {
  return closedAt.getTime() - pairedAt.getTime() >= MENTORING_MIN_DAYS * 24 * 3600_000;
}
