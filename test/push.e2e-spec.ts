import { NotificationPush, PushSettingsService } from '@ruche/push';
import type { PublishedEvent } from '@ruche/platform';
import { addMember, createGroup } from './factories/group.factory.js';
import { postIn } from './factories/notification.factory.js';
import { actingAs, registerUsers, type TestUser } from './factories/user.factory.js';
import { type PushReceiver, startPushReceiver, verifyVapid } from './support/push-receiver.js';
import { startTestApp, type TestApp } from './support/test-app.js';

/**
 * Web Push (#16) against a receiver on loopback that plays the push service and the browser: it
 * decrypts each payload as a browser does (RFC 8291) and checks the VAPID signature (RFC 8292).
 * Subscriptions, per-kind choices, quiet hours, privacy at send time, gone browsers, and the
 * endpoint allow-list that keeps the server from being aimed at the company's own network.
 */
describe('web push', () => {
  let receiver: PushReceiver;
  let t: TestApp;
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    receiver = await startPushReceiver();
    t = await startTestApp({ RUCHE_PUSH_TEST_ALLOW_HOSTS: receiver.host, RUCHE_APP_URL: 'https://ruche.corp.example' });
    [admin, alice, bob] = await registerUsers(t, ['Admin', 'Alice Martin', 'Bob Stone']);
  });
  afterAll(async () => {
    await t.close();
    await receiver.close();
  });

  const as = (user: TestUser) => actingAs(t, user);
  const subscriptionRows = () => t.sql<{ user_id: string; endpoint: string }>('SELECT user_id, endpoint FROM push_subscriptions ORDER BY endpoint');
  const mentionEvent = async (recipient: TestUser, postId: string) => {
    const [event] = await t.sql<{ payload: PublishedEvent<'notification.created'>['payload'] }>(
      `SELECT payload FROM outbox
        WHERE type = 'notification.created' AND audience @> ARRAY[$1]::text[] AND payload->'notification'->'context'->>'postId' = $2`,
      [`user:${recipient.id}`, postId],
    );
    return { payload: event!.payload } as PublishedEvent<'notification.created'>;
  };

  it('pushes a mention to the subscribed browser, encrypted for it and signed with the server’s VAPID key', async () => {
    const browser = receiver.subscription('/push/alice-laptop');
    const { body: settings } = await as(alice).get('/api/push').expect(200);
    expect(settings).toMatchObject({ subscriptions: 0, quietHours: null, timeZone: 'UTC' });
    expect(Buffer.from(settings.publicKey, 'base64url')).toHaveLength(65);

    const created = await as(alice).post('/api/push/subscriptions', { endpoint: browser.endpoint, keys: browser.keys, expirationTime: null }).expect(201);
    expect(created.body).toEqual({ id: expect.any(String), created: true });
    expect((await as(alice).get('/api/push').expect(200)).body.subscriptions).toBe(1);

    const post = await postIn(t, bob, `Lunch review with @${alice.handle}? The **roadmap** is ready.`);
    const [push] = await receiver.waitFor(1);
    expect(push.path).toBe('/push/alice-laptop');
    expect(push.headers['content-encoding']).toBe('aes128gcm');
    expect(push.headers.urgency).toBe('high');
    expect(Number(push.headers.ttl)).toBeGreaterThan(0);
    const vapid = verifyVapid(String(push.headers.authorization));
    expect(vapid.key).toBe(settings.publicKey);
    expect(vapid.claims.aud).toBe(`http://${receiver.host}`);
    expect(vapid.claims.sub).toBe('https://ruche.corp.example');
    expect(vapid.claims.exp * 1000).toBeGreaterThan(Date.now());

    const message = JSON.parse(browser.decrypt(push.body));
    expect(message).toEqual({
      title: expect.stringContaining('Bob Stone'),
      body: expect.stringContaining('roadmap'),
      url: `/posts/${post.id}`,
      tag: expect.any(String),
    });
    // Someone else's key cannot read it.
    expect(() => receiver.subscription('/other').decrypt(push.body)).toThrow();
  });

  it('sends nothing for a kind turned off, in quiet hours, or about content the person can no longer see', async () => {
    const push = t.app.get(NotificationPush);
    const post = await postIn(t, bob, `Quiet test for @${alice.handle}`);
    await receiver.waitFor(2);
    const event = await mentionEvent(alice, post.id);

    // Quiet hours 22:00–07:00 in Alice's zone: 23:30 UTC is quiet, 12:00 is not.
    await as(alice).put('/api/push/quiet-hours', { start: '22:00', end: '07:00' }).expect(200);
    expect((await as(alice).get('/api/push').expect(200)).body.quietHours).toEqual({ start: '22:00', end: '07:00' });
    expect(await push.handle(event, new Date('2026-12-06T23:30:00Z'))).toBe('quiet hours');
    expect(await push.handle(event, new Date('2026-12-06T12:00:00Z'))).toBe('sent');
    await as(alice).put('/api/push/quiet-hours', { start: null, end: null }).expect(200);

    await as(alice).put('/api/notifications/preferences', { preferences: [{ kind: 'mention', push: false }] }).expect(200);
    const prefs = await as(alice).get('/api/notifications/preferences').expect(200);
    expect(prefs.body.items.find((i: { kind: string }) => i.kind === 'mention')).toMatchObject({ enabled: true, push: false });
    expect(prefs.body.items.find((i: { kind: string }) => i.kind === 'follow')).toMatchObject({ push: false });
    expect(await push.handle(event, new Date('2026-12-06T12:00:00Z'))).toBe('not wanted');
    await as(alice).put('/api/notifications/preferences', { preferences: [{ kind: 'mention', push: true }] }).expect(200);

    // A mention in a private group, then Alice leaves: the push is not sent (checked at send time).
    const group = await createGroup(t, bob, { visibility: 'private', name: 'Board prep' });
    await addMember(t, bob, group.id, alice);
    const secret = await postIn(t, bob, `Confidential numbers for @${alice.handle}`, group.id);
    const before = (await receiver.waitFor(4)).length;
    await t.http.delete(`/api/groups/${group.id}/members/${alice.id}`).set('Authorization', alice.auth).expect(204);
    expect(await push.handle(await mentionEvent(alice, secret.id))).toBe('not visible');
    expect(receiver.pushes).toHaveLength(before);
  });

  it('forgets a browser its push service says is gone, and moves an endpoint to whoever subscribes it last', async () => {
    const gone = receiver.subscription('/gone/bob-phone');
    await as(bob).post('/api/push/subscriptions', { endpoint: gone.endpoint, keys: gone.keys }).expect(201);
    expect(await t.app.get(NotificationPush).test(bob.id)).toEqual({ sent: 0, gone: 1, failed: 0 });
    expect((await subscriptionRows()).filter((r) => r.user_id === bob.id)).toEqual([]);

    // A shared desk: Alice's browser, then Bob signs in there and subscribes it.
    const desk = receiver.subscription('/push/shared-desk');
    await as(alice).post('/api/push/subscriptions', { endpoint: desk.endpoint, keys: desk.keys }).expect(201);
    const moved = await as(bob).post('/api/push/subscriptions', { endpoint: desk.endpoint, keys: desk.keys }).expect(201);
    expect(moved.body.created).toBe(false);
    expect((await subscriptionRows()).filter((r) => r.endpoint === desk.endpoint)).toEqual([{ user_id: bob.id, endpoint: desk.endpoint }]);

    // Alice cannot remove Bob's (the answer looks the same), Bob can.
    await as(alice).delete('/api/push/subscriptions', { endpoint: desk.endpoint }).expect(204);
    expect((await subscriptionRows()).filter((r) => r.endpoint === desk.endpoint)).toHaveLength(1);
    await as(bob).delete('/api/push/subscriptions', { endpoint: desk.endpoint }).expect(204);
    expect((await subscriptionRows()).filter((r) => r.endpoint === desk.endpoint)).toHaveLength(0);
  });

  it('refuses endpoints outside the push services (the server would POST to them) and malformed keys, writing nothing', async () => {
    const browser = receiver.subscription('/push/x');
    const before = await subscriptionRows();
    const refused = async (body: object, code?: string) => {
      const res = await as(admin).post('/api/push/subscriptions', body).expect(400);
      if (code) expect(res.body.code).toBe(code);
    };
    for (const endpoint of [
      'https://evil.example/push',
      'http://127.0.0.1:1/push',
      'https://169.254.169.254/latest/meta-data',
      'https://[::1]/push',
      'https://fcm.googleapis.com.evil.example/x',
      'http://fcm.googleapis.com/fcm/send/x',
    ])
      await refused({ endpoint, keys: browser.keys }, 'push_endpoint_not_allowed');
    for (const endpoint of ['file:///etc/passwd', 'https://fcm.googleapis.com/fcm/send/x y', 'https://fcm.googleapis.com/fcm/é'])
      await refused({ endpoint, keys: browser.keys }, 'validation_failed');
    await refused({ endpoint: browser.endpoint, keys: { p256dh: browser.keys.p256dh.slice(0, 40), auth: browser.keys.auth } });
    await refused({ endpoint: browser.endpoint, keys: { p256dh: browser.keys.p256dh, auth: 'AAAA' } });
    await refused({ endpoint: browser.endpoint, keys: { p256dh: 'not base64url!', auth: browser.keys.auth } });
    await refused({ endpoint: browser.endpoint });
    await refused({ endpoint: browser.endpoint, keys: browser.keys, extra: 1 }, 'validation_failed');
    await refused({ endpoint: `${browser.endpoint}/${'x'.repeat(2100)}`, keys: browser.keys });
    await refused({ endpoint: `${browser.endpoint}\u0000`, keys: browser.keys });
    expect(await subscriptionRows()).toEqual(before);

    for (const body of [{ start: '25:00', end: '07:00' }, { start: '22:00', end: null }, { start: '22:00', end: '22:00' }, { start: '22:00' }, {}])
      await as(admin).put('/api/push/quiet-hours', body).expect(400);
    expect(await t.sql('SELECT * FROM push_settings WHERE user_id = $1', [admin.id])).toEqual([]);

    await t.http.get('/api/push').expect(401);
    await t.http.post('/api/push/subscriptions').send({ endpoint: browser.endpoint, keys: browser.keys }).expect(401);
  });

  it('keeps one row per endpoint under concurrent subscriptions, and the same VAPID key on every instance', async () => {
    const browser = receiver.subscription('/push/race');
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => as(i % 2 ? alice : bob).post('/api/push/subscriptions', { endpoint: browser.endpoint, keys: browser.keys })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(40).fill(201));
    expect((await subscriptionRows()).filter((r) => r.endpoint === browser.endpoint)).toHaveLength(1);

    const peer = await t.startPeer({ RUCHE_PUSH_TEST_ALLOW_HOSTS: receiver.host });
    const mine = (await as(alice).get('/api/push').expect(200)).body.publicKey;
    const peers = (await peer.http.get('/api/push').set('Authorization', alice.auth).expect(200)).body.publicKey;
    expect(peers).toBe(mine);
    expect(await t.sql('SELECT count(*)::int AS n FROM push_vapid_keys')).toEqual([{ n: 1 }]);
    expect(t.app.get(PushSettingsService)).toBeDefined();
  });
});
