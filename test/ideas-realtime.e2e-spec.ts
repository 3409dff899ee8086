import type { IdeaView } from '@ruche/contracts';
import {
  createCampaign,
  openCampaign,
  registerInnovator,
  review,
  submitIdea,
  transition,
  vote,
} from './factories/idea.factory.js';
import { registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { quietPeriod, socketsFor } from './support/socket-client.js';
import { useTestApp } from './support/test-app.js';

/** Campaign and idea events over a real Socket.IO connection: who hears what. */
describe('ideas realtime', () => {
  const t = useTestApp();
  let admin: TestUser, ines: TestUser, rita: TestUser, author: TestUser, voter: TestUser, watcher: TestUser, stranger: TestUser;

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Admin' });
    ines = await registerInnovator(t, admin);
    [rita, author, voter, watcher] = await registerUsers(t, ['Rita Reviewer', 'Author', 'Voter', 'Watcher']);
    [stranger] = await registerUsers(t, ['Stranger']);
  });

  const connect = socketsFor(() => t);

  it('a draft campaign’s room is for the innovation team; an open one for everyone', async () => {
    const draft = await createCampaign(t, ines, [rita]);
    const employee = await connect(watcher);
    const manager = await connect(ines);
    expect(await employee.subscribe(`campaign:${draft.id}`)).toEqual({ ok: false, error: 'not found' });
    expect(await manager.subscribe(`campaign:${draft.id}`)).toEqual({ ok: true });
    await transition(t, ines, draft.id, 'open');
    expect(await manager.waitFor('campaign.status', (p) => p.campaignId === draft.id)).toMatchObject({
      campaignId: draft.id,
      status: 'open',
      previousStatus: 'draft',
    });
    expect(await employee.subscribe(`campaign:${draft.id}`)).toEqual({ ok: true });
    expect(await employee.subscribe(`campaign:00000000-0000-4000-8000-000000000000`)).toEqual({ ok: false, error: 'not found' });
  });

  it('a watcher of the idea and a watcher of the campaign both see idea.voted with the right count', async () => {
    const campaign = await openCampaign(t, ines, [rita]);
    const idea = await submitIdea(t, author, campaign.id);
    const ideaWatcher = await connect(watcher);
    const campaignWatcher = await connect(stranger);
    expect(await ideaWatcher.subscribe(`idea:${idea.id}`)).toEqual({ ok: true });
    expect(await campaignWatcher.subscribe(`campaign:${campaign.id}`)).toEqual({ ok: true });

    await vote(t, voter, idea.id);
    await vote(t, watcher, idea.id);
    for (const socket of [ideaWatcher, campaignWatcher]) {
      const events = await socket.waitForCount('idea.voted', 2);
      expect(events.map((e) => ({ ideaId: e.ideaId, voteCount: e.voteCount }))).toEqual([
        { ideaId: idea.id, voteCount: 1 },
        { ideaId: idea.id, voteCount: 2 },
      ]);
      expect(typeof events[0].eventId).toBe('number');
    }
    // An idempotent repeat changes nothing and announces nothing; a retraction does.
    await vote(t, voter, idea.id);
    await t.http.delete(`/api/ideas/${idea.id}/vote`).set('Authorization', voter.auth).expect(200);
    const third = await ideaWatcher.waitForCount('idea.voted', 3);
    expect(third[2]).toMatchObject({ ideaId: idea.id, voteCount: 1 });
    await t.settle();
    await quietPeriod();
    expect(ideaWatcher.received.filter((r) => r.event === 'idea.voted')).toHaveLength(3);
  });

  it('new ideas reach the campaign room; comments reach the idea room and the author', async () => {
    const campaign = await openCampaign(t, ines, [rita]);
    const campaignWatcher = await connect(watcher);
    await campaignWatcher.subscribe(`campaign:${campaign.id}`);
    const idea = await submitIdea(t, author, campaign.id, { title: 'Solar carports' });
    const created = await campaignWatcher.waitFor('idea.created');
    expect(created.idea).toMatchObject({
      id: idea.id,
      title: 'Solar carports',
      voteCount: 0,
      myVote: false,
      author: { id: author.id },
    });

    const authorSocket = await connect(author);
    await t.http.post(`/api/ideas/${idea.id}/comments`).set('Authorization', voter.auth).send({ body: 'Yes please' }).expect(201);
    const comment = await authorSocket.waitFor('idea.comment_created');
    expect(comment).toMatchObject({
      ideaId: idea.id,
      commentCount: 1,
      comment: { body: 'Yes please', author: { id: voter.id } },
    });
  });

  it('the advance announces the phase to the campaign room and each idea’s fate to its author; review.created reaches watchers', async () => {
    const campaign = await openCampaign(t, ines, [rita], { advanceTopN: 1 });
    const winner = await submitIdea(t, author, campaign.id);
    const loser = await submitIdea(t, voter, campaign.id);
    await vote(t, watcher, winner.id);

    const campaignWatcher = await connect(stranger);
    await campaignWatcher.subscribe(`campaign:${campaign.id}`);
    const ideaWatcher = await connect(watcher);
    await ideaWatcher.subscribe(`idea:${winner.id}`);
    const authorSocket = await connect(author);
    const loserSocket = await connect(voter);

    await transition(t, ines, campaign.id, 'advance');
    expect(await campaignWatcher.waitFor('campaign.status')).toMatchObject({ status: 'review', inReviewIds: [winner.id] });
    expect(await authorSocket.waitFor('idea.status', (p) => p.ideaId === winner.id)).toMatchObject({ status: 'in_review' });
    expect(await loserSocket.waitFor('idea.status', (p) => p.ideaId === loser.id)).toMatchObject({ status: 'not_selected' });
    expect(await ideaWatcher.waitFor('idea.status')).toMatchObject({ ideaId: winner.id, status: 'in_review' });

    await review(t, rita, winner.id, { Impact: 4, Feasibility: 4 }, 'Feasible and useful.');
    for (const socket of [ideaWatcher, campaignWatcher, authorSocket]) {
      const event = await socket.waitFor('review.created');
      expect(event).toMatchObject({
        ideaId: winner.id,
        reviewScore: 4,
        reviewCount: 1,
        review: { reviewer: { id: rita.id }, scores: { Impact: 4, Feasibility: 4 }, score: 4, comment: 'Feasible and useful.' },
      });
    }

    await t.http
      .post(`/api/ideas/${winner.id}/decision`)
      .set('Authorization', ines.auth)
      .send({ status: 'selected', rationale: 'Go' })
      .expect(200);
    expect(await ideaWatcher.waitFor('idea.status', (p) => p.status === 'selected')).toMatchObject({
      ideaId: winner.id,
      status: 'selected',
      previousStatus: 'in_review',
      rationale: 'Go',
    });
    // A loser's socket hears nothing about the winner.
    await quietPeriod();
    expect(loserSocket.received.filter((r) => r.payload?.ideaId === winner.id)).toEqual([]);
  });

  it('a stranger who subscribes to nothing receives nothing of someone else’s idea', async () => {
    const campaign = await openCampaign(t, ines, [rita]);
    const strangerSocket = await connect(stranger);
    const idea: IdeaView = await submitIdea(t, author, campaign.id);
    await vote(t, voter, idea.id);
    await t.http.post(`/api/ideas/${idea.id}/comments`).set('Authorization', voter.auth).send({ body: 'Hi' }).expect(201);
    await t.settle();
    await quietPeriod();
    expect(strangerSocket.received.map((r) => r.event)).toEqual(['ready']);
  });

  it('replay after a reconnect sends the author the idea events they missed', async () => {
    const campaign = await openCampaign(t, ines, [rita]);
    const idea = await submitIdea(t, author, campaign.id);
    const first = await connect(author);
    await vote(t, voter, idea.id);
    await t.http.post(`/api/ideas/${idea.id}/comments`).set('Authorization', voter.auth).send({ body: 'One' }).expect(201);
    const seen = await first.waitFor('idea.comment_created');
    first.close();

    await t.http.post(`/api/ideas/${idea.id}/comments`).set('Authorization', voter.auth).send({ body: 'Two' }).expect(201);
    await t.settle();
    const back = await connect(author, seen.eventId as number);
    const replayed = await back.waitFor('idea.comment_created');
    expect(replayed).toMatchObject({ comment: { body: 'Two' } });
  });
});
