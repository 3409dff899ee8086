import { useQueryClient } from '@tanstack/react-query';
import { useRealtimeEvent } from '../realtime/RealtimeProvider';
import { refreshTraining } from './cache';

/**
 * Ticks the checklists live wherever they show: `training.progressed` (a step done by a post, a
 * join, a question…) and `training.enrolled` (a path given) reach the person's own room.
 */
export function useTrainingRealtime(): void {
  const qc = useQueryClient();
  useRealtimeEvent('training.progressed', () => refreshTraining(qc));
  useRealtimeEvent('training.enrolled', () => refreshTraining(qc));
}
