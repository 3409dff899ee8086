import { aboutAccount, currentClient, rows, type Tx } from '@ruche/platform';
import type { SessionEndReason } from '@ruche/contracts';

/**
 * Sessions: one per refresh-token family (its id is the family's), the `sid` of its access tokens.
 * These helpers join the caller's transaction, so the login, refresh or logout that changes a
 * session changes its row in the same unit of work.
 */

/** What an access token says besides its subject: which session, and which account version. */
export interface AccessClaims {
  sub: string;
  sid: string;
  ver: number;
}

export const accessClaims = (user: { id: string; tokenVersion: number }, sessionId: string): AccessClaims => ({
  sub: user.id,
  sid: sessionId,
  // A row just inserted may not have read its default back.
  ver: user.tokenVersion ?? 0,
});

/**
 * Opens the session (a sign-in) or notes that it was seen again (a refresh): `last_seen_at` moves
 * here, not on every request, so reading the caller stays one read-only statement. The device and
 * address are the current request's.
 */
export async function recordSession(tx: Tx, userId: string, sessionId: string, expiresAt: Date): Promise<void> {
  const client = currentClient();
  await tx.manager.query(
    `INSERT INTO sessions (id, user_id, user_agent, address, expires_at) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT ON CONSTRAINT sessions_pkey DO UPDATE
       SET last_seen_at = now(), expires_at = EXCLUDED.expires_at,
           user_agent = coalesce(EXCLUDED.user_agent, sessions.user_agent), address = coalesce(EXCLUDED.address, sessions.address)`,
    [sessionId, userId, client?.userAgent ?? null, client?.address ?? null, expiresAt],
  );
}

/**
 * Ends these sessions of `userId`: their rows and refresh tokens are revoked (their access tokens
 * fail on their next request), and `session.revoked` closes their sockets on every instance.
 * Returns the ids that were still open.
 */
export async function endSessions(
  tx: Tx,
  userId: string,
  sessionIds: readonly string[] | 'all',
  reason: SessionEndReason,
  actorId: string | null = userId,
): Promise<string[]> {
  const ended = await rows<{ id: string }>(
    tx.manager,
    `UPDATE sessions SET revoked_at = now()
      WHERE user_id = $1 AND revoked_at IS NULL ${sessionIds === 'all' ? '' : 'AND id = ANY ($2::uuid[])'}
      RETURNING id`,
    sessionIds === 'all' ? [userId] : [userId, [...sessionIds]],
  );
  await tx.manager.query(
    `UPDATE refresh_tokens SET revoked_at = now()
      WHERE user_id = $1 AND revoked_at IS NULL ${sessionIds === 'all' ? '' : 'AND family_id = ANY ($2::uuid[])'}`,
    sessionIds === 'all' ? [userId] : [userId, [...sessionIds]],
  );
  const ids = ended.map((s) => s.id);
  if (ids.length) {
    await tx.emit({
      type: 'session.revoked',
      payload: { userId, sessionIds: ids, reason },
      ...aboutAccount(userId),
      actorId,
    });
  }
  return ids;
}

/**
 * Ends every session of the person at once, whatever token they hold: the token version moves,
 * so every access token issued before fails on its next request, and every session and refresh
 * token is revoked. The caller's own event (suspension, deactivation) closes the sockets.
 */
export async function endAllSessions(tx: Tx, userId: string): Promise<void> {
  await tx.manager.query('UPDATE users SET token_version = token_version + 1 WHERE id = $1', [userId]);
  await tx.manager.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
  await tx.manager.query('UPDATE refresh_tokens SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [userId]);
}
