import { DigestEmails, Mailer } from '@ruche/email';
import { postIn } from './factories/notification.factory.js';
import { registerUser } from './factories/user.factory.js';
import { type SmtpReceiver, startSmtpReceiver } from './support/smtp-receiver.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/** SMTP_URL unset (the default): no email at all, whatever the preferences say. */
describe('email out, not configured', () => {
  let smtp: SmtpReceiver;
  let t: TestApp;

  beforeAll(async () => {
    // A receiver is listening, but Ruche is not told about it.
    smtp = await startSmtpReceiver();
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('sends nothing: no notification email, no digest, nothing recorded', async () => {
    await registerUser(t, { displayName: 'Admin' });
    const alice = await registerUser(t, { displayName: 'Alice' });
    const bob = await registerUser(t, { displayName: 'Bob' });
    const prefs = await t.http.get('/api/notifications/preferences').set('Authorization', bob.auth).expect(200);
    expect(prefs.body).toMatchObject({ emailConfigured: false });
    expect(prefs.body.items).toContainEqual({ kind: 'mention', enabled: true, email: true, push: true });

    await postIn(t, alice, `Are you there, @${bob.handle}?`);
    await t.settle();
    expect(t.app.get(Mailer).enabled).toBe(false);
    expect(await t.app.get(DigestEmails).runOnce()).toBe(0);
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received).toEqual([]);
    expect(await t.sql('SELECT * FROM email_messages')).toEqual([]);
    expect(await t.sql(`SELECT * FROM outbox WHERE type = 'email.sent'`)).toEqual([]);
    // The digest is still in the app.
    const digest = await t.http.get('/api/digest').set('Authorization', bob.auth).expect(200);
    expect(digest.body.unreadNotifications).toBe(1);
  });
});
