import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { groupsApi } from '../api/endpoints';
import type { Group } from '../api/types';
import { useMe } from '../auth/useSession';
import { keys } from '../feed/cache';
import { useI18n } from '../i18n/I18nProvider';
import { useAnnounce } from '../ui/Announcer';
import { ActionError } from '../ui/ActionError';
import { CancelButton } from '../ui/SubmitButton';
import { isMember, patchGroup, refreshGroup } from './cache';
import { WithdrawButton } from './WithdrawButton';
import styles from './MembershipActions.module.css';

function LeaveConfirm({ group, onCancel }: { group: Group; onCancel(): void }) {
  const { t } = useI18n();
  const me = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const announce = useAnnounce();
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => cancel.current?.focus(), []);
  const leave = useMutation({
    mutationFn: () => groupsApi.removeMember(group.id, me.id),
    onSuccess: () => {
      announce(t('group.left', { name: group.name }));
      void qc.invalidateQueries({ queryKey: keys.feed('home') });
      if (group.visibility === 'private') {
        // Its page is now a 404 for me: go back to the list.
        qc.removeQueries({ queryKey: keys.groupFeed(group.id) });
        void navigate('/groups?mine=1');
      }
      refreshGroup(qc, group.id);
    },
  });
  return (
    <div className="confirm" role="alertdialog" aria-label={t('group.leaveConfirm', { name: group.name })}>
      <p>{t('group.leaveConfirm', { name: group.name })}</p>
      <ActionError error={leave.error} />
      <div className="row row--end">
        <CancelButton onClick={onCancel} buttonRef={cancel} />
        <button type="button" className="btn btn--danger" onClick={() => leave.mutate()} disabled={leave.isPending}>
          {t('group.leaveYes')}
        </button>
      </div>
    </div>
  );
}

/** Join (public) or ask to join (private), withdraw a request, or leave. */
export function MembershipActions({ group }: { group: Group }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const announce = useAnnounce();
  const [confirming, setConfirming] = useState(false);
  const leaveButton = useRef<HTMLButtonElement>(null);

  const join = useMutation({
    mutationFn: () => groupsApi.join(group.id),
    onSuccess: ({ myRole }) => {
      patchGroup(qc, group.id, { myRole });
      announce(myRole === 'pending' ? t('group.unavailable.requested') : t('group.joined', { name: group.name }));
      refreshGroup(qc, group.id);
      void qc.invalidateQueries({ queryKey: keys.feed('home') });
    },
  });

  return (
    <div className={styles.membership}>
      {isMember(group.myRole) ? (
        !confirming && (
          <button type="button" className="btn btn--secondary btn--small" ref={leaveButton} onClick={() => setConfirming(true)}>
            {t('group.leave')}
          </button>
        )
      ) : group.myRole === 'pending' ? (
        <WithdrawButton groupId={group.id} />
      ) : (
        <button type="button" className="btn btn--primary" onClick={() => join.mutate()} disabled={join.isPending}>
          {join.isPending ? t('group.joinBusy') : group.visibility === 'private' ? t('group.askToJoin') : t('group.join')}
        </button>
      )}
      <ActionError error={join.error} />
      {confirming && (
        <LeaveConfirm
          group={group}
          onCancel={() => {
            setConfirming(false);
            requestAnimationFrame(() => leaveButton.current?.focus());
          }}
        />
      )}
    </div>
  );
}
