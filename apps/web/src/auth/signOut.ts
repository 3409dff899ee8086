import { accessToken, clearSession, getSession } from './session';

const SSO_LOGOUT_KEY = 'ruche.sso.endSession';

/** After a single sign-on, where signing out must also go to end the provider's session (RP-initiated logout). */
export function rememberSsoLogout(url: string | null): void {
  try {
    if (url) localStorage.setItem(SSO_LOGOUT_KEY, url);
    else localStorage.removeItem(SSO_LOGOUT_KEY);
  } catch {
    // No storage: signing out ends Ruche's session only.
  }
}

function takeSsoLogout(): string | null {
  try {
    const url = localStorage.getItem(SSO_LOGOUT_KEY);
    localStorage.removeItem(SSO_LOGOUT_KEY);
    return url && /^https?:\/\//.test(url) ? url : null;
  } catch {
    return null;
  }
}

/**
 * Ends the session on the server (its refresh token is revoked) and forgets it here. The
 * local session is cleared whatever the server answers, so signing out always works offline.
 */
export async function signOut(): Promise<void> {
  if (!getSession()) return;
  const controller = new AbortController();
  const timeout = setTimeout(() => controller.abort(), 5_000);
  try {
    // A valid access token first (this may rotate the pair), then revoke the current refresh token.
    const token = await accessToken();
    const session = getSession();
    if (token && session) {
      await fetch('/api/auth/logout', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify({ refreshToken: session.refreshToken }),
        signal: controller.signal,
      });
    }
  } catch {
    // Offline or already expired: the refresh token expires on its own.
  } finally {
    clearTimeout(timeout);
    clearSession();
    // Signed in through the identity provider: end its session too, then it sends the browser back.
    const providerLogout = takeSsoLogout();
    if (providerLogout) window.location.assign(providerLogout);
  }
}
