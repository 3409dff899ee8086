import { useMutation, useQueryClient } from '@tanstack/react-query';
import { groupsApi } from '../api/endpoints';
import { useMe } from '../auth/useSession';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { ActionError } from '../ui/ActionError';
import { patchGroup, refreshGroup } from './cache';

/**
 * Withdraws my pending request to join a group (DELETE my membership row). `name` gives the
 * button an accessible name that says which group, where several are listed.
 */
export function WithdrawButton({
  groupId,
  name,
  className = 'btn btn--secondary btn--small',
  onDone,
}: {
  groupId: string;
  name?: string;
  className?: string;
  onDone?: () => void;
}) {
  const { t } = useI18n();
  const me = useMe();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const withdraw = useMutation({
    mutationFn: () => groupsApi.removeMember(groupId, me.id),
    onSuccess: () => {
      announce(t('group.withdrawn'));
      patchGroup(qc, groupId, { myRole: null });
      refreshGroup(qc, groupId);
      onDone?.();
    },
  });
  return (
    <>
      <button
        type="button"
        className={className}
        onClick={() => withdraw.mutate()}
        disabled={withdraw.isPending}
        aria-label={name ? t('group.withdrawOf', { name }) : undefined}
      >
        {t('group.withdraw')}
      </button>
      <ActionError error={withdraw.error} />
    </>
  );
}
