import { useQueryClient } from '@tanstack/react-query';
import { useRealtimeEvent } from '../realtime/RealtimeProvider';
import { refreshMentoring } from './cache';

/**
 * Pairings and closings reach both people live (`user:<id>` rooms): the mentoring screens follow,
 * so a mentor sees a new mentee without reloading.
 */
export function useMentoringRealtime(): void {
  const qc = useQueryClient();
  useRealtimeEvent('mentoring.paired', () => refreshMentoring(qc));
  useRealtimeEvent('mentoring.closed', () => refreshMentoring(qc));
}
