import { useQueryClient } from '@tanstack/react-query';
import type { Group, GroupMembershipEvent } from '../api/types';
import { useMe } from '../auth/useSession';
import { keys } from '../feed/cache';
import { useRealtimeEvent } from '../realtime/RealtimeProvider';
import { groupKeys, refreshGroup } from './cache';

/**
 * Keeps the groups screens current from live membership events. Mounted once for the signed-in
 * person. The server moves my sockets in and out of `group:<id>` itself; here the cached group,
 * members and requests follow. Being approved turns a "not found or private" page into the group.
 */
export function useGroupsRealtime(): void {
  const qc = useQueryClient();
  const me = useMe();

  useRealtimeEvent<GroupMembershipEvent>('group.join_requested', ({ groupId }) => {
    if (groupId) void qc.invalidateQueries({ queryKey: groupKeys.requests(groupId) });
  });

  const membershipChanged = ({ groupId, userId }: GroupMembershipEvent) => {
    if (!groupId) return;
    refreshGroup(qc, groupId);
    if (userId === me.id) {
      // Its posts join (or leave) my home feed; a private group's feed is now readable (or not).
      void qc.invalidateQueries({ queryKey: keys.feed('home') });
      void qc.invalidateQueries({ queryKey: keys.groupFeed(groupId) });
    }
  };
  useRealtimeEvent<GroupMembershipEvent>('group.member_approved', membershipChanged);
  useRealtimeEvent<GroupMembershipEvent>('group.member_joined', membershipChanged);
  useRealtimeEvent<GroupMembershipEvent>('group.member_removed', membershipChanged);
  useRealtimeEvent<GroupMembershipEvent>('group.role_changed', membershipChanged);
  useRealtimeEvent<GroupMembershipEvent>('group.request_rejected', membershipChanged);

  useRealtimeEvent<{ group?: Omit<Group, 'myRole'> }>('group.updated', ({ group }) => {
    if (!group?.id) return;
    // The payload is the same for everyone: keep my own role.
    qc.setQueryData<Group>(groupKeys.group(group.id), (old) => (old ? { ...old, ...group, myRole: old.myRole } : old));
    void qc.invalidateQueries({ queryKey: groupKeys.lists });
  });
}
