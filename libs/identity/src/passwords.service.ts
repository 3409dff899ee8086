import { Injectable } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { aboutAccount, Database, DomainError, ErrorCode, notFound, rows, Transactions } from '@ruche/platform';
import { assertAcceptablePassword } from './password-policy.js';
import { SignupPolicy } from './signup-policy.js';
import { endAllSessions, endSessions } from './sessions-sql.js';

/** argon2id, as registration hashes. */
const ARGON2ID = 2;

/**
 * Changing a password (the person, knowing the current one) and resetting one (an admin) (#15).
 * A change ends the person's other sessions (the one making the request stays); a reset ends
 * every session. The new password follows the same rules as at registration.
 */
@Injectable()
export class PasswordsService {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly signup: SignupPolicy,
  ) {}

  async change(userId: string, sessionId: string | undefined, currentPassword: string, newPassword: string): Promise<void> {
    this.signup.assertPasswordsOn();
    const [account] = await rows<{ email: string; password_hash: string | null }>(
      this.db.manager,
      'SELECT email, password_hash FROM users WHERE id = $1',
      [userId],
    );
    if (!account) throw notFound('User');
    const ok = account.password_hash ? await verify(account.password_hash, currentPassword).catch(() => false) : false;
    if (!ok) throw new DomainError(ErrorCode.Forbidden, 'The current password is wrong', 'wrong_password');
    assertAcceptablePassword(newPassword, account.email);
    const passwordHash = await hash(newPassword, { algorithm: ARGON2ID });
    await this.transactions.run(async (tx) => {
      // The person chose this one: an admin's temporary password no longer needs replacing.
      await tx.manager.query('UPDATE users SET password_hash = $2, must_change_password = false WHERE id = $1', [userId, passwordHash]);
      const others = await rows<{ id: string }>(
        tx.manager,
        `SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL AND id IS DISTINCT FROM $2::uuid`,
        [userId, sessionId ?? null],
      );
      if (others.length)
        await endSessions(
          tx,
          userId,
          others.map((s) => s.id),
          'password_changed',
        );
    });
  }

  /**
   * An admin sets a temporary password for someone (#15): every session of that person ends at
   * once, the web app asks them for their own at next sign-in (`mustChangePassword`), and the
   * audit log records it (`user.password_reset`, method `temporary`).
   */
  async reset(actorId: string, userId: string, newPassword: string): Promise<void> {
    this.signup.assertPasswordsOn();
    const [account] = await rows<{ email: string }>(this.db.manager, 'SELECT email FROM users WHERE id = $1', [userId]);
    if (!account) throw notFound('User');
    assertAcceptablePassword(newPassword, account.email);
    const passwordHash = await hash(newPassword, { algorithm: ARGON2ID });
    await this.transactions.run(async (tx) => {
      await tx.manager.query('UPDATE users SET password_hash = $2, must_change_password = true WHERE id = $1', [userId, passwordHash]);
      await tx.emit({
        type: 'user.password_reset',
        payload: { userId, method: 'temporary' },
        ...aboutAccount(userId),
        actorId,
      });
      const open = await rows<{ id: string }>(tx.manager, 'SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL', [
        userId,
      ]);
      await endAllSessions(tx, userId);
      if (open.length) {
        await tx.emit({
          type: 'session.revoked',
          payload: { userId, sessionIds: open.map((s) => s.id), reason: 'password_changed' },
          ...aboutAccount(userId),
          actorId,
        });
      }
    });
  }
}
