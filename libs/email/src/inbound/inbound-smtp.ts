import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { SMTPServer, type SMTPServerAddress, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { RUCHE_CONFIG, type RucheConfig } from '@ruche/platform';
import { FloodLimit } from './flood-limit.js';
import { InboundMailService, type InboundTarget } from './inbound-mail.service.js';
import type { ConnectionFacts } from './sender-authentication.js';
import { rejection, SmtpRejection } from './smtp-rejection.js';

/** The longest a message may take to be read, parsed and written once its DATA has ended. */
const PROCESS_TIMEOUT_MS = 30_000;

/**
 * The inbound SMTP endpoint, on `smtp-server` (Nodemailer's server side: the SMTP state machine,
 * SIZE, pipelining, timeouts and limits come from it; Ruche only decides what each address and
 * message is). Started with `SMTP_INBOUND_PORT` on instances that run background work (`worker`,
 * `all`), like the jobs: a mail exchanger in front (or the MX itself) relays to it.
 *
 * - One Ruche recipient per message (`maxRecipients: 1`): a second RCPT gets `452`, which a sending
 *   server answers by sending that copy separately, so each message has one answer.
 * - Size: announced (`SIZE`), refused at MAIL FROM when declared larger, and counted while reading
 *   (the server answers `552` past it, whatever the handler says).
 * - Floods: connections per client address and messages per sender address per minute
 *   ({@link FloodLimit}), refused with 421 / 451 before any database work.
 * - Every wait is bounded: idle socket (`SMTP_TIMEOUT_MS` × 3), the processing of a message
 *   ({@link PROCESS_TIMEOUT_MS}, then `451`: the sender retries, and the Message-ID row makes a
 *   retry of a message that was in fact written a no-op), closing at shutdown.
 * - No AUTH, no STARTTLS: this is a mail exchanger's last hop, not a submission server.
 */
@Injectable()
export class InboundSmtp implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('email-in');
  private server: SMTPServer | null = null;
  private readonly floods = new FloodLimit();
  private readonly targets = new Map<string, InboundTarget>();

  constructor(
    @Inject(RUCHE_CONFIG) private readonly config: RucheConfig,
    private readonly inbound: InboundMailService,
  ) {}

  /** The port it listens on (the one given, or the one picked for `0`); null when off. */
  get port(): number | null {
    const address = this.server?.server.address() as AddressInfo | null | undefined;
    return address?.port ?? null;
  }

  async onApplicationBootstrap(): Promise<void> {
    const { port, host, maxBytes } = this.config.mail.inbound;
    if (port === undefined || this.config.role === 'api') return;
    const socketTimeout = this.config.mail.timeoutMs * 3;
    const server = new SMTPServer({
      name: this.config.mail.inboundDomain,
      banner: 'Ruche',
      disabledCommands: ['AUTH', 'STARTTLS'],
      authOptional: true,
      size: maxBytes,
      maxRecipients: 1,
      maxClients: 200,
      socketTimeout,
      closeTimeout: 5_000,
      logger: false,
      onConnect: (session, callback) => callback(this.connectionRefusal(session)),
      onMailFrom: (address, session, callback) => callback(this.senderRefusal(address, session)),
      onRcptTo: (address, session, callback) => {
        this.inbound
          .recipient(address.address, facts(session))
          .then((target) => {
            this.targets.set(session.id, target);
            callback();
          })
          .catch((error: unknown) => callback(this.asRefusal(error, 'rcpt')));
      },
      onData: (stream, session, callback) => {
        this.data(stream, session)
          .then((note) => callback(null, note))
          .catch((error: unknown) => callback(this.asRefusal(error, 'data')));
      },
      onClose: (session) => this.targets.delete(session.id),
    });
    server.on('error', (error) => this.logger.error({ msg: 'inbound SMTP server error', error: error.message }));
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, host, () => {
        server.server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.logger.log({ msg: 'inbound SMTP listening', host, port: this.port, domain: this.config.mail.inboundDomain, maxBytes });
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return;
    // smtp-server's close waits for open sessions up to closeTimeout, then ends them.
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  private connectionRefusal(session: SMTPServerSession): SmtpRejection | null | undefined {
    if (this.floods.hit(`ip:${session.remoteAddress}`, this.config.mail.inbound.ipRateLimit)) return null;
    this.logger.warn({ msg: 'inbound mail rejected', reason: 'ip_flood', ip: session.remoteAddress });
    return rejection.ipFlood();
  }

  private senderRefusal(address: SMTPServerAddress, session: SMTPServerSession): SmtpRejection | null | undefined {
    // A bounce (null sender) is counted per client address instead.
    const key = address.address ? `from:${address.address.toLowerCase()}` : `bounce:${session.remoteAddress}`;
    if (this.floods.hit(key, this.config.mail.inbound.senderRateLimit)) return null;
    this.logger.warn({
      msg: 'inbound mail rejected',
      reason: 'sender_flood',
      mailFrom: address.address,
      ip: session.remoteAddress,
    });
    return rejection.senderFlood();
  }

  /** Reads the message (bounded by SIZE), then hands it to the service, within PROCESS_TIMEOUT_MS. */
  private async data(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<string> {
    const raw = await readAll(stream, this.config.mail.inbound.maxBytes);
    if (stream.sizeExceeded || raw === null) {
      this.logger.warn({
        msg: 'inbound mail rejected',
        reason: 'oversize',
        ip: session.remoteAddress,
        mailFrom: mailFromOf(session),
      });
      throw rejection.oversize(this.config.mail.inbound.maxBytes);
    }
    const target = this.targets.get(session.id);
    if (!target) throw rejection.unknownRecipient();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(rejection.unavailable()), PROCESS_TIMEOUT_MS);
    });
    try {
      const outcome = await Promise.race([this.inbound.receive(raw, target, facts(session)), timeout]);
      return `OK: ${outcome.note}`;
    } finally {
      clearTimeout(timer);
    }
  }

  private asRefusal(error: unknown, stage: 'rcpt' | 'data'): SmtpRejection {
    if (error instanceof SmtpRejection) return error;
    this.logger.error({ msg: 'inbound mail failed', stage, error: (error as Error).message, stack: (error as Error).stack });
    return rejection.unavailable();
  }
}

function mailFromOf(session: SMTPServerSession): string {
  const from = session.envelope.mailFrom;
  return from ? from.address : '';
}

function facts(session: SMTPServerSession): ConnectionFacts {
  return { ip: session.remoteAddress, helo: session.hostNameAppearsAs || session.remoteAddress, mailFrom: mailFromOf(session) };
}

/** The whole stream, or null once it went past `max` bytes (the rest is drained, not kept). */
function readAll(stream: Readable, max: number): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    stream.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > max) over = true;
      if (!over) chunks.push(chunk);
    });
    stream.once('error', reject);
    stream.once('end', () => resolve(over ? null : Buffer.concat(chunks)));
  });
}
