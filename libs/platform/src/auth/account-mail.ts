import { Injectable, Logger } from '@nestjs/common';

/**
 * An email about a person's account (#15), sent by identity and written by the email module:
 * a link to verify an address, to reset a password, or to accept an invitation. The link carries a
 * one-time token; it travels only in this call, never through the outbox.
 */
export interface AccountMessage {
  kind: 'verify_email' | 'password_reset' | 'invitation';
  to: string;
  /** The name to greet (null for an invitation: there is no account yet). */
  displayName: string | null;
  link: string;
  expiresAt: Date;
}

export interface AccountMailSender {
  /** Sends now; throws when the server refused or could not be reached. */
  send(message: AccountMessage): Promise<void>;
}

/** Attempts of one account email before giving up (the person can ask again). */
const ATTEMPTS = 3;

/**
 * The port identity sends account emails through and the email module fills at start (`provide`),
 * as expertise fills ExpertFinderPort: identity sits below email (email imports identity), so the
 * dependency points down. Sends happen after the writing transaction committed and off the
 * request (`sendLater`), so an answer never waits on SMTP and "forgot password" takes the same
 * time whether the address exists or not.
 */
@Injectable()
export class AccountMailPort {
  private readonly logger = new Logger('account-mail');
  private sender: AccountMailSender | null = null;
  private readonly pending = new Set<Promise<void>>();

  provide(sender: AccountMailSender): void {
    this.sender = sender;
  }

  /** Whether account emails can go out (the email module is loaded and SMTP configured). */
  get available(): boolean {
    return this.sender !== null;
  }

  /** Sends in the background, retrying a transient failure twice; failures are logged, not thrown. */
  sendLater(message: AccountMessage): void {
    const sender = this.sender;
    if (!sender) return;
    const run = (async () => {
      for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
        try {
          await sender.send(message);
          return;
        } catch (error) {
          if (attempt === ATTEMPTS) {
            this.logger.warn({ msg: 'account email not sent', kind: message.kind, error: (error as Error).message });
            return;
          }
          await new Promise((r) => setTimeout(r, 500 * attempt));
        }
      }
    })();
    this.pending.add(run);
    void run.finally(() => this.pending.delete(run));
  }

  /** Resolves once every email started so far has been sent or given up (tests, shutdown). */
  async drain(): Promise<void> {
    await Promise.all([...this.pending]);
  }
}
