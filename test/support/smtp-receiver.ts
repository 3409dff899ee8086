import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { startTestApp, type TestApp } from './test-app.js';

export interface ReceivedMail {
  /** The envelope's recipients (RCPT TO). */
  to: string[];
  parsed: ParsedMail;
  /** A header's value as sent (lower-case name), or undefined. */
  header(name: string): string | undefined;
}

export interface SmtpReceiver {
  /** `smtp://127.0.0.1:<port>` for SMTP_URL. */
  url: string;
  received: ReceivedMail[];
  /** Recipients refused at RCPT TO with this code (e.g. 550 for "no such mailbox"). */
  refuse: Map<string, number>;
  /** Mail to `address`, waiting for it up to `timeoutMs`; throws when none came. */
  waitFor(address: string, count?: number, timeoutMs?: number): Promise<ReceivedMail[]>;
  mailsTo(address: string): ReceivedMail[];
  close(): Promise<void>;
}

/**
 * A real SMTP server on loopback (the `smtp-server` package, messages parsed with `mailparser`):
 * what Ruche's outbound mail meets in tests. Plain SMTP (STARTTLS hidden), no authentication.
 */
export async function startSmtpReceiver(): Promise<SmtpReceiver> {
  const received: ReceivedMail[] = [];
  const refuse = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      const code = refuse.get(address.address.toLowerCase());
      if (code) return callback(Object.assign(new Error('Mailbox unavailable'), { responseCode: code }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            parsed,
            header: (name) => {
              const line = parsed.headerLines.find((h) => h.key === name.toLowerCase());
              return line ? line.line.slice(line.line.indexOf(':') + 1).replace(/\r?\n\s+/g, ' ').trim() : undefined;
            },
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  const mailsTo = (address: string) => received.filter((m) => m.to.includes(address.toLowerCase()));
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuse,
    mailsTo,
    async waitFor(address, count = 1, timeoutMs = 15_000) {
      const until = Date.now() + timeoutMs;
      while (mailsTo(address).length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} mail(s) to ${address}, got ${mailsTo(address).length}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      return mailsTo(address);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Where the mail specs' app says it lives (the links in its emails start here). */
export const MAIL_APP_URL = 'https://ruche.corp.example';

/** A test app and the SMTP receiver its mail goes to. */
export type MailingTestApp = TestApp & { smtp: SmtpReceiver };

/** A test app sending its mail to a fresh SMTP receiver; `close` stops both. */
export async function startTestAppWithMail(env: Record<string, string> = {}): Promise<MailingTestApp> {
  const smtp = await startSmtpReceiver();
  const t = await startTestApp({
    SMTP_URL: smtp.url,
    SMTP_FROM: 'Ruche <ruche@corp.example>',
    RUCHE_APP_URL: MAIL_APP_URL,
    SMTP_TIMEOUT_MS: '5000',
    ...env,
  });
  return {
    ...t,
    smtp,
    close: async () => {
      await t.close();
      await smtp.close();
    },
  };
}
