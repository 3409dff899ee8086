import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { inflateRawSync } from 'node:zlib';
import { SignedXml } from 'xml-crypto';

/** A key pair and its self-signed certificate, made by `openssl` for this test run only. */
export interface TestKeyPair {
  key: string;
  cert: string;
  /** The certificate's base64 body (what SAML_IDP_CERT and metadata carry). */
  certBody: string;
}

export function makeKeyPair(commonName: string): TestKeyPair {
  const dir = mkdtempSync(join(tmpdir(), 'ruche-saml-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-sha256',
        '-days',
        '2',
        '-subj',
        `/CN=${commonName}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
      { stdio: 'ignore' },
    );
    const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
    return {
      key: readFileSync(join(dir, 'key.pem'), 'utf8'),
      cert,
      certBody: cert.replace(/-----(BEGIN|END) CERTIFICATE-----/g, '').replace(/\s+/g, ''),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const escape = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const instant = (offsetMs: number) => new Date(Date.now() + offsetMs).toISOString();
export const newId = () => `_${randomBytes(16).toString('hex')}`;

/** What the test IdP puts in one assertion; each field can be bent to test a refusal. */
export interface AssertionInput {
  issuer: string;
  /** The SP's entity ID, as the audience. */
  audience: string;
  /** The SP's ACS, as Recipient and Destination. */
  acs: string;
  inResponseTo: string;
  nameId: string;
  nameIdFormat?: string;
  attributes: Record<string, string>;
  assertionId?: string;
  /** Milliseconds from now: when the assertion stops being valid (default +5 minutes). */
  expiresInMs?: number;
  /** Milliseconds from now: when it was issued (default -1 second). */
  issuedInMs?: number;
  destination?: string | null;
}

export function assertionXml(input: AssertionInput): string {
  const until = instant(input.expiresInMs ?? 5 * 60_000);
  const issued = instant(input.issuedInMs ?? -1000);
  const attributes = Object.entries(input.attributes)
    .map(
      ([name, value]) =>
        `<saml:Attribute Name="${escape(name)}"><saml:AttributeValue>${escape(value)}</saml:AttributeValue></saml:Attribute>`,
    )
    .join('');
  return (
    `<saml:Assertion xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${input.assertionId ?? newId()}" Version="2.0" IssueInstant="${issued}">` +
    `<saml:Issuer>${escape(input.issuer)}</saml:Issuer>` +
    `<saml:Subject><saml:NameID Format="${input.nameIdFormat ?? 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent'}">${escape(input.nameId)}</saml:NameID>` +
    `<saml:SubjectConfirmation Method="urn:oasis:names:tc:SAML:2.0:cm:bearer">` +
    `<saml:SubjectConfirmationData InResponseTo="${escape(input.inResponseTo)}" NotOnOrAfter="${until}" Recipient="${escape(input.acs)}"/>` +
    `</saml:SubjectConfirmation></saml:Subject>` +
    `<saml:Conditions NotBefore="${issued}" NotOnOrAfter="${until}"><saml:AudienceRestriction><saml:Audience>${escape(input.audience)}</saml:Audience></saml:AudienceRestriction></saml:Conditions>` +
    `<saml:AuthnStatement AuthnInstant="${issued}" SessionIndex="${newId()}"><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>` +
    `<saml:AttributeStatement>${attributes}</saml:AttributeStatement>` +
    `</saml:Assertion>`
  );
}

/** A Response around one or more already-built assertions (signed or not). */
export function responseXml(
  input: Pick<AssertionInput, 'issuer' | 'acs' | 'inResponseTo' | 'destination'>,
  ...assertions: string[]
): string {
  const destination = input.destination === null ? '' : ` Destination="${escape(input.destination ?? input.acs)}"`;
  return (
    `<samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol" xmlns:saml="urn:oasis:names:tc:SAML:2.0:assertion" ID="${newId()}" Version="2.0" IssueInstant="${instant(0)}"${destination} InResponseTo="${escape(input.inResponseTo)}">` +
    `<saml:Issuer>${escape(input.issuer)}</saml:Issuer>` +
    `<samlp:Status><samlp:StatusCode Value="urn:oasis:names:tc:SAML:2.0:status:Success"/></samlp:Status>` +
    assertions.join('') +
    `</samlp:Response>`
  );
}

/**
 * Signs the element `xpath` selects (enveloped signature, exclusive C14N, RSA-SHA256), with the
 * signature after its Issuer, as identity providers do. xml-crypto is the library node-saml uses
 * to verify: the test signs with the same implementation a real provider's output is checked by.
 */
export function sign(
  xml: string,
  pair: TestKeyPair,
  xpath: "//*[local-name(.)='Assertion']" | "/*[local-name(.)='Response']",
): string {
  const signer = new SignedXml({
    privateKey: pair.key,
    publicCert: pair.cert,
    signatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
    canonicalizationAlgorithm: 'http://www.w3.org/2001/10/xml-exc-c14n#',
  });
  signer.addReference({
    xpath,
    digestAlgorithm: 'http://www.w3.org/2001/04/xmlenc#sha256',
    transforms: ['http://www.w3.org/2000/09/xmldsig#enveloped-signature', 'http://www.w3.org/2001/10/xml-exc-c14n#'],
  });
  signer.computeSignature(xml, { location: { reference: `${xpath}/*[local-name(.)='Issuer']`, action: 'after' } });
  return signer.getSignedXml();
}

/** The AuthnRequest the SP's login redirect carries (HTTP-Redirect binding: deflated, base64). */
export function readAuthnRequest(location: string): { url: URL; xml: string; id: string; acs: string; relayState: string } {
  const url = new URL(location);
  const xml = inflateRawSync(Buffer.from(url.searchParams.get('SAMLRequest') ?? '', 'base64')).toString('utf8');
  return {
    url,
    xml,
    id: /\sID="([^"]+)"/.exec(xml)?.[1] ?? '',
    acs: /AssertionConsumerServiceURL="([^"]+)"/.exec(xml)?.[1] ?? '',
    relayState: url.searchParams.get('RelayState') ?? '',
  };
}

/** Identity provider metadata naming `entityId`, a redirect SSO URL and the signing certificate. */
export function idpMetadataXml(entityId: string, ssoUrl: string, pair: TestKeyPair): string {
  return (
    `<?xml version="1.0"?><md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="${escape(entityId)}">` +
    `<md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">` +
    `<md:KeyDescriptor use="encryption"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>MIIBnotThisOne${'A'.repeat(100)}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
    `<md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${pair.certBody}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>` +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="${escape(ssoUrl)}/post"/>` +
    `<md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="${escape(ssoUrl)}"/>` +
    `</md:IDPSSODescriptor></md:EntityDescriptor>`
  );
}
