import { createHmac, timingSafeEqual } from 'node:crypto';

/** What the login step keeps for the callback: never in the URL, in a signed http-only cookie. */
export interface OidcLoginState {
  state: string;
  nonce: string;
  codeVerifier: string;
  redirectUri: string;
  /** Milliseconds since the epoch after which the callback is refused. */
  expiresAt: number;
}

export const OIDC_COOKIE = 'ruche_oidc';
/** How long a person may spend at the provider between "Sign in with SSO" and the callback. */
export const OIDC_LOGIN_TTL_MS = 10 * 60_000;

const keyOf = (secret: string) => createHmac('sha256', secret).update('ruche.oidc-login-cookie').digest();

/**
 * The login state, signed with a key derived from `JWT_SECRET` (HMAC-SHA256), so any instance can
 * read it back and nobody can forge or alter it: a callback whose state, nonce or PKCE verifier
 * was not made by this server for this browser is refused. Not encrypted: nothing in it is useful
 * without the browser's own authorization code, which the provider hands only to that browser.
 */
export function signLoginState(secret: string, value: OidcLoginState): string {
  const body = Buffer.from(JSON.stringify(value)).toString('base64url');
  const mac = createHmac('sha256', keyOf(secret)).update(body).digest('base64url');
  return `${body}.${mac}`;
}

/** The state a cookie carries, or null when it is missing, altered, malformed or expired. */
export function readLoginState(secret: string, cookie: string | undefined, now = Date.now()): OidcLoginState | null {
  if (!cookie) return null;
  const [body, mac, ...rest] = cookie.split('.');
  if (!body || !mac || rest.length) return null;
  const expected = createHmac('sha256', keyOf(secret)).update(body).digest();
  const given = Buffer.from(mac, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as OidcLoginState;
    const strings = [value.state, value.nonce, value.codeVerifier, value.redirectUri].every(
      (v) => typeof v === 'string' && v.length > 0,
    );
    if (!strings || typeof value.expiresAt !== 'number' || value.expiresAt <= now) return null;
    return value;
  } catch {
    return null;
  }
}

/** One cookie's value from a `Cookie` request header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** `Set-Cookie` for the login state: http-only, scoped to the OIDC routes, Lax (the callback is a top-level GET from the provider). */
export function loginCookie(value: string, secure: boolean, maxAgeSeconds = OIDC_LOGIN_TTL_MS / 1000): string {
  return [
    `${OIDC_COOKIE}=${encodeURIComponent(value)}`,
    'Path=/api/auth/oidc',
    'HttpOnly',
    'SameSite=Lax',
    `Max-Age=${maxAgeSeconds}`,
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}
