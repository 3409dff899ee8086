import { createTransport, type SendMailOptions, type Transporter } from 'nodemailer';
import { InboundSmtp, SenderAuthentication } from '@ruche/email';
import { startTestApp, type TestApp } from './test-app.js';

/** The inbound domain of the email-in tests. */
export const INBOUND_DOMAIN = 'ruche.test';

export type Sent = { ok: true; response: string } | { ok: false; code: number; response: string };

export interface InboundMailHarness {
  t: TestApp;
  /** DNS as the test publishes it: TXT records by name; anything else does not exist. */
  dns: Map<string, string[][]>;
  /** Sends one message with nodemailer over SMTP on loopback into Ruche; the SMTP answer, never a throw. */
  send(mail: SendMailOptions): Promise<Sent>;
  close(): Promise<void>;
}

/**
 * The api with its inbound SMTP endpoint on a free loopback port, its DNS resolver answering from
 * a table (SPF/DKIM/DMARC judged without a network), and a nodemailer transport pointed at it.
 */
export async function startInboundMail(env: Record<string, string> = {}): Promise<InboundMailHarness> {
  const t = await startTestApp({
    SMTP_INBOUND_PORT: '0',
    SMTP_INBOUND_HOST: '127.0.0.1',
    SMTP_INBOUND_DOMAIN: INBOUND_DOMAIN,
    ...env,
  });
  const dns = new Map<string, string[][]>();
  t.app.get(SenderAuthentication).useResolver((name: string, type: string) => {
    const found = type === 'TXT' ? dns.get(name.toLowerCase()) : undefined;
    if (found) return Promise.resolve(found);
    return Promise.reject(Object.assign(new Error(`query${type} ENOTFOUND ${name}`), { code: 'ENOTFOUND' }));
  });
  const port = t.app.get(InboundSmtp).port;
  if (!port) throw new Error('the inbound SMTP endpoint did not start');
  const transport: Transporter = createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    t,
    dns,
    send: async (mail) => {
      try {
        const info = (await transport.sendMail(mail)) as { response: string };
        return { ok: true, response: info.response };
      } catch (error) {
        const e = error as { responseCode?: number; response?: string; message: string };
        return { ok: false, code: e.responseCode ?? 0, response: e.response ?? e.message };
      }
    },
    close: async () => {
      transport.close();
      await t.close();
    },
  };
}
