import { EventBus, toPublishedEvent } from '@ruche/platform';
import { addMember, createGroup, joinGroup } from './factories/group.factory.js';
import { openCampaign, registerInnovator, review, submitIdea, transition, vote } from './factories/idea.factory.js';
import { registerModerator, report, resolve } from './factories/moderation.factory.js';
import {
  comment,
  kindOf,
  markRead,
  mute,
  type NotificationBody,
  notificationsOf,
  postIn,
  react,
  setPreference,
  unreadCount,
} from './factories/notification.factory.js';
import { follow, updateProfile } from './factories/people.factory.js';
import { acceptAnswer, answerQuestion, askQuestion } from './factories/question.factory.js';
import { registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { quietPeriod, socketsFor, type TestSocket } from './support/socket-client.js';
import { useTestApp } from './support/test-app.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

/**
 * The notification store end to end: every kind produced by the action that causes it and received
 * live over Socket.IO, grouped reactions, reading and marking read, preferences and mutes, no
 * duplicates on redelivery, and nothing ever about what the recipient may not see.
 */
describe('notifications', () => {
  const t = useTestApp();
  let admin: TestUser, alice: TestUser, bob: TestUser, carol: TestUser, dave: TestUser;

  beforeAll(async () => {
    [admin, alice, bob, carol, dave] = await registerUsers(t, ['Admin', 'Alice Author', 'Bob', 'Carol', 'Dave']);
  });

  /** Connects once everything before has been delivered to the listeners (so a socket only sees what comes next, or what it replays). */
  const connect = socketsFor(() => t, { settleFirst: true });
  const notificationOf = (p: Record<string, unknown>) => p.notification as NotificationBody;
  /** The first `notification.created` of `kind` (and matching `match`) the socket receives. */
  const live = async (socket: TestSocket, kind: string, match: (n: NotificationBody) => boolean = () => true) =>
    notificationOf(
      await socket.waitFor('notification.created', (p) => notificationOf(p).kind === kind && match(notificationOf(p))),
    );
  const liveKinds = (socket: TestSocket) =>
    socket.received.filter((r) => r.event === 'notification.created').map((r) => notificationOf(r.payload).kind);
  const summary = (u: TestUser) => ({ id: u.id, handle: u.handle, displayName: u.displayName });

  describe('each kind, produced by its action and received live', () => {
    it('mention: the person @mentioned, live and in the list; the author hears nothing', async () => {
      const [bobLive, aliceLive] = [await connect(bob), await connect(alice)];
      const post = await postIn(t, alice, `Lunch talk tomorrow, @${bob.handle}?`);
      const n = await live(bobLive, 'mention', (x) => x.subject.id === post.id);
      expect(n).toEqual({
        id: expect.any(String),
        kind: 'mention',
        actor: summary(alice),
        subject: { type: 'post', id: post.id },
        context: { postId: post.id, groupId: null },
        about: { title: null, excerpt: `Lunch talk tomorrow, @${bob.handle}?` },
        createdAt: expect.any(String),
        readAt: null,
      });
      expect((await kindOf(t, bob, 'mention')).map((x) => x.id)).toContain(n.id);
      await quietPeriod();
      expect(liveKinds(aliceLive)).toEqual([]);
    });

    it('comment: the post’s author and earlier commenters, never the commenter; the text is never copied', async () => {
      const post = await postIn(t, alice, 'Which CI runner do you use?');
      await comment(t, bob, post.id, 'GitLab runners');
      const [aliceLive, bobLive, carolLive] = [await connect(alice), await connect(bob), await connect(carol)];
      const second = await comment(t, carol, post.id, 'A secret opinion about runners');
      const toAuthor = await live(aliceLive, 'comment', (x) => x.context.commentId === second.id);
      expect(toAuthor).toMatchObject({
        actor: summary(carol),
        subject: { type: 'comment', id: second.id },
        context: { postId: post.id, commentId: second.id, onYourPost: true, commentCount: 2 },
      });
      const toEarlier = await live(bobLive, 'comment', (x) => x.context.commentId === second.id);
      expect(toEarlier.context).toMatchObject({ onYourPost: false });
      await quietPeriod();
      expect(liveKinds(carolLive)).toEqual([]);
      const stored = await t.sql<{ payload: unknown }>('SELECT payload FROM notifications WHERE subject_id = $1', [second.id]);
      expect(stored).toHaveLength(2);
      expect(JSON.stringify(stored)).not.toContain('secret');
    });

    it('reaction: the post’s author', async () => {
      const post = await postIn(t, alice, 'Shipped the new onboarding');
      const aliceLive = await connect(alice);
      await react(t, bob, post.id, 'celebrate');
      const n = await live(aliceLive, 'reaction', (x) => x.subject.id === post.id);
      expect(n).toMatchObject({
        actor: summary(bob),
        actors: [summary(bob)],
        actorCount: 1,
        context: { postId: post.id, reaction: 'celebrate' },
      });
    });

    it('follow: the person followed', async () => {
      const daveLive = await connect(dave);
      await follow(t, carol, dave);
      const n = await live(daveLive, 'follow', (x) => x.actor?.id === carol.id);
      expect(n).toMatchObject({ actor: summary(carol), subject: { type: 'user', id: carol.id } });
    });

    it('group.request to the owners and admins, group.approved to the requester', async () => {
      const group = await createGroup(t, alice, { visibility: 'private', name: 'Platform guild' });
      await addMember(t, alice, group.id, bob);
      await t.http
        .put(`/api/groups/${group.id}/members/${bob.id}`)
        .set('Authorization', alice.auth)
        .send({ role: 'admin' })
        .expect(200);
      const [aliceLive, bobLive, daveLive] = [await connect(alice), await connect(bob), await connect(dave)];
      expect(await joinGroup(t, dave, group.id)).toBe('pending');
      for (const socket of [aliceLive, bobLive]) {
        expect(await live(socket, 'group.request', (n) => n.context.userId === dave.id)).toMatchObject({
          actor: summary(dave),
          subject: { type: 'group', id: group.id },
          context: { groupId: group.id, userId: dave.id },
        });
      }
      await t.http.post(`/api/groups/${group.id}/requests/${dave.id}/approve`).set('Authorization', bob.auth).expect(200);
      expect(await live(daveLive, 'group.approved', (n) => n.subject.id === group.id)).toMatchObject({
        actor: summary(bob),
        subject: { type: 'group', id: group.id },
      });
    });

    it('group.mention: every member once (a member also mentioned by name gets the mention only)', async () => {
      const group = await createGroup(t, alice, { name: 'Design' });
      for (const user of [bob, carol]) await joinGroup(t, user, group.id);
      const [bobLive, carolLive] = [await connect(bob), await connect(carol)];
      const post = await postIn(t, alice, `Review at 3pm @group, @${carol.handle} leads`, group.id);
      expect(await live(bobLive, 'group.mention', (n) => n.subject.id === post.id)).toMatchObject({
        subject: { type: 'post', id: post.id },
        context: { groupId: group.id },
      });
      await live(carolLive, 'mention', (x) => x.subject.id === post.id);
      await t.settle();
      expect((await notificationsOf(t, carol)).filter((n) => n.subject.id === post.id).map((n) => n.kind)).toEqual(['mention']);
    });

    it('question.routed to the experts, answer to the asker, answer.accepted to the answerer', async () => {
      await updateProfile(t, dave, { skills: ['Terraform'] });
      await t.settle();
      const daveLive = await connect(dave);
      const question = await askQuestion(t, carol, { title: 'How do we import existing buckets?', topics: ['terraform'] });
      expect(question.routedTo).toContain(dave.id);
      expect(await live(daveLive, 'question.routed', (n) => n.subject.id === question.id)).toMatchObject({
        actor: summary(carol),
        subject: { type: 'question', id: question.id },
        context: { questionId: question.id, round: 1 },
      });
      const carolLive = await connect(carol);
      const answer = await answerQuestion(t, dave, question.id, 'terraform import');
      expect(await live(carolLive, 'answer', (n) => n.subject.id === question.id)).toMatchObject({
        actor: summary(dave),
        context: { questionId: question.id, answerId: answer.id },
      });
      await acceptAnswer(t, carol, question.id, answer.id);
      expect(await live(daveLive, 'answer.accepted', (n) => n.subject.id === question.id)).toMatchObject({
        actor: summary(carol),
        subject: { type: 'question', id: question.id },
      });
    });

    it('idea.status, idea.review, idea.comment and idea.implementation to author and voters; campaign.status to participants', async () => {
      const innovator = await registerInnovator(t, admin);
      const reviewer = await registerUser(t, { displayName: 'Reviewer' });
      const campaign = await openCampaign(t, innovator, [reviewer], { advanceTopN: 1 });
      const idea = await submitIdea(t, alice, campaign.id, { title: 'Shared desks by team' });
      await vote(t, bob, idea.id);
      const [aliceLive, bobLive] = [await connect(alice), await connect(bob)];
      await transition(t, innovator, campaign.id, 'advance');
      for (const socket of [aliceLive, bobLive]) {
        expect(await live(socket, 'idea.status', (n) => n.subject.id === idea.id)).toMatchObject({
          actor: summary(innovator),
          subject: { type: 'idea', id: idea.id },
          context: { ideaId: idea.id, status: 'in_review', previousStatus: 'submitted', decided: false },
        });
      }
      const done = await review(t, reviewer, idea.id, { Impact: 4, Feasibility: 3 });
      expect(await live(aliceLive, 'idea.review', (n) => n.subject.id === idea.id)).toMatchObject({
        actor: summary(reviewer),
        context: { ideaId: idea.id, reviewId: done.id },
      });
      await t.http.post(`/api/ideas/${idea.id}/comments`).set('Authorization', carol.auth).send({ body: 'Love it' }).expect(201);
      await live(aliceLive, 'idea.comment', (n) => n.subject.id === idea.id);
      await live(bobLive, 'idea.comment', (n) => n.subject.id === idea.id);
      await t.http
        .post(`/api/ideas/${idea.id}/decision`)
        .set('Authorization', innovator.auth)
        .send({ status: 'selected', rationale: 'Cheap and loved' })
        .expect(200);
      await live(
        bobLive,
        'idea.status',
        (n) => n.subject.id === idea.id && n.context.status === 'selected' && n.context.decided === true,
      );
      // Voters hear about the review too: the review is public, and they backed the idea.
      expect(await live(bobLive, 'idea.review', (n) => n.subject.id === idea.id)).toMatchObject({ actor: summary(reviewer) });
      await t.http
        .patch(`/api/ideas/${idea.id}/implementation`)
        .set('Authorization', innovator.auth)
        .send({ progress: 40 })
        .expect(200);
      for (const socket of [aliceLive, bobLive]) {
        expect(await live(socket, 'idea.implementation', (n) => n.subject.id === idea.id)).toMatchObject({
          actor: summary(innovator),
          context: { ideaId: idea.id, progress: 40 },
        });
      }
      const reviewerLive = await connect(reviewer);
      await transition(t, innovator, campaign.id, 'close');
      for (const socket of [aliceLive, bobLive, reviewerLive]) {
        expect(
          await live(socket, 'campaign.status', (n) => n.subject.id === campaign.id && n.context.status === 'closed'),
        ).toMatchObject({
          actor: summary(innovator),
          subject: { type: 'campaign', id: campaign.id },
          context: { status: 'closed', previousStatus: 'review' },
        });
      }
    });

    it('report.resolved to the reporter and the author; the moderator is not shown, the note is not copied', async () => {
      const moderator = await registerModerator(t, admin, 'Mo Derator');
      const post = await postIn(t, alice, 'Buy cheap watches here');
      const [aliceLive, bobLive] = [await connect(alice), await connect(bob)];
      const filed = await report(t, bob, post.id);
      await resolve(t, moderator, filed.id, 'hide', 'Spam, private note');
      const toReporter = await live(bobLive, 'report.resolved', (n) => n.context.targetId === post.id);
      expect(toReporter).toMatchObject({
        actor: null,
        subject: { type: 'report' },
        context: { targetType: 'post', targetId: post.id, action: 'hide', recipient: 'reporter' },
      });
      const toAuthor = await live(aliceLive, 'report.resolved', (n) => n.context.targetId === post.id);
      expect(toAuthor.context).toMatchObject({ recipient: 'author', action: 'hide' });
      expect(JSON.stringify([toReporter, toAuthor])).not.toContain('private note');
      expect(await kindOf(t, moderator, 'report.resolved')).toEqual([]);
    });
  });

  describe('grouped reactions', () => {
    it('"Alice and 4 others reacted": one unread row per post that grows, latest first, each person once', async () => {
      const post = await postIn(t, dave, 'Our team offsite photos');
      const fans = [alice, bob, carol, admin];
      const daveLive = await connect(dave);
      for (const fan of fans) await react(t, fan, post.id, 'like');
      await react(t, alice, post.id, 'celebrate'); // Alice again, another kind: nothing new to tell.
      await t.settle();
      const rows = (await kindOf(t, dave, 'reaction')).filter((n) => n.subject.id === post.id);
      expect(rows).toHaveLength(1);
      expect(rows[0]).toMatchObject({
        actorCount: 4,
        actor: summary(admin),
        actors: [admin, carol, bob].map(summary),
        readAt: null,
      });
      const updates = daveLive.received.filter((r) => r.event === 'notification.created').map((r) => notificationOf(r.payload));
      expect(updates.map((n) => [n.id, n.actorCount])).toEqual([1, 2, 3, 4].map((count) => [rows[0].id, count]));

      // Once read, the next reaction starts a new row.
      await markRead(t, dave, { ids: [rows[0].id] });
      const fifth = await registerUser(t, { displayName: 'Fifth fan' });
      await react(t, fifth, post.id);
      const after = (await kindOf(t, dave, 'reaction')).filter((n) => n.subject.id === post.id);
      expect(after.map((n) => [n.actorCount, n.readAt === null])).toEqual([
        [1, true],
        [4, false],
      ]);
    });

    it('reacting again after withdrawing makes one notification, not two', async () => {
      const post = await postIn(t, dave, 'Quiet one');
      await react(t, bob, post.id);
      await t.http.delete(`/api/posts/${post.id}/reactions/like`).set('Authorization', bob.auth).expect(200);
      await react(t, bob, post.id);
      const rows = (await kindOf(t, dave, 'reaction')).filter((n) => n.subject.id === post.id);
      expect(rows.map((n) => n.actorCount)).toEqual([1]);
    });
  });

  describe('no duplicates', () => {
    it('an event delivered again to the listeners writes nothing more (plain and grouped kinds)', async () => {
      const post = await postIn(t, alice, 'Redelivery check');
      await comment(t, bob, post.id);
      await react(t, carol, post.id);
      await t.settle();
      const before = await t.sql<{ n: string }>('SELECT count(*) AS n FROM notifications WHERE recipient_id = $1', [alice.id]);
      const events = await t.sql<Parameters<typeof toPublishedEvent>[0]>(
        `SELECT id, seq, type, payload, audience, subject_type, subject_id, actor_id, created_at FROM outbox
          WHERE subject_id = $1 AND type IN ('comment.created', 'post.reaction_changed') ORDER BY seq`,
        [post.id],
      );
      expect(events).toHaveLength(2);
      for (const row of events) await t.app.get(EventBus).deliver(toPublishedEvent(row));
      await t.settle();
      const after = await t.sql<{ n: string }>('SELECT count(*) AS n FROM notifications WHERE recipient_id = $1', [alice.id]);
      expect(after).toEqual(before);
      const [reaction] = (await kindOf(t, alice, 'reaction')).filter((n) => n.subject.id === post.id);
      expect(reaction.actorCount).toBe(1);
    });
  });

  describe('reading', () => {
    let reader: TestUser;
    beforeAll(async () => {
      reader = await registerUser(t, { displayName: 'Reader' });
      for (let i = 0; i < 5; i++) await postIn(t, bob, `Note ${i} for @${reader.handle}`);
    });

    it('lists newest first with a keyset cursor, filters unread, counts unread', async () => {
      const all = await notificationsOf(t, reader);
      expect(all).toHaveLength(5);
      const page = await t.http.get('/api/notifications?limit=2').set('Authorization', reader.auth).expect(200);
      expect(page.body.items.map((n: NotificationBody) => n.id)).toEqual(all.slice(0, 2).map((n) => n.id));
      const next = await t.http
        .get(`/api/notifications?limit=2&cursor=${encodeURIComponent(page.body.nextCursor)}`)
        .set('Authorization', reader.auth)
        .expect(200);
      expect(next.body.items.map((n: NotificationBody) => n.id)).toEqual(all.slice(2, 4).map((n) => n.id));
      expect(await unreadCount(t, reader)).toBe(5);
      await markRead(t, reader, { ids: [all[0].id, all[1].id, MISSING] });
      expect(await unreadCount(t, reader)).toBe(3);
      const unread = await notificationsOf(t, reader, 'unread=true');
      expect(unread.map((n) => n.id)).toEqual(all.slice(2).map((n) => n.id));
      expect((await notificationsOf(t, reader))[0].readAt).not.toBeNull();
    });

    it('marks all read, and tells the reader’s other sockets', async () => {
      const socket = await connect(reader);
      await markRead(t, reader, { all: true });
      expect(await socket.waitFor('notifications.read')).toMatchObject({ all: true, ids: null });
      expect(await unreadCount(t, reader)).toBe(0);
    });

    it('someone else’s notification ids are ignored', async () => {
      const [bobsFirst] = await notificationsOf(t, bob);
      await markRead(t, reader, { ids: [bobsFirst.id] });
      expect((await notificationsOf(t, bob))[0].readAt).toBe(bobsFirst.readAt);
    });

    it.each([
      ['neither ids nor all', {}],
      ['both ids and all', { ids: [MISSING], all: true }],
      ['all: false', { all: false }],
      ['an empty ids list', { ids: [] }],
      ['ids that are not UUIDs', { ids: ['nope'] }],
      ['an unknown field', { all: true, extra: 1 }],
    ])('POST read with %s is a 400', async (_name, body) => {
      await t.http.post('/api/notifications/read').set('Authorization', reader.auth).send(body).expect(400);
    });

    it.each([
      ['/api/notifications?limit=0'],
      ['/api/notifications?limit=101'],
      ['/api/notifications?unread=maybe'],
      ['/api/notifications?cursor=garbage'],
    ])('GET %s is a 400', async (path) => {
      await t.http.get(path).set('Authorization', reader.auth).expect(400);
    });

    it.each([
      ['GET', '/api/notifications'],
      ['GET', '/api/notifications/unread-count'],
      ['POST', '/api/notifications/read'],
      ['GET', '/api/notifications/preferences'],
      ['GET', '/api/digest'],
    ])('%s %s needs a token (401)', async (method, path) => {
      await (method === 'GET' ? t.http.get(path) : t.http.post(path).send({ all: true })).expect(401);
    });
  });

  describe('preferences and mutes', () => {
    it('lists every kind, on by default; a kind turned off is not written (others are)', async () => {
      const person = await registerUser(t, { displayName: 'Picky' });
      const res = await t.http.get('/api/notifications/preferences').set('Authorization', person.auth).expect(200);
      expect(res.body.items).toContainEqual({ kind: 'reaction', enabled: true, email: false, push: false });
      expect(res.body.items.every((p: { enabled: boolean }) => p.enabled)).toBe(true);
      await setPreference(t, person, 'reaction', false);
      const post = await postIn(t, person, `Thoughts? cc @${person.handle}`);
      await react(t, bob, post.id);
      await comment(t, bob, post.id);
      expect((await notificationsOf(t, person)).map((n) => n.kind)).toEqual(['comment']);
      const prefs = await t.http.get('/api/notifications/preferences').set('Authorization', person.auth).expect(200);
      expect(prefs.body.items).toContainEqual({ kind: 'reaction', enabled: false, email: false, push: false });
      await t.http
        .put('/api/notifications/preferences')
        .set('Authorization', person.auth)
        .send({ preferences: [{ kind: 'nonsense', enabled: true }] })
        .expect(400);
    });

    it('a muted post tells nothing more (comments, reactions); unmuting brings them back', async () => {
      const person = await registerUser(t, { displayName: 'Muter' });
      const post = await postIn(t, person, 'A busy thread');
      await mute(t, person, 'post', post.id);
      await mute(t, person, 'post', post.id); // idempotent
      await comment(t, bob, post.id);
      await react(t, carol, post.id);
      expect(await notificationsOf(t, person)).toEqual([]);
      const mutes = await t.http.get('/api/notifications/mutes').set('Authorization', person.auth).expect(200);
      expect(mutes.body.items).toEqual([{ type: 'post', id: post.id, createdAt: expect.any(String) }]);
      await t.http.delete(`/api/notifications/mutes/post/${post.id}`).set('Authorization', person.auth).expect(204);
      await comment(t, carol, post.id);
      expect((await notificationsOf(t, person)).map((n) => n.kind)).toEqual(['comment']);
    });

    it('a muted group tells nothing about its posts (@group, comments on my posts there)', async () => {
      const person = await registerUser(t, { displayName: 'Group muter' });
      const group = await createGroup(t, alice, { name: 'Noisy' });
      await joinGroup(t, person, group.id);
      const mine = await postIn(t, person, 'My post in a noisy group', group.id);
      await mute(t, person, 'group', group.id);
      await postIn(t, alice, 'Everyone @group: standup moved', group.id);
      await comment(t, bob, mine.id);
      expect(await notificationsOf(t, person)).toEqual([]);
    });

    it('mutes: 400 for an unknown type or a bad id, 404 for what the caller cannot see', async () => {
      const secret = await createGroup(t, alice, { visibility: 'private', name: 'Secret mute target' });
      await t.http.put(`/api/notifications/mutes/idea/${MISSING}`).set('Authorization', bob.auth).expect(400);
      await t.http.put('/api/notifications/mutes/post/not-a-uuid').set('Authorization', bob.auth).expect(400);
      await t.http.put(`/api/notifications/mutes/post/${MISSING}`).set('Authorization', bob.auth).expect(404);
      await t.http.put(`/api/notifications/mutes/group/${secret.id}`).set('Authorization', carol.auth).expect(404);
    });
  });

  describe('privacy: nothing about a private group reaches anyone outside it', () => {
    let owner: TestUser, member: TestUser, leaver: TestUser, outsider: TestUser;
    let group: { id: string };

    beforeAll(async () => {
      [owner, member, leaver, outsider] = await registerUsers(t, ['Owner P', 'Member P', 'Leaver P', 'Outsider P']);
      group = await createGroup(t, owner, { visibility: 'private', name: 'Mergers and acquisitions' });
      for (const user of [member, leaver]) await addMember(t, owner, group.id, user);
    });

    it('a non-member @mentioned in a private group post hears nothing', async () => {
      const outsiderLive = await connect(outsider);
      await postIn(t, owner, `Target list ready, @${outsider.handle} @${member.handle}`, group.id);
      expect((await kindOf(t, member, 'mention')).length).toBe(1);
      await quietPeriod();
      expect(liveKinds(outsiderLive)).toEqual([]);
      expect(await notificationsOf(t, outsider)).toEqual([]);
    });

    it('someone removed from the group stops hearing of it, and loses what they were told (list, count, replay)', async () => {
      const post = await postIn(t, owner, 'Confidential: the shortlist', group.id);
      await comment(t, leaver, post.id, 'Noted');
      const announcement = await postIn(t, owner, 'All hands @group', group.id);
      const told = await kindOf(t, leaver, 'group.mention');
      expect(told.map((n) => n.subject.id)).toEqual([announcement.id]);
      const before = (await t.sql<{ last: string }>('SELECT max(seq) AS last FROM outbox'))[0].last;

      await t.http.delete(`/api/groups/${group.id}/members/${leaver.id}`).set('Authorization', owner.auth).expect(204);
      const leaverLive = await connect(leaver);
      await comment(t, member, post.id, 'Second thoughts on the shortlist');
      await t.settle();
      await quietPeriod();
      expect(liveKinds(leaverLive)).toEqual([]);
      // The owner still hears of it.
      expect((await kindOf(t, owner, 'comment')).length).toBeGreaterThan(0);

      expect(await notificationsOf(t, leaver)).toEqual([]);
      expect(await unreadCount(t, leaver)).toBe(0);
      // A reconnect asking for everything since before the removal replays none of it.
      const replay = await connect(leaver, Number(before) - 20);
      await quietPeriod();
      expect(liveKinds(replay)).toEqual([]);
      // The row is kept: were they let back in, they would see it again.
      const kept = await t.sql('SELECT id FROM notifications WHERE recipient_id = $1', [leaver.id]);
      expect(kept.length).toBeGreaterThan(0);
    });

    it('a notification about a deleted post disappears from the list', async () => {
      const post = await postIn(t, owner, `Draft plan, @${member.handle}`, group.id);
      expect((await notificationsOf(t, member)).some((n) => n.subject.id === post.id)).toBe(true);
      await t.http.delete(`/api/posts/${post.id}`).set('Authorization', owner.auth).expect(204);
      expect((await notificationsOf(t, member)).some((n) => n.subject.id === post.id)).toBe(false);
    });

    it('the notification store never holds a private post’s text', async () => {
      const rows = await t.sql<{ payload: unknown }>('SELECT payload FROM notifications');
      const all = JSON.stringify(rows);
      for (const text of ['Confidential', 'shortlist', 'Target list', 'Draft plan', 'All hands']) expect(all).not.toContain(text);
    });
  });

  describe('digest', () => {
    it('my groups, questions routed to me still open, ideas I take part in that changed', async () => {
      const reader = await registerUser(t, { displayName: 'Digest reader' });
      const group = await createGroup(t, alice, { name: 'Digest club' });
      await joinGroup(t, reader, group.id);
      const busy = await postIn(t, alice, 'Busy thread', group.id);
      await postIn(t, alice, 'Quiet thread', group.id);
      await comment(t, reader, busy.id);
      await updateProfile(t, reader, { skills: ['Kotlin coroutines'] });
      await t.settle();
      const question = await askQuestion(t, carol, { title: 'Structured concurrency, anyone?', topics: ['kotlin coroutines'] });
      expect(question.routedTo).toContain(reader.id);

      const innovator = await registerInnovator(t, admin, 'Digest innovator');
      const campaign = await openCampaign(t, innovator, [dave], { advanceTopN: 1 });
      const idea = await submitIdea(t, bob, campaign.id);
      await vote(t, reader, idea.id);
      await transition(t, innovator, campaign.id, 'advance');
      await t.settle();

      const res = await t.http.get('/api/digest').set('Authorization', reader.auth).expect(200);
      expect(res.body.groups).toEqual([
        { group: { id: group.id, name: 'Digest club' }, posts: 2, comments: 1, topPostIds: [busy.id, expect.any(String)] },
      ]);
      expect(res.body.questions).toEqual([
        { questionId: question.id, title: 'Structured concurrency, anyone?', answerCount: 0, createdAt: expect.any(String) },
      ]);
      expect(res.body.ideas).toEqual([{ ideaId: idea.id, change: 'status', status: 'in_review', at: expect.any(String) }]);
      expect(res.body).toMatchObject({ empty: false, unreadNotifications: expect.any(Number) });

      // Answered but not settled: still open. Once the asker accepts an answer, it is off the list.
      const answer = await answerQuestion(t, dave, question.id);
      const answered = await t.http.get('/api/digest').set('Authorization', reader.auth).expect(200);
      expect(answered.body.questions).toEqual([expect.objectContaining({ questionId: question.id, answerCount: 1 })]);
      await acceptAnswer(t, carol, question.id, answer.id);
      const later = await t.http.get('/api/digest').set('Authorization', reader.auth).expect(200);
      expect(later.body.questions).toEqual([]);
    });

    it('a newcomer’s digest is empty', async () => {
      const newcomer = await registerUser(t);
      const res = await t.http.get('/api/digest').set('Authorization', newcomer.auth).expect(200);
      expect(res.body).toMatchObject({ groups: [], questions: [], ideas: [], empty: true, unreadNotifications: 0 });
    });

    it.each([['tomorrow'], ['2000-01-01'], [new Date(Date.now() + 3_600_000).toISOString()], ['2026-13-45']])(
      'since=%s is a 400',
      async (since) => {
        await t.http
          .get(`/api/digest?since=${encodeURIComponent(since)}`)
          .set('Authorization', bob.auth)
          .expect(400);
      },
    );
  });
});
