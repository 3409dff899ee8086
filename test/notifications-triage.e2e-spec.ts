import { addMember, createGroup } from './factories/group.factory.js';
import { openCampaign, registerInnovator, review, submitIdea, vote } from './factories/idea.factory.js';
import { registerModerator, report, resolve } from './factories/moderation.factory.js';
import { comment, markRead, notificationsOf, postIn, unreadCount } from './factories/notification.factory.js';
import { follow } from './factories/people.factory.js';
import { answerQuestion, askQuestion } from './factories/question.factory.js';
import { registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { socketsFor } from './support/socket-client.js';
import { useTestApp } from './support/test-app.js';

/**
 * Notifications that can be triaged (#16): each says what and where (`about`, read at list time
 * as the recipient may see it now), threads pile up into one unread row with a count, and a
 * category of kinds can be marked read at once.
 */
describe('notifications: what, where, grouped, marked read by category', () => {
  const t = useTestApp();
  let admin: TestUser, alice: TestUser, bob: TestUser, carol: TestUser, dave: TestUser;

  beforeAll(async () => {
    [admin, alice, bob, carol, dave] = await registerUsers(t, ['Admin T', 'Alice T', 'Bob T', 'Carol T', 'Dave T']);
  });
  /** Connects once everything before reached the listeners, so a socket only sees what comes next. */
  const connect = socketsFor(() => t, { settleFirst: true });

  const find = async (user: TestUser, kind: string, subjectId?: string) =>
    (await notificationsOf(t, user)).filter((n) => n.kind === kind && (!subjectId || n.subject.id === subjectId));

  describe('about: what and where', () => {
    it('a comment in a public group: the comment’s excerpt (clipped, one line) and the group', async () => {
      const group = await createGroup(t, alice, { name: 'Cyclists' });
      const post = await postIn(t, alice, 'Bike shed on the roof?', group.id);
      const long = `**Yes** please,\n\n${'the shed should be covered and lit '.repeat(10)}`;
      await comment(t, bob, post.id, long);
      const [n] = await find(alice, 'comment');
      expect(n.about).toEqual({ title: null, excerpt: expect.any(String), group: { id: group.id, name: 'Cyclists' } });
      expect(n.about?.excerpt?.startsWith('Yes please, the shed')).toBe(true);
      expect(n.about?.excerpt?.endsWith('…')).toBe(true);
      expect(n.about?.excerpt?.length).toBeLessThanOrEqual(140);
      expect(n.about?.excerpt).not.toContain('\n');
    });

    it('an answer: the question’s title and text; an idea: its title and campaign', async () => {
      const question = await askQuestion(t, carol, { title: 'Where is the VPN guide?', body: 'Cannot find it anywhere.' });
      await answerQuestion(t, dave, question.id, 'On the IT wiki.');
      const [answered] = await find(carol, 'answer', question.id);
      expect(answered.about).toEqual({ title: 'Where is the VPN guide?', excerpt: 'Cannot find it anywhere.' });

      const innovator = await registerInnovator(t, admin, 'Innovator T');
      const campaign = await openCampaign(t, innovator, [dave], { title: 'Greener office' });
      const idea = await submitIdea(t, alice, campaign.id, { title: 'Plants on every floor', body: 'Cheap and calming.' });
      await t.http.post(`/api/ideas/${idea.id}/comments`).set('Authorization', bob.auth).send({ body: 'Yes' }).expect(201);
      const [commented] = await find(alice, 'idea.comment', idea.id);
      expect(commented.about).toEqual({
        title: 'Plants on every floor',
        excerpt: 'Cheap and calming.',
        campaign: { id: campaign.id, title: 'Greener office' },
      });
    });

    it('a person (follow) is about nothing more than the actor: null', async () => {
      await follow(t, carol, dave);
      const follows = await find(dave, 'follow');
      expect(follows.length).toBeGreaterThan(0);
      for (const n of follows) expect(n.about).toBeNull();
    });

    it('a private group’s name and text never reach someone who left it; the members still see them', async () => {
      const [owner, member, leaver] = await registerUsers(t, ['Owner T', 'Member T', 'Leaver T']);
      const group = await createGroup(t, owner, { visibility: 'private', name: 'Project Nightjar' });
      for (const u of [member, leaver]) await addMember(t, owner, group.id, u);
      await postIn(t, owner, `Budget draft for @${member.handle} and @${leaver.handle}`, group.id);
      const [seen] = await find(member, 'mention');
      expect(seen.about).toMatchObject({ group: { id: group.id, name: 'Project Nightjar' } });
      expect((await find(leaver, 'mention')).length).toBe(1);

      await t.http.delete(`/api/groups/${group.id}/members/${leaver.id}`).set('Authorization', owner.auth).expect(204);
      const after = JSON.stringify(await notificationsOf(t, leaver));
      for (const secret of ['Nightjar', 'Budget draft', group.id]) expect(after).not.toContain(secret);
    });

    it('live: a notification.created carries about, naming a public group but never a private one (the list does, for members)', async () => {
      const [owner, member] = await registerUsers(t, ['Owner L', 'Member L']);
      const open = await createGroup(t, owner, { name: 'Open Kitchen' });
      const closed = await createGroup(t, owner, { visibility: 'private', name: 'Closed Kitchen' });
      await addMember(t, owner, closed.id, member);
      const socket = await connect(member);
      const inOpen = await postIn(t, owner, `Soup today @${member.handle}`, open.id);
      const inClosed = await postIn(t, owner, `Secret recipe @${member.handle}`, closed.id);
      const of = async (postId: string) =>
        (
          (
            await socket.waitFor(
              'notification.created',
              (p) => (p.notification as { subject: { id: string } }).subject.id === postId,
            )
          ).notification as { about: unknown }
        ).about;
      expect(await of(inOpen.id)).toEqual({
        title: null,
        excerpt: `Soup today @${member.handle}`,
        group: { id: open.id, name: 'Open Kitchen' },
      });
      expect(await of(inClosed.id)).toEqual({ title: null, excerpt: `Secret recipe @${member.handle}` });
      const listed = (await find(member, 'mention', inClosed.id))[0];
      expect(listed.about?.group).toEqual({ id: closed.id, name: 'Closed Kitchen' });
    });

    it('hidden content: a comment hidden by moderation drops out with its excerpt', async () => {
      const moderator = await registerModerator(t, admin, 'Moderator T');
      const post = await postIn(t, carol, 'Team lunch poll');
      const rude = await comment(t, dave, post.id, 'Something rude about lunch');
      expect(JSON.stringify(await find(carol, 'comment'))).toContain('Something rude');
      const filed = await report(t, alice, rude.id, 'comment');
      await resolve(t, moderator, filed.id, 'hide');
      expect(JSON.stringify(await notificationsOf(t, carol))).not.toContain('Something rude');
    });
  });

  describe('grouped by thread', () => {
    it('comments on one post: one unread row with the latest actors and a count; read, the next starts a new row', async () => {
      const [author, ...others] = await registerUsers(t, ['Author G', 'C1', 'C2', 'C3', 'C4']);
      const post = await postIn(t, author, 'Retro notes');
      for (const u of others) await comment(t, u, post.id, `From ${u.displayName}`);
      // The same person again adds nobody.
      await comment(t, others[0], post.id, 'Me again');
      const rows = await find(author, 'comment');
      expect(rows).toHaveLength(1);
      expect(rows[0].actorCount).toBe(4);
      expect(rows[0].actors?.map((a) => a.id)).toEqual([others[3].id, others[2].id, others[1].id]);
      expect(rows[0].actor?.id).toBe(others[3].id);
      // The row takes the latest comment as its subject and excerpt.
      expect(rows[0].about?.excerpt).toBe('From C4');
      expect(await unreadCount(t, author)).toBe(1);

      await markRead(t, author, { ids: [rows[0].id] });
      await comment(t, others[1], post.id, 'After you read');
      const again = await find(author, 'comment');
      expect(again).toHaveLength(2);
      expect(again[0]).toMatchObject({ actorCount: 1, readAt: null });
      expect(again[1].readAt).not.toBeNull();
    });

    it('many people commenting on one post at once (beyond the pool size): still one unread row counting each once', async () => {
      const author = await registerUser(t, { displayName: 'Author Rush' });
      const crowd = await registerUsers(
        t,
        Array.from({ length: 24 }, (_, i) => `Rush ${i}`),
      );
      const post = await postIn(t, author, 'Who is in for Friday?');
      const results = await Promise.all(
        crowd.map((u) => t.http.post(`/api/posts/${post.id}/comments`).set('Authorization', u.auth).send({ body: 'Me' })),
      );
      expect(results.map((r) => r.status)).toEqual(crowd.map(() => 201));
      await t.settle();
      const rows = await t.sql<{ actor_count: number; actors: string[] }>(
        `SELECT actor_count, actors FROM notifications WHERE recipient_id = $1 AND kind = 'comment' AND read_at IS NULL`,
        [author.id],
      );
      expect(rows).toHaveLength(1);
      expect(rows[0].actor_count).toBe(crowd.length);
      expect([...rows[0].actors].sort()).toEqual(crowd.map((u) => u.id).sort());
    });

    it('answers to a question and reviews of an idea pile up the same way', async () => {
      const [asker, a1, a2] = await registerUsers(t, ['Asker G', 'A1', 'A2']);
      const question = await askQuestion(t, asker, { title: 'Best standing desk?' });
      await answerQuestion(t, a1, question.id);
      await answerQuestion(t, a2, question.id);
      const answers = await find(asker, 'answer', question.id);
      expect(answers).toHaveLength(1);
      expect(answers[0].actorCount).toBe(2);

      const innovator = await registerInnovator(t, admin, 'Innovator G');
      const [r1, r2, author] = await registerUsers(t, ['R1', 'R2', 'Author I']);
      const campaign = await openCampaign(t, innovator, [r1, r2]);
      const idea = await submitIdea(t, author, campaign.id);
      await vote(t, a1, idea.id);
      await t.http.post(`/api/campaigns/${campaign.id}/advance`).set('Authorization', innovator.auth).expect(200);
      await review(t, r1, idea.id, { Impact: 4, Feasibility: 3 });
      await review(t, r2, idea.id, { Impact: 2, Feasibility: 5 });
      const reviews = await find(author, 'idea.review', idea.id);
      expect(reviews).toHaveLength(1);
      expect(reviews[0].actorCount).toBe(2);
    });
  });

  describe('mark read by category', () => {
    it('marks only the caller’s unread notifications of those kinds', async () => {
      const [reader, other, actor] = await registerUsers(t, ['Reader K', 'Other K', 'Actor K']);
      const mine = await postIn(t, reader, `Hello @${other.handle}`);
      const theirs = await postIn(t, other, `Hello @${reader.handle}`);
      await comment(t, actor, mine.id, 'Hi');
      await comment(t, actor, theirs.id, 'Hi');
      await t.http.put(`/api/posts/${mine.id}/reactions/like`).set('Authorization', actor.auth).expect(200);
      await t.settle();

      await markRead(t, reader, { kinds: ['mention', 'comment'] });
      const list = await notificationsOf(t, reader);
      const unread = (kind: string) => list.filter((n) => n.kind === kind && n.readAt === null).length;
      expect(unread('mention')).toBe(0);
      expect(unread('comment')).toBe(0);
      expect(unread('reaction')).toBe(1);
      // The list filtered to the same category shows them all read; a bad kind is a 400.
      const filtered = await notificationsOf(t, reader, 'kinds=mention,comment');
      expect(filtered.map((n) => n.kind).sort()).toEqual(['comment', 'mention']);
      expect(filtered.every((n) => n.readAt !== null)).toBe(true);
      await t.http.get('/api/notifications?kinds=mention,nope').set('Authorization', reader.auth).expect(400);
      // The other person's notifications of the same kinds are untouched.
      const others = await notificationsOf(t, other);
      expect(
        others
          .filter((n) => n.readAt === null)
          .map((n) => n.kind)
          .sort(),
      ).toEqual(['comment', 'mention']);
    });

    it('bad input is refused with 400 and marks nothing', async () => {
      const [reader, actor] = await registerUsers(t, ['Reader B', 'Actor B']);
      await postIn(t, actor, `Ping @${reader.handle}`);
      await t.settle();
      for (const body of [
        { kinds: [] },
        { kinds: ['mention', 'mention'] },
        { kinds: ['not.a.kind'] },
        { kinds: 'mention' },
        { kinds: ['mention'], all: true },
        { kinds: ['mention'], ids: ['00000000-0000-4000-8000-000000000000'] },
      ]) {
        const res = await t.http.post('/api/notifications/read').set('Authorization', reader.auth).send(body);
        expect([res.status, JSON.stringify(body)]).toEqual([400, JSON.stringify(body)]);
      }
      expect(await unreadCount(t, reader)).toBe(1);
    });

    it('many categories marked at once by many readers (beyond the pool size) all land', async () => {
      const readers = await registerUsers(
        t,
        Array.from({ length: 24 }, (_, i) => `Busy ${i}`),
      );
      const poster = await registerUser(t, { displayName: 'Poster K' });
      await postIn(t, poster, readers.map((r) => `@${r.handle}`).join(' '));
      await t.settle();
      const results = await Promise.all(
        readers.map((r) =>
          t.http
            .post('/api/notifications/read')
            .set('Authorization', r.auth)
            .send({ kinds: ['mention'] }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(readers.map(() => 204));
      const left = await t.sql<{ n: number }>(
        `SELECT count(*)::int AS n FROM notifications WHERE recipient_id = ANY ($1::uuid[]) AND read_at IS NULL`,
        [readers.map((r) => r.id)],
      );
      expect(left[0].n).toBe(0);
    });
  });
});
