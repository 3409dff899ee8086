import { useRef, useState, type FormEvent } from 'react';
import { accountSecurityApi, type TotpChallenge } from '../api/accountSecurity';
import type { Session } from '../api/types';
import { useI18n } from '../i18n/I18nProvider';
import { FormError } from '../ui/bits';
import { formErrors } from '../ui/errors';
import { Field } from '../ui/Field';
import { SubmitButton } from '../ui/SubmitButton';

/**
 * The second step of a password sign-in with two-factor on (#15): a code from the authenticator
 * app, or one of the recovery codes (each works once). The challenge lasts five minutes; when it
 * has run out the api says so and the person starts again.
 */
export function TotpStep({ challenge, onSignedIn, onRestart }: { challenge: TotpChallenge; onSignedIn: (s: Session) => void; onRestart: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const field = useRecovery ? 'recoveryCode' : 'code';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setErrors({});
    try {
      const body = useRecovery ? { challenge: challenge.challenge, recoveryCode: value } : { challenge: challenge.challenge, code: value };
      onSignedIn(await accountSecurityApi.loginTotp(body));
    } catch (error) {
      setErrors(formErrors(error, i18n, { code: t('security.totp.code'), recoveryCode: t('security.totp.recoveryCode') }));
      setBusy(false);
    }
  }

  return (
    <form ref={form} onSubmit={submit} noValidate className="stack" aria-labelledby="totp-step-title">
      <h2 id="totp-step-title" className="card__title">
        {t('security.totp.stepTitle')}
      </h2>
      <p>{useRecovery ? t('security.totp.recoveryIntro') : t('security.totp.stepIntro')}</p>
      <FormError>{errors._form?.join(' ')}</FormError>
      <Field
        label={useRecovery ? t('security.totp.recoveryCode') : t('security.totp.code')}
        name={field}
        autoComplete="one-time-code"
        inputMode={useRecovery ? 'text' : 'numeric'}
        required
        value={value}
        onValueChange={setValue}
        errors={errors[field]}
      />
      <SubmitButton className="btn btn--primary btn--block" busy={busy} busyLabel={t('auth.signIn.busy')}>
        {t('security.totp.verify')}
      </SubmitButton>
      <button
        type="button"
        className="btn btn--ghost btn--small"
        onClick={() => {
          setUseRecovery(!useRecovery);
          setValue('');
          setErrors({});
        }}
      >
        {useRecovery ? t('security.totp.useCode') : t('security.totp.useRecovery')}
      </button>
      <button type="button" className="btn btn--ghost btn--small" onClick={onRestart}>
        {t('security.totp.restart')}
      </button>
    </form>
  );
}
