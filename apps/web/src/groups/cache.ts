import type { QueryClient } from '@tanstack/react-query';
import { groupsApi } from '../api/endpoints';
import type { Group, GroupRole } from '../api/types';

/** Query keys of the groups screens. A group's feed lives with the other post lists (feed/cache). */
export const groupKeys = {
  all: ['groups'] as const,
  lists: ['groups', 'list'] as const,
  list: (q: string, mine: boolean) => ['groups', 'list', { q, mine }] as const,
  /** Under `lists`: refreshed with them whenever a membership changes. */
  myRequests: ['groups', 'list', 'my-requests'] as const,
  group: (groupId: string) => ['groups', 'one', groupId] as const,
  members: (groupId: string) => ['groups', 'members', groupId] as const,
  requests: (groupId: string) => ['groups', 'requests', groupId] as const,
  bans: (groupId: string) => ['groups', 'bans', groupId] as const,
};

export const groupQuery = (groupId: string) => ({
  queryKey: groupKeys.group(groupId),
  queryFn: () => groupsApi.get(groupId),
});

export const isMember = (role: GroupRole | null | undefined): boolean =>
  role === 'owner' || role === 'admin' || role === 'member';
/** May read the posts and members: public, or a member (a pending requester sees the card only). */
export const canReadContent = (group: Pick<Group, 'visibility' | 'myRole'>): boolean =>
  group.visibility === 'public' || isMember(group.myRole);
export const isManager = (role: GroupRole | null | undefined): boolean => role === 'owner' || role === 'admin';

/** After joining, leaving, or a role change: the group, its members and every list showing it. */
export function refreshGroup(qc: QueryClient, groupId: string): void {
  void qc.invalidateQueries({ queryKey: groupKeys.group(groupId) });
  void qc.invalidateQueries({ queryKey: groupKeys.members(groupId) });
  void qc.invalidateQueries({ queryKey: groupKeys.bans(groupId) });
  void qc.invalidateQueries({ queryKey: groupKeys.lists });
}

export function patchGroup(qc: QueryClient, groupId: string, patch: Partial<Group>): void {
  qc.setQueryData<Group>(groupKeys.group(groupId), (g) => (g ? { ...g, ...patch } : g));
}
