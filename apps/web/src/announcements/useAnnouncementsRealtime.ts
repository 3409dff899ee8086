import { useQueryClient } from '@tanstack/react-query';
import { announcementKeys } from '../api/announcements';
import { useRealtimeEvent, useResync } from '../realtime/RealtimeProvider';

/**
 * Keeps the pinned announcements current: one published for me appears, one I read on another
 * device or one that expired goes, by refetching the list (its rules are the server's).
 */
export function useAnnouncementsRealtime(): void {
  const qc = useQueryClient();
  const refetch = () => void qc.invalidateQueries({ queryKey: announcementKeys.pinned });
  useRealtimeEvent('announcement.published', refetch);
  useRealtimeEvent('announcement.expired', refetch);
  useRealtimeEvent('announcement.acknowledged', refetch);
  useResync(refetch);
}
