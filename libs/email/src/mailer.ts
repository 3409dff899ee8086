import { BeforeApplicationShutdown, Inject, Injectable, Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { Database, rows, RUCHE_CONFIG, type RucheConfig, Transactions } from '@ruche/platform';
import { SuppressionList } from './suppression-list.js';

/** A message as the senders build it (multipart text + HTML, reply address, unsubscribe link). */
export interface OutgoingMail {
  subject: string;
  text: string;
  html: string;
  /** `reply+<token>@<SMTP_INBOUND_DOMAIN>`; null: not answerable by email. */
  replyTo: string | null;
  /** The signed one-click unsubscribe URL (List-Unsubscribe + List-Unsubscribe-Post). */
  unsubscribeUrl: string;
}

/** What to send to whom, once: `dedupeKey` makes a second attempt (a retried event, a re-run round) a no-op. */
export interface Delivery {
  dedupeKey: string;
  recipientId: string;
  address: string;
  /** What it is (digest, a notification kind): `email.sent`'s kind. */
  kind: string;
}

export type DeliveryOutcome = 'sent' | 'duplicate' | 'suppressed' | 'failed' | 'disabled';

/** A claim older than this is taken to be from a sender that died mid-send and may be taken over. */
const STALE_CLAIM_FACTOR = 6;

/** What nodemailer attaches to its errors (`permanent`: a 5xx other than 503). */
interface SmtpError {
  message: string;
  code?: string;
  response?: string;
  responseCode?: number;
  permanent?: boolean;
}

/** The SMTP error of a temporary failure: the caller retries (the claim is released). */
export class TransientMailError extends Error {}

/**
 * Sends mail through nodemailer (SMTP_URL; unset: sends nothing at all), once per `dedupeKey`:
 *
 * 1. claims the key in `email_messages` (a retry finds it and sends nothing more);
 * 2. an address on the suppression list is not sent to (status 'suppressed');
 * 3. sends, every wait bounded by SMTP_TIMEOUT_MS (connect, greeting, socket);
 * 4. sent: marks the row and writes `email.sent { recipientId, kind }` in one transaction;
 *    a permanent refusal (5xx): the address joins the suppression list, the row says 'failed';
 *    anything else (4xx, timeout, connection refused): the claim is released and
 *    TransientMailError thrown, so the job engine (or the next digest round) tries again.
 */
@Injectable()
export class Mailer implements BeforeApplicationShutdown {
  private readonly logger = new Logger('email');
  private readonly transport: Transporter | null;

  constructor(
    private readonly db: Database,
    private readonly transactions: Transactions,
    private readonly suppressions: SuppressionList,
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
  ) {
    const { smtpUrl, timeoutMs } = config.mail;
    this.transport = smtpUrl
      ? createTransport({
          url: smtpUrl,
          pool: true,
          maxConnections: 3,
          connectionTimeout: timeoutMs,
          greetingTimeout: timeoutMs,
          socketTimeout: timeoutMs,
          dnsTimeout: timeoutMs,
        })
      : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  beforeApplicationShutdown(): void {
    this.transport?.close();
  }

  /**
   * Sends the message `build` makes (asked only once the key is claimed and the address is not
   * suppressed; null: nothing to send after all, the claim is released).
   */
  async deliver(delivery: Delivery, build: () => Promise<OutgoingMail | null>): Promise<DeliveryOutcome> {
    if (!this.transport) return 'disabled';
    const claimed = await rows<{ id: string }>(
      this.db.manager,
      `INSERT INTO email_messages (dedupe_key, recipient_id, address, kind) VALUES ($1, $2, $3, $4)
       ON CONFLICT ON CONSTRAINT email_messages_dedupe_key DO UPDATE SET created_at = now(), address = excluded.address
        WHERE email_messages.status = 'sending' AND email_messages.created_at < now() - make_interval(secs => $5)
       RETURNING id`,
      [delivery.dedupeKey, delivery.recipientId, delivery.address, delivery.kind, (this.config.mail.timeoutMs * STALE_CLAIM_FACTOR) / 1000],
    );
    const id = claimed[0]?.id;
    if (!id) return 'duplicate';
    if (await this.suppressions.has(delivery.address)) {
      await this.db.query(`UPDATE email_messages SET status = 'suppressed' WHERE id = $1`, [id]);
      return 'suppressed';
    }
    let mail: OutgoingMail | null;
    try {
      mail = await build();
    } catch (error) {
      await this.release(id);
      throw error;
    }
    if (!mail) {
      await this.release(id);
      return 'duplicate';
    }
    try {
      const info = (await this.transport.sendMail({
        from: this.config.mail.from,
        to: delivery.address,
        replyTo: mail.replyTo ?? undefined,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        list: { unsubscribe: { url: mail.unsubscribeUrl, comment: 'Unsubscribe' } },
        headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'Auto-Submitted': 'auto-generated' },
      })) as { messageId?: string };
      await this.transactions.run(async (tx) => {
        await tx.manager.query(`UPDATE email_messages SET status = 'sent', sent_at = now(), message_id = $2 WHERE id = $1`, [
          id,
          info.messageId ?? null,
        ]);
        await tx.emit({
          type: 'email.sent',
          payload: { recipientId: delivery.recipientId, kind: delivery.kind },
          audience: [],
          actorId: null,
        });
      });
      return 'sent';
    } catch (raw) {
      const error = raw as SmtpError;
      if (error.permanent === true) {
        const reason = `${error.responseCode ?? ''} ${error.response ?? error.message}`.trim();
        await this.suppressions.add(delivery.address, reason, 'send');
        await this.db.query(`UPDATE email_messages SET status = 'failed', error = $2 WHERE id = $1`, [id, reason.slice(0, 1000)]);
        this.logger.warn({ msg: 'email refused for good; address suppressed', kind: delivery.kind, recipientId: delivery.recipientId, reason });
        return 'failed';
      }
      await this.release(id);
      throw new TransientMailError(`email not sent (will retry): ${error.code ?? ''} ${error.message}`);
    }
  }

  /**
   * A transactional message about someone's account (verification, password reset, invitation):
   * sent now, to an address that may have no account yet, so it has no recipient row, no
   * unsubscribe link (it is not a subscription) and no dedupe key; the sender retries. A suppressed
   * address is skipped (it bounced for good). Throws when the server refused or could not be reached.
   */
  async sendNow(to: string, mail: { subject: string; text: string; html: string }): Promise<'sent' | 'suppressed' | 'disabled'> {
    if (!this.transport) return 'disabled';
    if (await this.suppressions.has(to)) return 'suppressed';
    await this.transport.sendMail({
      from: this.config.mail.from,
      to,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { 'Auto-Submitted': 'auto-generated' },
    });
    return 'sent';
  }

  private async release(id: string): Promise<void> {
    await this.db.query(`DELETE FROM email_messages WHERE id = $1 AND status = 'sending'`, [id]);
  }
}
