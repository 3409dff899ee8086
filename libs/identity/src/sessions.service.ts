import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { type AuthUser, canonicalId, Database, notFound, noteRequestUser, rows, type TokenClaims, Transactions, unauthenticated } from '@ruche/platform';
import { deviceOf } from './device.js';
import { endSessions } from './sessions-sql.js';
import type { ActiveSessionView } from './views.js';

interface SessionRow {
  id: string;
  user_agent: string | null;
  address: string | null;
  created_at: Date;
  last_seen_at: Date;
  expires_at: Date;
}

/**
 * The claims of a verified access token, ids in their canonical form (the caller's id keys
 * per-person state such as read-your-writes, like the id the account check answers), or null when
 * they are not shaped as Ruche issues them.
 */
export function tokenClaims(claims: { sub?: unknown; sid?: unknown; ver?: unknown }): TokenClaims | null {
  const [id, sessionId] = [canonicalId(claims.sub), canonicalId(claims.sid)];
  const { ver } = claims;
  if (!id || !sessionId || typeof ver !== 'number' || !Number.isSafeInteger(ver)) return null;
  return { id, sessionId, tokenVersion: ver };
}

/**
 * The caller check, said once: `columns` of the account (aliased `u`) and session (`s`) behind
 * token claims bound at the given placeholders, found only while the account is active, its token
 * version unchanged (every session ended moves it on) and this session not revoked. Used by every
 * authenticated request, and inside a route's own statement (CallerCheckedByStatement).
 */
export function callerSql(at: { id: string; sessionId: string; tokenVersion: string }, columns: string): string {
  return `SELECT ${columns}
            FROM users u JOIN sessions s ON s.user_id = u.id
           WHERE u.id = ${at.id} AND s.id = ${at.sessionId} AND u.token_version = ${at.tokenVersion}
             AND u.status = 'active' AND s.revoked_at IS NULL`;
}

/** At most this many sessions are listed (newest first); older ones still count and can be revoked all at once. */
const LIST_LIMIT = 100;

/**
 * A person's sessions: the caller check behind every access token (one prepared statement: the
 * account is active, its token version unchanged, the session not revoked), the list, and
 * revoking one or all the others.
 */
@Injectable()
export class SessionsService {
  constructor(
    private readonly db: Database,
    private readonly jwt: JwtService,
    private readonly transactions: Transactions,
  ) {}

  /**
   * The caller behind verified access-token claims, or null when the account is not active, its
   * token version moved on (every session ended), or this session was revoked. Every
   * authenticated request runs it: one statement, prepared once per connection.
   */
  async authenticate(claims: { sub?: unknown; sid?: unknown; ver?: unknown }): Promise<AuthUser | null> {
    const token = tokenClaims(claims);
    if (!token) return null;
    const [user] = await this.db.prepared<AuthUser>('identity.session_caller', {
      text: callerSql({ id: '$1', sessionId: '$2', tokenVersion: '$3' }, `u.id, u.handle, u.display_name AS "displayName", u.roles, s.id AS "sessionId"`),
      values: [token.id, token.sessionId, token.tokenVersion],
    });
    return user ?? null;
  }

  /** {@link authenticate} for a route that received the token's claims only; 401 when there is no such caller. */
  async verify(claims: TokenClaims): Promise<AuthUser> {
    const user = await this.authenticate({ sub: claims.id, sid: claims.sessionId, ver: claims.tokenVersion });
    if (!user) throw unauthenticated();
    noteRequestUser(user.id);
    return user;
  }

  /** For transports without passport (the Socket.IO handshake): the caller behind an access token. */
  async authenticateToken(token: string): Promise<AuthUser | null> {
    try {
      return await this.authenticate(await this.jwt.verifyAsync<Record<string, unknown>>(token, { algorithms: ['HS256'] }));
    } catch {
      return null;
    }
  }

  /** The caller's open sessions, the most recently seen first, theirs marked `current`. */
  async list(caller: AuthUser): Promise<{ items: ActiveSessionView[]; nextCursor: null }> {
    const found = await rows<SessionRow>(
      this.db.manager,
      `SELECT id, user_agent, address, created_at, last_seen_at, expires_at FROM sessions
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()
        ORDER BY last_seen_at DESC, id
        LIMIT $2`,
      [caller.id, LIST_LIMIT],
    );
    return {
      items: found.map((s) => ({
        id: s.id,
        device: deviceOf(s.user_agent),
        userAgent: s.user_agent,
        address: s.address,
        createdAt: s.created_at.toISOString(),
        lastSeenAt: s.last_seen_at.toISOString(),
        expiresAt: s.expires_at.toISOString(),
        current: s.id === caller.sessionId,
      })),
      nextCursor: null,
    };
  }

  /** Ends one of the caller's sessions (possibly the current one). Someone else's, or one already ended, is 404. */
  async revoke(caller: AuthUser, sessionId: string): Promise<void> {
    const ended = await this.transactions.run((tx) => endSessions(tx, caller.id, [sessionId], 'revoked'));
    if (ended.length === 0) throw notFound('Session');
  }

  /** Ends every session of the caller but the one making the request; returns how many ended. */
  async revokeOthers(caller: AuthUser): Promise<{ revoked: number }> {
    return this.transactions.run(async (tx) => {
      const others: { id: string }[] = await tx.manager.query(
        'SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2::uuid FOR UPDATE',
        [caller.id, caller.sessionId ?? null],
      );
      const ended = await endSessions(
        tx,
        caller.id,
        others.map((s) => s.id),
        'revoked_others',
      );
      return { revoked: ended.length };
    });
  }
}
