import { randomBytes } from 'node:crypto';
import type { SendMailOptions } from 'nodemailer';
import { ReplyTokens } from '@ruche/email';
import { addMember, banFromGroup, createGroup } from './factories/group.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { INBOUND_DOMAIN as DOMAIN, type InboundMailHarness, type Sent, startInboundMail } from './support/inbound-mail.js';
import type { TestApp } from './support/test-app.js';

/**
 * Email in, end to end: nodemailer sends over real SMTP on loopback into Ruche's inbound endpoint
 * (smtp-server), and what the API shows afterwards is checked. DNS answers come from a table
 * (SenderAuthentication's resolver), so SPF/DKIM/DMARC are judged without a network.
 */
const MAX_BYTES = 64 * 1024;
const SENDER_LIMIT = 6;

describe('email in: replies, group addresses, refusals (real SMTP on loopback)', () => {
  let mail: InboundMailHarness;
  let t: TestApp;
  let dnsTable: Map<string, string[][]>;
  let owner: TestUser;

  beforeAll(async () => {
    mail = await startInboundMail({
      SMTP_INBOUND_MAX_BYTES: String(MAX_BYTES),
      SMTP_INBOUND_SENDER_RATE_LIMIT: String(SENDER_LIMIT),
    });
    ({ t, dns: dnsTable } = mail);
    owner = await registerUser(t, { displayName: 'Owner' });
  }, 120_000);

  afterAll(async () => {
    await mail?.close();
  });

  const send = (message: SendMailOptions): Promise<Sent> => mail.send(message);

  const replyAddress = (
    user: TestUser,
    thread: { type: 'post' | 'question' | 'idea'; id: string } | { type: 'digest'; id: null },
  ) => t.app.get(ReplyTokens).issueAddress(user.id, thread);

  const post = async (author: TestUser, body: string, groupId?: string) => {
    const res = await t.http.post('/api/posts').set('Authorization', author.auth).send({ body, groupId });
    expect(res.status).toBe(201);
    return res.body as { id: string };
  };

  const comments = async (viewer: TestUser, postId: string) => {
    const res = await t.http.get(`/api/posts/${postId}/comments`).set('Authorization', viewer.auth);
    expect(res.status).toBe(200);
    return res.body.items as { author: { id: string }; body: string }[];
  };

  const inboundRows = async () => (await t.sql<{ n: number }>('SELECT count(*)::int AS n FROM email_inbound_messages'))[0]!.n;

  const receivedEvents = async () =>
    (
      await t.sql<{ payload: { senderId: string | null; kind: string; outcome: string } }>(
        `SELECT payload FROM outbox WHERE type = 'email.received' ORDER BY id`,
      )
    ).map((r) => r.payload);

  const gmailQuote = (from: string) =>
    `\n\nOn Sat, Dec 5, 2026 at 10:12 AM Ruche <no-reply@${DOMAIN}> wrote:\n> ${from} commented on your post\n> Reply to this email to answer.\n`;

  it('turns a reply to a notification into a comment by the token’s person, quote and signature stripped', async () => {
    const bob = await registerUser(t, { displayName: 'Bob' });
    const p = await post(owner, 'Who can review the Q4 deck?');
    const to = await replyAddress(bob, { type: 'post', id: p.id });
    const before = (await receivedEvents()).length;

    const sent = await send({
      from: `Bob <${bob.email.toUpperCase()}>`,
      to,
      subject: 'Re: Owner posted',
      text: `I can review it tomorrow morning.${gmailQuote('Owner')}\n-- \nBob\nFinance team`,
      attachments: [{ filename: 'notes.pdf', content: Buffer.from('%PDF-1.4 not really') }],
    });
    expect(sent).toEqual({ ok: true, response: expect.stringMatching(/^250 .*posted as a comment/) });

    const list = await comments(owner, p.id);
    expect(list).toHaveLength(1);
    expect(list[0]!.author.id).toBe(bob.id);
    expect(list[0]!.body).toMatch(/^I can review it tomorrow morning\.\n\n\[Attachment not kept .*: notes\.pdf \(1 KB\)\]$/);
    expect(list[0]!.body).not.toMatch(/wrote:|Finance team/);
    await t.settle();
    expect((await receivedEvents()).slice(before)).toEqual([{ senderId: bob.id, kind: 'reply', outcome: 'accepted' }]);
  });

  it('rejects forged, malformed and expired reply addresses at RCPT TO and writes nothing', async () => {
    const carol = await registerUser(t, { displayName: 'Carol' });
    const p = await post(owner, 'A post nobody can reply to by a forged address');
    const expired = await replyAddress(carol, { type: 'post', id: p.id });
    await t.sql(
      `UPDATE email_reply_tokens SET created_at = now() - interval '60 days', expires_at = now() - interval '1 day' WHERE user_id = $1`,
      [carol.id],
    );
    const forged = `reply+${'a'.repeat(51)}q@${DOMAIN}`;
    const tampered = expired.replace(/^reply\+(.)/, (_m, c: string) => `reply+${c === 'a' ? 'b' : 'a'}`);
    const rowsBefore = await inboundRows();

    for (const to of [expired, forged, tampered, `reply+not-a-token@${DOMAIN}`]) {
      const sent = await send({ from: carol.email, to, subject: 'Re: post', text: 'Let me in' });
      expect(sent).toMatchObject({ ok: false, code: 550 });
      expect((sent as { response: string }).response).toMatch(/unknown or has expired/);
    }
    expect(await comments(owner, p.id)).toEqual([]);
    expect(await inboundRows()).toBe(rowsBefore);
  });

  it('refuses a reply whose From is not the address on record for the token’s person', async () => {
    const dave = await registerUser(t, { displayName: 'Dave' });
    const p = await post(owner, 'Replies only from the right inbox');
    const to = await replyAddress(dave, { type: 'post', id: p.id });
    const sent = await send({ from: 'dave.private@elsewhere.example', to, subject: 'Re', text: 'It is me, honest' });
    expect(sent).toMatchObject({ ok: false, code: 550, response: expect.stringMatching(/address Ruche has on record/) });
    expect(await comments(owner, p.id)).toEqual([]);
  });

  it('refuses the reply of a person who left the private group, and of one banned from the group', async () => {
    const [erin, frank] = [await registerUser(t, { displayName: 'Erin' }), await registerUser(t, { displayName: 'Frank' })];
    const secret = await createGroup(t, owner, { name: 'Board room', visibility: 'private' });
    const open = await createGroup(t, owner, { name: 'Open floor', visibility: 'public' });
    await addMember(t, owner, secret.id, erin);
    await addMember(t, owner, open.id, frank);
    const secretPost = await post(owner, 'Confidential: the reorg', secret.id);
    const openPost = await post(owner, 'Open: the party', open.id);
    const erinTo = await replyAddress(erin, { type: 'post', id: secretPost.id });
    const frankTo = await replyAddress(frank, { type: 'post', id: openPost.id });

    const left = await t.http.delete(`/api/groups/${secret.id}/members/${erin.id}`).set('Authorization', erin.auth);
    expect(left.status).toBe(204);
    await banFromGroup(t, owner, open.id, frank.id);

    const erinSent = await send({ from: erin.email, to: erinTo, subject: 'Re', text: 'One more thing about the reorg' });
    expect(erinSent).toMatchObject({
      ok: false,
      code: 550,
      response: expect.stringMatching(/no longer post in this conversation/),
    });
    const frankSent = await send({ from: frank.email, to: frankTo, subject: 'Re', text: 'Still here' });
    expect(frankSent).toMatchObject({ ok: false, code: 550, response: expect.stringMatching(/banned/i) });

    expect(await comments(owner, secretPost.id)).toEqual([]);
    expect(await comments(owner, openPost.id)).toEqual([]);
  });

  it('posts a message delivered twice with the same Message-ID once', async () => {
    const gina = await registerUser(t, { displayName: 'Gina' });
    const p = await post(owner, 'Retries must not double-post');
    const to = await replyAddress(gina, { type: 'post', id: p.id });
    const message = {
      from: gina.email,
      to,
      subject: 'Re',
      text: 'Posted once, delivered twice',
      messageId: `<${randomBytes(8).toString('hex')}@mail.corp.example>`,
    };
    const [first, second] = [await send(message), await send(message)];
    expect(first).toMatchObject({ ok: true, response: expect.stringMatching(/posted as a comment/) });
    expect(second).toMatchObject({ ok: true, response: expect.stringMatching(/already received/) });
    expect((await comments(owner, p.id)).map((c) => c.body)).toEqual(['Posted once, delivered twice']);
  });

  it('ignores out-of-office and other automatic replies (accepted, nothing written)', async () => {
    const hugo = await registerUser(t, { displayName: 'Hugo' });
    const p = await post(owner, 'Anyone around next week?');
    const to = await replyAddress(hugo, { type: 'post', id: p.id });
    const rowsBefore = await inboundRows();
    const ooo = await send({
      from: hugo.email,
      to,
      subject: 'Automatic reply: Owner posted',
      text: 'I am out of the office until Monday.',
    });
    const absence = await send({
      from: hugo.email,
      to,
      subject: 'Réponse automatique : absent',
      text: 'Je suis absent jusqu’à lundi.',
    });
    const headerOnly = await send({
      from: hugo.email,
      to,
      subject: 'Re: Owner posted',
      text: 'Away',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    for (const sent of [ooo, absence, headerOnly])
      expect(sent).toMatchObject({ ok: true, response: expect.stringMatching(/auto-reply ignored/) });
    expect(await comments(owner, p.id)).toEqual([]);
    expect(await inboundRows()).toBe(rowsBefore);
  });

  it('refuses an oversize message with 552 and writes nothing', async () => {
    const ivy = await registerUser(t, { displayName: 'Ivy' });
    const p = await post(owner, 'Send me the big file');
    const to = await replyAddress(ivy, { type: 'post', id: p.id });
    const sent = await send({
      from: ivy.email,
      to,
      subject: 'Re',
      text: 'Here it is',
      attachments: [{ filename: 'big.bin', content: randomBytes(MAX_BYTES) }],
    });
    expect(sent).toMatchObject({ ok: false, code: 552 });
    expect(await comments(owner, p.id)).toEqual([]);
  });

  it('turns mail to a group’s address from a member into a post in that group; a non-member, an unknown address or an unknown group is refused', async () => {
    const [jack, kim] = [await registerUser(t, { displayName: 'Jack' }), await registerUser(t, { displayName: 'Kim' })];
    const group = await createGroup(t, owner, { name: 'Équipe Data', visibility: 'private' });
    expect(group).toMatchObject({ handle: 'equipe-data' });
    await addMember(t, owner, group.id, jack);

    const member = await send({
      from: jack.email,
      to: `Equipe-Data@${DOMAIN.toUpperCase()}`,
      subject: 'Dashboards',
      text: 'The new dashboards are live.\n\nEnvoyé de mon iPhone',
    });
    expect(member).toMatchObject({ ok: true, response: expect.stringMatching(/posted as a post/) });
    const feed = await t.http.get(`/api/groups/${group.id}/feed`).set('Authorization', owner.auth);
    expect(feed.status).toBe(200);
    expect(feed.body.items).toEqual([
      expect.objectContaining({
        body: 'The new dashboards are live.',
        author: expect.objectContaining({ id: jack.id }),
        groupId: group.id,
      }),
    ]);

    const rowsBefore = await inboundRows();
    const outsider = await send({ from: kim.email, to: `equipe-data@${DOMAIN}`, subject: 'Hi', text: 'Let me post' });
    expect(outsider).toMatchObject({ ok: false, code: 550, response: expect.stringMatching(/Only members of this group/) });
    const stranger = await send({
      from: 'someone@outside.example',
      to: `equipe-data@${DOMAIN}`,
      subject: 'Hi',
      text: 'Let me post',
    });
    expect(stranger).toMatchObject({ ok: false, code: 550 });
    const unknown = await send({ from: jack.email, to: `no-such-group@${DOMAIN}`, subject: 'Hi', text: 'Hello?' });
    expect(unknown).toMatchObject({ ok: false, code: 550, response: expect.stringMatching(/No such address/) });
    const relay = await send({ from: jack.email, to: 'friend@elsewhere.example', subject: 'Hi', text: 'Relay me' });
    expect(relay).toMatchObject({ ok: false, code: 550, response: expect.stringMatching(/only takes mail for Ruche/) });
    const after = await t.http.get(`/api/groups/${group.id}/feed`).set('Authorization', owner.auth);
    expect(after.body.items).toHaveLength(1);
    expect(await inboundRows()).toBe(rowsBefore);
  });

  it('refuses a message that fails its domain’s DMARC policy', async () => {
    const liam = await registerUser(t, { email: `liam.${Date.now()}@strict.example`, displayName: 'Liam' });
    dnsTable.set('strict.example', [['v=spf1 -all']]);
    dnsTable.set('_dmarc.strict.example', [['v=DMARC1; p=reject']]);
    const p = await post(owner, 'DMARC-protected senders');
    const to = await replyAddress(liam, { type: 'post', id: p.id });
    const sent = await send({ from: liam.email, to, subject: 'Re', text: 'Spoofed or not?' });
    expect(sent).toMatchObject({ ok: false, code: 550, response: expect.stringMatching(/DMARC/) });
    expect(await comments(owner, p.id)).toEqual([]);
  });

  it('answers a reply to the digest’s own address with nothing written', async () => {
    const mia = await registerUser(t, { displayName: 'Mia' });
    const to = await replyAddress(mia, { type: 'digest', id: null });
    const rowsBefore = await inboundRows();
    const sent = await send({ from: mia.email, to, subject: 'Re: Your Ruche digest', text: 'Thanks!' });
    expect(sent).toMatchObject({ ok: true, response: expect.stringMatching(/replies to the digest are not posted/) });
    expect(await inboundRows()).toBe(rowsBefore);
  });

  it('limits a flooding sender with 451 once over the per-minute budget', async () => {
    const group = await createGroup(t, owner, { name: 'Flood target' });
    const codes: number[] = [];
    for (let i = 0; i <= SENDER_LIMIT; i++) {
      const sent = await send({
        from: 'flood@spam.example',
        to: `${group.handle}@${DOMAIN}`,
        subject: `Spam ${i}`,
        text: 'Buy now',
      });
      codes.push(sent.ok ? 250 : sent.code);
    }
    expect(codes).toEqual([...Array<number>(SENDER_LIMIT).fill(550), 451]);
    const feed = await t.http.get(`/api/groups/${group.id}/feed`).set('Authorization', owner.auth);
    expect(feed.body.items).toEqual([]);
  });
});
