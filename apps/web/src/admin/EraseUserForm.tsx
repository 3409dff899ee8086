import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { privacyApi } from '../api/privacy';
import type { UserSummary } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { isHandleTyped } from '../people/handles';
import { FormError } from '../ui/bits';
import { formErrors } from '../ui/errors';
import { Field } from '../ui/Field';
import { SubmitRow } from '../ui/SubmitButton';

/** Erase someone's account (#15): final, so the button waits for their handle typed again. */
export function EraseUserForm({ user }: { user: UserSummary }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [confirmation, setConfirmation] = useState('');
  const label = t('admin.erase.confirmation', { handle: user.handle });
  const erase = useMutation({ mutationFn: () => privacyApi.eraseUser(user.id, confirmation) });
  const errors = erase.error ? formErrors(erase.error, i18n, { confirmation: label }) : {};
  const typedRight = isHandleTyped(confirmation, user.handle);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (typedRight && !erase.isPending) erase.mutate();
  }

  if (erase.data) return <p role="status">{t('admin.erase.done', { pseudonym: erase.data.pseudonym })}</p>;
  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t('admin.erase.title')}>
      <p>
        <strong>{t('admin.erase.title')}</strong> {t('admin.erase.intro')}
      </p>
      <FormError>{errors._form?.join(' ')}</FormError>
      <Field
        label={label}
        name="confirmation"
        autoComplete="off"
        value={confirmation}
        onValueChange={setConfirmation}
        errors={errors.confirmation}
      />
      <SubmitRow className="btn btn--danger" busy={erase.isPending} disabled={!typedRight}>
        {t('admin.erase.submit')}
      </SubmitRow>
    </form>
  );
}
