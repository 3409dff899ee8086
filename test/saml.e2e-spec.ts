import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { registerUser, type TestUser } from './factories/user.factory.js';
import {
  assertionXml,
  type AssertionInput,
  idpMetadataXml,
  makeKeyPair,
  newId,
  readAuthnRequest,
  responseXml,
  sign,
  type TestKeyPair,
} from './support/saml-idp.js';
import { expectSsoSession } from './support/sso-flow.js';
import { startTestApp, type TestApp } from './support/test-app.js';

const SP_ENTITY_ID = 'https://ruche.test/saml/sp';
const IDP_ENTITY_ID = 'https://idp.test/saml/idp';
const IDP_SSO_URL = 'https://idp.test/saml/sso';
const ASSERTION_XPATH = "//*[local-name(.)='Assertion']";

/**
 * SAML single sign-on (#15) against an identity provider played by the test: its key and
 * certificate made by openssl, its Responses built and signed here with xml-crypto. Every trip is
 * real HTTP: the login redirect (its AuthnRequest read back), the form post to the ACS, the
 * one-time code exchanged for tokens. Every refusal is checked to write no account and no link.
 */
describe('single sign-on with SAML', () => {
  let idp: TestKeyPair;
  let stranger: TestKeyPair;
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    idp = makeKeyPair('test-idp');
    stranger = makeKeyPair('not-the-idp');
    t = await startTestApp({
      SAML_ISSUER: SP_ENTITY_ID,
      SAML_ENTRY_POINT: IDP_SSO_URL,
      SAML_IDP_CERT: idp.cert,
      SAML_IDP_ISSUER: IDP_ENTITY_ID,
      SAML_ALLOWED_DOMAINS: 'corp.example',
      SAML_ATTRIBUTES: JSON.stringify({ name: 'displayName', department: 'department', title: 'jobTitle' }),
      // Lets one test arrive "over https" (X-Forwarded-Proto), where the login binds the browser with a cookie.
      TRUST_PROXY: '1',
    });
    admin = await registerUser(t, { email: 'admin@corp.example', displayName: 'Admin' });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
  });

  const count = async (table: 'users' | 'external_identities') =>
    Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const counts = async () => [await count('users'), await count('external_identities')];

  /** The login redirect, read as the provider would: the AuthnRequest and the RelayState. */
  async function startLogin(returnTo?: string) {
    const query = returnTo ? `?returnTo=${encodeURIComponent(returnTo)}` : '';
    const res = await fetch(`${t.url}/api/auth/saml/login${query}`, { redirect: 'manual' });
    expect(res.status).toBe(302);
    return readAuthnRequest(res.headers.get('location')!);
  }

  type Login = Awaited<ReturnType<typeof startLogin>>;

  type Person = Partial<AssertionInput> & { nameId: string; attributes: Record<string, string> };

  /** What the provider asserts about a person in answer to `login`. */
  function assertionFor(login: Login, person: Person): AssertionInput {
    return { issuer: IDP_ENTITY_ID, audience: SP_ENTITY_ID, acs: login.acs, inResponseTo: login.id, ...person };
  }

  /** The provider's answer to `login` for a person, signed on the assertion unless told otherwise. */
  function answer(login: Login, person: Person) {
    const input = assertionFor(login, person);
    return responseXml(input, sign(assertionXml(input), idp, ASSERTION_XPATH));
  }

  /** The browser's form post to the ACS. */
  function post(xml: string, relayState: string) {
    return fetch(`${t.url}/api/auth/saml/acs`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ SAMLResponse: Buffer.from(xml).toString('base64'), RelayState: relayState }),
      redirect: 'manual',
    });
  }

  async function exchange(res: Response) {
    expect(res.status).toBe(303);
    const to = new URL(res.headers.get('location')!, t.url);
    expect(to.pathname).toBe('/sso');
    const exchanged = await t.http.post('/api/auth/oidc/exchange').send({ code: to.searchParams.get('code') });
    expect(exchanged.status).toBe(200);
    return exchanged.body as {
      user: { id: string; email: string; displayName: string };
      accessToken: string;
      endSessionUrl: null;
    };
  }

  async function refused(res: Response, status: number, code: string, message?: RegExp) {
    expect(res.status).toBe(status);
    const body = await res.json();
    expect(body).toMatchObject({ code });
    if (message) expect(body.message).toMatch(message);
  }

  /** A new sign-in answered for `person` (given the login, when it depends on it), refused as sso_failed. */
  async function refusedSignIn(person: Person | ((login: Login) => Person), message?: RegExp) {
    const login = await startLogin();
    const input = typeof person === 'function' ? person(login) : person;
    await refused(await post(answer(login, input), login.relayState), 400, 'sso_failed', message);
  }

  const dana = {
    nameId: 'dana-persistent-id',
    attributes: { email: 'Dana.Lee@corp.example', displayName: 'Dana Lee', department: 'Finance', jobTitle: 'Controller' },
  };

  it('says on the sign-in page that SAML is on', async () => {
    const res = await t.http.get('/api/auth/providers').expect(200);
    expect(res.body).toMatchObject({ password: true, oidc: false, saml: true });
  });

  it('publishes SP metadata: entity ID, the ACS with the POST binding, signed assertions wanted', async () => {
    const res = await fetch(`${t.url}/api/auth/saml/metadata`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/samlmetadata\+xml/);
    const xml = await res.text();
    expect(xml).toContain(`entityID="${SP_ENTITY_ID}"`);
    expect(xml).toContain('WantAssertionsSigned="true"');
    expect(xml).toMatch(
      new RegExp(`Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${t.url}/api/auth/saml/acs"`),
    );
  });

  it('login redirects to the provider with an AuthnRequest, kept in PostgreSQL, and a signed RelayState', async () => {
    const login = await startLogin('/questions');
    expect(`${login.url.origin}${login.url.pathname}`).toBe(IDP_SSO_URL);
    expect(login.id).toMatch(/^_[0-9a-f]{40}$/);
    expect(login.acs).toBe(`${t.url}/api/auth/saml/acs`);
    expect(login.xml).toContain(`<saml:Issuer xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion">${SP_ENTITY_ID}</saml:Issuer>`);
    expect(login.xml).toContain('urn:oasis:names:tc:SAML:2.0:nameid-format:persistent');
    expect(await t.sql('SELECT id FROM saml_requests WHERE id = $1', [login.id])).toEqual([{ id: login.id }]);
    const [body, mac] = login.relayState.split('.');
    expect(mac).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(JSON.parse(Buffer.from(body, 'base64url').toString('utf8'))).toMatchObject({ i: login.id, t: '/questions' });
  });

  it('a valid signed assertion creates the account just in time; a second login reuses it', async () => {
    const before = await counts();
    const login = await startLogin('/questions');
    const res = await post(answer(login, dana), login.relayState);
    expect(new URL(res.headers.get('location')!, t.url).searchParams.get('next')).toBe('/questions');
    const first = await exchange(res);
    expect(first.user).toMatchObject({ email: 'dana.lee@corp.example', displayName: 'Dana Lee' });
    expect(first.endSessionUrl).toBeNull();
    expect(await counts()).toEqual([before[0] + 1, before[1] + 1]);
    await expectSsoSession(t, admin, first, { department: 'Finance', title: 'Controller' });
    expect(await t.sql('SELECT password_hash FROM users WHERE id = $1', [first.user.id])).toEqual([{ password_hash: null }]);
    // The request is spent.
    expect(await t.sql('SELECT id FROM saml_requests WHERE id = $1', [login.id])).toEqual([]);

    const again = await startLogin();
    const second = await exchange(await post(answer(again, dana), again.relayState));
    expect(second.user.id).toBe(first.user.id);
    expect(await counts()).toEqual([before[0] + 1, before[1] + 1]);
    expect(await t.sql('SELECT issuer, subject, email FROM external_identities WHERE user_id = $1', [first.user.id])).toEqual([
      { issuer: IDP_ENTITY_ID, subject: 'dana-persistent-id', email: 'dana.lee@corp.example' },
    ]);
  });

  it('links an existing account by its email, keeping the name its owner chose', async () => {
    const carol = await registerUser(t, { email: 'carol@corp.example', displayName: 'Carol' });
    const login = await startLogin();
    const session = await exchange(
      await post(
        answer(login, { nameId: 'carol-id', attributes: { email: 'carol@corp.example', displayName: 'Carol from IT' } }),
        login.relayState,
      ),
    );
    expect(session.user).toMatchObject({ id: carol.id, displayName: 'Carol' });
    expect(await t.sql('SELECT subject FROM external_identities WHERE user_id = $1', [carol.id])).toEqual([
      { subject: 'carol-id' },
    ]);
    // Her password still works.
    await t.http.post('/api/auth/login').send({ email: carol.email, password: carol.password }).expect(200);
  });

  it('refuses an assertion altered after signing (the email changed), writing nothing', async () => {
    const bob = await registerUser(t, { email: 'bob@corp.example', displayName: 'Bob' });
    const before = await counts();
    const login = await startLogin();
    const genuine = answer(login, {
      nameId: 'mallory-id',
      attributes: { email: 'mallory@corp.example', displayName: 'Mallory' },
    });
    const tampered = genuine.replace('mallory@corp.example', 'bob@corp.example');
    expect(tampered).not.toBe(genuine);
    await refused(await post(tampered, login.relayState), 400, 'sso_failed', /signature/i);
    expect(await counts()).toEqual(before);
    expect(await t.sql('SELECT count(*)::int AS n FROM external_identities WHERE user_id = $1', [bob.id])).toEqual([{ n: 0 }]);
  });

  it('refuses signature wrapping: an unsigned assertion beside the signed one, or in its place with the signed one tucked away', async () => {
    const before = await counts();
    const login = await startLogin();
    const base = assertionFor(login, { nameId: 'eve-id', attributes: { email: 'eve@corp.example' } });
    const signed = sign(assertionXml(base), idp, ASSERTION_XPATH);
    const evil = assertionXml({ ...base, nameId: 'admin-id', attributes: { email: 'admin@corp.example' } });
    // Beside it, before or after.
    await refused(await post(responseXml(base, evil, signed), login.relayState), 400, 'sso_failed');
    await refused(await post(responseXml(base, signed, evil), login.relayState), 400, 'sso_failed');
    // In its place, the signed assertion moved into an Extensions element (the classic XSW shapes).
    const tucked = responseXml(base, evil).replace(
      '<samlp:Status>',
      `<samlp:Extensions>${signed}</samlp:Extensions><samlp:Status>`,
    );
    await refused(await post(tucked, login.relayState), 400, 'sso_failed');
    // Inside the evil assertion.
    const nested = evil.replace('</saml:Assertion>', `${signed}</saml:Assertion>`);
    await refused(await post(responseXml(base, nested), login.relayState), 400, 'sso_failed');
    expect(await counts()).toEqual(before);
    // None of these spent the request: the genuine Response still signs Eve in.
    const eve = await exchange(await post(responseXml(base, signed), login.relayState));
    expect(eve.user.email).toBe('eve@corp.example');
  });

  it('refuses an unsigned assertion, and one signed by another key', async () => {
    const before = await counts();
    const login = await startLogin();
    const input = assertionFor(login, { nameId: 'frank-id', attributes: { email: 'frank@corp.example' } });
    await refused(await post(responseXml(input, assertionXml(input)), login.relayState), 400, 'sso_failed', /signature/i);
    await refused(
      await post(responseXml(input, sign(assertionXml(input), stranger, ASSERTION_XPATH)), login.relayState),
      400,
      'sso_failed',
      /signature/i,
    );
    // A signed Response whose assertion is unsigned: the assertion itself must be signed.
    const responseOnly = sign(responseXml(input, assertionXml(input)), idp, "/*[local-name(.)='Response']");
    await refused(await post(responseOnly, login.relayState), 400, 'sso_failed', /signature/i);
    expect(await counts()).toEqual(before);
  });

  it('refuses a wrong audience, a wrong recipient, a wrong destination, a wrong issuer', async () => {
    const before = await counts();
    const frank = { nameId: 'frank-id', attributes: { email: 'frank@corp.example' } };
    await refusedSignIn({ ...frank, audience: 'https://other-sp.test' }, /audience/i);
    await refusedSignIn(
      (login) => ({ ...frank, acs: 'https://other-sp.test/acs', destination: login.acs }),
      /subject confirmation/,
    );
    await refusedSignIn({ ...frank, destination: 'https://other-sp.test/acs' }, /is for/);
    await refusedSignIn({ ...frank, issuer: 'https://evil-idp.test' }, /issuer/);
    expect(await counts()).toEqual(before);
  });

  it('refuses an expired assertion, and one issued too long ago', async () => {
    const before = await counts();
    const frank = { nameId: 'frank-id', attributes: { email: 'frank@corp.example' } };
    // Past NotOnOrAfter by more than the 30 s of skew.
    await refusedSignIn({ ...frank, issuedInMs: -5 * 60_000, expiresInMs: -60_000 }, /subject confirmation/);
    // Not yet valid (NotBefore two minutes ahead).
    await refusedSignIn({ ...frank, issuedInMs: 2 * 60_000 }, /subject confirmation|not yet valid/);
    // Issued 15 minutes ago with a generous NotOnOrAfter: older than any login may take (10 minutes).
    await refusedSignIn({ ...frank, issuedInMs: -15 * 60_000, expiresInMs: 60 * 60_000 });
    expect(await counts()).toEqual(before);
  });

  it('accepts a clock 20 seconds behind (within the skew)', async () => {
    const login = await startLogin();
    const session = await exchange(
      await post(
        answer(login, { nameId: 'gina-id', attributes: { email: 'gina@corp.example' }, issuedInMs: 20_000 }),
        login.relayState,
      ),
    );
    expect(session.user.email).toBe('gina@corp.example');
  });

  it('refuses a replay: the same Response again, or the same assertion in another sign-in', async () => {
    const login = await startLogin();
    const assertionId = newId();
    const xml = answer(login, { nameId: 'hank-id', attributes: { email: 'hank@corp.example' }, assertionId });
    await exchange(await post(xml, login.relayState));
    const before = await counts();
    await refused(await post(xml, login.relayState), 400, 'sso_failed', /InResponseTo|already used/);
    // A fresh sign-in whose Response carries the assertion ID already used.
    const next = await startLogin();
    await refused(
      await post(answer(next, { nameId: 'hank-id', attributes: { email: 'hank@corp.example' }, assertionId }), next.relayState),
      400,
      'sso_failed',
      /assertion was already used/,
    );
    expect(await counts()).toEqual(before);
  });

  it('refuses an unknown InResponseTo, a missing or altered RelayState, and a Response for another sign-in', async () => {
    const before = await counts();
    const ivy = { nameId: 'ivy-id', attributes: { email: 'ivy@corp.example' } };
    const login = await startLogin();
    // A request this service never sent (IdP-initiated or forged).
    await refused(
      await post(answer(login, { ...ivy, inResponseTo: newId() }), login.relayState),
      400,
      'sso_failed',
      /InResponseTo/,
    );
    await refused(await post(answer(login, ivy), ''), 400, 'sso_failed', /not started here/);
    const [body, mac] = login.relayState.split('.');
    const altered = Buffer.from(
      JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), t: '/elsewhere' }),
    ).toString('base64url');
    await refused(await post(answer(login, ivy), `${altered}.${mac}`), 400, 'sso_failed', /not started here/);
    // Another browser's sign-in: its own request id, but this browser's RelayState.
    const other = await startLogin();
    await refused(await post(answer(other, ivy), login.relayState), 400, 'sso_failed', /subject confirmation|InResponseTo/);
    expect(await counts()).toEqual(before);
  });

  it('over https, binds the sign-in to the browser that started it (a Response posted from another browser is refused)', async () => {
    const https = { 'x-forwarded-proto': 'https' };
    const res = await fetch(`${t.url}/api/auth/saml/login`, { redirect: 'manual', headers: https });
    expect(res.status).toBe(302);
    const cookie = res.headers.getSetCookie().join('\n');
    expect(cookie).toMatch(
      /^ruche_saml=[A-Za-z0-9_-]{24}; Path=\/api\/auth\/saml; HttpOnly; Secure; SameSite=None; Max-Age=600$/,
    );
    const value = cookie.slice('ruche_saml='.length, cookie.indexOf(';'));
    const login = readAuthnRequest(res.headers.get('location')!);
    expect(login.acs).toMatch(/^https:\/\/.*\/api\/auth\/saml\/acs$/);
    expect(JSON.parse(Buffer.from(login.relayState.split('.')[0], 'base64url').toString('utf8')).b).toMatch(
      /^[A-Za-z0-9_-]{22}$/,
    );
    const xml = answer(login, { nameId: 'mo-id', attributes: { email: 'mo@corp.example' } });
    const postFrom = (cookieHeader?: string) =>
      fetch(`${t.url}/api/auth/saml/acs`, {
        method: 'POST',
        headers: {
          ...https,
          'content-type': 'application/x-www-form-urlencoded',
          ...(cookieHeader ? { cookie: cookieHeader } : {}),
        },
        body: new URLSearchParams({ SAMLResponse: Buffer.from(xml).toString('base64'), RelayState: login.relayState }),
        redirect: 'manual',
      });
    const before = await counts();
    await refused(await postFrom(), 400, 'sso_failed', /another browser/);
    await refused(await postFrom(`ruche_saml=${'x'.repeat(24)}`), 400, 'sso_failed', /another browser/);
    expect(await counts()).toEqual(before);
    const ok = await postFrom(`ruche_saml=${value}`);
    expect(ok.headers.getSetCookie().join('\n')).toMatch(/^ruche_saml=; Path=\/api\/auth\/saml;.*Max-Age=0$/);
    expect((await exchange(ok)).user.email).toBe('mo@corp.example');
  });

  it('refuses an email outside SAML_ALLOWED_DOMAINS, a transient NameID, and no email, writing nothing', async () => {
    const before = await counts();
    let login = await startLogin();
    await refused(
      await post(answer(login, { nameId: 'x-id', attributes: { email: 'x@elsewhere.example' } }), login.relayState),
      403,
      'sso_domain_not_allowed',
    );
    login = await startLogin();
    await refused(
      await post(
        answer(login, {
          nameId: newId(),
          nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient',
          attributes: { email: 'jo@corp.example' },
        }),
        login.relayState,
      ),
      400,
      'sso_failed',
      /transient/,
    );
    await refusedSignIn({ nameId: 'y-id', attributes: { displayName: 'No Email' } }, /email/);
    expect(await counts()).toEqual(before);
  });

  it('refuses a deactivated account, by link and by email', async () => {
    const kim = await registerUser(t, { email: 'kim@corp.example', displayName: 'Kim' });
    await t.http
      .put(`/api/admin/users/${kim.id}/deactivation`)
      .set('Authorization', admin.auth)
      .send({ deactivated: true })
      .expect(200);
    const before = await counts();
    const login = await startLogin();
    await refused(
      await post(answer(login, { nameId: 'kim-id', attributes: { email: 'kim@corp.example' } }), login.relayState),
      401,
      'account_suspended',
    );
    // Nothing linked either: the refusal rolled the link back.
    expect(await counts()).toEqual(before);
  });

  it('takes the same Response posted 25 times at once (beyond the pool) exactly once', async () => {
    const login = await startLogin();
    const xml = answer(login, { nameId: 'lee-id', attributes: { email: 'lee@corp.example' } });
    const before = await counts();
    const results = await Promise.all(Array.from({ length: 25 }, () => post(xml, login.relayState)));
    const statuses = results.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 303)).toHaveLength(1);
    expect(statuses.filter((s) => s !== 303).every((s) => s === 400)).toBe(true);
    expect(await counts()).toEqual([before[0] + 1, before[1] + 1]);
  });

  it('refuses a malformed ACS post with a 400', async () => {
    const res = await fetch(`${t.url}/api/auth/saml/acs`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ SAMLResponse: 'not base64 <xml>' }),
      redirect: 'manual',
    });
    expect(res.status).toBe(400);
    const garbage = await post('<notxml', (await startLogin()).relayState);
    expect(garbage.status).toBe(400);
  });
});

describe('SAML with the provider’s metadata (SAML_METADATA_URL)', () => {
  let idp: TestKeyPair;
  let server: Server;
  let t: TestApp;
  let metadataReads = 0;

  beforeAll(async () => {
    idp = makeKeyPair('metadata-idp');
    server = createServer((req, res) => {
      metadataReads++;
      res.writeHead(200, { 'content-type': 'application/samlmetadata+xml' }).end(idpMetadataXml(IDP_ENTITY_ID, IDP_SSO_URL, idp));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    t = await startTestApp({
      SAML_ISSUER: SP_ENTITY_ID,
      SAML_METADATA_URL: `http://127.0.0.1:${port}/metadata`,
      AUTH_PASSWORD: 'off',
    });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it('takes the entry point, certificate and issuer from the metadata, and signs people in with SAML only', async () => {
    expect((await t.http.get('/api/auth/providers').expect(200)).body).toMatchObject({
      password: false,
      oidc: false,
      saml: true,
    });
    const res = await fetch(`${t.url}/api/auth/saml/login`, { redirect: 'manual' });
    const login = readAuthnRequest(res.headers.get('location')!);
    expect(`${login.url.origin}${login.url.pathname}`).toBe(IDP_SSO_URL);
    const input: AssertionInput = {
      issuer: IDP_ENTITY_ID,
      audience: SP_ENTITY_ID,
      acs: login.acs,
      inResponseTo: login.id,
      nameId: 'meta-id',
      attributes: { email: 'meta@corp.example' },
    };
    const form = (xml: string) =>
      fetch(`${t.url}/api/auth/saml/acs`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ SAMLResponse: Buffer.from(xml).toString('base64'), RelayState: login.relayState }),
        redirect: 'manual',
      });
    // The metadata's issuer is enforced.
    const wrongIssuer = { ...input, issuer: 'https://evil-idp.test' };
    expect((await form(responseXml(wrongIssuer, sign(assertionXml(wrongIssuer), idp, ASSERTION_XPATH)))).status).toBe(400);
    const ok = await form(responseXml(input, sign(assertionXml(input), idp, ASSERTION_XPATH)));
    expect(ok.status).toBe(303);
    const code = new URL(ok.headers.get('location')!, t.url).searchParams.get('code');
    const session = await t.http.post('/api/auth/oidc/exchange').send({ code }).expect(200);
    expect(session.body.user.email).toBe('meta@corp.example');
    // Read once, then cached.
    expect(metadataReads).toBe(1);
  });
});
