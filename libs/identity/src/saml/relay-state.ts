import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/**
 * What the login step hands the identity provider as RelayState, and the provider hands back
 * with the Response: which AuthnRequest this browser started, where to go afterwards, and until
 * when. The ACS is a cross-site POST from the provider, so a SameSite cookie would not come back
 * with it; the state travels in RelayState instead, signed so nobody can alter it.
 */
export interface SamlRelayState {
  /** The AuthnRequest's ID: the Response's signed InResponseTo must be this one. */
  requestId: string;
  /** A path on this site (see {@link safeReturnPath}). */
  returnTo: string;
  /** Milliseconds since the epoch after which the Response is refused. */
  expiresAt: number;
  /**
   * Over https, the digest of a random value the login step also set in the browser's
   * `ruche_saml` cookie ({@link browserBinding}): the ACS then requires that cookie, so a Response
   * obtained by someone else cannot be posted from a victim's browser to sign it in as them (login
   * CSRF). Null over plain http (development), where the cookie could not be SameSite=None.
   */
  binding: string | null;
}

export const SAML_COOKIE = 'ruche_saml';

/** The digest RelayState carries for the browser's cookie value (the value itself stays in the cookie). */
export const browserBinding = (cookie: string) =>
  createHash('sha256').update(cookie).digest().subarray(0, 16).toString('base64url');

/** How long a person may spend at the provider between "Sign in with SAML" and the ACS. */
export const SAML_LOGIN_TTL_MS = 10 * 60_000;

const keyOf = (secret: string) => createHmac('sha256', secret).update('ruche.saml-relay-state').digest();
/** 128 bits of HMAC-SHA256: plenty against forgery, and keeps RelayState short for providers that limit it. */
const MAC_BYTES = 16;

const mac = (secret: string, body: string) => createHmac('sha256', keyOf(secret)).update(body).digest().subarray(0, MAC_BYTES);

/**
 * A same-site path to return to after signing in, or `/`: one leading slash (never `//host` or
 * `/\host`, which browsers read as another site), no control characters, at most 256 characters.
 */
export function safeReturnPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > 256) return '/';
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  if (!/^\/(?![/\\])/.test(value) || /[\u0000-\u001f\u007f\\]/.test(value)) return '/';
  return value;
}

/** RelayState: the state as base64url JSON, a dot, its MAC (key derived from `JWT_SECRET`). */
export function signRelayState(secret: string, value: SamlRelayState): string {
  const body = Buffer.from(
    JSON.stringify({ i: value.requestId, t: value.returnTo, e: value.expiresAt, ...(value.binding ? { b: value.binding } : {}) }),
  ).toString('base64url');
  return `${body}.${mac(secret, body).toString('base64url')}`;
}

/** The state RelayState carries, or null when it is missing, altered, malformed or expired. */
export function readRelayState(secret: string, relayState: unknown, now = Date.now()): SamlRelayState | null {
  if (typeof relayState !== 'string' || relayState.length > 1024) return null;
  const [body, given, ...rest] = relayState.split('.');
  if (!body || !given || rest.length) return null;
  const expected = mac(secret, body);
  const givenBytes = Buffer.from(given, 'base64url');
  if (givenBytes.length !== expected.length || !timingSafeEqual(givenBytes, expected)) return null;
  try {
    const raw = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as {
      i?: unknown;
      t?: unknown;
      e?: unknown;
      b?: unknown;
    };
    if (typeof raw.i !== 'string' || !raw.i || typeof raw.e !== 'number' || raw.e <= now) return null;
    const binding = typeof raw.b === 'string' && raw.b ? raw.b : null;
    return { requestId: raw.i, returnTo: safeReturnPath(raw.t), expiresAt: raw.e, binding };
  } catch {
    return null;
  }
}
