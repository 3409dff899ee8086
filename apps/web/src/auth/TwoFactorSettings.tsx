import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { accountSecurityApi, type TotpEnrolment } from '../api/accountSecurity';
import { useI18n } from '../i18n/I18nProvider';
import { ErrorBlock, FormError, Loading } from '../ui/bits';
import { CardSection } from '../ui/CardSection';
import { PasswordField } from '../ui/CredentialFields';
import { formErrors } from '../ui/errors';
import { Field } from '../ui/Field';
import { SubmitButton } from '../ui/SubmitButton';
import styles from './TwoFactorSettings.module.css';

const statusKey = ['me', '2fa'] as const;

/** The six digits of the authenticator app, to confirm enrolment and to turn two-factor off. */
function CodeField(props: { value: string; onValueChange: (value: string) => void; errors?: string[] }) {
  const { t } = useI18n();
  return (
    <Field label={t('security.totp.code')} name="code" autoComplete="one-time-code" inputMode="numeric" required {...props} />
  );
}

/**
 * Two-factor on the sessions page (#15): enrol by scanning the QR code (or typing the secret) and
 * confirming with a first code; the recovery codes are shown once, right then; turning it off
 * asks for the password and a code. Accounts that sign in with SSO are told their provider owns it.
 */
export function TwoFactorSettings() {
  const i18n = useI18n();
  const { t } = i18n;
  const qc = useQueryClient();
  const status = useQuery({ queryKey: statusKey, queryFn: accountSecurityApi.twoFactor });
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const labels = { code: t('security.totp.code'), password: t('auth.password') };
  const refresh = () => void qc.invalidateQueries({ queryKey: statusKey });

  const enrol = useMutation({
    mutationFn: accountSecurityApi.enrol,
    onSuccess: (answer) => {
      setEnrolment(answer);
      setCode('');
    },
    onError: (error) => setErrors(formErrors(error, i18n, labels)),
  });
  const confirm = useMutation({
    mutationFn: () => accountSecurityApi.confirm(code),
    onSuccess: ({ recoveryCodes: codes }) => {
      setRecoveryCodes(codes);
      setEnrolment(null);
      setCode('');
      refresh();
    },
    onError: (error) => setErrors(formErrors(error, i18n, labels)),
  });
  const disable = useMutation({
    mutationFn: () => accountSecurityApi.disable({ password, code }),
    onSuccess: () => {
      setPassword('');
      setCode('');
      setRecoveryCodes(null);
      refresh();
    },
    onError: (error) => setErrors(formErrors(error, i18n, labels)),
  });
  const submit = (action: { mutate: () => void }) => (event: FormEvent) => {
    event.preventDefault();
    setErrors({});
    action.mutate();
  };

  let body;
  if (status.isPending) body = <Loading />;
  else if (status.isError) body = <ErrorBlock error={status.error} onRetry={() => void status.refetch()} />;
  else if (!status.data.applicable) body = <p>{t('security.totp.notApplicable')}</p>;
  else if (recoveryCodes)
    body = (
      <div className="stack">
        <p role="status">{t('security.totp.enabled')}</p>
        <p>{t('security.totp.recoveryShownOnce')}</p>
        <ul className={styles.codes} aria-label={t('security.totp.recoveryCodes')}>
          {recoveryCodes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ul>
        <button type="button" className="btn" onClick={() => setRecoveryCodes(null)}>
          {t('security.totp.savedCodes')}
        </button>
      </div>
    );
  else if (status.data.enabled)
    body = (
      <form className="stack" onSubmit={submit(disable)} noValidate>
        <p>{t('security.totp.onSince', { count: status.data.recoveryCodesLeft })}</p>
        <FormError>{errors._form?.join(' ')}</FormError>
        <PasswordField purpose="current" value={password} onValueChange={setPassword} errors={errors.password} />
        <CodeField value={code} onValueChange={setCode} errors={errors.code} />
        <SubmitButton className="btn btn--danger" busy={disable.isPending}>
          {t('security.totp.disable')}
        </SubmitButton>
      </form>
    );
  else if (enrolment)
    body = (
      <form className="stack" onSubmit={submit(confirm)} noValidate>
        <p>{t('security.totp.scan')}</p>
        <img className={styles.qr} src={enrolment.qrCode} alt={t('security.totp.qrAlt')} width={200} height={200} />
        <p>
          {t('security.totp.secret')} <code className={styles.secret}>{enrolment.secret}</code>
        </p>
        <FormError>{errors._form?.join(' ')}</FormError>
        <CodeField value={code} onValueChange={setCode} errors={errors.code} />
        <SubmitButton busy={confirm.isPending}>{t('security.totp.confirm')}</SubmitButton>
      </form>
    );
  else
    body = (
      <div className="stack">
        <p>{t('security.totp.off')}</p>
        <FormError>{errors._form?.join(' ')}</FormError>
        <button type="button" className="btn btn--primary" disabled={enrol.isPending} onClick={() => enrol.mutate()}>
          {t('security.totp.enable')}
        </button>
      </div>
    );

  return <CardSection title={t('security.totp.title')}>{body}</CardSection>;
}
