import { accessToken, clearSession, getSession } from './session';

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
  }
}
