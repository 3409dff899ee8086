import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import { groupsApi } from '../api/endpoints';
import { ApiError } from '../api/errors';
import { useMe } from '../auth/useSession';
import { useI18n } from '../i18n/I18nProvider';
import { errorText } from '../ui/errors';
import { refreshGroup } from './cache';

/**
 * A group that does not exist, or is private and I am not a member: the api answers both with a
 * 404, so they look the same here. A private group's link is its invitation: whoever holds it may
 * ask to join, and sees the group once an owner or admin approves (live, see useGroupsRealtime).
 */
export function GroupUnavailable({ groupId }: { groupId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const me = useMe();
  const qc = useQueryClient();
  const join = useMutation({
    mutationFn: () => groupsApi.join(groupId),
    // Already a member after all (or it is public): show the group.
    onSuccess: ({ myRole }) => myRole !== 'pending' && refreshGroup(qc, groupId),
  });
  const withdraw = useMutation({
    mutationFn: () => groupsApi.removeMember(groupId, me.id),
    onSuccess: () => join.reset(),
  });
  const pending = join.data?.myRole === 'pending' && !withdraw.isSuccess;
  const missing = join.error instanceof ApiError && (join.error.status === 404 || join.error.status === 400);

  return (
    <section className="card empty unavailable" aria-labelledby="unavailable-title">
      <h1 id="unavailable-title">{t('group.unavailable.title')}</h1>
      {pending ? (
        <>
          <p role="status">{t('group.unavailable.requested')}</p>
          <button type="button" className="btn btn--secondary" onClick={() => withdraw.mutate()} disabled={withdraw.isPending}>
            {t('group.withdraw')}
          </button>
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
          {join.isError && (
            <p className="inline-error" role="alert">
              {errorText(join.error, i18n)}
            </p>
          )}
        </>
      )}
      {withdraw.isError && (
        <p className="inline-error" role="alert">
          {errorText(withdraw.error, i18n)}
        </p>
      )}
      <Link to="/groups">{t('group.backToGroups')}</Link>
    </section>
  );
}
