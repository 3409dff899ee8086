import { Inject, Injectable } from '@nestjs/common';
import { Database, DomainError, ErrorCode, rows, RUCHE_CONFIG, type RucheConfig } from '@ruche/platform';

/** The throttle's window: failures are counted per quarter hour. */
const WINDOW = `date_bin('15 minutes', clock_timestamp(), timestamptz '2000-01-01')`;

/**
 * Failed password logins counted per account (the email tried) and per client address, in
 * platform's `rate_limit_windows` (one row per key, overwritten when its window has passed), so
 * every instance behind a load balancer shares the counts: guessing one person's password from
 * many addresses, or many people's from one address, stops at the limit. Only failures count; a
 * successful login clears the account's count. `RUCHE_LOGIN_FAILURES_PER_ACCOUNT` and
 * `RUCHE_LOGIN_FAILURES_PER_ADDRESS` (per 15 minutes; 0 turns one off).
 */
@Injectable()
export class LoginThrottle {
  constructor(
    private readonly db: Database,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {}

  private keys(email: string, address: string | undefined): { key: string; limit: number }[] {
    const { loginFailuresPerAccount, loginFailuresPerAddress } = this.config.signIn;
    return [
      { key: `login-account:${email.trim().toLowerCase()}`, limit: loginFailuresPerAccount },
      { key: `login-address:${address ?? 'unknown'}`, limit: loginFailuresPerAddress },
    ].filter((k) => k.limit > 0);
  }

  /**
   * Before checking a password: counts this attempt against the account and the address, then
   * refuses it (429 `login_throttled`) when either is past its limit. Counting first, in one
   * atomic upsert per key, bounds concurrent guesses exactly; a successful login gives its
   * attempt back ({@link succeeded}).
   */
  async attempt(email: string, address: string | undefined): Promise<void> {
    for (const { key, limit } of this.keys(email, address)) {
      const [{ hits, retry_after }] = await rows<{ hits: number; retry_after: number }>(
        this.db.manager,
        `INSERT INTO rate_limit_windows AS w (key, window_start, hits) VALUES ($1, ${WINDOW}, 1)
         ON CONFLICT (key) DO UPDATE
           SET hits = CASE WHEN w.window_start = EXCLUDED.window_start THEN w.hits + 1 ELSE 1 END,
               window_start = EXCLUDED.window_start
         RETURNING w.hits, greatest(1, ceil(extract(epoch FROM w.window_start + interval '15 minutes' - clock_timestamp())))::int AS retry_after`,
        [key],
      );
      if (hits > limit)
        throw new DomainError(
          ErrorCode.RateLimited,
          `Too many failed sign-ins, try again in ${Math.ceil(retry_after / 60)} min`,
          'login_throttled',
        );
    }
  }

  /** After a successful login: the account's failures are forgotten, and the address gets its attempt back. */
  async succeeded(email: string, address: string | undefined): Promise<void> {
    const { loginFailuresPerAccount, loginFailuresPerAddress } = this.config.signIn;
    if (loginFailuresPerAccount > 0)
      await this.db.manager.query('DELETE FROM rate_limit_windows WHERE key = $1', [
        `login-account:${email.trim().toLowerCase()}`,
      ]);
    if (loginFailuresPerAddress > 0)
      await this.db.manager.query(
        `UPDATE rate_limit_windows SET hits = greatest(0, hits - 1) WHERE key = $1 AND window_start = ${WINDOW}`,
        [`login-address:${address ?? 'unknown'}`],
      );
  }
}
