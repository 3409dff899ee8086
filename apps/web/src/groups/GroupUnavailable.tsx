import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { groupsApi } from '../api/endpoints';
import { isMissing } from '../api/errors';
import { useI18n } from '../i18n/I18nProvider';
import { ActionError } from '../ui/ActionError';
import { refreshGroup } from './cache';
import { WithdrawButton } from './WithdrawButton';
import styles from './GroupUnavailable.module.css';

/**
 * A group that does not exist, or is private and I am not a member: the api answers both with a
 * 404, so they look the same here. A private group's link is its invitation: whoever holds it may
 * ask to join; then they see its card with the pending request, and the whole group once an owner
 * or admin approves (live, see useGroupsRealtime).
 */
export function GroupUnavailable({ groupId }: { groupId: string }) {
  const { t } = useI18n();
  const qc = useQueryClient();
  const join = useMutation({
    mutationFn: () => groupsApi.join(groupId),
    // Pending: the group's card now shows (with my request); a member after all: the group.
    onSuccess: () => refreshGroup(qc, groupId),
  });
  const pending = join.data?.myRole === 'pending';
  const missing = isMissing(join.error);

  return (
    <section className={`card empty ${styles.unavailable}`} aria-labelledby="unavailable-title">
      <h1 id="unavailable-title">{t('group.unavailable.title')}</h1>
      {pending ? (
        <>
          <p role="status">{t('group.unavailable.requested')}</p>
          <WithdrawButton groupId={groupId} className="btn btn--secondary" onDone={() => join.reset()} />
        </>
      ) : missing ? (
        <p role="alert">{t('group.unavailable.missing')}</p>
      ) : (
        <>
          <p>{t('group.unavailable.text')}</p>
          <p className="muted">{t('group.unavailable.invite')}</p>
          <button type="button" className="btn btn--primary" onClick={() => join.mutate()} disabled={join.isPending}>
            {join.isPending ? t('group.joinBusy') : t('group.askToJoin')}
          </button>
          <ActionError error={join.error} />
        </>
      )}
      <Link to="/groups">{t('group.backToGroups')}</Link>
    </section>
  );
}
