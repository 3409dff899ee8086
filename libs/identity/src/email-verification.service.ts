import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import {
  AccountMailPort,
  conflict,
  Database,
  DomainError,
  ErrorCode,
  forbidden,
  invalid,
  PublishingGate,
  rows,
  RUCHE_CONFIG,
  type RucheConfig,
  Transactions,
  type Tx,
} from '@ruche/platform';
import { issueAccountToken, spendAccountToken } from './account-tokens.js';

/** A new link at most once a minute per account, so "resend" cannot be used to flood an inbox. */
const RESEND_INTERVAL_SECONDS = 60;

/**
 * Email verification (#15, Decision): only when SMTP is configured (and `RUCHE_EMAIL_VERIFICATION`
 * is not off), and only for self-registered password accounts; SSO, SCIM and invitations bring
 * addresses someone already vouched for. Until the link is followed the account may read but not
 * post: the check is registered in platform's PublishingGate, which every publishing path asks.
 */
@Injectable()
export class EmailVerificationService implements OnModuleInit {
  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly mail: AccountMailPort,
    private readonly gate: PublishingGate,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  /** Whether new self-registered accounts must verify their address. */
  get applies(): boolean {
    return this.config.mail.smtpUrl !== undefined && this.config.signIn.emailVerification;
  }

  onModuleInit(): void {
    if (!this.applies) return;
    this.gate.register(async (userId) => {
      const [row] = await this.db.prepared<{ verified: boolean }>('identity.email_verified', {
        text: 'SELECT email_verified_at IS NOT NULL AS verified FROM users WHERE id = $1',
        values: [userId],
      });
      return row?.verified ?? false;
    });
  }

  /** In the registering transaction: a verification token for the new account; the email goes after commit ({@link send}). */
  async issue(tx: Tx, userId: string): Promise<{ token: string; expiresAt: Date }> {
    return issueAccountToken(tx, userId, 'verify_email');
  }

  send(to: string, displayName: string, issued: { token: string; expiresAt: Date }): void {
    this.mail.sendLater({
      kind: 'verify_email',
      to,
      displayName,
      link: `${this.config.mail.appUrl}/verify?token=${encodeURIComponent(issued.token)}`,
      expiresAt: issued.expiresAt,
    });
  }

  /** Follows a link: the account's address is verified (the token is spent). */
  async verify(token: string): Promise<{ verified: true }> {
    const verified = await this.transactions.run(async (tx) => {
      const userId = await spendAccountToken(tx, token, 'verify_email');
      if (!userId) return false;
      await tx.manager.query('UPDATE users SET email_verified_at = coalesce(email_verified_at, now()) WHERE id = $1', [userId]);
      return true;
    });
    if (!verified) throw invalid('This link is not valid: it expired, was already used, or a newer one was sent', 'token_invalid');
    return { verified: true };
  }

  /** A new link for the caller (the previous one stops working); at most one a minute. */
  async resend(userId: string): Promise<void> {
    if (!this.applies) throw forbidden('Email verification is not in use on this server', 'verification_unavailable');
    const sent = await this.transactions.run(async (tx) => {
      const [user] = await rows<{ email: string; display_name: string; verified: boolean; recent: boolean }>(
        tx.manager,
        `SELECT email, display_name, email_verified_at IS NOT NULL AS verified,
                EXISTS (SELECT 1 FROM account_tokens t WHERE t.user_id = u.id AND t.purpose = 'verify_email'
                          AND t.created_at > now() - make_interval(secs => $2)) AS recent
           FROM users u WHERE id = $1 FOR UPDATE`,
        [userId, RESEND_INTERVAL_SECONDS],
      );
      if (!user) throw invalid('No such account');
      if (user.verified) throw conflict('This address is already verified', 'email_already_verified');
      if (user.recent)
        throw new DomainError(ErrorCode.RateLimited, 'A link was sent less than a minute ago: check your inbox, then try again');
      return { user, issued: await this.issue(tx, userId) };
    });
    this.send(sent.user.email, sent.user.display_name, sent.issued);
  }
}
