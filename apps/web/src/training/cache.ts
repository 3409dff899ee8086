import type { QueryClient } from '@tanstack/react-query';

export const trainingKeys = {
  all: ['training'] as const,
  mine: ['training', 'mine'] as const,
  managed: ['training', 'managed'] as const,
  progress: (pathId: string) => ['training', 'progress', pathId] as const,
};

/** A step was ticked or a path given: read my paths again. */
export function refreshTraining(qc: QueryClient): void {
  void qc.invalidateQueries({ queryKey: trainingKeys.all });
}
