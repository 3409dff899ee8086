import { createHash, randomBytes } from 'node:crypto';

/** Pure rules of refresh-token rotation, kept apart from storage so they are unit-tested. */
export interface StoredRefreshToken {
  expiresAt: Date;
  spentAt: Date | null;
  revokedAt: Date | null;
}

export type RotationVerdict =
  | { kind: 'rotate' }
  | { kind: 'reject'; reason: 'unknown' | 'expired' | 'revoked' }
  /** A spent token came back: someone replayed it, so the whole family goes. */
  | { kind: 'revoke-family' };

export function judgeRefresh(token: StoredRefreshToken | null, now: Date): RotationVerdict {
  if (!token) return { kind: 'reject', reason: 'unknown' };
  if (token.spentAt) return { kind: 'revoke-family' };
  if (token.revokedAt) return { kind: 'reject', reason: 'revoked' };
  if (token.expiresAt.getTime() <= now.getTime()) return { kind: 'reject', reason: 'expired' };
  return { kind: 'rotate' };
}

export function newRefreshToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Refresh tokens carry 256 random bits, so a fast hash is enough (no salt or stretching needed). */
export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
