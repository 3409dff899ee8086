import { Injectable, Logger } from '@nestjs/common';
import { promises as dns } from 'node:dns';
import { authenticate, type DNSResolver } from 'mailauth';

export interface ConnectionFacts {
  /** The client's address (the server that connected to us). */
  ip: string;
  /** What it said in HELO/EHLO. */
  helo: string;
  /** The envelope sender (MAIL FROM), '' for a bounce. */
  mailFrom: string;
}

export interface SenderVerdict {
  /** DMARC's result for the From domain: 'fail' rejects. */
  dmarc: string;
  spf: string;
  dkim: string;
}

/** How long the whole check may take; past it the message is judged without it (not a reject). */
const CHECK_TIMEOUT_MS = 5_000;

/**
 * SPF, DKIM and DMARC of an incoming message, with `mailauth` (Postal Systems' implementation,
 * maintained with Nodemailer and WildDuck): a message whose From domain publishes a DMARC policy
 * that the message fails is refused. When no resolver answers (no DNS from this network, a lookup
 * that times out), the results are `temperror` and nothing is refused on their account: the other
 * checks (the From address on record, the reply token) still hold. Tests replace the resolver
 * with a stub ({@link useResolver}).
 */
@Injectable()
export class SenderAuthentication {
  private readonly logger = new Logger('email-in');
  private resolver: DNSResolver;

  constructor() {
    const resolver = new dns.Resolver({ timeout: 2_000, tries: 1 });
    this.resolver = (name, type) => resolver.resolve(name, type) as Promise<string[][] | string[]>;
  }

  /** Another DNS resolver (`dns.promises.resolve`'s signature): tests answer from a table. */
  useResolver(resolver: DNSResolver): void {
    this.resolver = resolver;
  }

  async check(raw: Buffer, facts: ConnectionFacts, mta: string): Promise<SenderVerdict> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), CHECK_TIMEOUT_MS);
    });
    try {
      const result = await Promise.race([
        authenticate(raw, {
          ip: facts.ip,
          helo: facts.helo,
          sender: facts.mailFrom,
          mta,
          resolver: this.resolver,
          disableArc: true,
          disableBimi: true,
        }),
        timeout,
      ]);
      if (!result) return { dmarc: 'temperror', spf: 'temperror', dkim: 'temperror' };
      return {
        dmarc: result.dmarc ? result.dmarc.status.result : 'none',
        spf: result.spf ? result.spf.status.result : 'none',
        dkim: result.dkim.results?.[0]?.status.result ?? 'none',
      };
    } catch (error) {
      this.logger.warn({ msg: 'sender authentication failed to run', error: (error as Error).message });
      return { dmarc: 'temperror', spf: 'temperror', dkim: 'temperror' };
    } finally {
      clearTimeout(timer);
    }
  }
}
