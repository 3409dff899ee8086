import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { request } from '../api/client';
import { useI18n } from '../i18n/I18nProvider';
import { FormError } from '../ui/bits';
import { formErrors } from '../ui/errors';
import { Field } from '../ui/Field';

/**
 * Changing one's password (#15): the current one and a new one (12–256 characters, not on the
 * breached list: the api says which rule failed, under its field). Other sessions end; this one stays.
 */
export function ChangePasswordForm({ onChanged }: { onChanged?: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [done, setDone] = useState(false);
  const change = useMutation({
    mutationFn: () => request<void>('POST', '/api/me/password', { currentPassword, newPassword }),
    onSuccess: () => {
      setCurrent('');
      setNew('');
      setDone(true);
      onChanged?.();
    },
    onError: (error) =>
      setErrors(formErrors(error, i18n, { currentPassword: t('password.current'), newPassword: t('password.new') })),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setErrors({});
    setDone(false);
    change.mutate();
  }

  return (
    <form className="card stack" onSubmit={submit} noValidate aria-labelledby="password-title">
      <h2 id="password-title" className="card__title">
        {t('password.title')}
      </h2>
      <FormError>{errors._form?.join(' ')}</FormError>
      <Field
        label={t('password.current')}
        type="password"
        name="currentPassword"
        autoComplete="current-password"
        required
        value={currentPassword}
        onValueChange={setCurrent}
        errors={errors.currentPassword}
      />
      <Field
        label={t('password.new')}
        hint={t('auth.password.hint')}
        type="password"
        name="newPassword"
        autoComplete="new-password"
        required
        value={newPassword}
        onValueChange={setNew}
        errors={errors.newPassword}
      />
      <button type="submit" className="btn btn--primary" disabled={change.isPending}>
        {t('password.save')}
      </button>
      {done && <p role="status">{t('password.changed')}</p>}
    </form>
  );
}
