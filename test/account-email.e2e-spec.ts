import { PublishingGate } from '@ruche/platform';
import { auditOf } from './factories/moderation.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import {
  MAIL_APP_URL,
  type MailingTestApp,
  type ReceivedMail,
  type SmtpReceiver,
  startTestAppWithMail,
} from './support/smtp-receiver.js';

const SCIM_TOKEN = 'scim-token-for-account-email-tests-0123456789';

/** The one link in an account email, and its token. */
function linkIn(mail: ReceivedMail, path: string): { url: string; token: string } {
  const match = new RegExp(`${MAIL_APP_URL.replace(/\./g, '\\.')}${path}\\?[^\\s"<]+`).exec(mail.parsed.text ?? '');
  if (!match) throw new Error(`no ${path} link in: ${mail.parsed.text}`);
  const url = new URL(match[0]);
  return { url: match[0], token: url.searchParams.get('token') ?? url.searchParams.get('invitation')! };
}

/**
 * Account emails with SMTP configured, into a real SMTP server on loopback (#15): the verification
 * email at registration and what an unverified account may not do, "forgot password" and the reset
 * link, an admin's reset link and temporary password (audited), and invitation emails. Accounts
 * from an invitation or the identity provider are never asked to verify.
 */
describe('account emails: verification, password reset, invitations', () => {
  let t: MailingTestApp;
  let smtp: SmtpReceiver;
  let admin: TestUser;

  beforeAll(async () => {
    t = await startTestAppWithMail({ SCIM_TOKEN });
    smtp = t.smtp;
    admin = await registerUser(t, { email: 'admin@corp.example', displayName: 'Admin' });
    // Even the first account verifies its address; the tests' admin does so through the database.
    await t.sql('UPDATE users SET email_verified_at = now() WHERE id = $1', [admin.id]);
  }, 60_000);
  afterAll(() => t?.close());

  const me = async (user: { auth: string }) => (await t.http.get('/api/me').set('Authorization', user.auth).expect(200)).body;
  const as = (user: TestUser) => ({
    post: (path: string, body: object = {}) => t.http.post(path).set('Authorization', user.auth).send(body),
  });

  it('registration sends a verification email; until its link is followed the account reads but cannot post', async () => {
    const ada = await registerUser(t, { email: 'ada@corp.example', displayName: 'Ada' });
    const [mail] = await smtp.waitFor('ada@corp.example');
    expect(mail.parsed.subject).toBe('Confirm your email address for Ruche');
    expect(mail.parsed.text).toContain('Hello Ada,');
    const { token } = linkIn(mail, '/verify');
    // Only the token's hash is kept.
    expect(JSON.stringify(await t.sql('SELECT * FROM account_tokens WHERE user_id = $1', [ada.id]))).not.toContain(token);
    expect((await me(ada)).emailVerified).toBe(false);

    const postsBefore = (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM posts'))[0].n;
    const refusals = [
      await as(ada).post('/api/posts', { body: 'Hello' }),
      await as(ada).post('/api/questions', { title: 'How do I?', body: 'Tell me', topics: ['onboarding'] }),
    ];
    const post = await as(admin).post('/api/posts', { body: 'Welcome everyone' }).expect(201);
    refusals.push(await as(ada).post(`/api/posts/${post.body.id}/comments`, { body: 'Thanks' }));
    for (const res of refusals) expect([res.status, res.body.code]).toEqual([403, 'email_unverified']);
    expect((await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM posts'))[0].n).toBe(postsBefore + 1);
    // Reading works.
    await t.http.get('/api/feed?scope=company').set('Authorization', ada.auth).expect(200);

    await t.http.post('/api/auth/verify').send({ token }).expect(200, { verified: true });
    expect((await me(ada)).emailVerified).toBe(true);
    await as(ada).post('/api/posts', { body: 'Hello, verified' }).expect(201);
    // The link works once.
    const again = await t.http.post('/api/auth/verify').send({ token });
    expect([again.status, again.body.code]).toEqual([400, 'token_invalid']);
    expect((await t.http.post('/api/auth/verify').send({ token: 'bad token!' })).status).toBe(400);
  });

  it('a new link (at most one a minute) replaces the previous one; the link also works as a GET', async () => {
    const bob = await registerUser(t, { email: 'bob@corp.example', displayName: 'Bob' });
    const [first] = await smtp.waitFor('bob@corp.example');
    // The registration's email is less than a minute old.
    const early = await as(bob).post('/api/me/email/verification');
    expect([early.status]).toEqual([429]);
    await t.sql(`UPDATE account_tokens SET created_at = now() - interval '2 minutes' WHERE user_id = $1`, [bob.id]);
    await as(bob).post('/api/me/email/verification').expect(202);
    const mails = await smtp.waitFor('bob@corp.example', 2);
    const old = await t.http.get(`/api/auth/verify?token=${linkIn(first, '/verify').token}`);
    expect([old.status, old.body.code]).toEqual([400, 'token_invalid']);
    await t.http.get(`/api/auth/verify?token=${linkIn(mails[1], '/verify').token}`).expect(200);
    const done = await as(bob).post('/api/me/email/verification');
    expect([done.status, done.body.code]).toEqual([409, 'email_already_verified']);
    // An expired link is refused.
    const cy = await registerUser(t, { email: 'cy@corp.example' });
    const [cyMail] = await smtp.waitFor('cy@corp.example');
    await t.sql(`UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`, [cy.id]);
    expect((await t.http.post('/api/auth/verify').send({ token: linkIn(cyMail, '/verify').token })).status).toBe(400);
    expect((await me(cy)).emailVerified).toBe(false);
  });

  it('invitations are emailed; an invited account is verified and posts at once', async () => {
    const other = await registerUser(t);
    await t.sql('UPDATE users SET email_verified_at = now() WHERE id = $1', [other.id]);
    expect((await as(other).post('/api/admin/invitations', { email: 'dee@corp.example' })).status).toBe(403);

    const invited = await as(admin).post('/api/admin/invitations', { email: 'dee@corp.example' }).expect(201);
    expect(invited.body.emailed).toBe(true);
    const [mail] = await smtp.waitFor('dee@corp.example');
    expect(mail.parsed.subject).toBe('You are invited to Ruche');
    const { url, token } = linkIn(mail, '/register');
    expect(url).toBe(invited.body.link);

    const res = await t.http
      .post('/api/auth/register')
      .send({ email: 'dee@corp.example', password: 'a long enough passphrase', displayName: 'Dee', invitationToken: token })
      .expect(201);
    expect(res.body.user.emailVerified).toBe(true);
    await t.http.post('/api/posts').set('Authorization', `Bearer ${res.body.accessToken}`).send({ body: 'Hi all' }).expect(201);
    await t.settle();
    await new Promise((r) => setTimeout(r, 300));
    // No verification email for her: only the invitation.
    expect(smtp.mailsTo('dee@corp.example')).toHaveLength(1);
  });

  it('accounts from the identity provider (SCIM, SSO) are never asked to verify', async () => {
    const created = await t.http
      .post('/api/scim/v2/Users')
      .set('Authorization', `Bearer ${SCIM_TOKEN}`)
      .set('Content-Type', 'application/scim+json')
      .send(JSON.stringify({ schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'], userName: 'eve@corp.example', displayName: 'Eve' }))
      .expect(201);
    const [row] = await t.sql<{ verified: boolean }>('SELECT email_verified_at IS NOT NULL AS verified FROM users WHERE id = $1', [
      created.body.id,
    ]);
    expect(row.verified).toBe(true);
    // The gate every publishing path asks lets her through (she signs in with SSO, not tested here).
    await expect(t.app.get(PublishingGate).assertMayPublish(created.body.id)).resolves.toBeUndefined();
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.mailsTo('eve@corp.example')).toHaveLength(0);
  });

  it('"forgot password" is 202 for any address, emails a one-hour single-use link, and the reset ends every session', async () => {
    const fay = await registerUser(t, { email: 'fay@corp.example', displayName: 'Fay' });
    await smtp.waitFor('fay@corp.example');
    const laptop = (await t.http.post('/api/auth/login').send({ email: fay.email, password: fay.password }).expect(200)).body;

    await t.http.post('/api/auth/password/forgot').send({ email: 'nobody@corp.example' }).expect(202);
    await t.http.post('/api/auth/password/forgot').send({ email: ' FAY@corp.example ' }).expect(202);
    expect((await t.http.post('/api/auth/password/forgot').send({ email: 'not an email' })).status).toBe(400);
    const mails = await smtp.waitFor('fay@corp.example', 2);
    const reset = mails[1];
    expect(reset.parsed.subject).toBe('Reset your Ruche password');
    const { token } = linkIn(reset, '/reset-password');
    const [stored] = await t.sql<{ ttl: number }>(
      `SELECT extract(epoch FROM expires_at - created_at)::int AS ttl FROM account_tokens WHERE user_id = $1 AND purpose = 'password_reset'`,
      [fay.id],
    );
    expect(stored.ttl).toBe(3600);
    expect(smtp.mailsTo('nobody@corp.example')).toHaveLength(0);

    // The password policy applies; a refusal spends nothing.
    const breached = await t.http.post('/api/auth/password/reset').send({ token, password: 'qwerty123456' });
    expect([breached.status, breached.body.code]).toEqual([400, 'password_breached']);
    expect((await t.http.post('/api/auth/password/reset').send({ token, password: 'short' })).status).toBe(400);

    await t.http.post('/api/auth/password/reset').send({ token, password: 'fay chose a new passphrase' }).expect(204);
    for (const session of [fay, laptop]) {
      expect((await t.http.get('/api/me').set('Authorization', `Bearer ${session.accessToken}`)).status).toBe(401);
      expect((await t.http.post('/api/auth/refresh').send({ refreshToken: session.refreshToken })).status).toBe(401);
    }
    expect((await t.http.post('/api/auth/login').send({ email: fay.email, password: fay.password })).status).toBe(401);
    const signedIn = await t.http.post('/api/auth/login').send({ email: fay.email, password: 'fay chose a new passphrase' }).expect(200);
    // Following the link proved the inbox: the address is verified too.
    expect(signedIn.body.user.emailVerified).toBe(true);
    const reused = await t.http.post('/api/auth/password/reset').send({ token, password: 'yet another passphrase' });
    expect([reused.status, reused.body.code]).toEqual([400, 'token_invalid']);
  });

  it('two resets with one link at once: one succeeds', async () => {
    const gus = await registerUser(t, { email: 'gus@corp.example' });
    await smtp.waitFor('gus@corp.example');
    await t.http.post('/api/auth/password/forgot').send({ email: gus.email }).expect(202);
    const { token } = linkIn((await smtp.waitFor('gus@corp.example', 2))[1], '/reset-password');
    const results = await Promise.all(
      Array.from({ length: 25 }, (_, i) => t.http.post('/api/auth/password/reset').send({ token, password: `parallel passphrase ${i}` })),
    );
    expect(results.filter((r) => r.status === 204)).toHaveLength(1);
    expect(results.filter((r) => r.status !== 204).every((r) => r.status === 400)).toBe(true);
  });

  it('an admin issues a reset link (emailed, audited) or a temporary password the person must change; nobody else may', async () => {
    const hal = await registerUser(t, { email: 'hal@corp.example', displayName: 'Hal' });
    await smtp.waitFor('hal@corp.example');
    const other = await registerUser(t);
    expect((await as(other).post(`/api/admin/users/${hal.id}/password-reset`)).status).toBe(403);
    const refusedTemp = await t.http
      .put(`/api/admin/users/${hal.id}/password`)
      .set('Authorization', other.auth)
      .send({ newPassword: 'temporary passphrase 1' });
    expect(refusedTemp.status).toBe(403);

    const issued = await as(admin).post(`/api/admin/users/${hal.id}/password-reset`).expect(201);
    expect(issued.body).toEqual({ link: expect.stringContaining(`${MAIL_APP_URL}/reset-password?token=`), expiresAt: expect.any(String), emailed: true });
    const mails = await smtp.waitFor('hal@corp.example', 2);
    expect(linkIn(mails[1], '/reset-password').url).toBe(issued.body.link);

    await t.http
      .put(`/api/admin/users/${hal.id}/password`)
      .set('Authorization', admin.auth)
      .send({ newPassword: 'temporary passphrase 1' })
      .expect(204);
    const signedIn = await t.http.post('/api/auth/login').send({ email: hal.email, password: 'temporary passphrase 1' }).expect(200);
    expect(signedIn.body.user.mustChangePassword).toBe(true);
    await t.http
      .post('/api/me/password')
      .set('Authorization', `Bearer ${signedIn.body.accessToken}`)
      .send({ currentPassword: 'temporary passphrase 1', newPassword: 'hal has his own passphrase' })
      .expect(204);
    expect((await me({ auth: `Bearer ${signedIn.body.accessToken}` })).mustChangePassword).toBe(false);

    const audit = await auditOf(t, admin, `?targetId=${hal.id}`);
    expect(audit.map((a) => [a.action, a.actor?.id, a.details])).toEqual([
      ['user.password_reset', admin.id, { method: 'temporary' }],
      ['user.password_reset', admin.id, { method: 'link' }],
    ]);
    expect(JSON.stringify(audit)).not.toContain('temporary passphrase');
  });
});
