import { InboundSmtp, ReplyTokens } from '@ruche/email';
import { createGroup } from './factories/group.factory.js';
import { openCampaign, registerInnovator, submitIdea } from './factories/idea.factory.js';
import { askQuestion, setStatus } from './factories/question.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { INBOUND_DOMAIN as DOMAIN, type InboundMailHarness, startInboundMail } from './support/inbound-mail.js';
import type { TestApp } from './support/test-app.js';

/**
 * Email in beyond post comments: answers to questions, idea comments, a suspended person, bounces
 * to the suppression list, group handles as the groups API sets them, and which roles listen.
 */
describe('email in: questions, ideas, bounces, handles, roles', () => {
  let mail: InboundMailHarness;
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    mail = await startInboundMail({ SMTP_INBOUND_SENDER_RATE_LIMIT: '100' });
    t = mail.t;
    admin = await registerUser(t, { displayName: 'Admin' });
  }, 120_000);

  afterAll(async () => {
    await mail?.close();
  });

  const quote = '\n\nLe sam. 5 déc. 2026 à 10:12, Ruche <no-reply@ruche.test> a écrit :\n> Une nouvelle question pour vous\n';

  it('a reply to a question becomes an answer by the token’s person (French quote stripped)', async () => {
    const [asker, expert] = [await registerUser(t, { displayName: 'Asker' }), await registerUser(t, { displayName: 'Expert' })];
    const question = await askQuestion(t, asker, { title: 'How do we rotate the VPN keys?' });
    const to = await t.app.get(ReplyTokens).issueAddress(expert.id, { type: 'question', id: question.id });
    const sent = await mail.send({
      from: expert.email,
      to,
      subject: 'Re: question',
      text: `Run the rotate-keys job, then restart the gateway.${quote}`,
    });
    expect(sent).toMatchObject({ ok: true, response: expect.stringMatching(/posted as an answer/) });
    const res = await t.http.get(`/api/questions/${question.id}`).set('Authorization', asker.auth);
    expect(res.status).toBe(200);
    expect(res.body.answers).toEqual([
      expect.objectContaining({
        body: 'Run the rotate-keys job, then restart the gateway.',
        author: expect.objectContaining({ id: expert.id }),
      }),
    ]);
  });

  it('a reply to an idea becomes a comment on it', async () => {
    const innovator = await registerInnovator(t, admin);
    const [author, fan] = [await registerUser(t, { displayName: 'Author' }), await registerUser(t, { displayName: 'Fan' })];
    const campaign = await openCampaign(t, innovator, [innovator]);
    const idea = await submitIdea(t, author, campaign.id, { title: 'Shared desks', body: 'Fewer desks, more rooms' });
    const to = await t.app.get(ReplyTokens).issueAddress(fan.id, { type: 'idea', id: idea.id });
    const sent = await mail.send({
      from: fan.email,
      to,
      subject: 'Re: idea',
      text: 'Love it, +1 for more rooms.\n\nSent from my iPhone',
    });
    expect(sent).toMatchObject({ ok: true, response: expect.stringMatching(/posted as a comment/) });
    const res = await t.http.get(`/api/ideas/${idea.id}/comments`).set('Authorization', author.auth);
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([
      expect.objectContaining({ body: 'Love it, +1 for more rooms.', author: expect.objectContaining({ id: fan.id }) }),
    ]);
  });

  it('refuses the reply of a suspended person at RCPT TO', async () => {
    const [poster, suspended] = [
      await registerUser(t, { displayName: 'Poster' }),
      await registerUser(t, { displayName: 'Suspended' }),
    ];
    const post = await t.http.post('/api/posts').set('Authorization', poster.auth).send({ body: 'Replies welcome' });
    const to = await t.app.get(ReplyTokens).issueAddress(suspended.id, { type: 'post', id: post.body.id as string });
    await setStatus(t, suspended, 'suspended');
    const sent = await mail.send({ from: suspended.email, to, subject: 'Re', text: 'Still me' });
    expect(sent).toMatchObject({ ok: false, code: 550, response: expect.stringMatching(/cannot post in Ruche/) });
    const comments = await t.http.get(`/api/posts/${post.body.id}/comments`).set('Authorization', poster.auth);
    expect(comments.body.items).toEqual([]);
  });

  it('a delivery status notification to the bounce address puts the failed address on the suppression list', async () => {
    const raw = [
      'From: Mail Delivery System <MAILER-DAEMON@mx.corp.example>',
      `To: bounces@${DOMAIN}`,
      'Subject: Undelivered Mail Returned to Sender',
      'Message-ID: <dsn-1@mx.corp.example>',
      'Auto-Submitted: auto-replied',
      'MIME-Version: 1.0',
      'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
      '',
      '--b1',
      'Content-Type: text/plain; charset=us-ascii',
      '',
      'I could not deliver your message to gone@corp.example.',
      '',
      '--b1',
      'Content-Type: message/delivery-status',
      '',
      'Reporting-MTA: dns; mx.corp.example',
      '',
      'Final-Recipient: rfc822; gone@corp.example',
      'Action: failed',
      'Status: 5.1.1',
      'Diagnostic-Code: smtp; 550 5.1.1 User unknown',
      '',
      'Final-Recipient: rfc822; later@corp.example',
      'Action: delayed',
      'Status: 4.4.1',
      '',
      '--b1--',
      '',
    ].join('\r\n');
    const sent = await mail.send({ envelope: { from: 'mailer-daemon@mx.corp.example', to: [`bounces@${DOMAIN}`] }, raw });
    expect(sent).toMatchObject({ ok: true, response: expect.stringMatching(/1 address\(es\) suppressed/) });
    const res = await t.http.get('/api/admin/email/suppressions').set('Authorization', admin.auth);
    expect(res.status).toBe(200);
    const addresses = (res.body.items as { address: string }[]).map((s) => s.address);
    expect(addresses).toContain('gone@corp.example');
    expect(addresses).not.toContain('later@corp.example');
  });

  it('group handles: made from the name, set on create and update, reserved and malformed refused, taken is a 409; mail follows the new handle', async () => {
    const owner = await registerUser(t, { displayName: 'Group owner' });
    const made = await createGroup(t, owner, { name: 'Ops & Run' });
    expect(made.handle).toBe('ops-run');
    const twin = await createGroup(t, owner, { name: 'Ops  &  Run!' });
    expect(twin.handle).toBe('ops-run-2');

    const create = (body: object) =>
      t.http
        .post('/api/groups')
        .set('Authorization', owner.auth)
        .send({ visibility: 'public', ...body });
    expect((await create({ name: 'Chosen', handle: ' Platform-Team ' })).body).toMatchObject({ handle: 'platform-team' });
    for (const handle of ['postmaster', 'reply', 'abuse']) {
      const res = await create({ name: 'Sneaky', handle });
      expect(res.status).toBe(400);
      expect(res.body.message).toMatch(/reserved/);
    }
    for (const handle of ['a', '-x-', 'two--dashes', 'dots.not.allowed', 'x'.repeat(41), 42]) {
      const res = await create({ name: 'Bad handle', handle });
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    }
    expect((await create({ name: 'Copycat', handle: 'ops-run' })).status).toBe(409);
    // Refused creations wrote nothing: the owner has the three groups created above.
    const mine = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM groups WHERE created_by = $1', [owner.id]);
    expect(mine[0]!.n).toBe(3);

    const patch = (body: object) => t.http.patch(`/api/groups/${made.id}`).set('Authorization', owner.auth).send(body);
    expect((await patch({ handle: 'ops-run-2' })).status).toBe(409);
    expect((await patch({ handle: 'admin' })).status).toBe(400);
    const renamed = await patch({ handle: 'operations' });
    expect(renamed.status).toBe(200);
    expect(renamed.body.handle).toBe('operations');
    const stranger = await registerUser(t, { displayName: 'Not an owner' });
    const refused = await t.http.patch(`/api/groups/${made.id}`).set('Authorization', stranger.auth).send({ handle: 'mine-now' });
    expect(refused.status).toBe(403);

    const toNew = await mail.send({
      from: owner.email,
      to: `operations@${DOMAIN}`,
      subject: 'Rota',
      text: 'New on-call rota is up.',
    });
    expect(toNew).toMatchObject({ ok: true, response: expect.stringMatching(/posted as a post/) });
    const toOld = await mail.send({ from: owner.email, to: `ops-run@${DOMAIN}`, subject: 'Rota', text: 'Old address' });
    expect(toOld).toMatchObject({ ok: false, code: 550 });
  });

  it('the same message delivered 25 times at once (more than the pool’s 20 connections) posts once', async () => {
    const [poster, replier] = [
      await registerUser(t, { displayName: 'Busy poster' }),
      await registerUser(t, { displayName: 'Replier' }),
    ];
    const post = await t.http.post('/api/posts').set('Authorization', poster.auth).send({ body: 'Storm of retries' });
    const to = await t.app.get(ReplyTokens).issueAddress(replier.id, { type: 'post', id: post.body.id as string });
    const message = { from: replier.email, to, subject: 'Re', text: 'Exactly once', messageId: '<storm-1@mail.corp.example>' };
    const answers = await Promise.all(Array.from({ length: 25 }, () => mail.send(message)));
    // Each copy is either taken (posted, or recognised as already received) or deferred with a 4xx
    // (pool busy: the sender retries later); none is refused for good, and one comment exists.
    const posted = answers.filter((a) => a.ok && /posted as a comment/.test(a.response));
    expect(posted).toHaveLength(1);
    for (const a of answers) expect(a.ok ? a.response : String(a.code)).toMatch(/posted as a comment|already received|^4\d\d$/);
    const comments = await t.http.get(`/api/posts/${post.body.id}/comments`).set('Authorization', poster.auth);
    expect((comments.body.items as { body: string }[]).map((c) => c.body)).toEqual(['Exactly once']);
    const rows = await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM email_inbound_messages WHERE message_id = $1', [
      'storm-1@mail.corp.example',
    ]);
    expect(rows[0]!.n).toBe(1);
  });

  it('listens on worker and all instances only: an api instance opens no SMTP port', async () => {
    const api = await t.startPeer({ RUCHE_ROLE: 'api' });
    expect(api.app.get(InboundSmtp).port).toBeNull();
    expect(t.app.get(InboundSmtp).port).toEqual(expect.any(Number));
  });
});
