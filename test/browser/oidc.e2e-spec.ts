import { startTestOidcProvider, TEST_CLIENT_ID, TEST_CLIENT_SECRET, type TestOidcProvider } from '../support/oidc-provider.js';
import { registerUser } from '../factories/user.factory.js';
import { expectVisible, HOME_COMPOSER, signIn, useBrowserHarness } from './harness.js';

/**
 * Single sign-on in Chromium (#15): the sign-in page offers "Sign in with SSO" because the api
 * says OIDC is on; the button leads to the real provider (`oidc-provider` on loopback), whose
 * login form sends the browser back through Ruche's callback to the web app, signed in. Signing
 * out ends the provider's session too (RP-initiated logout) and lands on the sign-in page. An
 * admin's invitations page (the open sign-up warning, a link that registers the invited person).
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
  it(
    'signs in with SSO from the sign-in page, creating the account, then signs out at the provider too',
    () =>
      h.scenario('oidc-sign-in', async () => {
        idp!.accounts.set('ines-sub', {
          email: 'ines@corp.example',
          email_verified: true,
          name: 'Inès Martin',
          department: 'Legal',
        });
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
        const [account] = await h.t.sql<{ display_name: string }>(
          `SELECT display_name FROM users WHERE email = 'ines@corp.example'`,
        );
        expect(account.display_name).toBe('Inès Martin');

        // Sign out: Ruche's session ends, then the provider's (its confirmation), then back to sign-in.
        await page.getByRole('button', { name: 'Sign out' }).click();
        await page.waitForURL(`${idp!.issuer}/**`);
        await page.getByRole('button', { name: 'Yes, sign me out' }).click();
        await page.waitForURL('**/signin');
        await page.getByRole('link', { name: 'Sign in with SSO' }).waitFor();
      }),
    90_000,
  );

  it(
    'an admin sees the open sign-up warning, invites someone whose link registers them, and revokes another',
    () =>
      h.scenario('invitations-admin', async () => {
        const admin = await registerUser(h.t, { email: 'root@corp.example', displayName: 'Root Admin' });
        // The first account (the SSO test's) is the admin; this one is made one too.
        await h.t.sql(`UPDATE users SET roles = '{employee,admin}' WHERE id = $1`, [admin.id]);
        const page = await h.newPage();
        await signIn(page, admin);
        await page.goto('/manage/invitations');
        await page.getByRole('note').filter({ hasText: 'Sign-up is open' }).waitFor();

        await page.getByLabel('Work email').fill('newbie@corp.example');
        await page.getByRole('button', { name: 'Create invitation' }).click();
        const link = await page.getByLabel('Invitation link').inputValue();
        expect(link).toContain('/register?invitation=');
        await page.getByRole('cell', { name: 'newbie@corp.example', exact: true }).waitFor();

        // The invited person opens the link: the address is filled in and the invitation is used.
        const invited = await h.newPage();
        await invited.goto(new URL(link).pathname + new URL(link).search);
        await invited.getByText('You were invited').waitFor();
        expect(await invited.getByLabel('Work email').inputValue()).toBe('newbie@corp.example');
        await invited.getByLabel('Full name').fill('New Colleague');
        await invited.getByLabel('Password').fill('a long invited passphrase');
        await invited.getByRole('button', { name: 'Create account' }).click();
        await expectVisible(invited, invited.getByRole('textbox', { name: HOME_COMPOSER }));

        await page.getByLabel('Work email').fill('maybe@corp.example');
        await page.getByRole('button', { name: 'Create invitation' }).click();
        await page.getByRole('button', { name: 'Revoke the invitation for maybe@corp.example' }).click();
        await page.getByRole('row').filter({ hasText: 'maybe@corp.example' }).getByText('Revoked').waitFor();
        await page.reload();
        await page.getByRole('row').filter({ hasText: 'newbie@corp.example' }).getByText('Used').waitFor();
      }),
    90_000,
  );
});
