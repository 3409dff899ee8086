import { createHash, randomBytes } from 'node:crypto';
import { rows, type Tx } from '@ruche/platform';

/** What an account token is for: confirming an address, or setting a new password. */
export type AccountTokenPurpose = 'verify_email' | 'password_reset';

/** How long each kind of link works (#15: a reset link lives one hour). */
export const ACCOUNT_TOKEN_TTL_MS: Record<AccountTokenPurpose, number> = {
  verify_email: 48 * 3_600_000,
  password_reset: 3_600_000,
};

const sha256 = (token: string): Buffer => createHash('sha256').update(token, 'utf8').digest();

/**
 * Issues a one-time token in the caller's transaction: 32 random bytes (base64url) for the link,
 * of which only the SHA-256 is stored. Earlier unused tokens of the same purpose die with it, so
 * only the latest email's link works.
 */
export async function issueAccountToken(
  tx: Tx,
  userId: string,
  purpose: AccountTokenPurpose,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + ACCOUNT_TOKEN_TTL_MS[purpose]);
  await tx.manager.query(
    `UPDATE account_tokens SET used_at = now() WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL`,
    [userId, purpose],
  );
  await tx.manager.query(`INSERT INTO account_tokens (user_id, purpose, token_hash, expires_at) VALUES ($1, $2, $3, $4)`, [
    userId,
    purpose,
    sha256(token),
    expiresAt,
  ]);
  return { token, expiresAt };
}

/**
 * Spends a token in the caller's transaction: marks it used only if it is of this purpose, unused
 * and unexpired, in one UPDATE, so two concurrent uses of one link make one success. Returns the
 * account it belongs to, or null (unknown, used, expired or another purpose: all look the same).
 */
export async function spendAccountToken(tx: Tx, token: string, purpose: AccountTokenPurpose): Promise<string | null> {
  const [spent] = await rows<{ user_id: string }>(
    tx.manager,
    `UPDATE account_tokens SET used_at = now()
      WHERE token_hash = $1 AND purpose = $2 AND used_at IS NULL AND expires_at > now()
      RETURNING user_id`,
    [sha256(token), purpose],
  );
  return spent?.user_id ?? null;
}
