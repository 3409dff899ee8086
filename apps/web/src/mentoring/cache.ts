import type { QueryClient } from '@tanstack/react-query';

export type MentoringRole = 'mentee' | 'mentor';

export const mentoringKeys = {
  all: ['mentoring'] as const,
  mine: ['mentoring', 'mine'] as const,
  requests: (role: MentoringRole) => ['mentoring', 'requests', role] as const,
};

/** Something changed about my mentoring (a pairing, a closed request, new offers): read it again. */
export function refreshMentoring(qc: QueryClient): void {
  void qc.invalidateQueries({ queryKey: mentoringKeys.all });
}
