import { startTestOidcProvider, TEST_CLIENT_ID, TEST_CLIENT_SECRET, type TestOidcProvider } from '../support/oidc-provider.js';
import { expectVisible, HOME_COMPOSER, useBrowserHarness } from './harness.js';

/**
 * Single sign-on in Chromium (#15): the sign-in page offers "Sign in with SSO" because the api
 * says OIDC is on; the button leads to the real provider (`oidc-provider` on loopback), whose
 * login form sends the browser back through Ruche's callback to the web app, signed in. Signing
 * out ends the provider's session too (RP-initiated logout) and lands on the sign-in page.
 */

let idp: TestOidcProvider | undefined;
// Filled before the harness starts the app (hooks run in the order they are declared).
const env: Record<string, string> = {};
beforeAll(async () => {
  idp = await startTestOidcProvider();
  Object.assign(env, {
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: TEST_CLIENT_ID,
    OIDC_CLIENT_SECRET: TEST_CLIENT_SECRET,
    OIDC_ALLOWED_DOMAINS: 'corp.example',
  });
});
const h = useBrowserHarness(env);
beforeAll(() => idp!.register(h.t.url));
afterAll(() => idp?.close());

describe('single sign-on (browser)', () => {
  it('signs in with SSO from the sign-in page, creating the account, then signs out at the provider too', () =>
    h.scenario('oidc-sign-in', async () => {
      idp!.accounts.set('ines-sub', { email: 'ines@corp.example', email_verified: true, name: 'Inès Martin', department: 'Legal' });
      const page = await h.newPage();
      await page.goto('/');
      await page.waitForURL('**/signin');
      await page.getByRole('link', { name: 'Sign in with SSO' }).click();

      // The provider's own page.
      await page.waitForURL(`${idp!.issuer}/**`);
      await page.getByLabel('Username').fill('ines-sub');
      await page.getByRole('button', { name: 'Sign in' }).click();

      // Back in Ruche, signed in as the person the provider vouched for; no code or token left in the address.
      await expectVisible(page, page.getByRole('textbox', { name: HOME_COMPOSER }));
      expect(new URL(page.url()).pathname).toBe('/');
      expect(page.url()).not.toContain('code=');
      const [account] = await h.t.sql<{ display_name: string }>(`SELECT display_name FROM users WHERE email = 'ines@corp.example'`);
      expect(account.display_name).toBe('Inès Martin');

      // Sign out: Ruche's session ends, then the provider's (its confirmation), then back to sign-in.
      await page.getByRole('button', { name: 'Sign out' }).click();
      await page.waitForURL(`${idp!.issuer}/**`);
      await page.getByRole('button', { name: 'Yes, sign me out' }).click();
      await page.waitForURL('**/signin');
      await page.getByRole('link', { name: 'Sign in with SSO' }).waitFor();
    }));
});
