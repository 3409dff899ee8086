import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { RUCHE_CONFIG, type RucheConfig } from '@ruche/platform';

/** What an unsubscribe link turns off: one notification kind's emails, or the digest. */
export interface UnsubscribeTarget {
  userId: string;
  topic: string;
}

/**
 * Signed unsubscribe links (`List-Unsubscribe`, RFC 8058 one-click): the person and the topic,
 * with an HMAC-SHA256 under a key derived from the server's secret, so the link works without
 * signing in and cannot be altered to unsubscribe someone else or from something else. It does not
 * expire: an old email's link keeps working, as mail clients expect.
 */
@Injectable()
export class UnsubscribeLinks {
  private readonly key: Buffer;

  constructor(@Inject(RUCHE_CONFIG) private readonly config: RucheConfig) {
    this.key = createHmac('sha256', config.auth.jwtSecret).update('ruche:email-unsubscribe:v1').digest();
  }

  token(userId: string, topic: string): string {
    const payload = Buffer.from(JSON.stringify([userId, topic])).toString('base64url');
    return `${payload}.${this.sign(payload)}`;
  }

  url(userId: string, topic: string): string {
    return `${this.config.mail.appUrl}/api/email/unsubscribe?token=${this.token(userId, topic)}`;
  }

  /** The target of a genuine token; null for anything altered or malformed. */
  verify(token: string): UnsubscribeTarget | null {
    const [payload, signature, extra] = token.split('.');
    if (!payload || !signature || extra !== undefined) return null;
    const expected = Buffer.from(this.sign(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    try {
      const parsed: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string')
        return null;
      return { userId: parsed[0], topic: parsed[1] };
    } catch {
      return null;
    }
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
