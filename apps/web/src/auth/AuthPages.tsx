import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { authApi, type SignInProviders } from '../api/endpoints';
import { useI18n } from '../i18n/I18nProvider';
import brand from '../layout/Brand.module.css';
import { LanguageSwitch } from '../layout/LanguageSwitch';
import { FormError, useTitle } from '../ui/bits';
import { EmailField, PasswordField } from '../ui/CredentialFields';
import { errorText } from '../ui/errors';
import { Field } from '../ui/Field';
import { SubmitButton } from '../ui/SubmitButton';
import { useFormErrors } from '../ui/useFormErrors';
import styles from './AuthPages.module.css';
import { startSession, endedByServerNotice } from './session';
import { rememberSsoLogout } from './signOut';
import { accountSecurityApi, isTotpChallenge, type TotpChallenge } from '../api/accountSecurity';
import { TotpStep } from './TotpStep';

export function AuthShell({ title, children }: { title: string; children: ReactNode }) {
  const { t } = useI18n();
  useTitle(title);
  return (
    <div className={styles.auth}>
      <div className={styles.lang}>
        <LanguageSwitch />
      </div>
      <main id="main" className={styles.card}>
        <div className={`${brand.brand} ${brand.large}`} aria-hidden="true">
          <span className={brand.mark} />
          <span>{t('app.name')}</span>
        </div>
        <p className={styles.tagline}>{t('app.tagline')}</p>
        <h1 className={styles.title}>{title}</h1>
        {children}
      </main>
    </div>
  );
}

/** Where to go after signing in: the page that asked for it, else home. */
function useReturnTo(): string {
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;
  return from && from.startsWith('/') && !from.startsWith('//') ? from : '/';
}

function useFieldLabels() {
  const { t } = useI18n();
  return { email: t('auth.email'), password: t('auth.password'), displayName: t('auth.displayName') } as Record<string, string>;
}

/**
 * The sign-in or registration form's sending: once at a time, and a refusal shown under the
 * fields it names (or above the form). `send` says whether the page is left, in which case the
 * button stays busy until it is.
 */
function useCredentialsForm(fields: string[], send: () => Promise<boolean>) {
  const labels = useFieldLabels();
  const { errors, form, fail, clear } = useFormErrors(Object.fromEntries(fields.map((f) => [f, labels[f]])));
  const [busy, setBusy] = useState(false);
  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    clear();
    try {
      if (!(await send())) setBusy(false);
    } catch (error) {
      fail(error);
      setBusy(false);
    }
  }
  return { errors, form, busy, submit };
}

/** What the server offers (passwords, single sign-on); null until known, or when it could not be read. */
function useProviders(): SignInProviders | null {
  const [providers, setProviders] = useState<SignInProviders | null>(null);
  useEffect(() => {
    let live = true;
    authApi.providers().then(
      (p) => live && setProviders(p),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);
  return providers;
}

export function SignInPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const returnTo = useReturnTo();
  const [ended] = useState(endedByServerNotice);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const providers = useProviders();
  // Two-factor on (#15): the password step answered a challenge instead of a session.
  const [challenge, setChallenge] = useState<TotpChallenge | null>(null);
  const { errors, form, busy, submit } = useCredentialsForm(['email', 'password'], async () => {
    const answer = await accountSecurityApi.login({ email, password });
    if (isTotpChallenge(answer)) {
      setChallenge(answer);
      return false;
    }
    startSession(answer);
    void navigate(returnTo, { replace: true });
    return true;
  });

  if (challenge)
    return (
      <AuthShell title={t('auth.signIn.title')}>
        <TotpStep
          challenge={challenge}
          onSignedIn={(session) => {
            startSession(session);
            void navigate(returnTo, { replace: true });
          }}
          onRestart={() => {
            setChallenge(null);
            setPassword('');
          }}
        />
      </AuthShell>
    );

  return (
    <AuthShell title={t('auth.signIn.title')}>
      {ended && <p className="notice">{t('auth.expired')}</p>}
      {(providers?.oidc || providers?.saml) && (
        <div className="stack">
          {/* Plain navigations: the server redirects to the identity provider. */}
          {providers.oidc && (
            <a className="btn btn--primary btn--block" href="/api/auth/oidc/login">
              {t('auth.sso.button')}
            </a>
          )}
          {providers.saml && (
            // SAML carries the page to return to through the provider (signed, in RelayState).
            <a className="btn btn--primary btn--block" href={`/api/auth/saml/login?returnTo=${encodeURIComponent(returnTo)}`}>
              {t('auth.sso.saml')}
            </a>
          )}
          {providers.password && <p className={styles.switch}>{t('auth.sso.or')}</p>}
        </div>
      )}
      {providers?.password !== false && (
        <form ref={form} onSubmit={submit} noValidate className="stack">
          <FormError>{errors._form?.join(' ')}</FormError>
          <EmailField autoComplete="username" inputMode="email" value={email} onValueChange={setEmail} errors={errors.email} />
          <PasswordField purpose="current" value={password} onValueChange={setPassword} errors={errors.password} />
          <SubmitButton className="btn btn--primary btn--block" busy={busy} busyLabel={t('auth.signIn.busy')}>
            {t('auth.signIn.submit')}
          </SubmitButton>
          <Link to="/forgot-password" className={styles.forgot}>{t('security.forgot.link')}</Link>
        </form>
      )}
      {providers?.password !== false && (
        <p className={styles.switch}>
          {t('auth.signIn.noAccount')}{' '}
          <Link to="/register" state={{ from: returnTo }}>
            {t('auth.signIn.toRegister')}
          </Link>
        </p>
      )}
    </AuthShell>
  );
}

export function RegisterPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const returnTo = useReturnTo();
  const [params] = useSearchParams();
  // An invitation link: /register?invitation=<token>&email=<address> (#15).
  const invitationToken = params.get('invitation') ?? undefined;
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState(params.get('email') ?? '');
  const [password, setPassword] = useState('');
  const { errors, form, busy, submit } = useCredentialsForm(['displayName', 'email', 'password'], async () => {
    startSession(await authApi.register({ displayName, email, password, invitationToken }));
    void navigate(returnTo, { replace: true });
    return true;
  });

  return (
    <AuthShell title={t('auth.register.title')}>
      {invitationToken && <p className="notice">{t('auth.register.invited')}</p>}
      <form ref={form} onSubmit={submit} noValidate className="stack">
        <FormError>{errors._form?.join(' ')}</FormError>
        <Field
          label={t('auth.displayName')}
          name="displayName"
          autoComplete="name"
          required
          value={displayName}
          onValueChange={setDisplayName}
          errors={errors.displayName}
        />
        <EmailField autoComplete="email" inputMode="email" value={email} onValueChange={setEmail} errors={errors.email} />
        <PasswordField purpose="new" value={password} onValueChange={setPassword} errors={errors.password} />
        <SubmitButton className="btn btn--primary btn--block" busy={busy} busyLabel={t('auth.register.busy')}>
          {t('auth.register.submit')}
        </SubmitButton>
      </form>
      <p className={styles.switch}>
        {t('auth.register.hasAccount')}{' '}
        <Link to="/signin" state={{ from: returnTo }}>
          {t('auth.register.toSignIn')}
        </Link>
      </p>
    </AuthShell>
  );
}

/**
 * Where single sign-on's callback lands (`/sso?code=...`): the one-time code is traded for the
 * session at once (tokens never travel in a URL), and the address is cleaned of the code.
 */
export function SsoCallbackPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const code = params.get('code');
  // Where SAML's login was started from; a path on this site only (never `//host`).
  const next = params.get('next');
  const returnTo = next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
  const [error, setError] = useState<string | null>(() => (code ? null : t('auth.sso.failed')));
  const started = useRef(false);

  useEffect(() => {
    // Once, even under StrictMode's double effects: a code works a single time.
    if (started.current || !code) return;
    started.current = true;
    authApi.ssoExchange(code).then(
      (session) => {
        rememberSsoLogout(session.endSessionUrl);
        startSession(session);
        void navigate(returnTo, { replace: true });
      },
      (failure: unknown) => setError(errorText(failure, i18n)),
    );
  }, [code, navigate, i18n, returnTo]);

  return (
    <AuthShell title={t('auth.signIn.title')}>
      {error ? (
        <div className="stack">
          <FormError>{error}</FormError>
          <Link to="/signin">{t('auth.sso.retry')}</Link>
        </div>
      ) : (
        <p role="status">{t('auth.sso.busy')}</p>
      )}
    </AuthShell>
  );
}
