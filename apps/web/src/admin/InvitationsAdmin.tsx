import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../i18n/I18nProvider';
import { ActionError } from '../ui/ActionError';
import { useAnnounce } from '../ui/Announcer';
import { FormError } from '../ui/bits';
import { EmailField } from '../ui/CredentialFields';
import { SubmitButton } from '../ui/SubmitButton';
import { PagedTable } from '../ui/PagedList';
import { usePages } from '../ui/usePages';
import { useFormErrors } from '../ui/useFormErrors';
import { invitationsApi } from './invitations-api';
import styles from './SkillSynonymsAdmin.module.css';

const invitationsKey = ['admin', 'invitations'] as const;

/**
 * Admin (#15): the sign-up setting (a warning while anyone may sign up), inviting someone by
 * email (the link is shown once, to hand over), and the invitations with their status; a
 * pending one can be revoked.
 */
export function InvitationsAdmin() {
  const i18n = useI18n();
  const { t } = i18n;
  const announce = useAnnounce();
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const { errors, form, fail, clear } = useFormErrors({ email: t('auth.email') });
  const [link, setLink] = useState<string | null>(null);
  const signup = useQuery({ queryKey: ['admin', 'signup'], queryFn: invitationsApi.signup });
  const { list, items } = usePages(invitationsKey, (cursor) => invitationsApi.list(cursor ?? undefined), { staleTime: 0 });
  const create = useMutation({
    mutationFn: (address: string) => invitationsApi.create(address),
    onSuccess: (created) => {
      setLink(created.link);
      setEmail('');
      announce(t('invitations.created', { email: created.email }));
      void qc.invalidateQueries({ queryKey: invitationsKey });
    },
    onError: fail,
  });
  const revoke = useMutation({
    mutationFn: (invitationId: string) => invitationsApi.revoke(invitationId),
    onSuccess: () => void qc.invalidateQueries({ queryKey: invitationsKey }),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setLink(null);
    create.mutate(email);
  }

  return (
    <div className="stack">
      {signup.data?.open && (
        <p className="notice" role="note">
          {t('invitations.openWarning')}
        </p>
      )}
      {signup.data && !signup.data.open && (
        <p className="muted">{t(`invitations.mode.${signup.data.mode}`, { domains: signup.data.domains.join(', ') })}</p>
      )}
      <form ref={form} className="card stack" onSubmit={submit} noValidate>
        <h3>{t('invitations.invite')}</h3>
        <FormError>{errors._form?.join(' ')}</FormError>
        <EmailField autoComplete="off" value={email} onValueChange={setEmail} errors={errors.email} />
        <SubmitButton busy={create.isPending}>{t('invitations.send')}</SubmitButton>
        {link && (
          <div role="status" className="stack">
            <p>{t('invitations.linkHint')}</p>
            <input
              className="field__control"
              readOnly
              value={link}
              aria-label={t('invitations.link')}
              onFocus={(e) => e.target.select()}
            />
          </div>
        )}
      </form>
      <div className="card stack">
        <ActionError error={revoke.error} />
        <PagedTable
          list={list}
          items={items}
          empty={<p className="muted">{t('invitations.empty')}</p>}
          caption={t('invitations.list')}
          columns={[
            t('auth.email'),
            t('invitations.status'),
            t('invitations.expires'),
            { label: t('invitations.revoke'), hidden: true },
          ]}
          className={styles.table}
          more={t('invitations.more')}
        >
          {(invitation) => (
            <tr key={invitation.id}>
              <td>{invitation.email}</td>
              <td>{t(`invitations.status.${invitation.status}`)}</td>
              <td>{i18n.dateTime(invitation.expiresAt)}</td>
              <td>
                {invitation.status === 'pending' && (
                  <button
                    type="button"
                    className="btn btn--ghost btn--small"
                    aria-label={t('invitations.revokeLabel', { email: invitation.email })}
                    disabled={revoke.isPending}
                    onClick={() => revoke.mutate(invitation.id)}
                  >
                    {t('invitations.revoke')}
                  </button>
                )}
              </td>
            </tr>
          )}
        </PagedTable>
      </div>
    </div>
  );
}
