import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { privacyApi, type PersonalDataExport } from '../api/privacy';
import { clearSession } from '../auth/session';
import { useSession } from '../auth/useSession';
import { useI18n } from '../i18n/I18nProvider';
import { isHandleTyped } from '../people/handles';
import { FormError } from '../ui/bits';
import { CardSection } from '../ui/CardSection';
import { PasswordField } from '../ui/CredentialFields';
import { formErrors } from '../ui/errors';
import { Field } from '../ui/Field';
import { SubmitButton } from '../ui/SubmitButton';

const exportsKey = ['me', 'exports'] as const;
const working = (e: PersonalDataExport | undefined) => e?.status === 'queued' || e?.status === 'running';

/**
 * "Download my data" and "Erase my account" (#15). The archive is built in the background: the
 * card polls while it runs, then offers the download (for a day). Erasing asks for the handle typed
 * again and the password; once done the account is gone, so the app signs out.
 */
export function PersonalDataSettings() {
  const i18n = useI18n();
  const { t } = i18n;
  // Not useMe(): erasing clears the session while this card is still on screen.
  const me = { handle: useSession()?.user.handle ?? '' };
  const qc = useQueryClient();
  const list = useQuery({
    queryKey: exportsKey,
    queryFn: privacyApi.exports,
    refetchInterval: (query) => (working(query.state.data?.items[0]) ? 1000 : false),
  });
  const latest = list.data?.items[0];
  const ask = useMutation({
    mutationFn: privacyApi.requestExport,
    onSuccess: () => void qc.invalidateQueries({ queryKey: exportsKey }),
  });
  const download = useMutation({
    mutationFn: async (e: PersonalDataExport) => {
      const blob = await privacyApi.download(e.id);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = `ruche-personal-data-${e.createdAt.slice(0, 10)}.zip`;
      a.click();
      URL.revokeObjectURL(url);
    },
  });

  const [confirmation, setConfirmation] = useState('');
  const [password, setPassword] = useState('');
  const erase = useMutation({
    mutationFn: () => privacyApi.eraseMe({ confirmation, password: password || undefined }),
    onSuccess: () => clearSession(),
  });
  const errors = erase.error
    ? formErrors(erase.error, i18n, {
        confirmation: t('privacy.erase.confirmation', { handle: me.handle }),
        password: t('privacy.erase.password'),
      })
    : {};
  const typedRight = isHandleTyped(confirmation, me.handle);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (typedRight) erase.mutate();
  };

  return (
    <>
      <CardSection title={t('privacy.export.title')}>
        <p>{t('privacy.export.intro')}</p>
        {latest && working(latest) && (
          <p role="status">
            {t('privacy.export.progress', { progress: latest.progress })}
            <progress max={100} value={latest.progress} aria-label={t('privacy.export.title')} />
          </p>
        )}
        {latest?.status === 'ready' && (
          <button type="button" className="btn" onClick={() => download.mutate(latest)} disabled={download.isPending}>
            {t('privacy.export.download', { until: new Date(latest.expiresAt ?? '').toLocaleString() })}
          </button>
        )}
        {latest?.status === 'failed' && <p role="alert">{t('privacy.export.failed')}</p>}
        {!working(latest) && (
          <button type="button" className="btn btn--primary" onClick={() => ask.mutate()} disabled={ask.isPending}>
            {t('privacy.export.request')}
          </button>
        )}
      </CardSection>
      <form className="card stack" onSubmit={submit} noValidate aria-labelledby="erase-title">
        <h2 id="erase-title" className="card__title">
          {t('privacy.erase.title')}
        </h2>
        <p>{t('privacy.erase.intro')}</p>
        <FormError>{errors._form?.join(' ')}</FormError>
        <Field
          label={t('privacy.erase.confirmation', { handle: me.handle })}
          name="confirmation"
          autoComplete="off"
          required
          value={confirmation}
          onValueChange={setConfirmation}
          errors={errors.confirmation}
        />
        <PasswordField
          purpose="current"
          label={t('privacy.erase.password')}
          required={false}
          name="password"
          value={password}
          onValueChange={setPassword}
          errors={errors.password}
        />
        <SubmitButton className="btn btn--danger" busy={erase.isPending} disabled={!typedRight}>
          {t('privacy.erase.submit')}
        </SubmitButton>
      </form>
    </>
  );
}
