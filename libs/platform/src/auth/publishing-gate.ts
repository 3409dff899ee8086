import { Injectable } from '@nestjs/common';
import { forbidden } from '../errors/domain-error.js';

/** Whether an account may publish as far as its own state goes (identity answers: email verified). */
export type AccountPublishCheck = (userId: string) => Promise<boolean>;

/**
 * "Email addresses are verified before an account can post" (#15): identity registers the check,
 * and ContentModeration.beforePublish (the one call every post, comment, question, answer, idea
 * and kudos makes before it is written) asks it. With no check registered, anyone may publish.
 */
@Injectable()
export class PublishingGate {
  private check: AccountPublishCheck | undefined;

  register(check: AccountPublishCheck): void {
    this.check = check;
  }

  /** Throws 403 `email_unverified` while the author's address is not verified. */
  async assertMayPublish(userId: string): Promise<void> {
    if (this.check && !(await this.check(userId)))
      throw forbidden('Verify your email address before posting (see the link we sent, or ask for a new one)', 'email_unverified');
  }
}
