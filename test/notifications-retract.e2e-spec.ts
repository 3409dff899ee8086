import { EventBus, toPublishedEvent } from '@ruche/platform';
import { kindOf, markRead, type NotificationBody, postIn, react, unreadCount } from './factories/notification.factory.js';
import { registerUsers, type TestUser } from './factories/user.factory.js';
import { quietPeriod, socketsFor, type TestSocket } from './support/socket-client.js';
import { useTestApp } from './support/test-app.js';

type OutboxRow = Parameters<typeof toPublishedEvent>[0];

/**
 * A reaction taken back takes back what it told: the actor leaves the post author's unread
 * "X reacted" notification (deleted once nobody is left), live over Socket.IO; a notification
 * already read is history and stays. Races between reacting and unreacting, and the events
 * delivered again, late or at once, settle on who reacts now.
 */
describe('notifications: withdrawn reactions', () => {
  const t = useTestApp();
  let author: TestUser, bob: TestUser, carol: TestUser;

  beforeAll(async () => {
    [, author, bob, carol] = await registerUsers(t, ['Admin', 'Ada Author', 'Bob', 'Carol']);
  });

  const connect = socketsFor(() => t, { settleFirst: true });
  const unreact = async (user: TestUser, postId: string, kind = 'like') => {
    await t.http.delete(`/api/posts/${postId}/reactions/${kind}`).set('Authorization', user.auth).expect(200);
  };
  const reactionsTo = async (user: TestUser, postId: string) =>
    (await kindOf(t, user, 'reaction')).filter((n) => n.subject.id === postId);
  const summary = (u: TestUser) => ({ id: u.id, handle: u.handle, displayName: u.displayName });
  const created = (socket: TestSocket, postId: string) =>
    socket.received
      .filter((r) => r.event === 'notification.created')
      .map((r) => r.payload.notification as NotificationBody)
      .filter((n) => n.subject.id === postId);
  const reactionEvents = (postId: string) =>
    t.sql<OutboxRow>(
      `SELECT id, seq, type, payload, audience, subject_type, subject_id, actor_id, created_at
         FROM outbox WHERE type = 'post.reaction_changed' AND subject_id = $1 ORDER BY seq`,
      [postId],
    );

  it('react then unreact: no notification left, and the author’s socket is told it is gone', async () => {
    const post = await postIn(t, author, 'Retro notes are up');
    const live = await connect(author);
    await react(t, bob, post.id);
    const told = (await live.waitFor('notification.created')).notification as NotificationBody;
    expect(told).toMatchObject({ kind: 'reaction', subject: { type: 'post', id: post.id }, actor: summary(bob) });

    await unreact(bob, post.id);
    expect(await live.waitFor('notification.removed')).toEqual({ id: told.id, eventId: expect.any(Number) });
    expect(await reactionsTo(author, post.id)).toEqual([]);
    expect(await unreadCount(t, author)).toBe(0);
  });

  it('two reactors, one withdraws: the notification names only the other (live, same id)', async () => {
    const post = await postIn(t, author, 'New office plants');
    const live = await connect(author);
    await react(t, bob, post.id, 'celebrate');
    await react(t, carol, post.id);
    await live.waitForCount('notification.created', 2);
    // The latest actor leaves: the one before is shown in their place.
    await unreact(carol, post.id);
    await live.waitForCount('notification.created', 3);

    const [row] = await reactionsTo(author, post.id);
    expect(row).toMatchObject({
      actor: summary(bob),
      actors: [summary(bob)],
      actorCount: 1,
      readAt: null,
    });
    const updates = created(live, post.id);
    expect(updates.map((n) => [n.id, n.actorCount, n.actor?.id])).toEqual([
      [row.id, 1, bob.id],
      [row.id, 2, carol.id],
      [row.id, 1, bob.id],
    ]);
    expect(updates[2].actors).toEqual([summary(bob)]);
    // Every version, the shrunk one too, says what it is about (#16).
    for (const n of updates) expect(n.about).toEqual({ title: null, excerpt: 'New office plants' });
    await quietPeriod();
    expect(live.received.some((r) => r.event === 'notification.removed')).toBe(false);
  });

  it('a notification already read is history: a withdrawal leaves it as it was', async () => {
    const post = await postIn(t, author, 'Release 4.2 is out');
    await react(t, bob, post.id);
    const [before] = await reactionsTo(author, post.id);
    await markRead(t, author, { ids: [before.id] });
    const live = await connect(author);

    await unreact(bob, post.id);
    const [after] = await reactionsTo(author, post.id);
    expect(after).toMatchObject({ id: before.id, actor: summary(bob), actorCount: 1, readAt: expect.any(String) });
    await quietPeriod();
    expect(live.received.filter((r) => r.event.startsWith('notification'))).toEqual([]);
  });

  it('someone who still has another reaction on the post stays in', async () => {
    const post = await postIn(t, author, 'Hackathon winners');
    await react(t, bob, post.id, 'like');
    await react(t, bob, post.id, 'celebrate');
    await unreact(bob, post.id, 'like');
    expect(await reactionsTo(author, post.id)).toMatchObject([{ actor: summary(bob), actorCount: 1 }]);
    await unreact(bob, post.id, 'celebrate');
    expect(await reactionsTo(author, post.id)).toEqual([]);
  });

  it('events delivered again or late change nothing: a stale "reacted" does not bring a withdrawn one back', async () => {
    const post = await postIn(t, author, 'Lunch and learn: Postgres locks');
    await react(t, bob, post.id);
    await react(t, carol, post.id);
    await unreact(carol, post.id);
    await t.settle();
    const [before] = await reactionsTo(author, post.id);
    const events = await reactionEvents(post.id);
    expect(events.map((e) => toPublishedEvent(e).payload)).toMatchObject([{ delta: 1 }, { delta: 1 }, { delta: -1 }]);

    const bus = t.app.get(EventBus);
    const [, carolReacted, carolWithdrew] = events.map(toPublishedEvent);
    for (const row of events) await bus.deliver(toPublishedEvent(row));
    await bus.deliver(carolWithdrew);
    // Carol's "reacted", handled after her withdrawal (late, or on a slower instance).
    await bus.deliver(carolReacted);
    await t.settle();
    expect(await reactionsTo(author, post.id)).toEqual([before]);
    expect(before).toMatchObject({ actors: [summary(bob)], actorCount: 1 });
  });

  it('many people reacting and unreacting at once: the notification names exactly who still reacts', async () => {
    const post = await postIn(t, author, 'Vote for the team name');
    const fans = await registerUsers(t, 6);
    const stays = (i: number) => i % 2 === 0;
    await Promise.all(
      fans.map(async (fan, i) => {
        await react(t, fan, post.id);
        if (!stays(i)) await unreact(fan, post.id);
      }),
    );
    await t.settle();
    const expected = fans.filter((_, i) => stays(i)).map((f) => f.id);
    const check = async () => {
      const rows = await reactionsTo(author, post.id);
      expect(rows).toHaveLength(1);
      expect(rows[0].actorCount).toBe(expected.length);
      expect(rows[0].actors?.map((a) => a.id).sort()).toEqual([...expected].sort());
      return rows[0];
    };
    const first = await check();

    // As if several instances handled this post's events at once, in any order.
    const bus = t.app.get(EventBus);
    const events = (await reactionEvents(post.id)).map(toPublishedEvent);
    expect(events).toHaveLength(fans.length + fans.filter((_, i) => !stays(i)).length);
    await Promise.all([...events.reverse(), ...events].map((e) => bus.deliver(e)));
    await t.settle();
    expect((await check()).id).toBe(first.id);
  });
});
