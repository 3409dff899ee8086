import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { request } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import { FormError } from '../ui/bits';
import { PasswordField } from '../ui/CredentialFields';
import { SubmitButton } from '../ui/SubmitButton';
import { useFormErrors } from '../ui/useFormErrors';

/**
 * Changing one's password (#15): the current one and a new one (12–256 characters, not on the
 * breached list: the api says which rule failed, under its field). Other sessions end; this one stays.
 */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const { t } = useI18n();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [done, setDone] = useState(false);
  const { errors, form, field, fail, clear } = useFormErrors({
    currentPassword: t('password.current'),
    newPassword: t('password.new'),
  });
  const change = useMutation({
    mutationFn: () => request<void>('POST', '/api/me/password', { currentPassword, newPassword }),
    onSuccess: () => {
      setCurrent('');
      setNew('');
      setDone(true);
      onChanged?.();
    },
    onError: fail,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    clear();
    setDone(false);
    change.mutate();
  }

  return (
    <form ref={form} className="card stack" onSubmit={submit} noValidate aria-labelledby="password-title">
      <h2 id="password-title" className="card__title">
        {t('password.title')}
      </h2>
      <FormError>{errors._form?.join(' ')}</FormError>
      <PasswordField purpose="current" {...field('currentPassword', currentPassword, setCurrent)} name="currentPassword" />
      <PasswordField purpose="new" {...field('newPassword', newPassword, setNew)} name="newPassword" />
      <SubmitButton busy={change.isPending}>{t('password.save')}</SubmitButton>
      {done && <p role="status">{t('password.changed')}</p>}
    </form>
  );
}
