import { Injectable } from '@nestjs/common';
import { verify } from '@node-rs/argon2';
import type { AccountChangeSource } from '@ruche/contracts';
import { aboutAccount, Database, DomainError, ErrorCode, notFound, rows, type Tx } from '@ruche/platform';
import { statusOf } from './account-states.js';
import type { UserView } from './dto.js';
import { endAllSessions } from './sessions-sql.js';
import type { AccountStatus } from './user.entity.js';

interface AccountRow {
  id: string;
  email: string;
  handle: string;
  display_name: string;
  roles: UserView['roles'];
  status: AccountStatus;
  suspended_at: Date | null;
  deactivated_at: Date | null;
  created_at: Date;
  email_verified_at: Date | null;
  must_change_password: boolean;
}

const toView = (u: AccountRow): UserView => ({
  id: u.id,
  email: u.email,
  handle: u.handle,
  displayName: u.display_name,
  roles: u.roles,
  status: u.status,
  createdAt: u.created_at.toISOString(),
  emailVerified: u.email_verified_at !== null,
  mustChangePassword: u.must_change_password,
});

/**
 * Suspending and deactivating accounts, in the caller's transaction (the caller records why).
 * Either one ends every session at once (the token version moves, sessions and refresh tokens are
 * revoked) and its event closes the person's sockets on every instance; the person then drops out
 * of people search, expert routing and mentions, which read `status = 'active'`. Setting what is
 * already set changes nothing and emits nothing. Nobody suspends or deactivates themselves.
 */
@Injectable()
export class AccountStatesService {
  constructor(private readonly db: Database) {}

  async setSuspended(
    tx: Tx,
    actorId: string,
    userId: string,
    suspended: boolean,
    reason: string | null = null,
  ): Promise<UserView> {
    if (suspended && actorId === userId) throw new DomainError(ErrorCode.Invalid, 'You cannot suspend yourself');
    const user = await this.lock(tx, userId);
    if ((user.suspended_at !== null) === suspended) return toView(user);
    const next = await this.write(tx, user, { suspended });
    await tx.emit({
      type: suspended ? 'user.suspended' : 'user.reinstated',
      payload: { userId, reason },
      ...aboutAccount(userId),
      actorId,
    });
    return toView(next);
  }

  /** By an admin (`actorId`) or by the identity provider through SCIM (`actorId` null). */
  async setDeactivated(
    tx: Tx,
    actorId: string | null,
    userId: string,
    deactivated: boolean,
    reason: string | null,
    source: AccountChangeSource,
  ): Promise<UserView> {
    if (deactivated && actorId === userId) throw new DomainError(ErrorCode.Invalid, 'You cannot deactivate yourself');
    const user = await this.lock(tx, userId);
    if ((user.deactivated_at !== null) === deactivated) return toView(user);
    const next = await this.write(tx, user, { deactivated });
    await tx.emit({
      type: deactivated ? 'user.deactivated' : 'user.reactivated',
      payload: { userId, reason, source },
      ...aboutAccount(userId),
      actorId,
    });
    return toView(next);
  }

  /**
   * Before a person erases their own account (#15): their password, when the account has one (an
   * SSO-only account has none; the typed confirmation is then all). Checked before the erasing
   * transaction, so no row lock is held while argon2 runs.
   */
  async confirmPassword(userId: string, password: string | undefined): Promise<void> {
    const [account] = await rows<{ password_hash: string | null }>(
      this.db.manager,
      `SELECT password_hash FROM users WHERE id = $1 AND status <> 'erased'`,
      [userId],
    );
    if (!account) throw notFound('User');
    if (account.password_hash === null) return;
    const ok = password ? await verify(account.password_hash, password).catch(() => false) : false;
    if (!ok) throw new DomainError(ErrorCode.Forbidden, 'The password is wrong', 'wrong_password');
  }

  /**
   * Locks an account for erasure (libs/privacy runs the erasure in `tx`): its current handle (the
   * text others wrote to mention them). An erased account is not found, so of concurrent erasures
   * the first wins and the others answer 404.
   */
  async lockForErasure(tx: Tx, userId: string): Promise<{ handle: string }> {
    const user = await this.lock(tx, userId);
    return { handle: user.handle };
  }

  private async lock(tx: Tx, userId: string): Promise<AccountRow> {
    const [user] = await rows<AccountRow>(
      tx.manager,
      `SELECT id, email, handle, display_name, roles, status, suspended_at, deactivated_at, created_at, email_verified_at, must_change_password
         FROM users WHERE id = $1 FOR UPDATE`,
      [userId],
    );
    if (!user || user.status === 'erased') throw notFound('User');
    return user;
  }

  private async write(tx: Tx, user: AccountRow, change: { suspended?: boolean; deactivated?: boolean }): Promise<AccountRow> {
    const suspended = change.suspended ?? user.suspended_at !== null;
    const deactivated = change.deactivated ?? user.deactivated_at !== null;
    const status = statusOf({ suspended, deactivated, erased: false });
    const [next] = await rows<AccountRow>(
      tx.manager,
      `UPDATE users
          SET suspended_at = CASE WHEN $2 THEN coalesce(suspended_at, now()) END,
              deactivated_at = CASE WHEN $3 THEN coalesce(deactivated_at, now()) END,
              status = $4
        WHERE id = $1
        RETURNING id, email, handle, display_name, roles, status, suspended_at, deactivated_at, created_at, email_verified_at, must_change_password`,
      [user.id, suspended, deactivated, status],
    );
    if (change.suspended || change.deactivated) await endAllSessions(tx, user.id);
    return next!;
  }
}
