import { Inject, Injectable } from '@nestjs/common';
import { verify } from '@node-rs/argon2';
import { createHash, createHmac, randomBytes, randomUUID } from 'node:crypto';
import { toDataURL } from 'qrcode';
import {
  aboutAccount,
  conflict,
  Database,
  DomainError,
  ErrorCode,
  forbidden,
  notFound,
  rows,
  RUCHE_CONFIG,
  type RucheConfig,
  Transactions,
  type Tx,
  unauthenticated,
} from '@ruche/platform';
import type { SessionView } from './dto.js';
import { IdentityService } from './identity.service.js';
import { LoginThrottle } from './login-throttle.js';
import {
  decryptSecret,
  encryptSecret,
  matchingStep,
  newRecoveryCodes,
  newTotpSecret,
  normaliseRecoveryCode,
  totpKey,
  totpUri,
} from './totp.js';
import { UserEntity } from './user.entity.js';
import type { TotpChallengeView, TotpEnrolmentView, TwoFactorStatusView } from './views.js';

/** How long the second step of a login may wait for its code. */
export const LOGIN_CHALLENGE_TTL_SECONDS = 300;

/** A code from the authenticator or, instead, one of the recovery codes. */
export interface SecondFactor {
  code?: string;
  recoveryCode?: string;
}

/**
 * Where a code is checked: at login a bad one is 401 (not signed in yet); on the settings page it
 * is 403, so the web app does not take it for an expired session and sign the person out.
 */
type Stage = 'login' | 'account';
const refuse = (stage: Stage, message: string, reason: 'totp_invalid' | 'totp_required') =>
  stage === 'login' ? unauthenticated(message, reason) : new DomainError(ErrorCode.Forbidden, message, reason);

const sha256 = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest();

/**
 * TOTP two-factor for password accounts (#15), RFC 6238 through `otpauth`:
 *
 * - enrol: a new secret (encrypted at rest with a key derived from JWT_SECRET, shown once as text,
 *   URI and QR code), confirmed by a first code, which turns it on and answers ten one-time
 *   recovery codes (only their HMAC kept);
 * - login: the password step answers a challenge (no tokens); `completeLogin` takes the challenge
 *   and a code (or a recovery code) and opens the session. Attempts count in the login throttle
 *   under the account's key, which only a completed login clears, so the password step cannot be
 *   used to reset the count between guesses;
 * - a code is accepted once: `last_step` keeps the last 30-second step used, and only a later step
 *   passes (one conditional UPDATE, so two concurrent uses of one code make one success);
 * - disable (password + code), and an admin's reset (audited through `user.two_factor_reset`).
 */
@Injectable()
export class TwoFactorService {
  private readonly key: Buffer;

  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly identity: IdentityService,
    private readonly throttle: LoginThrottle,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {
    this.key = totpKey(config.auth.jwtSecret);
  }

  private recoveryHash(code: string): string {
    return createHmac('sha256', this.key).update(normaliseRecoveryCode(code)).digest('hex');
  }

  async status(userId: string): Promise<TwoFactorStatusView> {
    const [row] = await rows<{ has_password: boolean; enabled_at: Date | null; left: number }>(
      this.db.manager,
      `SELECT u.password_hash IS NOT NULL AS has_password, c.enabled_at,
              (SELECT count(*)::int FROM totp_recovery_codes r WHERE r.user_id = u.id AND r.used_at IS NULL) AS left
         FROM users u LEFT JOIN totp_credentials c ON c.user_id = u.id
        WHERE u.id = $1`,
      [userId],
    );
    if (!row) throw notFound('User');
    return {
      applicable: row.has_password && this.config.signIn.passwordLogin,
      enabled: row.enabled_at !== null,
      enabledAt: row.enabled_at?.toISOString() ?? null,
      recoveryCodesLeft: row.enabled_at ? row.left : 0,
    };
  }

  /** Whether a password login of this account needs a second step. */
  async isEnabled(userId: string): Promise<boolean> {
    const [row] = await this.db.prepared<{ on: boolean }>('identity.totp_enabled', {
      text: 'SELECT true AS on FROM totp_credentials WHERE user_id = $1 AND enabled_at IS NOT NULL',
      values: [userId],
    });
    return row !== undefined;
  }

  /** Starts (or restarts) enrolment: a new secret, not in force until a code confirms it. */
  async enrol(userId: string): Promise<TotpEnrolmentView> {
    const secret = newTotpSecret();
    const email = await this.transactions.run(async (tx) => {
      const [user] = await rows<{ email: string; has_password: boolean }>(
        tx.manager,
        'SELECT email, password_hash IS NOT NULL AS has_password FROM users WHERE id = $1 FOR UPDATE',
        [userId],
      );
      if (!user) throw notFound('User');
      if (!user.has_password || !this.config.signIn.passwordLogin)
        throw forbidden('Two-factor here is for password sign-in; single sign-on uses your provider’s', 'totp_not_applicable');
      const [existing] = await rows<{ enabled_at: Date | null }>(
        tx.manager,
        'SELECT enabled_at FROM totp_credentials WHERE user_id = $1',
        [userId],
      );
      if (existing?.enabled_at)
        throw conflict('Two-factor is already on: turn it off first to enrol a new device', 'totp_already_enabled');
      await tx.manager.query(
        `INSERT INTO totp_credentials (user_id, secret) VALUES ($1, $2)
         ON CONFLICT ON CONSTRAINT totp_credentials_pkey DO UPDATE SET secret = EXCLUDED.secret, created_at = now(), last_step = 0`,
        [userId, encryptSecret(this.key, secret)],
      );
      return user.email;
    });
    const uri = totpUri(secret, this.config.signIn.totpIssuer, email);
    return { secret, uri, qrCode: await toDataURL(uri, { errorCorrectionLevel: 'M', margin: 1, width: 240 }) };
  }

  /** The first code from the new device turns two-factor on; answers the recovery codes, shown this once. */
  async confirm(userId: string, code: string): Promise<{ recoveryCodes: string[] }> {
    return this.transactions.run(async (tx) => {
      const credential = await this.lockCredential(tx, userId);
      if (!credential) throw conflict('Start enrolment first (POST /api/me/2fa/totp)', 'totp_not_enabled');
      if (credential.enabled_at) throw conflict('Two-factor is already on', 'totp_already_enabled');
      await this.spendCode(tx, userId, credential.secret, code, 'account');
      await tx.manager.query('UPDATE totp_credentials SET enabled_at = now() WHERE user_id = $1', [userId]);
      const recoveryCodes = newRecoveryCodes();
      await tx.manager.query('DELETE FROM totp_recovery_codes WHERE user_id = $1', [userId]);
      await tx.manager.query('INSERT INTO totp_recovery_codes (user_id, code_hash) SELECT $1, unnest($2::text[])', [
        userId,
        recoveryCodes.map((c) => this.recoveryHash(c)),
      ]);
      return { recoveryCodes };
    });
  }

  /** Turns two-factor off: the password and a current code (or a recovery code) prove it is the person. */
  async disable(userId: string, password: string, factor: SecondFactor, address: string | undefined): Promise<void> {
    const [user] = await rows<{ email: string; password_hash: string | null }>(
      this.db.manager,
      'SELECT email, password_hash FROM users WHERE id = $1',
      [userId],
    );
    if (!user) throw notFound('User');
    await this.throttle.attempt(user.email, address);
    const ok = user.password_hash ? await verify(user.password_hash, password).catch(() => false) : false;
    if (!ok) throw new DomainError(ErrorCode.Forbidden, 'The password is wrong', 'wrong_password');
    await this.transactions.run(async (tx) => {
      const credential = await this.lockCredential(tx, userId);
      if (!credential?.enabled_at) throw conflict('Two-factor is not on', 'totp_not_enabled');
      await this.spendFactor(tx, userId, credential.secret, factor, 'account');
      await tx.manager.query('DELETE FROM totp_credentials WHERE user_id = $1', [userId]);
      await tx.manager.query('DELETE FROM totp_recovery_codes WHERE user_id = $1', [userId]);
    });
    await this.throttle.succeeded(user.email, address);
  }

  /**
   * An admin turns someone's two-factor off (a lost phone and lost recovery codes), audited as
   * `user.two_factor_reset`. Their sessions stay: the next password login has no second step.
   */
  async reset(actorId: string, userId: string): Promise<void> {
    await this.transactions.run(async (tx) => {
      const [user] = await rows<{ id: string }>(
        tx.manager,
        `SELECT id FROM users WHERE id = $1 AND status <> 'erased' FOR UPDATE`,
        [userId],
      );
      if (!user) throw notFound('User');
      const removed = await rows<{ user_id: string }>(
        tx.manager,
        'DELETE FROM totp_credentials WHERE user_id = $1 RETURNING user_id',
        [userId],
      );
      await tx.manager.query('DELETE FROM totp_recovery_codes WHERE user_id = $1', [userId]);
      if (removed.length === 0) return;
      await tx.emit({
        type: 'user.two_factor_reset',
        payload: { userId },
        ...aboutAccount(userId),
        actorId,
      });
    });
  }

  /** After the password step: a one-time challenge instead of tokens. */
  async challenge(userId: string): Promise<TotpChallengeView> {
    const challenge = randomBytes(32).toString('base64url');
    await this.db.manager.query(
      `INSERT INTO login_challenges (token_hash, user_id, expires_at) VALUES ($1, $2, now() + make_interval(secs => $3))`,
      [sha256(challenge), userId, LOGIN_CHALLENGE_TTL_SECONDS],
    );
    // Spent and expired challenges are of no use to anyone: cleared as new ones are made.
    await this.db.manager.query(`DELETE FROM login_challenges WHERE expires_at < now() - interval '1 hour'`);
    return { totpRequired: true, challenge, expiresIn: LOGIN_CHALLENGE_TTL_SECONDS };
  }

  /** The second step: the challenge and a code (or recovery code) open the session. */
  async completeLogin(challenge: string, factor: SecondFactor, address: string | undefined): Promise<SessionView> {
    const hash = sha256(challenge);
    const [pending] = await rows<{ email: string }>(
      this.db.manager,
      `SELECT u.email FROM login_challenges c JOIN users u ON u.id = c.user_id
        WHERE c.token_hash = $1 AND c.used_at IS NULL AND c.expires_at > now()`,
      [hash],
    );
    if (!pending) throw unauthenticated('This sign-in took too long or was already completed: start again', 'challenge_invalid');
    // Counted first, under the same account key as password failures (see the class comment).
    await this.throttle.attempt(pending.email, address);
    const session = await this.transactions.run(async (tx) => {
      const [locked] = await rows<{ user_id: string }>(
        tx.manager,
        `SELECT user_id FROM login_challenges WHERE token_hash = $1 AND used_at IS NULL AND expires_at > now() FOR UPDATE`,
        [hash],
      );
      if (!locked) throw unauthenticated('This sign-in took too long or was already completed: start again', 'challenge_invalid');
      const credential = await this.lockCredential(tx, locked.user_id);
      if (!credential?.enabled_at) throw unauthenticated('Two-factor was turned off: sign in again', 'challenge_invalid');
      await this.spendFactor(tx, locked.user_id, credential.secret, factor, 'login');
      await tx.manager.query('UPDATE login_challenges SET used_at = now() WHERE token_hash = $1', [hash]);
      const user = await tx.manager.findOne(UserEntity, { where: { id: locked.user_id } });
      if (!user || user.status !== 'active') throw unauthenticated('This account is not active');
      return this.identity.openSession(tx, user, randomUUID());
    });
    await this.throttle.succeeded(pending.email, address);
    return session;
  }

  private async lockCredential(tx: Tx, userId: string): Promise<{ secret: string; enabled_at: Date | null } | undefined> {
    const [row] = await rows<{ secret: string; enabled_at: Date | null }>(
      tx.manager,
      'SELECT secret, enabled_at FROM totp_credentials WHERE user_id = $1 FOR UPDATE',
      [userId],
    );
    return row ? { secret: decryptSecret(this.key, row.secret), enabled_at: row.enabled_at } : undefined;
  }

  private async spendFactor(tx: Tx, userId: string, secret: string, factor: SecondFactor, stage: Stage): Promise<void> {
    if (factor.code !== undefined) return this.spendCode(tx, userId, secret, factor.code, stage);
    if (factor.recoveryCode !== undefined) {
      const used = await rows<{ id: string }>(
        tx.manager,
        'UPDATE totp_recovery_codes SET used_at = now() WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL RETURNING id',
        [userId, this.recoveryHash(factor.recoveryCode)],
      );
      if (used.length === 0) throw refuse(stage, 'This recovery code is not valid or was already used', 'totp_invalid');
      return;
    }
    throw refuse(stage, 'A code from your authenticator app (or a recovery code) is required', 'totp_required');
  }

  /** Accepts `code` only for a time step later than the last accepted one (a code works once). */
  private async spendCode(tx: Tx, userId: string, secret: string, code: string, stage: Stage): Promise<void> {
    const step = matchingStep(secret, code.replace(/\s/g, ''));
    const accepted =
      step !== null &&
      (
        await rows<{ user_id: string }>(
          tx.manager,
          'UPDATE totp_credentials SET last_step = $2 WHERE user_id = $1 AND last_step < $2 RETURNING user_id',
          [userId, step],
        )
      ).length > 0;
    if (!accepted) throw refuse(stage, 'This code is wrong, expired, or was already used', 'totp_invalid');
  }
}
