import { DEFAULT_OIDC_CLAIMS, loadSignInConfig, type OidcConfig } from '@ruche/platform';
import { isBreachedPassword } from '../password-policy.js';
import { cookieValue, readLoginState, signLoginState } from './login-cookie.js';
import { mapClaims } from './sso-accounts.js';

const SECRET = 'a-secret-that-is-long-enough-for-the-tests';
const state = {
  state: 's1',
  nonce: 'n1',
  codeVerifier: 'v1',
  redirectUri: 'https://ruche.example/api/auth/oidc/callback',
  expiresAt: 2_000,
};

describe('the OIDC login cookie', () => {
  it('reads back what it signed, until it expires', () => {
    const cookie = signLoginState(SECRET, state);
    expect(readLoginState(SECRET, cookie, 1_000)).toEqual(state);
    expect(readLoginState(SECRET, cookie, 2_000)).toBeNull();
  });

  it('refuses an altered body, a foreign key, or garbage', () => {
    const [body, mac] = signLoginState(SECRET, state).split('.');
    const altered = Buffer.from(JSON.stringify({ ...state, nonce: 'n2' })).toString('base64url');
    expect(readLoginState(SECRET, `${altered}.${mac}`, 1_000)).toBeNull();
    expect(readLoginState(`${SECRET}!`, `${body}.${mac}`, 1_000)).toBeNull();
    for (const junk of [undefined, '', 'x', 'a.b.c', `${body}.`, `.${mac}`])
      expect(readLoginState(SECRET, junk, 1_000)).toBeNull();
  });

  it('finds one cookie in a Cookie header', () => {
    expect(cookieValue('a=1; ruche_oidc=x%2Ey; b=2', 'ruche_oidc')).toBe('x.y');
    expect(cookieValue('a=1', 'ruche_oidc')).toBeUndefined();
    expect(cookieValue(undefined, 'ruche_oidc')).toBeUndefined();
  });
});

describe('claims to a person', () => {
  const oidc = (over: Partial<OidcConfig> = {}): OidcConfig => ({
    issuer: 'https://idp.example',
    clientId: 'c',
    clientSecret: 's',
    allowedDomains: [],
    claims: DEFAULT_OIDC_CLAIMS,
    scopes: 'openid',
    trustEmail: false,
    clockToleranceSeconds: 60,
    redirectUri: undefined,
    postLogoutRedirectUri: undefined,
    timeoutMs: 1000,
    ...over,
  });

  it('maps through OIDC_CLAIMS, lower-cases the email, cleans and bounds text', () => {
    const person = mapClaims(oidc({ claims: { ...DEFAULT_OIDC_CLAIMS, title: 'jobTitle' } }), {
      email: ' Ann@Corp.Example ',
      email_verified: true,
      name: 'Ann\u0000 Lee',
      department: 'd'.repeat(150),
      jobTitle: 'Chief',
    });
    expect(person).toEqual({
      email: 'ann@corp.example',
      emailVerified: true,
      displayName: 'Ann  Lee',
      department: 'd'.repeat(100),
      title: 'Chief',
    });
  });

  it('trusts an absent email_verified only when told to, and a false one never', () => {
    expect(mapClaims(oidc(), { email: 'a@corp.example' }).emailVerified).toBe(false);
    expect(mapClaims(oidc({ trustEmail: true }), { email: 'a@corp.example' }).emailVerified).toBe(true);
    expect(mapClaims(oidc({ trustEmail: true }), { email: 'a@corp.example', email_verified: false }).emailVerified).toBe(false);
  });

  it('has no email for a malformed one, and a name from given and family names', () => {
    expect(mapClaims(oidc(), { email: 'not an email', given_name: 'Ann', family_name: 'Lee' })).toMatchObject({
      email: null,
      displayName: 'Ann Lee',
    });
  });
});

describe('sign-in settings', () => {
  it('refuses what cannot work', () => {
    expect(() => loadSignInConfig({ RUCHE_SIGNUP: 'closed' })).toThrow(/RUCHE_SIGNUP/);
    expect(() => loadSignInConfig({ RUCHE_SIGNUP: 'domains' })).toThrow(/RUCHE_SIGNUP_DOMAINS/);
    expect(() => loadSignInConfig({ AUTH_PASSWORD: 'off' })).toThrow(/OIDC_ISSUER/);
    expect(() => loadSignInConfig({ OIDC_ISSUER: 'http://idp.example', OIDC_CLIENT_ID: 'c', OIDC_CLIENT_SECRET: 's' })).toThrow(
      /https/,
    );
    expect(() => loadSignInConfig({ OIDC_ISSUER: 'https://idp.example', OIDC_CLIENT_ID: 'c' })).toThrow(/OIDC_CLIENT_SECRET/);
    expect(() =>
      loadSignInConfig({
        OIDC_ISSUER: 'https://idp.example',
        OIDC_CLIENT_ID: 'c',
        OIDC_CLIENT_SECRET: 's',
        OIDC_CLAIMS: '{"mail":"x"}',
      }),
    ).toThrow(/unknown field "mail"/);
  });

  it('reads domains and defaults', () => {
    const config = loadSignInConfig({ RUCHE_SIGNUP: 'domains', RUCHE_SIGNUP_DOMAINS: 'Corp.example, @sub.corp.example' });
    expect(config).toMatchObject({
      passwordLogin: true,
      signup: 'domains',
      signupDomains: ['corp.example', 'sub.corp.example'],
      oidc: undefined,
    });
  });
});

describe('the breached-password list', () => {
  it('knows common passwords whatever their case, and not a passphrase', () => {
    expect(isBreachedPassword('password')).toBe(true);
    expect(isBreachedPassword('QWERTY123456')).toBe(true);
    expect(isBreachedPassword('correct horse battery')).toBe(false);
  });
});
