import { ConfigError } from './config.js';

type Env = Record<string, string | undefined>;

/** Where each field of a person comes from in the identity provider's claims (`OIDC_CLAIMS`). */
export interface OidcClaimMapping {
  email: string;
  emailVerified: string;
  name: string;
  department: string;
  title: string;
}

export const DEFAULT_OIDC_CLAIMS: OidcClaimMapping = {
  email: 'email',
  emailVerified: 'email_verified',
  name: 'name',
  department: 'department',
  title: 'job_title',
};

/** OpenID Connect single sign-on (#15), on when `OIDC_ISSUER` is set. */
export interface OidcConfig {
  /** `OIDC_ISSUER`: the provider's issuer URL (discovery at `<issuer>/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** `OIDC_ALLOWED_DOMAINS`: email domains that may sign in (lower case); empty: any. */
  allowedDomains: string[];
  claims: OidcClaimMapping;
  /** `OIDC_SCOPES`: asked of the provider. */
  scopes: string;
  /**
   * `OIDC_TRUST_EMAIL=1`: an email without an `email_verified` claim counts as verified (Entra ID
   * sends none; its tenant owns the domain). A claim that says `false` is never trusted.
   */
  trustEmail: boolean;
  /** `OIDC_CLOCK_TOLERANCE_SECONDS`: clock skew accepted on the ID token's times. */
  clockToleranceSeconds: number;
  /** `OIDC_REDIRECT_URI`: the callback registered at the provider; default `<RUCHE_APP_URL>/api/auth/oidc/callback`. */
  redirectUri: string | undefined;
  /** `OIDC_POST_LOGOUT_REDIRECT_URI`: where the provider sends the browser after signing out; default `<this server>/signin` (the sign-in page). */
  postLogoutRedirectUri: string | undefined;
  /** `OIDC_TIMEOUT_MS`: the longest one request to the provider may take. */
  timeoutMs: number;
}

/** Where each field of a person comes from in a SAML assertion's attributes (`SAML_ATTRIBUTES`). */
export interface SamlAttributeMapping {
  email: string;
  name: string;
  department: string;
  title: string;
}

/**
 * Defaults that read what most providers send: `email` (node-saml also fills it from `mail` and the
 * eduPerson OID), `displayName`, `department`, `title`. Entra ID sends claim URIs instead: map them
 * (README, "Single sign-on with SAML").
 */
export const DEFAULT_SAML_ATTRIBUTES: SamlAttributeMapping = {
  email: 'email',
  name: 'displayName',
  department: 'department',
  title: 'title',
};

/** SAML 2.0 single sign-on (#15), on when `SAML_ISSUER` is set. */
export interface SamlConfig {
  /** `SAML_ISSUER`: this service provider's entity ID (also the audience assertions must name). */
  issuer: string;
  /** `SAML_ENTRY_POINT`: the provider's single sign-on URL (HTTP-Redirect binding); from the metadata otherwise. */
  entryPoint: string | undefined;
  /** `SAML_IDP_CERT`: the provider's signing certificate(s), PEM or bare base64; several (rotation) separated by commas or PEM blocks. */
  idpCerts: string[];
  /** `SAML_METADATA_URL`: the provider's metadata, read for the entry point, certificates and entity ID when those are not set. */
  metadataUrl: string | undefined;
  /** `SAML_IDP_ISSUER`: the provider's entity ID; assertions from another issuer are refused (from the metadata otherwise). */
  idpIssuer: string | undefined;
  /** `SAML_CALLBACK_URL`: the assertion consumer service URL; default `<this server>/api/auth/saml/acs`. */
  callbackUrl: string | undefined;
  /** `SAML_ALLOWED_DOMAINS`: email domains that may sign in (lower case); empty: any. */
  allowedDomains: string[];
  attributes: SamlAttributeMapping;
  /** `SAML_NAMEID_FORMAT`: the NameID format asked for; the NameID is the link to the Ruche account, so it must be stable. */
  nameIdFormat: string;
  /** `SAML_CLOCK_SKEW_SECONDS`: skew accepted on NotBefore / NotOnOrAfter. */
  clockSkewSeconds: number;
  /** `SAML_WANT_RESPONSE_SIGNED=on`: the Response must be signed too (the assertion always must). */
  wantResponseSigned: boolean;
  /** `SAML_TIMEOUT_MS`: the longest the metadata fetch may take. */
  timeoutMs: number;
}

export type SignupMode = 'open' | 'domains' | 'invite';

/** How people sign in and who may sign up (#15). */
export interface SignInConfig {
  /** `AUTH_PASSWORD=off`: single sign-on only; password login and registration are refused. */
  passwordLogin: boolean;
  /** `RUCHE_SIGNUP`: who may create an account with a password. */
  signup: SignupMode;
  /** `RUCHE_SIGNUP_DOMAINS`: email domains allowed in `domains` mode (lower case). */
  signupDomains: string[];
  /** `RUCHE_INVITATION_TTL_DAYS`: how long an invitation link stays valid. */
  invitationTtlDays: number;
  /** `RUCHE_LOGIN_FAILURES_PER_ACCOUNT`: failed password logins per account per 15 minutes; 0 turns it off. */
  loginFailuresPerAccount: number;
  /** `RUCHE_LOGIN_FAILURES_PER_ADDRESS`: failed password logins per client address per 15 minutes; 0 turns it off. */
  loginFailuresPerAddress: number;
  oidc: OidcConfig | undefined;
  saml: SamlConfig | undefined;
  /**
   * `RUCHE_EMAIL_VERIFICATION=off`: self-registered accounts may post before confirming their
   * address. On by default, and only in effect with SMTP_URL (without email there is no link to follow).
   */
  emailVerification: boolean;
  /** `RUCHE_TOTP_ISSUER`: the name authenticator apps show beside a person's two-factor entry. */
  totpIssuer: string;
}

const DOMAIN = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;

function domains(env: Env, name: string): string[] {
  const raw = env[name];
  if (!raw) return [];
  return raw.split(',').map((item) => {
    const domain = item.trim().toLowerCase().replace(/^@/, '');
    if (!DOMAIN.test(domain)) throw new ConfigError(`${name} must be a comma-separated list of domain names, got "${item}"`);
    return domain;
  });
}

function count(env: Env, name: string, fallback: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0 || value > max)
    throw new ConfigError(`${name} must be an integer between 0 and ${max}, got "${raw}"`);
  return value;
}

function onOff(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]?.toLowerCase();
  if (raw === undefined || raw === '') return fallback;
  if (['on', '1', 'true', 'yes'].includes(raw)) return true;
  if (['off', '0', 'false', 'no'].includes(raw)) return false;
  throw new ConfigError(`${name} must be on or off, got "${env[name]}"`);
}

/**
 * A JSON object in `env[name]` that names, for some of the profile fields of `defaults`, where the
 * identity provider says them (OIDC_CLAIMS, SAML_ATTRIBUTES): the defaults for the rest. An unknown
 * field, or a name `valid` refuses, is a startup error; `example` shows the format.
 */
function fieldNames<M extends { [K in keyof M]: string }>(
  env: Env,
  name: string,
  defaults: M,
  valid: RegExp,
  what: 'a claim' | 'an attribute',
  example: string,
): M {
  const raw = env[name];
  if (!raw) return defaults;
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    throw new ConfigError(`${name} must be a JSON object, e.g. ${example}`);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new ConfigError(`${name} must be a JSON object`);
  const mapping: { [K in keyof M]: string } = { ...defaults };
  for (const [field, given] of Object.entries(parsed)) {
    if (!(field in defaults))
      throw new ConfigError(`${name}: unknown field "${field}" (known: ${Object.keys(defaults).join(', ')})`);
    if (typeof given !== 'string' || !valid.test(given)) throw new ConfigError(`${name}: "${field}" must name ${what}`);
    mapping[field as keyof M] = given;
  }
  return mapping as M;
}

function claims(env: Env): OidcClaimMapping {
  return fieldNames(
    env,
    'OIDC_CLAIMS',
    DEFAULT_OIDC_CLAIMS,
    /^[A-Za-z0-9_:./-]{1,100}$/,
    'a claim',
    '{"department":"dept","title":"job_title"}',
  );
}

function oidc(env: Env): OidcConfig | undefined {
  const issuer = env.OIDC_ISSUER;
  if (!issuer) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(issuer);
  } catch {
    throw new ConfigError('OIDC_ISSUER is not a valid URL');
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback))
    throw new ConfigError('OIDC_ISSUER must use https (plain http only on loopback, for development)');
  if (!env.OIDC_CLIENT_ID) throw new ConfigError('OIDC_CLIENT_ID is required with OIDC_ISSUER');
  if (!env.OIDC_CLIENT_SECRET) throw new ConfigError('OIDC_CLIENT_SECRET is required with OIDC_ISSUER');
  const redirectUri = env.OIDC_REDIRECT_URI;
  if (redirectUri && !/^https?:\/\//.test(redirectUri)) throw new ConfigError('OIDC_REDIRECT_URI must be an http(s) URL');
  const postLogoutRedirectUri = env.OIDC_POST_LOGOUT_REDIRECT_URI;
  if (postLogoutRedirectUri && !/^https?:\/\//.test(postLogoutRedirectUri))
    throw new ConfigError('OIDC_POST_LOGOUT_REDIRECT_URI must be an http(s) URL');
  return {
    issuer,
    clientId: env.OIDC_CLIENT_ID,
    clientSecret: env.OIDC_CLIENT_SECRET,
    allowedDomains: domains(env, 'OIDC_ALLOWED_DOMAINS'),
    claims: claims(env),
    scopes: env.OIDC_SCOPES || 'openid email profile',
    trustEmail: onOff(env, 'OIDC_TRUST_EMAIL', false),
    clockToleranceSeconds: count(env, 'OIDC_CLOCK_TOLERANCE_SECONDS', 60, 600),
    redirectUri,
    postLogoutRedirectUri,
    timeoutMs: Math.max(100, count(env, 'OIDC_TIMEOUT_MS', 10_000, 600_000)),
  };
}

function samlAttributes(env: Env): SamlAttributeMapping {
  // Attribute names are often URIs (Entra ID: http://schemas.xmlsoap.org/ws/2005/05/identity/claims/emailaddress).
  return fieldNames(
    env,
    'SAML_ATTRIBUTES',
    DEFAULT_SAML_ATTRIBUTES,
    /^[A-Za-z0-9_:./#-]{1,200}$/,
    'an attribute',
    '{"email":"mail","title":"jobTitle"}',
  );
}

/** `https:`, or plain http on loopback (development and the tests). */
function secureUrl(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (!raw) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is not a valid URL`);
  }
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
  if (parsed.protocol !== 'https:' && !(parsed.protocol === 'http:' && loopback))
    throw new ConfigError(`${name} must use https (plain http only on loopback, for development)`);
  return raw;
}

/** One or more certificates: PEM blocks, or bare base64 bodies separated by commas. */
function certificates(raw: string | undefined): string[] {
  if (!raw) return [];
  const text = raw.replace(/\\n/g, '\n');
  const blocks = text.includes('-----BEGIN')
    ? [...text.matchAll(/-----BEGIN CERTIFICATE-----([\s\S]*?)-----END CERTIFICATE-----/g)].map((m) => m[1])
    : text.split(',');
  const bodies = blocks.map((block) => block.replace(/\s+/g, ''));
  for (const body of bodies)
    if (!/^[A-Za-z0-9+/]{100,}={0,2}$/.test(body))
      throw new ConfigError('SAML_IDP_CERT must be PEM certificates or their base64 bodies');
  return bodies.map((body) => `-----BEGIN CERTIFICATE-----\n${body.match(/.{1,64}/g)!.join('\n')}\n-----END CERTIFICATE-----`);
}

function saml(env: Env): SamlConfig | undefined {
  const issuer = env.SAML_ISSUER;
  if (!issuer) {
    for (const name of ['SAML_ENTRY_POINT', 'SAML_IDP_CERT', 'SAML_METADATA_URL'])
      if (env[name]) throw new ConfigError(`${name} needs SAML_ISSUER (this service's entity ID)`);
    return undefined;
  }
  if (issuer.length > 512) throw new ConfigError('SAML_ISSUER is longer than 512 characters');
  const entryPoint = secureUrl(env, 'SAML_ENTRY_POINT');
  const metadataUrl = secureUrl(env, 'SAML_METADATA_URL');
  const idpCerts = certificates(env.SAML_IDP_CERT);
  if (!metadataUrl && !entryPoint) throw new ConfigError('SAML_ISSUER needs SAML_ENTRY_POINT (or SAML_METADATA_URL)');
  if (!metadataUrl && idpCerts.length === 0) throw new ConfigError('SAML_ISSUER needs SAML_IDP_CERT (or SAML_METADATA_URL)');
  const callbackUrl = env.SAML_CALLBACK_URL;
  if (callbackUrl && !/^https?:\/\//.test(callbackUrl)) throw new ConfigError('SAML_CALLBACK_URL must be an http(s) URL');
  return {
    issuer,
    entryPoint,
    idpCerts,
    metadataUrl,
    idpIssuer: env.SAML_IDP_ISSUER || undefined,
    callbackUrl,
    allowedDomains: domains(env, 'SAML_ALLOWED_DOMAINS'),
    attributes: samlAttributes(env),
    nameIdFormat: env.SAML_NAMEID_FORMAT || 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
    clockSkewSeconds: count(env, 'SAML_CLOCK_SKEW_SECONDS', 30, 300),
    wantResponseSigned: onOff(env, 'SAML_WANT_RESPONSE_SIGNED', false),
    timeoutMs: Math.max(100, count(env, 'SAML_TIMEOUT_MS', 10_000, 600_000)),
  };
}

function totpIssuer(env: Env): string {
  const raw = env.RUCHE_TOTP_ISSUER?.trim();
  if (!raw) return 'Ruche';
  // The issuer is the otpauth URI's label prefix: a colon would split it.
  if (raw.length > 60 || raw.includes(':')) throw new ConfigError('RUCHE_TOTP_ISSUER must be at most 60 characters, without ":"');
  return raw;
}

export function loadSignInConfig(env: Env): SignInConfig {
  const signup = (env.RUCHE_SIGNUP || 'open') as SignupMode;
  if (!['open', 'domains', 'invite'].includes(signup))
    throw new ConfigError(`RUCHE_SIGNUP must be open, domains or invite, got "${signup}"`);
  const signupDomains = domains(env, 'RUCHE_SIGNUP_DOMAINS');
  if (signup === 'domains' && signupDomains.length === 0)
    throw new ConfigError('RUCHE_SIGNUP=domains needs RUCHE_SIGNUP_DOMAINS');
  const config: SignInConfig = {
    passwordLogin: onOff(env, 'AUTH_PASSWORD', true),
    signup,
    signupDomains,
    invitationTtlDays: Math.max(1, count(env, 'RUCHE_INVITATION_TTL_DAYS', 7, 365)),
    loginFailuresPerAccount: count(env, 'RUCHE_LOGIN_FAILURES_PER_ACCOUNT', 10, 1_000_000),
    loginFailuresPerAddress: count(env, 'RUCHE_LOGIN_FAILURES_PER_ADDRESS', 100, 1_000_000),
    oidc: oidc(env),
    saml: saml(env),
    emailVerification: onOff(env, 'RUCHE_EMAIL_VERIFICATION', true),
    totpIssuer: totpIssuer(env),
  };
  if (!config.passwordLogin && !config.oidc && !config.saml)
    throw new ConfigError('AUTH_PASSWORD=off needs single sign-on (OIDC_ISSUER or SAML_ISSUER)');
  return config;
}
