import { DigestMailer } from '@ruche/notifications';
import { createGroup, joinGroup } from './factories/group.factory.js';
import { postIn } from './factories/notification.factory.js';
import { bodyOf, startFakeSmtpServer } from './factories/notification-smtp.js';
import { registerUser } from './factories/user.factory.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * The daily digest by email with SMTP_URL set: one email per person per day, through a real SMTP
 * socket (off by default: see notifications.e2e-spec.ts).
 */
describe('digest by email', () => {
  let smtp: Awaited<ReturnType<typeof startFakeSmtpServer>>;
  let t: TestApp;

  beforeAll(async () => {
    smtp = await startFakeSmtpServer();
    t = await startTestApp({ SMTP_URL: smtp.url, SMTP_FROM: 'Ruche <digest@corp.example>' });
  });
  afterAll(async () => {
    await t.close();
    await smtp.close();
  });

  it('sends a person with news their digest once a day; never an empty one', async () => {
    await registerUser(t, { displayName: 'Admin' });
    const owner = await registerUser(t, { displayName: 'Owner' });
    const reader = await registerUser(t, { displayName: 'Reader' });
    const group = await createGroup(t, owner, { name: 'Café crème' });
    await joinGroup(t, reader, group.id);
    await postIn(t, owner, `Croissants on Friday, @${reader.handle}?`, group.id);
    await t.settle();

    const mailer = t.app.get(DigestMailer);
    expect(await mailer.runOnce()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    const [mail] = smtp.received;
    expect(mail.from).toBe('digest@corp.example');
    expect(mail.to).toEqual([reader.email]);
    const text = bodyOf(mail);
    expect(text).toContain('Café crème: 1 new post(s), 0 comment(s)');
    expect(text).toContain('1 unread notification(s).');

    // Same day: nothing more.
    expect(await mailer.runOnce()).toBe(0);
    expect(smtp.received).toHaveLength(1);
    const [sent] = await t.sql<{ user_id: string }>('SELECT user_id FROM digest_deliveries');
    expect(sent.user_id).toBe(reader.id);
  });
});
