import { useMutation } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { accountSecurityApi } from '../api/accountSecurity';
import { useI18n } from '../i18n/I18nProvider';
import { FormError } from '../ui/bits';
import { EmailField, PasswordField } from '../ui/CredentialFields';
import { errorText } from '../ui/errors';
import { SubmitButton } from '../ui/SubmitButton';
import { useFormErrors } from '../ui/useFormErrors';
import { AuthShell } from './AuthPages';
import { getSession, updateUser } from './session';
import { useSession } from './useSession';
import styles from './AccountRecovery.module.css';

/**
 * "Forgot password" (#15): the api answers 202 whatever the address, so this page says the same
 * thing whether or not an account exists. Without email on the server the api says to ask an
 * administrator, and so does the page.
 */
export function ForgotPasswordPage() {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  const { errors, form, submitTo, fail } = useFormErrors({ email: t('auth.email') });
  const send = useMutation({
    mutationFn: () => accountSecurityApi.forgotPassword(email),
    onError: fail,
  });

  const submit = submitTo(send);

  return (
    <AuthShell title={t('security.forgot.title')}>
      {send.isSuccess ? (
        <p role="status">{t('security.forgot.sent', { email })}</p>
      ) : (
        <form ref={form} onSubmit={submit} noValidate className="stack">
          <p>{t('security.forgot.intro')}</p>
          <FormError>{errors._form?.join(' ')}</FormError>
          <EmailField autoComplete="username" value={email} onValueChange={setEmail} errors={errors.email} />
          <SubmitButton className="btn btn--primary btn--block" busy={send.isPending}>
            {t('security.forgot.submit')}
          </SubmitButton>
        </form>
      )}
      <p className={styles.back}>
        <Link to="/signin">{t('auth.sso.retry')}</Link>
      </p>
    </AuthShell>
  );
}

/** The reset link's page: a new password (the policy's refusals under the field); every session ends. */
export function ResetPasswordPage() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const { errors, form, field, submitTo, fail } = useFormErrors({ password: t('password.new') });
  const reset = useMutation({
    mutationFn: () => accountSecurityApi.resetPassword({ token, password }),
    onError: fail,
  });

  const submit = submitTo(reset);

  return (
    <AuthShell title={t('security.reset.title')}>
      {reset.isSuccess ? (
        <div className="stack">
          <p role="status">{t('security.reset.done')}</p>
          <Link to="/signin">{t('auth.register.toSignIn')}</Link>
        </div>
      ) : (
        <form ref={form} onSubmit={submit} noValidate className="stack">
          <FormError>{errors._form?.join(' ')}</FormError>
          <PasswordField purpose="new" {...field('password', password, setPassword)} />
          <SubmitButton className="btn btn--primary btn--block" busy={reset.isPending} disabled={!token}>
            {t('security.reset.submit')}
          </SubmitButton>
        </form>
      )}
    </AuthShell>
  );
}

/** The verification link's page: confirms once (StrictMode's double effect aside), and updates the signed-in account. */
export function VerifyEmailPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const [params] = useSearchParams();
  const token = params.get('token');
  const [state, setState] = useState<{ done: boolean; error: string | null }>({ done: false, error: token ? null : t('security.verify.failed') });
  const started = useRef(false);

  useEffect(() => {
    if (started.current || !token) return;
    started.current = true;
    accountSecurityApi.verifyEmail(token).then(
      () => {
        if (getSession()) updateUser({ emailVerified: true });
        setState({ done: true, error: null });
      },
      (failure: unknown) => setState({ done: false, error: errorText(failure, i18n) }),
    );
  }, [token, i18n]);

  return (
    <AuthShell title={t('security.verify.title')}>
      {state.error ? (
        <FormError>{state.error}</FormError>
      ) : state.done ? (
        <p role="status">{t('security.verify.done')}</p>
      ) : (
        <p role="status">{t('security.verify.busy')}</p>
      )}
      <p className={styles.back}>
        <Link to="/">{t('common.backHome')}</Link>
      </p>
    </AuthShell>
  );
}

/** Above every signed-in page while the address is not verified: posting waits for the link (#15). */
export function VerifyEmailBanner() {
  const i18n = useI18n();
  const { t } = i18n;
  const session = useSession();
  const resend = useMutation({ mutationFn: accountSecurityApi.resendVerification });
  if (session?.user.emailVerified !== false) return null;
  return (
    <div className={`notice ${styles.banner}`} role="region" aria-label={t('security.verify.bannerLabel')}>
      <p>{t('security.verify.banner', { email: session.user.email })}</p>
      {resend.isSuccess ? (
        <p role="status">{t('security.verify.resent')}</p>
      ) : (
        <button type="button" className="btn btn--small" disabled={resend.isPending} onClick={() => resend.mutate()}>
          {t('security.verify.resend')}
        </button>
      )}
      {resend.error && <FormError>{errorText(resend.error, i18n)}</FormError>}
    </div>
  );
}

/** While an admin's temporary password is in force: a notice pointing to where to change it. */
export function MustChangePasswordNotice({ mustChange }: { mustChange: boolean | undefined }) {
  const { t } = useI18n();
  if (!mustChange) return null;
  return (
    <p className="notice" role="status">
      {t('admin.security.mustChange')} <Link to="/settings/sessions">{t('password.title')}</Link>
    </p>
  );
}
