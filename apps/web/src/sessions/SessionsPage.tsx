import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type SignedInSession, sessionsApi } from '../api/sessions';
import { ChangePasswordForm } from '../auth/ChangePasswordForm';
import { TwoFactorSettings } from '../auth/TwoFactorSettings';
import { useI18n } from '../i18n/I18nProvider';
import { ActionError } from '../ui/ActionError';
import { useAnnounce } from '../ui/Announcer';
import { ErrorBlock, Loading, useTitle } from '../ui/bits';
import { PersonalDataSettings } from './PersonalDataSettings';

const sessionsKey = ['me', 'sessions'] as const;

/**
 * Where you are signed in: each session's device, address and when it was last seen (its token
 * refreshed), this one marked. Signing one out ends it at once (its next request is refused, its
 * live connection closes); "Sign out everywhere else" ends all but this one.
 */
export function SessionsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  useTitle(t('sessions.title'));
  const announce = useAnnounce();
  const qc = useQueryClient();
  const list = useQuery({ queryKey: sessionsKey, queryFn: sessionsApi.list, staleTime: 0 });
  const refresh = () => void qc.invalidateQueries({ queryKey: sessionsKey });
  const revoke = useMutation({
    mutationFn: (session: SignedInSession) => sessionsApi.revoke(session.id),
    onSuccess: (_done, session) => {
      announce(t('sessions.revoked', { device: session.device }));
      refresh();
    },
  });
  const revokeOthers = useMutation({
    mutationFn: sessionsApi.revokeOthers,
    onSuccess: ({ revoked }) => {
      announce(t('sessions.revokedOthers', { count: revoked }));
      refresh();
    },
  });
  const items = list.data?.items ?? [];
  const others = items.filter((s) => !s.current);
  const failed = revoke.error ?? revokeOthers.error;
  return (
    <div className="stack">
      <h1 className="page-title">{t('sessions.title')}</h1>
      <div className="card stack">
        <p className="muted">{t('sessions.intro')}</p>
        <ActionError error={failed} />
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <ErrorBlock error={list.error} onRetry={() => void list.refetch()} />
        ) : (
          <ul className="bare-list stack" aria-label={t('sessions.list')}>
            {items.map((session) => (
              <li key={session.id} className="stack">
                {/* Lines, one under the other: as inline text the device ran into its details. */}
                <div>
                  <p>
                    <strong>{session.device}</strong>
                    {session.current && (
                      <>
                        {' '}
                        <span className="badge badge--ok">{t('sessions.current')}</span>
                      </>
                    )}
                  </p>
                  <p className="muted">
                    {t('sessions.details', {
                      address: session.address ?? t('sessions.unknownAddress'),
                      lastSeen: i18n.dateTime(session.lastSeenAt),
                      created: i18n.dateTime(session.createdAt),
                    })}
                  </p>
                </div>
                {!session.current && (
                  <button
                    type="button"
                    className="btn btn--ghost btn--small"
                    aria-label={t('sessions.revokeLabel', { device: session.device })}
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate(session)}
                  >
                    {t('sessions.revoke')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        )}
        {others.length > 0 && (
          <button
            type="button"
            className="btn btn--secondary"
            disabled={revokeOthers.isPending}
            onClick={() => revokeOthers.mutate()}
          >
            {t('sessions.revokeOthers')}
          </button>
        )}
      </div>
      <ChangePasswordForm onChanged={refresh} />
      <TwoFactorSettings />
      <PersonalDataSettings />
    </div>
  );
}
