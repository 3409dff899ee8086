import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { NotificationEmails } from '@ruche/email';
import type { PublishedEvent } from '@ruche/platform';
import { postIn } from './factories/notification.factory.js';
import { registerUser } from './factories/user.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Every wait on the SMTP server is bounded: a server that accepts the connection and never
 * greets makes the send fail after SMTP_TIMEOUT_MS, the claim is released (nothing recorded as
 * sent) and the error reaches the job engine, which retries later.
 */
describe('email out against a stuck SMTP server', () => {
  let server: Server;
  const sockets: Socket[] = [];
  let t: TestApp;

  beforeAll(async () => {
    server = createServer((socket) => sockets.push(socket)); // never says 220
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    t = await startTestApp({
      SMTP_URL: `smtp://127.0.0.1:${port}`,
      // Accounts here post at once: email verification (#15) is tested in account-email.e2e-spec.
      RUCHE_EMAIL_VERIFICATION: 'off',
      SMTP_TIMEOUT_MS: '400',
      RUCHE_JOB_RETRY_DELAY_SECONDS: '3600',
    });
  });
  afterAll(async () => {
    await t.close();
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('gives up after the timeout, records nothing as sent, and leaves the email to a retry', async () => {
    await registerUser(t, { displayName: 'Admin' });
    const alice = await registerUser(t, { displayName: 'Alice' });
    const bob = await registerUser(t, { displayName: 'Bob' });
    await postIn(t, alice, `Still there, @${bob.handle}?`);
    // Not t.settle(): the listener's failed send waits for its retry, which settling would wait for.
    let event: { payload: PublishedEvent<'notification.created'>['payload'] } | undefined;
    for (let i = 0; i < 300 && !event; i++) {
      [event] = await t.sql<{ payload: PublishedEvent<'notification.created'>['payload'] }>(
        `SELECT payload FROM outbox WHERE type = 'notification.created' AND payload->'notification'->>'kind' = 'mention'`,
      );
      if (!event) await new Promise((r) => setTimeout(r, 50));
    }
    const handle = () =>
      t.app.get(NotificationEmails).handle({ payload: event!.payload } as PublishedEvent<'notification.created'>);
    // The job engine's own attempt may hold the email's claim while it waits on the stuck server
    // (this call then answers "duplicate"); once it has given up and released the claim (its retry
    // is an hour away), this attempt takes the claim and meets the same timeout.
    let outcome: unknown = 'duplicate';
    let took = 0;
    for (let i = 0; i < 100 && outcome === 'duplicate'; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, 100));
      const started = Date.now();
      outcome = await handle().then(
        (value) => value,
        (error: unknown) => error,
      );
      took = Date.now() - started;
    }
    expect(outcome).toBeInstanceOf(Error);
    expect((outcome as Error).message).toMatch(/will retry/);
    expect(took).toBeLessThan(10_000);
    expect(await t.sql(`SELECT * FROM email_messages WHERE status <> 'sending'`)).toEqual([]);
    expect(await t.sql(`SELECT * FROM outbox WHERE type = 'email.sent'`)).toEqual([]);
    expect(await t.sql('SELECT * FROM email_suppressions')).toEqual([]);
  });
});
