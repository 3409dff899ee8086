import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { request } from '../api/client';
import type { UserSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { FormError } from '../ui/bits';
import { PasswordField } from '../ui/CredentialFields';
import { errorText } from '../ui/errors';
import { SubmitButton } from '../ui/SubmitButton';
import { useFormErrors } from '../ui/useFormErrors';

const base = (user: UserSummary) => `/api/admin/users/${encodeURIComponent(user.id)}`;

/**
 * An admin helps someone who is locked out (#15): a reset link to hand over (also emailed when
 * the server sends email), a temporary password they must change, or their two-factor turned off.
 * Each is audited.
 */
export function AccountSecurityForm({ user }: { user: UserSummary }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [temporary, setTemporary] = useState('');
  const { errors, form, field, submitTo, fail } = useFormErrors({ newPassword: t('admin.security.temporary') });
  const link = useMutation({
    mutationFn: () => request<{ link: string; expiresAt: string; emailed: boolean }>('POST', `${base(user)}/password-reset`),
  });
  const setPassword = useMutation({
    mutationFn: () => request<void>('PUT', `${base(user)}/password`, { newPassword: temporary }),
    onSuccess: () => setTemporary(''),
    onError: fail,
  });
  const resetTotp = useMutation({ mutationFn: () => request<void>('DELETE', `${base(user)}/2fa`) });

  const submitTemporary = submitTo(setPassword);

  return (
    <div className="stack" role="group" aria-label={t('admin.security.title')}>
      <h3 className="card__title">{t('admin.security.title')}</h3>
      <div>
        <button type="button" className="btn btn--outline btn--small" disabled={link.isPending} onClick={() => link.mutate()}>
          {t('admin.security.link')}
        </button>
        {link.data && (
          <p role="status">
            {link.data.emailed ? t('admin.security.linkEmailed') : t('admin.security.linkHandOver')} <code>{link.data.link}</code>
          </p>
        )}
        {link.error && <FormError>{errorText(link.error, i18n)}</FormError>}
      </div>
      <form ref={form} className="stack" onSubmit={submitTemporary} noValidate>
        <FormError>{errors._form?.join(' ')}</FormError>
        <PasswordField
          purpose="new"
          {...field('newPassword', temporary, setTemporary)}
          hint={t('admin.security.temporaryHint')}
          required={false}
          name="newPassword"
        />
        <SubmitButton className="btn btn--outline btn--small" busy={setPassword.isPending}>
          {t('admin.security.setTemporary')}
        </SubmitButton>
        {setPassword.isSuccess && <p role="status">{t('admin.security.temporarySet')}</p>}
      </form>
      <div>
        <button type="button" className="btn btn--danger btn--small" disabled={resetTotp.isPending} onClick={() => resetTotp.mutate()}>
          {t('admin.security.resetTotp')}
        </button>
        {resetTotp.isSuccess && <p role="status">{t('admin.security.totpReset')}</p>}
        {resetTotp.error && <FormError>{errorText(resetTotp.error, i18n)}</FormError>}
      </div>
    </div>
  );
}

