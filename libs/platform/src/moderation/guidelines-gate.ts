import { Injectable } from '@nestjs/common';
import { forbidden } from '../errors/domain-error.js';

/** Whether a user has accepted the current company guidelines (true when there are none). */
export type GuidelinesCheck = (userId: string) => Promise<boolean>;

/** The 403 message a user gets when they must accept the company guidelines first. */
export const GUIDELINES_NOT_ACCEPTED =
  'guidelines_not_accepted: accept the current community guidelines (POST /api/guidelines/accept) before posting';

/**
 * "Accept the company guidelines before posting": moderation registers the check, content modules
 * call `assertAccepted` before someone publishes. With no check registered nothing is required.
 */
@Injectable()
export class GuidelinesGate {
  private check: GuidelinesCheck | undefined;

  register(check: GuidelinesCheck): void {
    this.check = check;
  }

  async hasAccepted(userId: string): Promise<boolean> {
    return this.check ? this.check(userId) : true;
  }

  /** Throws a 403 (Forbidden, {@link GUIDELINES_NOT_ACCEPTED}) unless the user may publish. */
  async assertAccepted(userId: string): Promise<void> {
    if (!(await this.hasAccepted(userId))) throw forbidden(GUIDELINES_NOT_ACCEPTED, 'guidelines_not_accepted');
  }
}
