import { hashRefreshToken, judgeRefresh, newRefreshToken } from './refresh-rotation.js';

const now = new Date('2026-11-23T12:00:00Z');
const future = new Date('2026-12-01T00:00:00Z');

describe('refresh token rotation rules', () => {
  it('rotates a live token', () => {
    expect(judgeRefresh({ expiresAt: future, spentAt: null, revokedAt: null }, now)).toEqual({ kind: 'rotate' });
  });

  it('revokes the family when a spent token is replayed', () => {
    expect(judgeRefresh({ expiresAt: future, spentAt: now, revokedAt: null }, now)).toEqual({ kind: 'revoke-family' });
    // Even after the family was revoked, a replay is still treated as theft.
    expect(judgeRefresh({ expiresAt: future, spentAt: now, revokedAt: now }, now)).toEqual({ kind: 'revoke-family' });
  });

  it('rejects unknown, revoked and expired tokens', () => {
    expect(judgeRefresh(null, now)).toEqual({ kind: 'reject', reason: 'unknown' });
    expect(judgeRefresh({ expiresAt: future, spentAt: null, revokedAt: now }, now)).toEqual({ kind: 'reject', reason: 'revoked' });
    expect(judgeRefresh({ expiresAt: now, spentAt: null, revokedAt: null }, now)).toEqual({ kind: 'reject', reason: 'expired' });
  });

  it('makes high-entropy tokens and stores only a hash', () => {
    const a = newRefreshToken();
    const b = newRefreshToken();
    expect(a).not.toEqual(b);
    expect(a.length).toBeGreaterThanOrEqual(43);
    expect(hashRefreshToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashRefreshToken(a)).not.toContain(a);
  });
});
