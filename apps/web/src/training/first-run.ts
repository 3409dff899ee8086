import { useQuery } from '@tanstack/react-query';
import { firstRunApi } from '../api/training';

export const firstRunKeys = {
  state: ['first-run', 'state'] as const,
  suggestions: ['first-run', 'suggestions'] as const,
};

/** Whether the first-run screen is due for me (asked once per session: it changes only on that screen). */
export function useFirstRunState() {
  return useQuery({ queryKey: firstRunKeys.state, queryFn: firstRunApi.state, staleTime: Infinity });
}
