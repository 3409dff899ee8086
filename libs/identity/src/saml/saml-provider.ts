import { Inject, Injectable, Logger } from '@nestjs/common';
import { generateServiceProviderMetadata, type Profile, SAML, ValidateInResponseTo } from '@node-saml/node-saml';
import { DOMParser } from '@xmldom/xmldom';
import { randomBytes } from 'node:crypto';
import { DomainError, ErrorCode, invalid, RUCHE_CONFIG, type RucheConfig, type SamlConfig } from '@ruche/platform';
import type { ExternalSignIn } from '../oidc/sso-accounts.js';
import { type IdpMetadata, parseIdpMetadata } from './idp-metadata.js';
import { browserBinding, readRelayState, SAML_LOGIN_TTL_MS, safeReturnPath, signRelayState } from './relay-state.js';
import { mapAttributes } from './saml-attributes.js';
import { SamlLedger } from './saml-ledger.js';

/** The identity provider as this service uses it: from the settings, or its metadata for what they leave out. */
interface Idp {
  entryPoint: string;
  certs: string[];
  issuer: string | undefined;
}

/** Metadata is read again after this long, so a provider's certificate rotation is picked up without a restart. */
const METADATA_TTL_MS = 60 * 60_000;
const METADATA_MAX_BYTES = 1024 * 1024;
const TRANSIENT = 'urn:oasis:names:tc:SAML:2.0:nameid-format:transient';
const BEARER = 'urn:oasis:names:tc:SAML:2.0:cm:bearer';

/** xml2js as node-saml parses the signed assertion: elements are arrays, attributes under `$`, text under `_`. */
type XmlNode = { $?: Record<string, string>; _?: string } & { [child: string]: XmlNode[] | undefined };
const child = (node: XmlNode | undefined, name: string): XmlNode | undefined => node?.[name]?.[0];

/**
 * The SAML 2.0 service provider (#15), on `@node-saml/node-saml` (README, "Single sign-on with
 * SAML", says why this version). The library checks the XML signature against the provider's
 * certificate and reads the assertion only from the signed bytes (a second, unsigned assertion
 * next to the signed one is refused), the audience, NotBefore / NotOnOrAfter with
 * `SAML_CLOCK_SKEW_SECONDS` of skew, and that InResponseTo names a request we sent (kept in
 * PostgreSQL by {@link SamlLedger}). Here, on top, what the library leaves to its caller: the
 * bearer subject confirmation's Recipient is our ACS and its InResponseTo the request this browser
 * started (RelayState), the Response's Destination (when present) is our ACS, the issuer is the
 * configured provider, the request and the assertion are each used once.
 */
@Injectable()
export class SamlServiceProvider {
  private readonly logger = new Logger('saml');
  private metadata: { at: number; value: Promise<IdpMetadata> } | undefined;

  constructor(
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
    private readonly ledger: SamlLedger,
  ) {}

  get settings(): SamlConfig {
    const saml = this.config.signIn.saml;
    if (!saml) throw new DomainError(ErrorCode.NotFound, 'SAML single sign-on is not configured', 'sso_not_configured');
    return saml;
  }

  /** This service's assertion consumer service URL: `SAML_CALLBACK_URL`, else this server's `/api/auth/saml/acs`. */
  callbackUrl(origin: string): string {
    return this.settings.callbackUrl ?? `${origin}/api/auth/saml/acs`;
  }

  /** The SP metadata document to give the provider (entity ID, ACS with the POST binding, signed assertions wanted). */
  serviceProviderMetadata(origin: string): string {
    const settings = this.settings;
    return generateServiceProviderMetadata({
      issuer: settings.issuer,
      callbackUrl: this.callbackUrl(origin),
      identifierFormat: settings.nameIdFormat,
      wantAssertionsSigned: true,
    });
  }

  /**
   * The provider's URL to send the browser to: an AuthnRequest (HTTP-Redirect binding) with a
   * signed RelayState, bound to the browser's `ruche_saml` cookie value when one is given (https).
   */
  async start(origin: string, returnTo: unknown, browserCookie: string | null): Promise<string> {
    const idp = await this.idp();
    // An xsd:ID must not start with a digit.
    const requestId = `_${randomBytes(20).toString('hex')}`;
    const relayState = signRelayState(this.config.auth.jwtSecret, {
      requestId,
      returnTo: safeReturnPath(returnTo),
      expiresAt: Date.now() + SAML_LOGIN_TTL_MS,
      binding: browserCookie ? browserBinding(browserCookie) : null,
    });
    // generateUniqueId gives the library our id, so RelayState can name the request before it is built.
    return this.client(origin, idp, () => requestId).getAuthorizeUrlAsync(relayState, undefined, {});
  }

  /**
   * The ACS: every check, then the person. Any refusal is a 400 `sso_failed` saying which check
   * failed, and nothing is written (a request is spent only by a Response that passed them all).
   */
  async finish(
    origin: string,
    samlResponse: string,
    relayState: string | undefined,
    browserCookie: string | undefined,
  ): Promise<{ identity: ExternalSignIn; returnTo: string }> {
    const settings = this.settings;
    const relay = readRelayState(this.config.auth.jwtSecret, relayState);
    if (!relay) throw invalid('This sign-in was not started here or took too long; start again', 'sso_failed');
    if (relay.binding && (!browserCookie || browserBinding(browserCookie) !== relay.binding))
      throw invalid('This sign-in was started in another browser; start again', 'sso_failed');
    const idp = await this.idp();
    const acs = this.callbackUrl(origin);
    let profile: Profile | null;
    try {
      ({ profile } = await this.client(origin, idp).validatePostResponseAsync({ SAMLResponse: samlResponse }));
    } catch (error) {
      throw this.refused((error as Error)?.message ?? 'the Response is not valid');
    }
    if (!profile) throw this.refused('the Response carries no assertion');
    const assertion = (profile.getAssertion?.() as { Assertion?: XmlNode } | undefined)?.Assertion;
    const assertionId = assertion?.$?.ID;
    if (!assertion || !assertionId) throw this.refused('the assertion has no ID');
    if (!profile.issuer) throw this.refused('the assertion names no issuer');
    if (idp.issuer && profile.issuer !== idp.issuer) throw this.refused(`unexpected issuer ${profile.issuer}`);

    const now = Date.now();
    const skew = settings.clockSkewSeconds * 1000;
    const confirmation = (child(assertion, 'Subject')?.SubjectConfirmation ?? [])
      .filter((c) => c.$?.Method === BEARER)
      .map((c) => child(c, 'SubjectConfirmationData')?.$ ?? {})
      .find((data) => data.Recipient === acs && data.InResponseTo === relay.requestId);
    if (!confirmation) throw this.refused(`no bearer subject confirmation for ${acs} in response to this sign-in`);
    const until = Date.parse(confirmation.NotOnOrAfter ?? '');
    if (!Number.isFinite(until) || now - skew >= until) throw this.refused('the subject confirmation has expired');
    if (profile.inResponseTo !== relay.requestId) throw this.refused('InResponseTo is not this sign-in');
    const destination = responseDestination(profile.getSamlResponseXml?.() ?? '');
    if (destination !== null && destination !== acs) throw this.refused(`the Response is for ${destination}, not ${acs}`);
    if (!profile.nameID) throw this.refused('the assertion has no NameID');
    if (profile.nameIDFormat === TRANSIENT)
      throw this.refused('the NameID is transient; a persistent NameID is needed to recognise the person next time');

    if (!(await this.ledger.consume(relay.requestId))) throw this.refused('this sign-in was already used');
    // Kept until the assertion could no longer pass anyway (its latest NotOnOrAfter, plus skew).
    const conditionsUntil = Date.parse(child(assertion, 'Conditions')?.$?.NotOnOrAfter ?? '');
    const keepUntil = new Date(Math.max(until, Number.isFinite(conditionsUntil) ? conditionsUntil : 0) + skew);
    if (!(await this.ledger.useAssertion(profile.issuer, assertionId, keepUntil)))
      throw this.refused('this assertion was already used');

    // node-saml fills `email` from `mail` or the eduPerson mail OID when the provider sends no `email`.
    const attributes: Record<string, unknown> = { ...(profile.attributes as Record<string, unknown> | undefined) };
    if (attributes.email === undefined && profile.email) attributes.email = profile.email;
    return {
      identity: {
        issuer: profile.issuer,
        subject: profile.nameID,
        person: mapAttributes(settings.attributes, attributes),
        allowedDomains: settings.allowedDomains,
      },
      returnTo: relay.returnTo,
    };
  }

  private refused(message: string): DomainError {
    this.logger.warn({ msg: 'SAML response refused', error: message });
    return invalid(`Single sign-on failed: ${message}`, 'sso_failed');
  }

  private client(origin: string, idp: Idp, generateUniqueId?: () => string): SAML {
    const settings = this.settings;
    return new SAML({
      issuer: settings.issuer,
      callbackUrl: this.callbackUrl(origin),
      entryPoint: idp.entryPoint,
      idpCert: idp.certs,
      audience: settings.issuer,
      // The assertion must be signed, always; the Response as well only when asked (Entra ID signs the assertion only, by default).
      wantAssertionsSigned: true,
      wantAuthnResponseSigned: settings.wantResponseSigned,
      acceptedClockSkewMs: settings.clockSkewSeconds * 1000,
      // An assertion older than a login may take is refused whatever its own NotOnOrAfter says.
      maxAssertionAgeMs: SAML_LOGIN_TTL_MS,
      validateInResponseTo: ValidateInResponseTo.always,
      requestIdExpirationPeriodMs: SAML_LOGIN_TTL_MS,
      cacheProvider: this.ledger,
      identifierFormat: settings.nameIdFormat,
      // Which authentication (password, MFA...) is the provider's policy, not ours to narrow.
      disableRequestedAuthnContext: true,
      ...(generateUniqueId ? { generateUniqueId } : {}),
    });
  }

  private async idp(): Promise<Idp> {
    const settings = this.settings;
    let metadata: IdpMetadata = { entityId: undefined, entryPoint: undefined, certs: [] };
    if (settings.metadataUrl) {
      if (!this.metadata || Date.now() - this.metadata.at > METADATA_TTL_MS) {
        const value = this.fetchMetadata(settings.metadataUrl, settings.timeoutMs);
        this.metadata = { at: Date.now(), value };
        // A failed read is tried again by the next login.
        value.catch(() => (this.metadata = undefined));
      }
      metadata = await this.metadata.value.catch(() => {
        throw invalid('The identity provider cannot be reached; try again later', 'sso_failed');
      });
    }
    const entryPoint = settings.entryPoint ?? metadata.entryPoint;
    const certs = settings.idpCerts.length > 0 ? settings.idpCerts : metadata.certs;
    if (!entryPoint || certs.length === 0)
      throw invalid('The identity provider’s metadata has no single sign-on URL or signing certificate', 'sso_failed');
    return { entryPoint, certs, issuer: settings.idpIssuer ?? metadata.entityId };
  }

  private async fetchMetadata(url: string, timeoutMs: number): Promise<IdpMetadata> {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'error' });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      const body = await response.text();
      if (body.length > METADATA_MAX_BYTES) throw new Error('the metadata is larger than 1 MB');
      return parseIdpMetadata(body);
    } catch (error) {
      this.logger.error({ msg: 'SAML metadata could not be read', url, error: String(error) });
      throw error;
    }
  }
}

/** The Response's Destination attribute, or null when it has none (or the XML does not parse: the library refused that already). */
function responseDestination(xml: string): string | null {
  if (!xml) return null;
  const doc = new DOMParser({ errorHandler: () => undefined }).parseFromString(xml, 'text/xml');
  const root = doc?.documentElement;
  return root?.localName === 'Response' && root.hasAttribute('Destination') ? root.getAttribute('Destination') : null;
}
