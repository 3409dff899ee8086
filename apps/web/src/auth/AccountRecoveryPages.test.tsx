import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { answerApi, me, renderUi } from '../testing/render';
import { ForgotPasswordPage, ResetPasswordPage, VerifyEmailBanner, VerifyEmailPage } from './AccountRecoveryPages';
import { SignInPage } from './AuthPages';
import { getSession, startSession } from './session';

const session = { user: me, accessToken: 'a', refreshToken: 'r', expiresIn: 900 };

describe('account recovery pages', { timeout: 30_000 }, () => {
  it('sign-in with two-factor: the password step asks for a code, which completes it', async () => {
    const calls = answerApi((call) => {
      if (call.path === '/api/auth/providers') return { status: 200, body: { password: true, oidc: false, saml: false, signup: 'open', signupDomains: [] } };
      if (call.path === '/api/auth/login') return { status: 200, body: { totpRequired: true, challenge: 'the-challenge', expiresIn: 300 } };
      if (call.path === '/api/auth/login/totp') return { status: 200, body: session };
      return undefined;
    });
    const { user } = renderUi(
      <Routes>
        <Route path="/signin" element={<SignInPage />} />
        <Route path="/" element={<p>Home</p>} />
      </Routes>,
      { path: '/signin' },
    );
    await user.type(screen.getByLabelText('Work email'), me.email);
    await user.type(screen.getByLabelText('Password'), 'my long passphrase');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    // No session yet: the code step.
    await user.type(await screen.findByLabelText('Six-digit code'), '123456');
    expect(getSession()).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Verify' }));
    await screen.findByText('Home');
    expect(calls.find((c) => c.path === '/api/auth/login/totp')?.body).toEqual({ challenge: 'the-challenge', code: '123456' });
    expect(getSession()?.user.id).toBe(me.id);
  });

  it('forgot password says the same whatever the address', async () => {
    const calls = answerApi((call) => (call.path === '/api/auth/password/forgot' ? { status: 202, body: null } : undefined));
    const { user } = renderUi(<ForgotPasswordPage />, { path: '/forgot-password' });
    await user.type(screen.getByLabelText('Work email'), 'someone@corp.example');
    await user.click(screen.getByRole('button', { name: 'Send the link' }));
    await screen.findByText('If someone@corp.example has an account here, a link is on its way. It works once, for one hour.');
    expect(calls.map((c) => c.body)).toEqual([{ email: 'someone@corp.example' }]);
  });

  it('reset: sends the token from the link with the new password; a refused password shows under the field', async () => {
    let first = true;
    const calls = answerApi((call) => {
      if (call.path !== '/api/auth/password/reset') return undefined;
      if (first) {
        first = false;
        return { status: 400, body: { statusCode: 400, code: 'password_breached', message: 'breached' } };
      }
      return { status: 204, body: null };
    });
    const { user } = renderUi(
      <Routes>
        <Route path="/reset-password" element={<ResetPasswordPage />} />
      </Routes>,
      { path: '/reset-password?token=tok_123' },
    );
    await user.type(screen.getByLabelText('New password'), 'qwerty123456');
    await user.click(screen.getByRole('button', { name: 'Set the new password' }));
    await screen.findByText('This password appears in lists of breached passwords. Choose another one.');
    await user.clear(screen.getByLabelText('New password'));
    await user.type(screen.getByLabelText('New password'), 'a much better passphrase');
    await user.click(screen.getByRole('button', { name: 'Set the new password' }));
    await screen.findByText('Your password is changed, and every session was signed out. Sign in with the new one.');
    expect(calls.map((c) => c.body)).toEqual([
      { token: 'tok_123', password: 'qwerty123456' },
      { token: 'tok_123', password: 'a much better passphrase' },
    ]);
  });

  it('verify: confirms the link once and lifts the banner', async () => {
    const calls = answerApi((call) => {
      if (call.path === '/api/auth/verify') return { status: 200, body: { verified: true } };
      if (call.path === '/api/me/email/verification') return { status: 202, body: null };
      return undefined;
    });
    const banner = renderUi(<VerifyEmailBanner />);
    // renderUi signs in as a verified `me` or not at all: sign in as an unverified account for the banner.
    startSession({ ...session, user: { ...me, emailVerified: false } });
    await banner.findByText(`Confirm your address to start posting: we sent a link to ${me.email}.`);
    await banner.user.click(banner.getByRole('button', { name: 'Send a new link' }));
    await banner.findByText('A new link is on its way.');
    banner.unmount();

    renderUi(
      <Routes>
        <Route path="/verify" element={<VerifyEmailPage />} />
      </Routes>,
      { path: '/verify?token=tok_abc' },
    );
    await screen.findByText('Your address is confirmed: you can post now.');
    expect(calls.filter((c) => c.path === '/api/auth/verify').map((c) => c.body)).toEqual([{ token: 'tok_abc' }]);
  });

  it('verify: an expired link says so', async () => {
    answerApi((call) =>
      call.path === '/api/auth/verify' ? { status: 400, body: { statusCode: 400, code: 'token_invalid', message: 'x' } } : undefined,
    );
    renderUi(
      <Routes>
        <Route path="/verify" element={<VerifyEmailPage />} />
      </Routes>,
      { path: '/verify?token=old' },
    );
    await screen.findByText('This link has expired, was already used, or a newer one was sent.');
  });
});
