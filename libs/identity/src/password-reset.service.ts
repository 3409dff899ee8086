import { Inject, Injectable } from '@nestjs/common';
import { hash } from '@node-rs/argon2';
import {
  aboutAccount,
  AccountMailPort,
  Database,
  forbidden,
  invalid,
  notFound,
  rows,
  RUCHE_CONFIG,
  type RucheConfig,
  Transactions,
} from '@ruche/platform';
import { issueAccountToken, spendAccountToken } from './account-tokens.js';
import { assertAcceptablePassword } from './password-policy.js';
import { endAllSessions } from './sessions-sql.js';
import { SignupPolicy } from './signup-policy.js';
import type { PasswordResetLinkView } from './views.js';

/** argon2id, as registration hashes. */
const ARGON2ID = 2;

/**
 * Password reset (#15): by email when SMTP is configured ("forgot password": a one-hour,
 * single-use link, only its SHA-256 stored), or through an admin otherwise (a temporary password,
 * PasswordsService.reset, or a reset link the admin hands over). Setting the password through a
 * link applies the password policy, ends every session of the account and verifies its address
 * (the link reached that inbox).
 */
@Injectable()
export class PasswordResetService {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly signup: SignupPolicy,
    private readonly mail: AccountMailPort,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  private link(token: string): string {
    return `${this.config.mail.appUrl}/reset-password?token=${encodeURIComponent(token)}`;
  }

  /**
   * "Forgot password": emails a link when `email` is an active password account. The caller
   * answers 202 whatever happened, and the email goes out in the background, so neither the answer
   * nor its timing tells whether the address has an account.
   */
  async forgot(email: string): Promise<void> {
    this.signup.assertPasswordsOn();
    if (!this.mail.available)
      throw forbidden('Password reset by email is not available here: ask an administrator', 'password_reset_unavailable');
    const found = await this.transactions.run(async (tx) => {
      const [user] = await rows<{ id: string; email: string; display_name: string }>(
        tx.manager,
        `SELECT id, email, display_name FROM users WHERE email = $1 AND status = 'active' AND password_hash IS NOT NULL FOR UPDATE`,
        [email],
      );
      if (!user) return null;
      // At most one link a minute per account: a script cannot flood someone's inbox.
      const [recent] = await rows<{ id: string }>(
        tx.manager,
        `SELECT id FROM account_tokens WHERE user_id = $1 AND purpose = 'password_reset' AND created_at > now() - interval '1 minute'`,
        [user.id],
      );
      if (recent) return null;
      return { user, issued: await issueAccountToken(tx, user.id, 'password_reset') };
    });
    if (found)
      this.mail.sendLater({
        kind: 'password_reset',
        to: found.user.email,
        displayName: found.user.display_name,
        link: this.link(found.issued.token),
        expiresAt: found.issued.expiresAt,
      });
  }

  /** Sets a new password with a link's token: policy checked first (nothing spent on a refusal), then every session ends. */
  async reset(token: string, password: string): Promise<void> {
    this.signup.assertPasswordsOn();
    const [owner] = await rows<{ email: string }>(
      this.db.manager,
      `SELECT u.email FROM account_tokens t JOIN users u ON u.id = t.user_id
        WHERE t.token_hash = sha256(convert_to($1, 'UTF8')) AND t.purpose = 'password_reset' AND t.used_at IS NULL AND t.expires_at > now()`,
      [token],
    );
    if (!owner) throw invalid('This link is not valid: it expired, was already used, or a newer one was sent', 'token_invalid');
    assertAcceptablePassword(password, owner.email);
    const passwordHash = await hash(password, { algorithm: ARGON2ID });
    const done = await this.transactions.run(async (tx) => {
      const userId = await spendAccountToken(tx, token, 'password_reset');
      if (!userId) return false;
      await tx.manager.query(
        `UPDATE users SET password_hash = $2, must_change_password = false, email_verified_at = coalesce(email_verified_at, now())
          WHERE id = $1`,
        [userId, passwordHash],
      );
      const open = await rows<{ id: string }>(tx.manager, 'SELECT id FROM sessions WHERE user_id = $1 AND revoked_at IS NULL', [
        userId,
      ]);
      await endAllSessions(tx, userId);
      if (open.length)
        await tx.emit({
          type: 'session.revoked',
          payload: { userId, sessionIds: open.map((s) => s.id), reason: 'password_changed' },
          ...aboutAccount(userId),
          actorId: userId,
        });
      return true;
    });
    if (!done) throw invalid('This link is not valid: it expired, was already used, or a newer one was sent', 'token_invalid');
  }

  /**
   * An admin issues a reset link for someone (audited as `user.password_reset`, method `link`): the
   * answer carries the link to hand over, and it is also emailed when SMTP is configured.
   */
  async issueByAdmin(actorId: string, userId: string): Promise<PasswordResetLinkView> {
    this.signup.assertPasswordsOn();
    const { user, issued } = await this.transactions.run(async (tx) => {
      const [user] = await rows<{ id: string; email: string; display_name: string }>(
        tx.manager,
        `SELECT id, email, display_name FROM users WHERE id = $1 AND status <> 'erased' FOR UPDATE`,
        [userId],
      );
      if (!user) throw notFound('User');
      const issued = await issueAccountToken(tx, user.id, 'password_reset');
      await tx.emit({
        type: 'user.password_reset',
        payload: { userId, method: 'link' },
        ...aboutAccount(userId),
        actorId,
      });
      return { user, issued };
    });
    const link = this.link(issued.token);
    this.mail.sendLater({
      kind: 'password_reset',
      to: user.email,
      displayName: user.display_name,
      link,
      expiresAt: issued.expiresAt,
    });
    return { link, expiresAt: issued.expiresAt.toISOString(), emailed: this.mail.available };
  }
}
