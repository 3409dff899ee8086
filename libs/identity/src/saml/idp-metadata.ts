import { DOMParser } from '@xmldom/xmldom';

/** What this service needs from an identity provider's SAML metadata. */
export interface IdpMetadata {
  entityId: string | undefined;
  /** The SingleSignOnService location for the HTTP-Redirect binding. */
  entryPoint: string | undefined;
  /** Signing certificates, PEM. */
  certs: string[];
}

const MD = 'urn:oasis:names:tc:SAML:2.0:metadata';
const DS = 'http://www.w3.org/2000/09/xmldsig#';
const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';

const pem = (body: string) => `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----`;

/**
 * Reads an EntityDescriptor (or the first IdP in an EntitiesDescriptor): entity ID, the
 * HTTP-Redirect single sign-on URL, and the certificates of the KeyDescriptors used for signing
 * (or unmarked). Malformed XML throws. The metadata is trusted because it came over https from
 * the URL the administrator configured (`SAML_METADATA_URL`), as Entra ID and Keycloak publish it.
 */
export function parseIdpMetadata(xml: string): IdpMetadata {
  const errors: string[] = [];
  const doc = new DOMParser({
    errorHandler: (level: string, message: unknown) => {
      if (level !== 'warning') errors.push(String(message));
    },
  }).parseFromString(xml, 'text/xml');
  if (errors.length || !doc?.documentElement) throw new Error(`the metadata is not valid XML: ${errors[0] ?? 'empty'}`);
  const descriptors = Array.from(doc.getElementsByTagNameNS(MD, 'IDPSSODescriptor'));
  const idp = descriptors[0];
  if (!idp) throw new Error('the metadata has no IDPSSODescriptor');
  const entity = idp.parentNode as { getAttribute?: (name: string) => string | null } | null;
  const entryPoint = Array.from(idp.getElementsByTagNameNS(MD, 'SingleSignOnService'))
    .find((service) => service.getAttribute('Binding') === REDIRECT)
    ?.getAttribute('Location');
  const certs = Array.from(idp.getElementsByTagNameNS(MD, 'KeyDescriptor'))
    .filter((key) => !key.getAttribute('use') || key.getAttribute('use') === 'signing')
    .flatMap((key) => Array.from(key.getElementsByTagNameNS(DS, 'X509Certificate')))
    .map((cert) => (cert.textContent ?? '').replace(/\s+/g, ''))
    .filter((body) => /^[A-Za-z0-9+/]{100,}={0,2}$/.test(body))
    .map(pem);
  return { entityId: entity?.getAttribute?.('entityID') ?? undefined, entryPoint: entryPoint ?? undefined, certs };
}
