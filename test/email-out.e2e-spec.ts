import { DigestEmails, NotificationEmails, ReplyTokens, SuppressionList } from '@ruche/email';
import type { PublishedEvent } from '@ruche/platform';
import { addMember, createGroup, joinGroup } from './factories/group.factory.js';
import { comment, postIn } from './factories/notification.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { type MailingTestApp, type ReceivedMail, type SmtpReceiver, startTestAppWithMail } from './support/smtp-receiver.js';

const DOMAIN = 'in.ruche.example';
const REPLY = new RegExp(`^reply\\+([a-z2-7]{52})@${DOMAIN.replace(/\./g, '\\.')}$`);

/**
 * Email out with SMTP_URL set, into a real SMTP server on loopback (smtp-server + mailparser):
 * notification emails per kind and preference, the daily digest, reply addresses, one-click
 * unsubscribe, the suppression list, and privacy at send time.
 */
describe('email out', () => {
  let t: MailingTestApp;
  let smtp: SmtpReceiver;
  let tokens: ReplyTokens;
  let admin: TestUser;
  let alice: TestUser;

  beforeAll(async () => {
    t = await startTestAppWithMail({
      // Accounts here post at once: email verification (#15) is tested in account-email.e2e-spec.
      RUCHE_EMAIL_VERIFICATION: 'off',
      SMTP_INBOUND_DOMAIN: DOMAIN,
    });
    smtp = t.smtp;
    tokens = t.app.get(ReplyTokens);
    admin = await registerUser(t, { displayName: 'Admin' });
    alice = await registerUser(t, { displayName: 'Alice Martin' });
  });
  afterAll(() => t.close());

  const as = (user: TestUser) => ({
    get: (path: string) => t.http.get(path).set('Authorization', user.auth),
    put: (path: string, body: object) => t.http.put(path).set('Authorization', user.auth).send(body),
    patch: (path: string, body: object) => t.http.patch(path).set('Authorization', user.auth).send(body),
  });
  const emailSent = async (recipientId: string) =>
    (
      await t.sql<{ kind: string }>(`SELECT payload->>'kind' AS kind FROM outbox WHERE type = 'email.sent' AND payload->>'recipientId' = $1 ORDER BY seq`, [
        recipientId,
      ])
    ).map((r) => r.kind);
  /** Lets the listeners run, then gives a mail that should not come time to (not) arrive. */
  const quiet = async () => {
    await t.settle();
    await new Promise((r) => setTimeout(r, 300));
    await t.settle();
  };
  const unsubscribePath = (mail: ReceivedMail) => {
    const header = mail.header('list-unsubscribe')!;
    const url = new URL(/<(https?:[^>]+)>/.exec(header)![1]!);
    return `${url.pathname}${url.search}`;
  };

  it('sends a mention (on by default) as one multipart email with a link, its thread’s reply address and one-click unsubscribe', async () => {
    const bob = await registerUser(t, { displayName: 'Bob' });
    const post = await postIn(t, alice, `Lunch at noon, @${bob.handle}? The new place on Rue Oberkampf.`);
    await t.settle();
    const [mail] = await smtp.waitFor(bob.email);
    expect(mail.parsed.subject).toBe('Alice Martin mentioned you');
    expect(mail.parsed.from?.value[0]?.address).toBe('ruche@corp.example');
    expect(mail.parsed.text).toContain('Lunch at noon');
    expect(mail.parsed.text).toContain(`https://ruche.corp.example/posts/${post.id}`);
    expect(mail.parsed.html).toContain(`href="https://ruche.corp.example/posts/${post.id}"`);
    expect(mail.header('content-type')).toMatch(/^multipart\/alternative/);

    const replyTo = mail.parsed.replyTo!.value[0]!.address!;
    const token = REPLY.exec(replyTo)![1]!;
    expect(await tokens.resolve(token)).toEqual({ userId: bob.id, thread: { type: 'post', id: post.id } });

    expect(mail.header('list-unsubscribe')).toMatch(/^<https:\/\/ruche\.corp\.example\/api\/email\/unsubscribe\?token=[^>]+>/);
    expect(mail.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
    expect(await emailSent(bob.id)).toEqual(['mention']);

    // The same event handled again (a retry) sends nothing more.
    const [event] = await t.sql<{ seq: string; payload: PublishedEvent<'notification.created'>['payload'] }>(
      `SELECT seq, payload FROM outbox
        WHERE type = 'notification.created' AND audience @> ARRAY[$1]::text[] AND payload->'notification'->>'kind' = 'mention'`,
      [`user:${bob.id}`],
    );
    expect(await t.app.get(NotificationEmails).handle({ payload: event!.payload } as PublishedEvent<'notification.created'>)).toBe('duplicate');
    await quiet();
    expect(smtp.mailsTo(bob.email)).toHaveLength(1);
  });

  it('writes in the person’s language: locale and timeZone on the profile, validated', async () => {
    const chloe = await registerUser(t, { displayName: 'Chloé' });
    const set = await as(chloe).patch('/api/me', { locale: 'fr', timeZone: 'europe/paris' }).expect(200);
    expect(set.body).toMatchObject({ locale: 'fr', timeZone: 'Europe/Paris' });
    // Others do not see them.
    const seen = await as(alice).get(`/api/users/${chloe.id}`).expect(200);
    expect(seen.body).not.toHaveProperty('locale');
    for (const bad of [{ locale: 'de' }, { locale: 'EN-us' }, { timeZone: 'Mars/Olympus_Mons' }, { timeZone: 42 }]) {
      const res = await as(chloe).patch('/api/me', bad);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
    const after = await as(chloe).get(`/api/users/${chloe.id}`).expect(200);
    expect(after.body).toMatchObject({ locale: 'fr', timeZone: 'Europe/Paris' });

    await postIn(t, alice, `Une question pour toi, @${chloe.handle}`);
    await t.settle();
    const [mail] = await smtp.waitFor(chloe.email);
    expect(mail.parsed.subject).toBe('Alice Martin vous a mentionné');
    expect(mail.parsed.text).toContain('Ouvrir dans Ruche');
    expect(mail.parsed.text).toContain('Ne plus recevoir ces e-mails');
  });

  it('honours the per-kind email preference beside the in-app one (compatible API)', async () => {
    const dan = await registerUser(t, { displayName: 'Dan' });
    const prefs = await as(dan).get('/api/notifications/preferences').expect(200);
    expect(prefs.body.items).toContainEqual({ kind: 'mention', enabled: true, email: true, push: true });
    expect(prefs.body.items).toContainEqual({ kind: 'comment', enabled: true, email: false, push: false });
    expect(prefs.body).toMatchObject({ digestEmail: true, emailConfigured: true });

    // The old body shape still works; email alone, and both, too.
    await as(dan).put('/api/notifications/preferences', { preferences: [{ kind: 'reaction', enabled: false }] }).expect(200);
    const changed = await as(dan)
      .put('/api/notifications/preferences', { preferences: [{ kind: 'mention', email: false }, { kind: 'comment', email: true }] })
      .expect(200);
    expect(changed.body.items).toContainEqual({ kind: 'mention', enabled: true, email: false, push: true });
    expect(changed.body.items).toContainEqual({ kind: 'comment', enabled: true, email: true, push: false });
    expect(changed.body.items).toContainEqual({ kind: 'reaction', enabled: false, email: false, push: false });
    for (const bad of [{}, { preferences: [{ kind: 'comment' }] }, { preferences: [{ kind: 'comment', email: 'yes' }] }, { digestEmail: 1 }]) {
      expect((await as(dan).put('/api/notifications/preferences', bad)).status).toBe(400);
    }

    const own = await postIn(t, dan, 'Retro notes are up');
    await postIn(t, alice, `FYI @${dan.handle}`);
    await comment(t, alice, own.id, 'Thanks for writing these up');
    await t.settle();
    const [mail] = await smtp.waitFor(dan.email);
    await quiet();
    expect(smtp.mailsTo(dan.email)).toHaveLength(1);
    expect(mail.parsed.subject).toBe('Alice Martin commented on your post');
    const token = REPLY.exec(mail.parsed.replyTo!.value[0]!.address!)![1]!;
    expect(await tokens.resolve(token)).toEqual({ userId: dan.id, thread: { type: 'post', id: own.id } });
    expect(await emailSent(dan.id)).toEqual(['comment']);
  });

  it('unsubscribes with the signed link, without signing in; a tampered link changes nothing', async () => {
    const erin = await registerUser(t, { displayName: 'Erin' });
    await postIn(t, alice, `Ping @${erin.handle}`);
    await t.settle();
    const [mail] = await smtp.waitFor(erin.email);
    const path = unsubscribePath(mail);

    // Forged: another person's id under Erin's signature, or a signature altered by one character.
    const token = new URL(path, 'http://x').searchParams.get('token')!;
    const [payload, signature] = token.split('.') as [string, string];
    const forgedPayload = Buffer.from(JSON.stringify([alice.id, 'mention'])).toString('base64url');
    const flipped = signature.slice(0, -1) + (signature.endsWith('A') ? 'B' : 'A');
    for (const bad of [`${forgedPayload}.${signature}`, `${payload}.${flipped}`, payload, 'nonsense']) {
      const res = await t.http.post(`/api/email/unsubscribe?token=${encodeURIComponent(bad)}`).type('form').send('List-Unsubscribe=One-Click');
      expect(res.status).toBe(400);
    }
    expect((await t.http.post('/api/email/unsubscribe')).status).toBe(400);

    // A GET (a link scanner) only shows the button.
    const page = await t.http.get(path).expect(200);
    expect(page.text).toContain('<form method="post"');
    expect((await as(erin).get('/api/notifications/preferences')).body.items).toContainEqual({ kind: 'mention', enabled: true, email: true, push: true });

    // RFC 8058 one-click: a form POST, no token of any kind.
    await t.http.post(path).type('form').send('List-Unsubscribe=One-Click').expect(200);
    await t.http.post(path).type('form').send('List-Unsubscribe=One-Click').expect(200); // idempotent
    expect((await as(erin).get('/api/notifications/preferences')).body.items).toContainEqual({ kind: 'mention', enabled: true, email: false, push: true });
    expect((await as(alice).get('/api/notifications/preferences')).body.items).toContainEqual({ kind: 'mention', enabled: true, email: true, push: true });

    await postIn(t, alice, `Ping again @${erin.handle}`);
    await quiet();
    expect(smtp.mailsTo(erin.email)).toHaveLength(1);
  });

  it('never emails a suppressed address; a permanent 5xx suppresses it; admins list and lift entries', async () => {
    const frank = await registerUser(t, { displayName: 'Frank' });
    const gina = await registerUser(t, { displayName: 'Gina' });
    // A bounce reported by the inbound side.
    await t.app.get(SuppressionList).add(` <${frank.email.toUpperCase()}> `, '550 5.1.1 mailbox unknown (DSN)');
    await postIn(t, alice, `Hello @${frank.handle}`);
    await quiet();
    expect(smtp.mailsTo(frank.email)).toHaveLength(0);
    expect(await t.sql(`SELECT status FROM email_messages WHERE recipient_id = $1`, [frank.id])).toEqual([{ status: 'suppressed' }]);
    expect(await emailSent(frank.id)).toEqual([]);

    // Refused for good at RCPT TO.
    smtp.refuse.set(gina.email.toLowerCase(), 550);
    await postIn(t, alice, `Hello @${gina.handle}`);
    await quiet();
    smtp.refuse.delete(gina.email.toLowerCase());
    expect(await t.sql(`SELECT status FROM email_messages WHERE recipient_id = $1`, [gina.id])).toEqual([{ status: 'failed' }]);
    expect(await emailSent(gina.id)).toEqual([]);

    const list = await as(admin).get('/api/admin/email/suppressions?limit=1').expect(200);
    expect(list.body.items).toEqual([{ address: gina.email.toLowerCase(), reason: expect.stringContaining('550'), source: 'send', createdAt: expect.any(String) }]);
    const next = await as(admin).get(`/api/admin/email/suppressions?limit=1&cursor=${list.body.nextCursor}`).expect(200);
    expect(next.body.items).toEqual([expect.objectContaining({ address: frank.email.toLowerCase(), source: 'bounce' })]);
    expect((await as(alice).get('/api/admin/email/suppressions')).status).toBe(403);
    expect((await t.http.get('/api/admin/email/suppressions')).status).toBe(401);
    expect((await t.http.delete(`/api/admin/email/suppressions/${encodeURIComponent(frank.email)}`).set('Authorization', alice.auth)).status).toBe(403);
    expect((await as(admin).get('/api/admin/email/suppressions?cursor=garbage')).status).toBe(400);

    await t.http.delete(`/api/admin/email/suppressions/${encodeURIComponent(frank.email.toUpperCase())}`).set('Authorization', admin.auth).expect(204);
    await t.http.delete(`/api/admin/email/suppressions/${encodeURIComponent(frank.email)}`).set('Authorization', admin.auth).expect(404);
    await t.http.delete('/api/admin/email/suppressions/not-an-address').set('Authorization', admin.auth).expect(400);
    await postIn(t, alice, `Welcome back @${frank.handle}`);
    await t.settle();
    await smtp.waitFor(frank.email);
  });

  it('checks visibility at send time: a private group’s content is never emailed to someone who left', async () => {
    const owner = await registerUser(t, { displayName: 'Owner' });
    const hugo = await registerUser(t, { displayName: 'Hugo' });
    const group = await createGroup(t, owner, { name: 'Board', visibility: 'private' });
    await addMember(t, owner, group.id, hugo);
    // Hugo is told in the app; his email for mentions is off for now.
    await as(hugo).put('/api/notifications/preferences', { preferences: [{ kind: 'mention', email: false }] }).expect(200);
    await postIn(t, owner, `Confidential: the merger, @${hugo.handle}`, group.id);
    await quiet();
    const [event] = await t.sql<{ payload: PublishedEvent<'notification.created'>['payload'] }>(
      `SELECT payload FROM outbox
        WHERE type = 'notification.created' AND audience @> ARRAY[$1]::text[] AND payload->'notification'->>'kind' = 'mention'`,
      [`user:${hugo.id}`],
    );
    const replay = () => t.app.get(NotificationEmails).handle({ payload: event!.payload } as PublishedEvent<'notification.created'>);

    await as(hugo).put('/api/notifications/preferences', { preferences: [{ kind: 'mention', email: true }] }).expect(200);
    await t.http.delete(`/api/groups/${group.id}/members/${hugo.id}`).set('Authorization', hugo.auth).expect(204);
    expect(await replay()).toBe('not visible');
    expect(smtp.mailsTo(hugo.email)).toHaveLength(0);

    // Back in the group, the same notification is his to read, and to get by email.
    await addMember(t, owner, group.id, hugo);
    expect(await replay()).toBe('sent');
    const [mail] = await smtp.waitFor(hugo.email);
    expect(mail.parsed.text).toContain('Confidential: the merger');
  });

  it('sends one email for one notification even when handled many times at once (more than the pool)', async () => {
    const kim = await registerUser(t, { displayName: 'Kim' });
    await as(kim).put('/api/notifications/preferences', { preferences: [{ kind: 'mention', email: false }] }).expect(200);
    await postIn(t, alice, `All at once, @${kim.handle}`);
    await quiet();
    const [event] = await t.sql<{ payload: PublishedEvent<'notification.created'>['payload'] }>(
      `SELECT payload FROM outbox
        WHERE type = 'notification.created' AND audience @> ARRAY[$1]::text[] AND payload->'notification'->>'kind' = 'mention'`,
      [`user:${kim.id}`],
    );
    await as(kim).put('/api/notifications/preferences', { preferences: [{ kind: 'mention', email: true }] }).expect(200);
    const emails = t.app.get(NotificationEmails);
    const outcomes = await Promise.all(
      Array.from({ length: 40 }, () => emails.handle({ payload: event!.payload } as PublishedEvent<'notification.created'>)),
    );
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'sent').every((o) => o === 'duplicate')).toBe(true);
    await smtp.waitFor(kim.email);
    await quiet();
    expect(smtp.mailsTo(kim.email)).toHaveLength(1);
    expect(await emailSent(kim.id)).toEqual(['mention']);
  });

  it('emails the daily digest: excerpts and links, one reply address per item, the digest’s own reply address, once a day', async () => {
    const owner = await registerUser(t, { displayName: 'Ines' });
    const reader = await registerUser(t, { displayName: 'Jules' });
    const lecteur = await registerUser(t, { displayName: 'Léa' });
    await as(lecteur).patch('/api/me', { locale: 'fr', timeZone: 'America/Montreal' }).expect(200);
    for (const who of [reader, lecteur])
      await as(who).put('/api/notifications/preferences', { preferences: [{ kind: 'mention', email: false }] }).expect(200);
    const group = await createGroup(t, owner, { name: 'Café crème' });
    await joinGroup(t, reader, group.id);
    await joinGroup(t, lecteur, group.id);
    const post = await postIn(t, owner, `Croissants on Friday, @${reader.handle} @${lecteur.handle}? Bring the <good> butter & jam.`, group.id);
    await t.settle();

    const digests = t.app.get(DigestEmails);
    const sentBefore = smtp.received.length;
    expect(await digests.runOnce()).toBeGreaterThanOrEqual(2);
    const [mail] = await smtp.waitFor(reader.email);
    expect(mail.parsed.subject).toMatch(/^Your day on Ruche — /);
    expect(mail.header('content-type')).toMatch(/^multipart\/alternative/);
    expect(mail.parsed.text).toContain('Café crème: 1 new post, 0 comments');
    expect(mail.parsed.text).toContain('Croissants on Friday');
    expect(mail.parsed.text).toContain(`https://ruche.corp.example/posts/${post.id}`);
    expect(mail.parsed.html).toContain(`https://ruche.corp.example/groups/${group.id}`);
    expect(mail.parsed.html).toContain('&lt;good&gt; butter &amp; jam');

    // The item's reply address answers into the post; the digest's own address is the digest token.
    const itemAddress = new RegExp(`reply\\+[a-z2-7]{52}@${DOMAIN.replace(/\./g, '\\.')}`).exec(mail.parsed.text!)![0];
    expect(await tokens.resolve(tokens.tokenOf(itemAddress)!)).toEqual({ userId: reader.id, thread: { type: 'post', id: post.id } });
    const digestToken = REPLY.exec(mail.parsed.replyTo!.value[0]!.address!)![1]!;
    expect(await tokens.resolve(digestToken)).toEqual({ userId: reader.id, thread: { type: 'digest', id: null } });
    expect(mail.header('list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');

    const [french] = await smtp.waitFor(lecteur.email);
    expect(french.parsed.subject).toMatch(/^Votre journée sur Ruche — /);
    expect(french.parsed.text).toContain('Café crème: 1 nouvelle publication, 0 commentaire');
    expect(await emailSent(reader.id)).toContain('digest');

    // Once a day.
    expect(await digests.runOnce()).toBe(0);
    await quiet();
    expect(smtp.received.length - sentBefore).toBe(await t.sql(`SELECT 1 FROM email_messages WHERE kind = 'digest' AND status = 'sent'`).then((r) => r.length));

    // The digest's own unsubscribe link turns the digest email off.
    await t.http.post(unsubscribePath(mail)).type('form').send('List-Unsubscribe=One-Click').expect(200);
    expect((await as(reader).get('/api/notifications/preferences')).body.digestEmail).toBe(false);
  });
});
