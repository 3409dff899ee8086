import { addMember, banFromGroup, createGroup } from './factories/group.factory.js';
import { openCampaign, registerInnovator, submitIdea } from './factories/idea.factory.js';
import { grantRoles, registerModerator, report, resolve } from './factories/moderation.factory.js';
import { comment, postIn, react } from './factories/notification.factory.js';
import { answerQuestion, askQuestion } from './factories/question.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { quietPeriod, socketsFor, type TestSocket } from './support/socket-client.js';
import { type TestApp, useTestApp } from './support/test-app.js';

/**
 * Losing access ends live subscriptions (RoomAccess): a socket that subscribed to a post, idea or
 * question while its user could see it stops receiving its events once they no longer may, from
 * the event that took access away on. Two instances: every socket is held by the peer, every
 * change goes through the other one, so the revocation travels through the outbox like any event.
 *
 * Each test proves a cut, not a silence: the revoked socket heard the subject before the change,
 * and a control socket on the same instance, still allowed, hears what is said after it (one
 * ordered delivery per instance: once the control has it, the revoked socket would have too).
 */
describe('realtime: losing access ends live subscriptions, on every instance', () => {
  const a = useTestApp();
  let b: TestApp;
  let admin: TestUser;
  let moderator: TestUser;

  beforeAll(async () => {
    b = await a.startPeer();
    admin = await registerUser(a, { displayName: 'Site admin' });
    moderator = await registerModerator(a, admin);
  });
  const connect = socketsFor(() => b);

  /** A socket on the peer instance, subscribed to `room`. */
  const watching = async (user: TestUser, room: string) => {
    const socket = await connect(user);
    expect(await socket.subscribe(room)).toEqual({ ok: true });
    return socket;
  };
  const edit = (author: TestUser, postId: string, body: string) =>
    a.http.patch(`/api/posts/${postId}`).set('Authorization', author.auth).send({ body }).expect(200);
  const idOf = (payload: Record<string, unknown>, key: 'comment' | 'post' | 'answer') => (payload[key] as { id: string }).id;

  /** Both sockets hear a comment made while both may see the post. */
  const bothHear = async (postId: string, by: TestUser, control: TestSocket, revoked: TestSocket) => {
    const before = await comment(a, by, postId, 'Said before the change');
    for (const socket of [control, revoked]) await socket.waitFor('comment.created', (p) => idOf(p, 'comment') === before.id);
  };

  /**
   * After the change, a comment (with its body), a reaction and an edit: the control hears all
   * three, the revoked socket none of them.
   */
  const expectCutOff = async (postId: string, author: TestUser, control: TestSocket, revoked: TestSocket) => {
    const after = await comment(a, author, postId, 'Said after the change: members only');
    await react(a, author, postId, 'like');
    await edit(author, postId, 'Edited after the change');
    await control.waitFor('comment.created', (p) => idOf(p, 'comment') === after.id);
    await control.waitFor('reaction.updated', (p) => p.postId === postId);
    await control.waitFor('post.updated', (p) => idOf(p, 'post') === postId);
    await quietPeriod(300);
    const leaked = revoked.received.filter(
      (r) =>
        (r.event === 'comment.created' && idOf(r.payload, 'comment') === after.id) ||
        (r.event === 'reaction.updated' && r.payload.postId === postId) ||
        (r.event === 'post.updated' && idOf(r.payload, 'post') === postId),
    );
    expect(leaked).toEqual([]);
  };

  /** A private group's post watched by two members, both hearing it: `member` is about to lose access. */
  const privateGroupWatched = async () => {
    const owner = await registerUser(a);
    const [member, other] = [await registerUser(a), await registerUser(a)];
    const group = await createGroup(a, owner, { visibility: 'private' });
    await addMember(a, owner, group.id, member);
    await addMember(a, owner, group.id, other);
    const post = await postIn(a, owner, 'Quarterly numbers, members only', group.id);
    const control = await watching(other, `post:${post.id}`);
    const revoked = await watching(member, `post:${post.id}`);
    await bothHear(post.id, owner, control, revoked);
    return { owner, member, group, post, control, revoked };
  };

  it('a member removed from a private group stops receiving its posts’ events; re-added, they may subscribe again', async () => {
    const { owner, member, group, post, control, revoked } = await privateGroupWatched();

    await a.http.delete(`/api/groups/${group.id}/members/${member.id}`).set('Authorization', owner.auth).expect(204);
    await expectCutOff(post.id, owner, control, revoked);
    expect(await revoked.subscribe(`post:${post.id}`)).toEqual({ ok: false, error: 'not found' });

    await addMember(a, owner, group.id, member);
    await a.settle();
    expect(await revoked.subscribe(`post:${post.id}`)).toEqual({ ok: true });
    const welcome = await comment(a, owner, post.id, 'Welcome back');
    await revoked.waitFor('comment.created', (p) => idOf(p, 'comment') === welcome.id);
  });

  it('a banned member stops receiving the group’s posts’ events', async () => {
    const { owner, member, group, post, control, revoked } = await privateGroupWatched();

    await banFromGroup(a, owner, group.id, member.id);
    await expectCutOff(post.id, owner, control, revoked);
  });

  it('an outsider watching a public group’s post stops receiving it when the group goes private', async () => {
    const owner = await registerUser(a);
    const [outsider, member] = [await registerUser(a), await registerUser(a)];
    const group = await createGroup(a, owner, { visibility: 'public' });
    await addMember(a, owner, group.id, member);
    const post = await postIn(a, owner, 'Open for now', group.id);
    const control = await watching(member, `post:${post.id}`);
    const revoked = await watching(outsider, `post:${post.id}`);
    await bothHear(post.id, owner, control, revoked);

    await a.http.patch(`/api/groups/${group.id}`).set('Authorization', owner.auth).send({ visibility: 'private' }).expect(200);
    await expectCutOff(post.id, owner, control, revoked);
  });

  describe('content taken out of sight by moderation', () => {
    let author: TestUser;
    let viewer: TestUser;
    let reporter: TestUser;

    beforeAll(async () => {
      [author, viewer, reporter] = [await registerUser(a), await registerUser(a), await registerUser(a)];
    });
    const hide = async (targetId: string, targetType: 'post' | 'idea' | 'question') =>
      resolve(a, moderator, (await report(a, reporter, targetId, targetType)).id, 'hide');

    it('a hidden question: employees’ sockets stop receiving it, a moderator’s still do', async () => {
      const question = await askQuestion(a, author, { title: 'Who owns the build farm?' });
      const control = await watching(moderator, `question:${question.id}`);
      const revoked = await watching(viewer, `question:${question.id}`);
      // The asker hears of answers in their own room; a hidden question is for moderators only.
      const asker = await watching(author, `question:${question.id}`);
      const first = await answerQuestion(a, author, question.id, 'The platform team');
      for (const socket of [control, revoked, asker])
        await socket.waitFor('answer.created', (p) => idOf(p, 'answer') === first.id);

      await hide(question.id, 'question');
      await revoked.waitFor('question.hidden', (p) => p.questionId === question.id);
      const after = await answerQuestion(a, moderator, question.id, 'Moderator note: duplicate of the infra FAQ');
      await control.waitFor('answer.created', (p) => idOf(p, 'answer') === after.id);
      await quietPeriod(300);
      for (const socket of [revoked, asker]) {
        expect(socket.received.filter((r) => r.event === 'answer.created' && idOf(r.payload, 'answer') === after.id)).toEqual([]);
      }
    });

    it('a hidden idea: employees’ sockets stop receiving it, a moderator’s still do', async () => {
      const innovator = await registerInnovator(a, admin);
      const campaign = await openCampaign(a, innovator, [await registerUser(a)]);
      const idea = await submitIdea(a, author, campaign.id, { title: 'Shuttle bus to the station' });
      const control = await watching(moderator, `idea:${idea.id}`);
      const revoked = await watching(viewer, `idea:${idea.id}`);
      // The campaign stays visible to everyone; what is said on its hidden idea must not reach them through it.
      const onCampaign = await watching(reporter, `campaign:${campaign.id}`);
      const commentOn = async (by: TestUser, body: string) => {
        const res = await a.http.post(`/api/ideas/${idea.id}/comments`).set('Authorization', by.auth).send({ body });
        expect(res.status).toBe(201);
        return res.body.id as string;
      };
      const first = await commentOn(author, 'It would save an hour a day');
      const heard = (socket: TestSocket, id: string) =>
        socket.waitFor('idea.comment_created', (p) => (p.comment as { id: string }).id === id);
      for (const socket of [control, revoked, onCampaign]) await heard(socket, first);

      await hide(idea.id, 'idea');
      await revoked.waitFor('idea.hidden', (p) => p.ideaId === idea.id);
      const after = await commentOn(moderator, 'Moderator note: off-topic for this campaign');
      await heard(control, after);
      await quietPeriod(300);
      for (const socket of [revoked, onCampaign]) {
        expect(
          socket.received.filter((r) => r.event === 'idea.comment_created' && (r.payload.comment as { id: string }).id === after),
        ).toEqual([]);
      }
    });

    it('a moderator who loses the role stops receiving the hidden content they watched', async () => {
      const question = await askQuestion(a, author, { title: 'Is the old VPN still supported?' });
      await hide(question.id, 'question');
      const demoted = await grantRoles(a, admin, await registerUser(a), ['moderator']);
      const control = await watching(moderator, `question:${question.id}`);
      const revoked = await watching(demoted, `question:${question.id}`);

      await grantRoles(a, admin, demoted, []);
      await revoked.waitFor('user.roles_changed');
      const after = await answerQuestion(a, moderator, question.id, 'Moderator note: kept hidden');
      await control.waitFor('answer.created', (p) => idOf(p, 'answer') === after.id);
      await quietPeriod(300);
      expect(revoked.received.filter((r) => r.event === 'answer.created')).toEqual([]);
    });

    it('a hidden post and a deleted post: their watchers hear the notice, and nothing after it', async () => {
      const hidden = await postIn(a, author, 'Heated thread');
      const deleted = await postIn(a, author, 'Wrong channel');
      const onHidden = await watching(viewer, `post:${hidden.id}`);
      const onDeleted = await watching(viewer, `post:${deleted.id}`);

      await hide(hidden.id, 'post');
      await onHidden.waitFor('post.hidden', (p) => p.postId === hidden.id);
      await a.http.delete(`/api/posts/${deleted.id}`).set('Authorization', author.auth).expect(204);
      await onDeleted.waitFor('post.deleted', (p) => p.postId === deleted.id);
      // A guard more than a cut: the feed already addresses nothing on a hidden post to its room
      // (whileVisible) and refuses writes to a deleted one; the rooms themselves end here too.
      expect((await comment(a, moderator, hidden.id, 'Moderator note')).id).toBeDefined();
      await quietPeriod(300);
      expect(onHidden.received.filter((r) => r.event === 'comment.created')).toEqual([]);
      expect(await onHidden.subscribe(`post:${hidden.id}`)).toEqual({ ok: false, error: 'not found' });
      expect(await onDeleted.subscribe(`post:${deleted.id}`)).toEqual({ ok: false, error: 'not found' });
    });
  });
});
