import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assertionXml, makeKeyPair, readAuthnRequest, responseXml, sign, type TestKeyPair } from '../support/saml-idp.js';
import { expectVisible, HOME_COMPOSER, useBrowserHarness } from './harness.js';

/**
 * SAML single sign-on in Chromium (#15): the sign-in page offers "Sign in with SAML SSO" because
 * the api says SAML is on; the button leads (HTTP-Redirect) to an identity provider played by the
 * test on loopback, whose page posts a signed Response back to Ruche's ACS as a real form
 * (HTTP-POST binding), and the web app ends signed in, on the page the login started from.
 */

const IDP_ENTITY_ID = 'https://idp.test/saml/idp';
const SP_ENTITY_ID = 'https://ruche.test/saml/sp';
let idp: TestKeyPair;
let server: Server | undefined;
const env: Record<string, string> = {};

const escape = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

beforeAll(async () => {
  idp = makeKeyPair('browser-idp');
  // The provider's single sign-on page: reads the AuthnRequest and answers for one person with a
  // self-posting form, as real providers do once their user has signed in.
  server = createServer((req, res) => {
    // Only the single sign-on URL (the browser also asks for /favicon.ico).
    if (!req.url?.startsWith('/sso?')) return void res.writeHead(404).end();
    const login = readAuthnRequest(`http://127.0.0.1${req.url}`);
    const input = {
      issuer: IDP_ENTITY_ID,
      audience: SP_ENTITY_ID,
      acs: login.acs,
      inResponseTo: login.id,
      nameId: 'noor-persistent',
      attributes: { email: 'noor@corp.example', displayName: 'Noor Haddad', department: 'Research' },
    };
    const samlResponse = Buffer.from(
      responseXml(input, sign(assertionXml(input), idp, "//*[local-name(.)='Assertion']")),
    ).toString('base64');
    res
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(
        `<!doctype html><title>Test IdP</title><form method="post" action="${escape(login.acs)}">` +
          `<input type="hidden" name="SAMLResponse" value="${escape(samlResponse)}">` +
          `<input type="hidden" name="RelayState" value="${escape(login.relayState)}">` +
          `<button type="submit">Continue to Ruche</button></form>`,
      );
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  Object.assign(env, {
    SAML_ISSUER: SP_ENTITY_ID,
    SAML_ENTRY_POINT: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sso`,
    SAML_IDP_CERT: idp.cert,
    SAML_IDP_ISSUER: IDP_ENTITY_ID,
  });
});
const h = useBrowserHarness(env);
afterAll(() => new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined))));

describe('SAML single sign-on (browser)', () => {
  it(
    'signs in with SAML from the sign-in page, creating the account, back on the page asked for',
    () =>
      h.scenario('saml-sign-in', async () => {
        const page = await h.newPage();
        // A page behind sign-in: the sign-in page remembers it, and SAML carries it through the provider.
        await page.goto('/questions');
        await page.waitForURL('**/signin');
        await page.getByRole('link', { name: 'Sign in with SAML SSO' }).click();

        // The provider's page, then its form post to the ACS.
        await page.getByRole('button', { name: 'Continue to Ruche' }).click();

        await page.waitForURL('**/questions');
        expect(page.url()).not.toContain('code=');
        await page.goto('/');
        await expectVisible(page, page.getByRole('textbox', { name: HOME_COMPOSER }));
        const [account] = await h.t.sql<{ display_name: string }>(
          `SELECT display_name FROM users WHERE email = 'noor@corp.example'`,
        );
        expect(account.display_name).toBe('Noor Haddad');
      }),
    90_000,
  );
});
