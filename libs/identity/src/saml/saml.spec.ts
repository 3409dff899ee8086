import { DEFAULT_SAML_ATTRIBUTES, loadSignInConfig } from '@ruche/platform';
import { parseIdpMetadata } from './idp-metadata.js';
import { browserBinding, readRelayState, safeReturnPath, signRelayState } from './relay-state.js';
import { mapAttributes } from './saml-attributes.js';

const SECRET = 'a-secret-that-is-long-enough-for-the-tests';
const CERT_BODY = `MIIC${'A'.repeat(120)}`;

describe('the SAML RelayState', () => {
  const state = { requestId: '_abc', returnTo: '/questions', expiresAt: 2_000, binding: null };

  it('reads back what it signed, until it expires', () => {
    const relay = signRelayState(SECRET, state);
    expect(readRelayState(SECRET, relay, 1_000)).toEqual(state);
    expect(readRelayState(SECRET, relay, 2_000)).toBeNull();
  });

  it('carries the browser binding when there is one', () => {
    const bound = { ...state, binding: browserBinding('cookie-value') };
    expect(readRelayState(SECRET, signRelayState(SECRET, bound), 1_000)).toEqual(bound);
    expect(browserBinding('cookie-value')).not.toBe(browserBinding('other-value'));
  });

  it('refuses an altered body, a foreign key, or garbage', () => {
    const [, mac] = signRelayState(SECRET, state).split('.');
    const altered = Buffer.from(JSON.stringify({ i: '_other', t: '/', e: 2_000 })).toString('base64url');
    expect(readRelayState(SECRET, `${altered}.${mac}`, 1_000)).toBeNull();
    expect(readRelayState(`${SECRET}!`, signRelayState(SECRET, state), 1_000)).toBeNull();
    for (const junk of [undefined, '', 'x', 'a.b.c', 42, 'x'.repeat(2000)])
      expect(readRelayState(SECRET, junk, 1_000)).toBeNull();
  });

  it('returns only to a path on this site', () => {
    expect(safeReturnPath('/questions?tab=open')).toBe('/questions?tab=open');
    for (const away of [
      '//evil.example',
      '/\\evil.example',
      'https://evil.example',
      'questions',
      '/a\nb',
      '/a\\b',
      `/${'a'.repeat(300)}`,
      7,
    ])
      expect(safeReturnPath(away)).toBe('/');
  });
});

describe('SAML attributes to a person', () => {
  it('maps through SAML_ATTRIBUTES, takes the first of several values, lower-cases the email, bounds text', () => {
    const mapping = { ...DEFAULT_SAML_ATTRIBUTES, title: 'http://schemas.example/jobtitle' };
    expect(
      mapAttributes(mapping, {
        email: ['Ann@Corp.Example', 'ann.lee@corp.example'],
        displayName: 'Ann\u0000 Lee',
        department: 'd'.repeat(150),
        'http://schemas.example/jobtitle': 'Chief',
      }),
    ).toEqual({
      email: 'ann@corp.example',
      emailVerified: true,
      displayName: 'Ann  Lee',
      department: 'd'.repeat(100),
      title: 'Chief',
    });
  });

  it('has no email for a malformed one, and a name from given name and surname', () => {
    expect(mapAttributes(DEFAULT_SAML_ATTRIBUTES, { email: 'not an email', givenName: 'Ann', sn: 'Lee' })).toMatchObject({
      email: null,
      emailVerified: false,
      displayName: 'Ann Lee',
    });
  });
});

describe('SAML settings', () => {
  const base = {
    SAML_ISSUER: 'https://ruche.example/saml',
    SAML_ENTRY_POINT: 'https://idp.example/sso',
    SAML_IDP_CERT: CERT_BODY,
  };

  it('refuses what cannot work', () => {
    expect(() => loadSignInConfig({ SAML_ENTRY_POINT: 'https://idp.example/sso' })).toThrow(/needs SAML_ISSUER/);
    expect(() => loadSignInConfig({ SAML_ISSUER: 'x', SAML_IDP_CERT: CERT_BODY })).toThrow(/SAML_ENTRY_POINT/);
    expect(() => loadSignInConfig({ SAML_ISSUER: 'x', SAML_ENTRY_POINT: 'https://idp.example/sso' })).toThrow(/SAML_IDP_CERT/);
    expect(() => loadSignInConfig({ ...base, SAML_ENTRY_POINT: 'http://idp.example/sso' })).toThrow(/https/);
    expect(() => loadSignInConfig({ ...base, SAML_IDP_CERT: 'not a certificate' })).toThrow(/SAML_IDP_CERT/);
    expect(() => loadSignInConfig({ ...base, SAML_ATTRIBUTES: '{"mail":"x"}' })).toThrow(/unknown field "mail"/);
    expect(() => loadSignInConfig({ ...base, SAML_CLOCK_SKEW_SECONDS: '3600' })).toThrow(/SAML_CLOCK_SKEW_SECONDS/);
  });

  it('reads certificates as PEM or base64 (with escaped newlines), domains and defaults; SAML alone allows AUTH_PASSWORD=off', () => {
    const pem = `-----BEGIN CERTIFICATE-----\\n${CERT_BODY}\\n-----END CERTIFICATE-----`;
    const config = loadSignInConfig({ ...base, SAML_IDP_CERT: pem, SAML_ALLOWED_DOMAINS: 'Corp.example', AUTH_PASSWORD: 'off' });
    expect(config.passwordLogin).toBe(false);
    expect(config.saml).toMatchObject({
      issuer: 'https://ruche.example/saml',
      allowedDomains: ['corp.example'],
      attributes: DEFAULT_SAML_ATTRIBUTES,
      clockSkewSeconds: 30,
      wantResponseSigned: false,
      nameIdFormat: 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
    });
    expect(config.saml!.idpCerts).toHaveLength(1);
    expect(config.saml!.idpCerts[0]).toMatch(/^-----BEGIN CERTIFICATE-----\nMIIC/);
    expect(loadSignInConfig({ ...base, SAML_IDP_CERT: `${CERT_BODY},${CERT_BODY}` }).saml!.idpCerts).toHaveLength(2);
    expect(loadSignInConfig({}).saml).toBeUndefined();
    // The metadata URL stands in for the entry point and certificate.
    expect(loadSignInConfig({ SAML_ISSUER: 'x', SAML_METADATA_URL: 'https://idp.example/metadata' }).saml?.metadataUrl).toBe(
      'https://idp.example/metadata',
    );
  });
});

describe('identity provider metadata', () => {
  const xml = (descriptors: string) =>
    `<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.example/e">` +
    `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">${descriptors}</md:IDPSSODescriptor></md:EntityDescriptor>`;
  const key = (use: string) =>
    `<md:KeyDescriptor${use}><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${CERT_BODY}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>`;

  it('reads the entity ID, the redirect SSO URL and the signing certificates', () => {
    const parsed = parseIdpMetadata(
      xml(
        key(' use="signing"') +
          key(' use="encryption"') +
          key('') +
          '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example/post"/>' +
          '<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example/redirect"/>',
      ),
    );
    expect(parsed.entityId).toBe('https://idp.example/e');
    expect(parsed.entryPoint).toBe('https://idp.example/redirect');
    expect(parsed.certs).toHaveLength(2);
  });

  it('refuses what is not IdP metadata', () => {
    expect(() => parseIdpMetadata('<not xml')).toThrow();
    expect(() => parseIdpMetadata('<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata"/>')).toThrow(
      /IDPSSODescriptor/,
    );
  });
});
