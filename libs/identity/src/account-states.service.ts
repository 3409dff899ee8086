import { Injectable } from '@nestjs/common';
import type { AccountChangeSource } from '@ruche/contracts';
import { DomainError, ErrorCode, notFound, rows, type Tx, userRoom } from '@ruche/platform';
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
      audience: [userRoom(userId)],
      subject: { type: 'user', id: userId },
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
      audience: [userRoom(userId)],
      subject: { type: 'user', id: userId },
      actorId,
    });
    return toView(next);
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
