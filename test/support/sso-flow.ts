import type { TestApp } from './test-app.js';

/**
 * A browser's trip through single sign-on, over plain HTTP: Ruche's login redirect (and its
 * cookie), the provider's login form, back to Ruche's callback. Each step is its own function so
 * tests can tamper with what goes between them.
 */

/** Cookies as a browser keeps them for one site (paths ignored: every test cookie is sent). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(line) || /expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }
}

async function go(url: string, jar: CookieJar, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(url, {
    ...init,
    redirect: 'manual',
    headers: { ...(init.headers as Record<string, string>), cookie: jar.header() },
    signal: AbortSignal.timeout(10_000),
  });
  jar.take(res);
  return res;
}

const location = (res: Response, base: string) => {
  const to = res.headers.get('location');
  if (!to || res.status < 300 || res.status >= 400) throw new Error(`expected a redirect, got ${res.status}: ${to}`);
  return new URL(to, base).href;
};

export interface StartedLogin {
  /** Ruche's cookie jar (the login state). */
  app: CookieJar;
  /** Where Ruche sent the browser: the provider's authorization endpoint. */
  authorizationUrl: string;
}

/** Clicks "Sign in with SSO": Ruche answers a redirect to the provider and its signed login cookie. */
export async function startLogin(appUrl: string): Promise<StartedLogin> {
  const app = new CookieJar();
  const res = await go(`${appUrl}/api/auth/oidc/login`, app);
  return { app, authorizationUrl: location(res, appUrl) };
}

/** At the provider: its login form as `accountId`, until it redirects back to Ruche's callback. */
export async function signInAtProvider(authorizationUrl: string, accountId: string): Promise<string> {
  const jar = new CookieJar();
  const origin = new URL(authorizationUrl).origin;
  let url = location(await go(authorizationUrl, jar), origin);
  const form = await go(url, jar);
  if (form.status !== 200) throw new Error(`provider login page: ${form.status}`);
  const posted = await go(url, jar, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login: accountId }).toString(),
  });
  url = location(posted, origin);
  // The provider resumes the authorization and redirects to the callback (possibly via itself).
  for (let hops = 0; hops < 5 && url.startsWith(origin); hops++) url = location(await go(url, jar), origin);
  return url;
}

/** The provider's redirect reaching Ruche's callback, with Ruche's cookies. */
export function callback(callbackUrl: string, app: CookieJar): Promise<Response> {
  return go(callbackUrl, app);
}

/** The one-time code the callback put in the web app's address. */
export function handoffCode(res: Response): string {
  const to = res.headers.get('location') ?? '';
  const code = new URL(to, 'http://x').searchParams.get('code');
  if (res.status !== 302 || !to.startsWith('/sso?') || !code)
    throw new Error(`expected the handoff redirect, got ${res.status} ${to}`);
  return code;
}

/**
 * The session a single sign-on gave is real (its access token reads /api/me as that account) and
 * the new account's profile took the provider's department and title.
 */
export async function expectSsoSession(
  t: TestApp,
  reader: { auth: string },
  session: { user: { id: string }; accessToken: string },
  profile: { department: string; title: string },
): Promise<void> {
  const me = await t.http.get('/api/me').set('Authorization', `Bearer ${session.accessToken}`).expect(200);
  expect(me.body.id).toBe(session.user.id);
  const found = await t.http.get(`/api/users/${session.user.id}`).set('Authorization', reader.auth).expect(200);
  expect(found.body).toMatchObject(profile);
}
