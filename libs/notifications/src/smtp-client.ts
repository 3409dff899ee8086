import { randomUUID } from 'node:crypto';
import { connect as netConnect, Socket } from 'node:net';
import { hostname } from 'node:os';
import { connect as tlsConnect, type TLSSocket } from 'node:tls';

export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  text: string;
}

/** A reply: its code and its lines (without the code). */
interface Reply {
  code: number;
  lines: string[];
}

const TIMEOUT_MS = 15_000;

/** `Name <addr@host>` or `addr@host` → `addr@host` (what MAIL FROM / RCPT TO want). */
export function addressOf(mailbox: string): string {
  const match = /<([^<>\s]+)>\s*$/.exec(mailbox);
  const address = (match ? match[1] : mailbox).trim();
  if (!/^[^\s@<>]+@[^\s@<>]+$/.test(address)) throw new Error(`not a mail address: ${mailbox}`);
  return address;
}

/** RFC 2047 for a header with non-ASCII text; plain ASCII stays as it is. Line breaks never reach a header. */
export function headerText(value: string): string {
  const flat = value.replace(/[\r\n]+/g, ' ');
  return /^[\x20-\x7e]*$/.test(flat) ? flat : `=?UTF-8?B?${Buffer.from(flat, 'utf8').toString('base64')}?=`;
}

/** The whole message: headers, then the UTF-8 body in base64 (76-character lines: no dot-stuffing, no 8BITMIME needed). */
export function formatMessage(message: MailMessage, date = new Date()): string {
  const domain = addressOf(message.from).split('@')[1];
  const body = (
    Buffer.from(message.text.replace(/\r?\n/g, '\r\n'), 'utf8')
      .toString('base64')
      .match(/.{1,76}/g) ?? []
  ).join('\r\n');
  return [
    `From: ${headerText(message.from)}`,
    `To: ${headerText(message.to)}`,
    `Subject: ${headerText(message.subject)}`,
    `Date: ${date.toUTCString()}`,
    `Message-ID: <${randomUUID()}@${domain}>`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: base64',
    '',
    body,
  ].join('\r\n');
}

/**
 * A minimal SMTP client on node's net/tls (no dependency): one message per connection. `smtps://`
 * is TLS from the start; `smtp://` upgrades with STARTTLS when the server offers it. Credentials in
 * the URL are sent with AUTH PLAIN, only over TLS (or to a server on loopback).
 */
export async function sendMail(smtpUrl: string, message: MailMessage): Promise<void> {
  const url = new URL(smtpUrl);
  const secure = url.protocol === 'smtps:';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const port = Number(url.port) || (secure ? 465 : 587);
  const loopback = host === 'localhost' || host === '127.0.0.1' || host === '::1';
  let session = await Session.open(secure ? tlsConnect({ host, port, servername: host }) : netConnect({ host, port }));
  try {
    await session.expect(220);
    let features = await session.ehlo();
    let encrypted = secure;
    if (!secure && features.includes('STARTTLS')) {
      await session.command('STARTTLS', 220);
      session = await Session.open(tlsConnect({ socket: session.detach(), servername: host }));
      encrypted = true;
      features = await session.ehlo();
    }
    if (url.username) {
      if (!encrypted && !loopback) throw new Error('SMTP server offers no TLS: refusing to send credentials in clear');
      const user = decodeURIComponent(url.username);
      const pass = decodeURIComponent(url.password);
      await session.command(`AUTH PLAIN ${Buffer.from(`\0${user}\0${pass}`, 'utf8').toString('base64')}`, 235);
    }
    await session.command(`MAIL FROM:<${addressOf(message.from)}>`, 250);
    await session.command(`RCPT TO:<${addressOf(message.to)}>`, 250, 251);
    await session.command('DATA', 354);
    await session.command(`${formatMessage(message)}\r\n.`, 250);
    await session.command('QUIT', 221).catch(() => undefined);
  } finally {
    session.socket.destroy();
  }
}

/** One connection: replies parsed as they come, each `expect` taking the next one. */
class Session {
  private buffer = '';
  private readonly replies: Reply[] = [];
  private pending: Reply = { code: 0, lines: [] };
  private waiter: (() => void) | null = null;
  private failure: Error | null = null;

  private constructor(readonly socket: Socket | TLSSocket) {
    socket.setTimeout(TIMEOUT_MS, () => socket.destroy(new Error('SMTP timeout')));
    // Replies are ASCII; no stream decoding, so the raw socket can still be handed to TLS.
    socket.on('data', (chunk: Buffer) => this.receive(chunk.toString('latin1')));
    socket.on('error', (error) => this.fail(error));
    socket.on('close', () => this.fail(new Error('SMTP connection closed')));
  }

  static open(socket: Socket | TLSSocket): Promise<Session> {
    const event = socket instanceof Socket && !('encrypted' in socket) ? 'connect' : 'secureConnect';
    return new Promise((resolve, reject) => {
      socket.once('error', reject);
      socket.once(event, () => {
        socket.off('error', reject);
        resolve(new Session(socket));
      });
    });
  }

  /** Hands the raw socket over (to be wrapped in TLS): this session stops listening to it. */
  detach(): Socket | TLSSocket {
    this.socket.removeAllListeners('data');
    this.socket.removeAllListeners('error');
    this.socket.removeAllListeners('close');
    this.socket.setTimeout(0);
    return this.socket;
  }

  async ehlo(): Promise<string[]> {
    const reply = await this.command(`EHLO ${hostname() || 'localhost'}`, 250);
    return reply.lines.map((line) => line.split(' ')[0].toUpperCase());
  }

  async command(line: string, ...accepted: number[]): Promise<Reply> {
    this.socket.write(`${line}\r\n`);
    return this.expect(...accepted);
  }

  async expect(...accepted: number[]): Promise<Reply> {
    for (;;) {
      const reply = this.replies.shift();
      if (reply) {
        if (!accepted.includes(reply.code)) throw new Error(`SMTP ${reply.code} ${reply.lines.join(' ')}`);
        return reply;
      }
      if (this.failure) throw this.failure;
      await new Promise<void>((resolve) => (this.waiter = resolve));
    }
  }

  private receive(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\r\n')) >= 0) {
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      this.pending.code = Number(line.slice(0, 3));
      this.pending.lines.push(line.slice(4));
      // "250-..." continues, "250 ..." ends the reply.
      if (line[3] !== '-') {
        this.replies.push(this.pending);
        this.pending = { code: 0, lines: [] };
      }
    }
    this.wake();
  }

  private fail(error: Error): void {
    this.failure ??= error;
    this.wake();
  }

  private wake(): void {
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.();
  }
}
