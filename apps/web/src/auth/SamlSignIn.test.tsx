import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { answerApi, renderUi } from '../testing/render';
import { SignInPage, SsoCallbackPage } from './AuthPages';

const providers = (over: Record<string, unknown>) => ({
  status: 200,
  body: { password: true, oidc: false, saml: false, signup: 'open', signupDomains: [], ...over },
});

describe('SAML single sign-on in the web app', { timeout: 30_000 }, () => {
  it('offers "Sign in with SAML SSO" when the server has SAML, and only then', async () => {
    answerApi((call) => (call.path === '/api/auth/providers' ? providers({ saml: true }) : undefined));
    renderUi(<SignInPage />, { path: '/signin' });
    const link = await screen.findByRole('link', { name: 'Sign in with SAML SSO' });
    expect(link.getAttribute('href')).toBe('/api/auth/saml/login?returnTo=%2F');
    expect(screen.queryByRole('link', { name: 'Sign in with SSO' })).toBeNull();
  });

  it('shows no SAML button without SAML', async () => {
    answerApi((call) => (call.path === '/api/auth/providers' ? providers({ oidc: true }) : undefined));
    renderUi(<SignInPage />, { path: '/signin' });
    await screen.findByRole('link', { name: 'Sign in with SSO' });
    expect(screen.queryByRole('link', { name: 'Sign in with SAML SSO' })).toBeNull();
  });

  it('after the ACS, trades the code and opens the page the login started from (a path on this site only)', async () => {
    const calls = answerApi((call) =>
      call.path === '/api/auth/oidc/exchange'
        ? {
            status: 200,
            body: {
              accessToken: 'a',
              refreshToken: 'r',
              endSessionUrl: null,
              user: {
                id: '00000000-0000-4000-8000-000000000001',
                email: 'dana@corp.example',
                displayName: 'Dana',
                handle: 'dana',
                roles: ['employee'],
              },
            },
          }
        : undefined,
    );
    renderUi(
      <Routes>
        <Route path="/sso" element={<SsoCallbackPage />} />
        <Route path="/questions" element={<p>Questions page</p>} />
      </Routes>,
      { path: '/sso?code=abc&next=%2Fquestions' },
    );
    await screen.findByText('Questions page');
    expect(calls.filter((c) => c.path === '/api/auth/oidc/exchange').map((c) => c.body)).toEqual([{ code: 'abc' }]);
  });
});
