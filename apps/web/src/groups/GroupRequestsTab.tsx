import { useMutation, useQueryClient } from '@tanstack/react-query';
import { groupsApi } from '../api/endpoints';
import type { JoinRequest } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { PersonRow } from '../people/PersonRow';
import { usePeoplePages } from '../people/usePeoplePages';
import { useAnnounce } from '../ui/Announcer';
import { ActionError } from '../ui/ActionError';
import { RelativeTime } from '../ui/bits';
import { groupKeys, refreshGroup } from './cache';
import { useGroupContext } from './GroupPage';
import { PeopleTab } from './PeopleTab';

function RequestItem({ groupId, request }: { groupId: string; request: JoinRequest }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const name = request.user.displayName;
  const decide = useMutation({
    mutationFn: (decision: 'approve' | 'reject') => groupsApi.decide(groupId, request.user.id, decision),
    onSuccess: (_answer, decision) => {
      announce(decision === 'approve' ? t('requests.approved', { name }) : t('requests.rejected', { name }));
      void qc.invalidateQueries({ queryKey: groupKeys.requests(groupId) });
      refreshGroup(qc, groupId);
    },
  });
  return (
    <PersonRow
      user={request.user}
      note={<RelativeTime iso={request.requestedAt} />}
      below={decide.isError && <ActionError error={decide.error} />}
    >
      <button
        type="button"
        className="btn btn--primary btn--small"
        onClick={() => decide.mutate('approve')}
        disabled={decide.isPending}
        aria-label={t('requests.approveOf', { name })}
      >
        {t('requests.approve')}
      </button>
      <button
        type="button"
        className="btn btn--secondary btn--small"
        onClick={() => decide.mutate('reject')}
        disabled={decide.isPending}
        aria-label={t('requests.rejectOf', { name })}
      >
        {t('requests.reject')}
      </button>
    </PersonRow>
  );
}

/** Pending join requests, oldest first, for owners and admins. New ones arrive live. */
export function GroupRequestsTab() {
  const { t } = useI18n();
  const { group } = useGroupContext();
  const list = usePeoplePages(
    groupKeys.requests(group.id),
    (cursor) => groupsApi.requests(group.id, cursor),
    (r) => r.user,
    {
      staleTime: 0,
    },
  );
  return (
    <PeopleTab list={list} label={t('group.tab.requests')} empty={t('requests.empty')} more={t('requests.more')}>
      {(request) => <RequestItem key={request.user.id} groupId={group.id} request={request} />}
    </PeopleTab>
  );
}
