import { IdeasService } from '@ruche/ideas';
import { SubjectVisibility } from '@ruche/platform';
import type { IdeaView } from '@ruche/contracts';
import {
  type CampaignBody,
  createCampaign,
  CRITERIA,
  type IdeaDetailBody,
  ideaInReview,
  ideaOf,
  openCampaign,
  registerInnovator,
  review,
  submitIdea,
  transition,
  vote,
} from './factories/idea.factory.js';
import { listAll } from './factories/post.factory.js';
import { actingAs, registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { eventsAbout, type OutboxRow } from './support/outbox.js';
import { useTestApp } from './support/test-app.js';
import { documentedRoutes } from './support/openapi.js';

const MISSING = '00000000-0000-4000-8000-000000000000';

/**
 * Idea campaigns end to end: a whole campaign run by an innovation manager with several
 * colleagues, then every phase rule, the validation of campaigns and scorecards, similar ideas and
 * merges, implementation tracking, lists and visibility. Real HTTP, real PostgreSQL.
 */
describe('ideas: campaigns, ideas, votes, reviews, decisions', () => {
  const t = useTestApp();
  let admin: TestUser;
  let ines: TestUser; // innovation manager
  let rita: TestUser; // reviewer
  let victor: TestUser; // reviewer
  let alice: TestUser, bob: TestUser, carol: TestUser, dan: TestUser, erin: TestUser;

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Site Admin' });
    ines = await registerInnovator(t, admin, 'Ines Innovation');
    [rita, victor, alice, bob, carol] = await registerUsers(t, ['Rita Reviewer', 'Victor Reviewer', 'Alice', 'Bob', 'Carol']);
    [dan, erin] = await registerUsers(t, ['Dan', 'Erin']);
  });

  const as = (user: TestUser) => actingAs(t, user);
  const count = async (table: string, where = 'TRUE', params: unknown[] = []) =>
    Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table} WHERE ${where}`, params))[0].n);
  /** This module's events only: other modules' listeners may write to the outbox at any time. */
  const ourEvents = () => count('outbox', "type LIKE 'campaign.%' OR type LIKE 'idea.%' OR type = 'review.created'");
  const events = (type: string, subjectId: string) => eventsAbout(t, type, subjectId);
  const person = (u: TestUser) => ({ id: u.id, handle: u.handle, displayName: u.displayName });

  describe('a whole campaign, from draft to implementation', () => {
    let campaign: CampaignBody;
    let ideaA: IdeaView; // alice: most votes
    let ideaB: IdeaView; // bob: 2 votes, submitted before carol's
    let ideaC: IdeaView; // carol: 2 votes, submitted after bob's: loses the tie
    let ideaD: IdeaView; // dan: no votes

    it('the innovation manager creates a draft with topics, a weighted scorecard and a reviewer panel', async () => {
      const res = await as(ines).post('/api/campaigns', {
        title: '  Work smarter in 2027 ',
        description: 'How could we travel less and meet better?',
        topics: ['Mobility', 'Meetings', 'mobility'],
        criteria: CRITERIA,
        reviewerIds: [rita.id, victor.id, rita.id],
        advanceTopN: 2,
      });
      expect(res.status).toBe(201);
      campaign = res.body;
      expect(campaign).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        title: 'Work smarter in 2027',
        description: 'How could we travel less and meet better?',
        topics: ['Mobility', 'Meetings'],
        criteria: CRITERIA,
        reviewerIds: [rita.id, victor.id],
        reviewers: [person(rita), person(victor)],
        advanceTopN: 2,
        status: 'draft',
        closesAt: null,
        ideaCount: 0,
        isReviewer: false,
        createdBy: person(ines),
        history: [{ status: 'draft', by: person(ines), at: campaign.createdAt }],
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
      });
    });

    it('a draft is the innovation team’s alone: 404 for everyone else, reviewers included, on every path', async () => {
      for (const user of [alice, rita]) {
        expect((await as(user).get(`/api/campaigns/${campaign.id}`)).status).toBe(404);
        expect((await as(user).get(`/api/campaigns/${campaign.id}/ideas`)).status).toBe(404);
        expect((await as(user).get(`/api/campaigns/${campaign.id}/summary`)).status).toBe(404);
        expect((await as(user).get(`/api/campaigns/${campaign.id}/ideas/similar?title=travel`)).status).toBe(404);
        const submit = await as(user).post(`/api/campaigns/${campaign.id}/ideas`, { title: 'Too early', body: 'x' });
        expect(submit.status).toBe(404);
        expect(submit.body.message).toBe('Campaign not found');
        const listed = await listAll<CampaignBody>(t, user, '/api/campaigns');
        expect(listed.map((c) => c.id)).not.toContain(campaign.id);
      }
      expect((await listAll<CampaignBody>(t, ines, '/api/campaigns')).map((c) => c.id)).toContain(campaign.id);
      // The one visibility rule also answers realtime subscriptions and replay.
      const subjects = t.app.get(SubjectVisibility);
      expect(await subjects.canSee(alice.id, 'campaign', campaign.id)).toBe(false);
      expect(await subjects.canSee(ines.id, 'campaign', campaign.id)).toBe(true);
    });

    it('the draft can still be edited; the innovation team opens it, recorded with who and when', async () => {
      const edited = await as(ines).patch(`/api/campaigns/${campaign.id}`, {
        description: 'How could we travel less, meet better and waste less?',
      });
      expect(edited.status).toBe(200);
      expect(edited.body.description).toBe('How could we travel less, meet better and waste less?');
      expect((await events('campaign.updated', campaign.id)).map((e) => e.payload)).toEqual([
        { campaignId: campaign.id, changed: ['description'] },
      ]);

      campaign = await transition(t, ines, campaign.id, 'open');
      expect(campaign.status).toBe('open');
      expect(campaign.history.map((h) => [h.status, h.by?.id])).toEqual([
        ['draft', ines.id],
        ['open', ines.id],
      ]);
      // Now every employee sees it, and a reviewer sees that they are on the panel.
      expect((await as(alice).get(`/api/campaigns/${campaign.id}`)).body).toMatchObject({ status: 'open', isReviewer: false });
      expect((await as(rita).get(`/api/campaigns/${campaign.id}`)).body).toMatchObject({ status: 'open', isReviewer: true });
      const [announced] = await events('campaign.status', campaign.id);
      expect(announced).toMatchObject({
        payload: { campaignId: campaign.id, status: 'open', previousStatus: 'draft', title: 'Work smarter in 2027' },
        audience: [`campaign:${campaign.id}`],
        subject_type: 'campaign',
        actor_id: ines.id,
      });
    });

    it('any employee submits ideas while the campaign is open', async () => {
      const res = await as(alice).post(`/api/campaigns/${campaign.id}/ideas`, {
        title: '  Bookable quiet rooms ',
        body: 'Turn two meeting rooms into bookable quiet rooms.',
      });
      expect(res.status).toBe(201);
      ideaA = res.body;
      expect(ideaA).toEqual({
        id: expect.any(String),
        campaignId: campaign.id,
        title: 'Bookable quiet rooms',
        body: 'Turn two meeting rooms into bookable quiet rooms.',
        bodyHtml: '<p>Turn two meeting rooms into bookable quiet rooms.</p>\n',
        author: person(alice),
        status: 'submitted',
        voteCount: 0,
        myVote: false,
        commentCount: 0,
        reviewCount: 0,
        reviewScore: null,
        rationale: null,
        decidedBy: null,
        decidedAt: null,
        mergedInto: null,
        implementation: null,
        createdAt: expect.any(String),
        updatedAt: expect.any(String),
        attachments: [],
        linkPreviews: [],
      });
      ideaB = await submitIdea(t, bob, campaign.id, {
        title: 'Video-first meetings',
        body: 'Default to video for cross-site meetings.',
      });
      ideaC = await submitIdea(t, carol, campaign.id, { title: 'Train over plane under 4 hours', body: 'Travel policy change.' });
      ideaD = await submitIdea(t, dan, campaign.id, { title: 'Shared car fleet', body: 'Pool company cars across sites.' });
      expect((await as(erin).get(`/api/campaigns/${campaign.id}`)).body.ideaCount).toBe(4);
      const [created] = await events('idea.created', ideaA.id);
      expect(created).toMatchObject({
        audience: [`campaign:${campaign.id}`, `user:${alice.id}`],
        subject_type: 'idea',
        actor_id: alice.id,
      });
      expect((created.payload.idea as IdeaView).title).toBe('Bookable quiet rooms');
    });

    it('the author edits while submitted; nobody else can', async () => {
      const res = await as(alice).patch(`/api/ideas/${ideaA.id}`, {
        body: 'Turn two meeting rooms per floor into bookable quiet rooms.',
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({
        title: 'Bookable quiet rooms',
        body: 'Turn two meeting rooms per floor into bookable quiet rooms.',
      });
      const other = await as(bob).patch(`/api/ideas/${ideaA.id}`, { title: 'Hijacked' });
      expect(other.status).toBe(403);
      const manager = await as(ines).patch(`/api/ideas/${ideaA.id}`, { title: 'Hijacked' });
      expect(manager.status).toBe(403);
      expect((await ideaOf(t, erin, ideaA.id)).title).toBe('Bookable quiet rooms');
    });

    it('colleagues vote: one vote each, idempotent, retractable, never for their own idea', async () => {
      for (const voter of [bob, carol, dan, erin]) await vote(t, voter, ideaA.id);
      const again = await as(bob).put(`/api/ideas/${ideaA.id}/vote`);
      expect(again.status).toBe(200);
      expect(again.body).toEqual({ ideaId: ideaA.id, voteCount: 4, myVote: true });
      const retract = await as(erin).delete(`/api/ideas/${ideaA.id}/vote`);
      expect(retract.body).toEqual({ ideaId: ideaA.id, voteCount: 3, myVote: false });
      expect((await as(erin).delete(`/api/ideas/${ideaA.id}/vote`)).body).toEqual({
        ideaId: ideaA.id,
        voteCount: 3,
        myVote: false,
      });
      expect((await vote(t, erin, ideaA.id)).voteCount).toBe(4);

      const own = await as(alice).put(`/api/ideas/${ideaA.id}/vote`);
      expect(own.status).toBe(400);
      expect(own.body.message).toBe('You cannot vote for your own idea');

      await vote(t, alice, ideaB.id);
      await vote(t, carol, ideaB.id);
      await vote(t, alice, ideaC.id);
      await vote(t, bob, ideaC.id);

      expect(await count('idea_votes', 'idea_id = $1', [ideaA.id])).toBe(4);
      const seen = await ideaOf(t, bob, ideaA.id);
      expect(seen).toMatchObject({ voteCount: 4, myVote: true });
      expect((await ideaOf(t, alice, ideaA.id)).myVote).toBe(false);
      // Each real change announced once, with the exact count; repeats announced nothing.
      expect((await events('idea.voted', ideaA.id)).map((e) => e.payload.voteCount)).toEqual([1, 2, 3, 4, 3, 4]);
    });

    it('colleagues discuss the ideas', async () => {
      const res = await as(erin).post(`/api/ideas/${ideaA.id}/comments`, { body: '  Please add phone booths too. ' });
      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        id: expect.any(String),
        ideaId: ideaA.id,
        author: person(erin),
        body: 'Please add phone booths too.',
        bodyHtml: '<p>Please add phone booths too.</p>\n',
        createdAt: expect.any(String),
        linkPreviews: [],
      });
      await as(alice).post(`/api/ideas/${ideaA.id}/comments`, { body: 'Good point, added.' }).expect(201);
      const list = await as(bob).get(`/api/ideas/${ideaA.id}/comments`);
      expect(list.body.items.map((c: { body: string }) => c.body)).toEqual([
        'Please add phone booths too.',
        'Good point, added.',
      ]);
      expect(list.body.nextCursor).toBeNull();
      expect((await ideaOf(t, bob, ideaA.id)).commentCount).toBe(2);
      const [event] = await events('idea.comment_created', ideaA.id);
      expect(event.audience).toEqual([`idea:${ideaA.id}`, `campaign:${campaign.id}`, `user:${alice.id}`]);
      expect(event.payload).toMatchObject({ ideaId: ideaA.id, campaignId: campaign.id, authorId: alice.id, commentCount: 1 });
    });

    it('lists ideas by top (votes, earliest first among equals) and by new', async () => {
      const top = await listAll<IdeaView>(t, erin, `/api/campaigns/${campaign.id}/ideas?sort=top`, 1);
      expect(top.map((i) => i.id)).toEqual([ideaA.id, ideaB.id, ideaC.id, ideaD.id]);
      expect(top.map((i) => i.voteCount)).toEqual([4, 2, 2, 0]);
      expect(top.find((i) => i.id === ideaA.id)?.myVote).toBe(true);
      const fresh = await listAll<IdeaView>(t, erin, `/api/campaigns/${campaign.id}/ideas?sort=new`, 3);
      expect(fresh.map((i) => i.id)).toEqual([ideaD.id, ideaC.id, ideaB.id, ideaA.id]);
      // Default: top.
      expect((await as(erin).get(`/api/campaigns/${campaign.id}/ideas`)).body.items.map((i: IdeaView) => i.id)).toEqual(
        top.map((i) => i.id),
      );
    });

    it('the participants of an idea (for notifications) are its author, voters and commenters', async () => {
      const ideas = t.app.get(IdeasService);
      expect(await ideas.participantIds(ideaA.id)).toEqual([alice.id, bob.id, carol.id, dan.id, erin.id].sort());
      expect(await ideas.participantIds(ideaD.id)).toEqual([dan.id]);
      expect(await ideas.participantIds(ideaA.id, ['author', 'voters'])).toEqual(
        [alice.id, bob.id, carol.id, dan.id, erin.id].sort(),
      );
      expect(await ideas.participantIds(ideaA.id, ['commenters'])).toEqual([alice.id, erin.id].sort());
      expect(await ideas.participantIds(ideaA.id, [])).toEqual([]);
      expect(await ideas.participantIds(MISSING)).toEqual([]);
      expect(await ideas.campaignParticipantIds(campaign.id)).toEqual(
        [alice.id, bob.id, carol.id, dan.id, erin.id, rita.id, victor.id].sort(),
      );
    });

    it('advance: the top 2 by votes go in_review (the tie goes to the earlier idea), the rest not_selected; idempotent', async () => {
      const advanced = await transition(t, ines, campaign.id, 'advance');
      expect(advanced.status).toBe('review');
      const statuses = async () =>
        Object.fromEntries(
          (await listAll<IdeaView>(t, erin, `/api/campaigns/${campaign.id}/ideas`)).map((i) => [i.id, i.status]),
        );
      expect(await statuses()).toEqual({
        [ideaA.id]: 'in_review',
        [ideaB.id]: 'in_review',
        [ideaC.id]: 'not_selected',
        [ideaD.id]: 'not_selected',
      });
      const [announced] = (await events('campaign.status', campaign.id)).filter((e) => e.payload.status === 'review');
      expect(announced.payload).toMatchObject({ previousStatus: 'open', inReviewIds: [ideaA.id, ideaB.id] });
      const [told] = await events('idea.status', ideaC.id);
      expect(told).toMatchObject({
        payload: {
          ideaId: ideaC.id,
          campaignId: campaign.id,
          authorId: carol.id,
          status: 'not_selected',
          previousStatus: 'submitted',
        },
        audience: [`idea:${ideaC.id}`, `user:${carol.id}`],
      });

      const again = await transition(t, ines, campaign.id, 'advance');
      expect(again.history).toEqual(advanced.history);
      expect(await statuses()).toEqual({
        [ideaA.id]: 'in_review',
        [ideaB.id]: 'in_review',
        [ideaC.id]: 'not_selected',
        [ideaD.id]: 'not_selected',
      });
      expect((await events('campaign.status', campaign.id)).length).toBe(2);
      expect((await events('idea.status', ideaA.id)).length).toBe(1);
    });

    it('voting, retracting, submitting and editing are closed once in review (409), nothing written', async () => {
      const votes = await count('idea_votes');
      expect((await as(erin).put(`/api/ideas/${ideaB.id}/vote`)).status).toBe(409);
      expect((await as(bob).delete(`/api/ideas/${ideaA.id}/vote`)).status).toBe(409);
      expect(await count('idea_votes')).toBe(votes);
      expect((await as(erin).post(`/api/campaigns/${campaign.id}/ideas`, { title: 'Late', body: 'Too late' })).status).toBe(409);
      expect((await as(alice).patch(`/api/ideas/${ideaA.id}`, { title: 'Changed' })).status).toBe(409);
      expect((await ideaOf(t, erin, ideaA.id)).voteCount).toBe(4);
    });

    it('only the panel reviews, only ideas in review, once each; the weighted score is public', async () => {
      const first = await review(t, rita, ideaA.id, { Feasibility: 1, Impact: 5 }, '  Big impact, hard to staff. ');
      expect(first).toEqual({
        id: expect.any(String),
        ideaId: ideaA.id,
        reviewer: person(rita),
        scores: { Impact: 5, Feasibility: 1 },
        score: 4,
        comment: 'Big impact, hard to staff.',
        commentHtml: '<p>Big impact, hard to staff.</p>\n',
        createdAt: expect.any(String),
      });
      await review(t, victor, ideaA.id, { Impact: 3, Feasibility: 5 });

      // Refused: a second review by the same reviewer, anyone off the panel (the manager too), an idea not in review.
      const refused: [TestUser, string, number][] = [
        [rita, ideaA.id, 409],
        [erin, ideaA.id, 403],
        [ines, ideaA.id, 403],
        [rita, ideaC.id, 409],
      ];
      for (const [reviewer, ideaId, status] of refused) {
        const res = await as(reviewer).post(`/api/ideas/${ideaId}/reviews`, {
          scores: { Impact: 1, Feasibility: 1 },
          comment: 'Changed my mind',
        });
        expect(res.status).toBe(status);
      }

      // Transparency: any employee reads every review and the weighted mean (4 and 3.5 → 3.75).
      const seen: IdeaDetailBody = await ideaOf(t, erin, ideaA.id);
      expect(seen.reviewScore).toBe(3.75);
      expect(seen.reviewCount).toBe(2);
      expect(seen.reviews.map((r) => [r.reviewer.id, r.score, r.scores])).toEqual([
        [rita.id, 4, { Impact: 5, Feasibility: 1 }],
        [victor.id, 3.5, { Impact: 3, Feasibility: 5 }],
      ]);
      expect(await count('idea_reviews', 'idea_id = $1', [ideaA.id])).toBe(2);
      const announced = await events('review.created', ideaA.id);
      expect(announced.map((e) => [e.payload.reviewScore, e.payload.reviewCount])).toEqual([
        [4, 1],
        [3.75, 2],
      ]);
      expect(announced[0].audience).toEqual([`idea:${ideaA.id}`, `campaign:${campaign.id}`, `user:${alice.id}`]);
    });

    it('the innovation team decides: selected, rejected with a rationale shown on the idea', async () => {
      const selected = await as(ines).post(`/api/ideas/${ideaA.id}/decision`, {
        status: 'selected',
        rationale: 'High impact, quick to pilot.',
      });
      expect(selected.status).toBe(200);
      expect(selected.body).toMatchObject({
        status: 'selected',
        rationale: 'High impact, quick to pilot.',
        decidedBy: person(ines),
      });

      const noReason = await as(ines).post(`/api/ideas/${ideaB.id}/decision`, { status: 'rejected' });
      expect(noReason.status).toBe(400);
      expect((await as(ines).post(`/api/ideas/${ideaB.id}/decision`, { status: 'rejected', rationale: '   ' })).status).toBe(400);
      const rejected = await as(ines).post(`/api/ideas/${ideaB.id}/decision`, {
        status: 'rejected',
        rationale: 'Already covered by the travel policy.',
      });
      expect(rejected.status).toBe(200);
      expect((await ideaOf(t, dan, ideaB.id)).rationale).toBe('Already covered by the travel policy.');

      expect((await as(ines).post(`/api/ideas/${ideaC.id}/decision`, { status: 'selected' })).status).toBe(409);
      expect((await as(ines).post(`/api/ideas/${ideaB.id}/decision`, { status: 'rejected', rationale: 'Again' })).status).toBe(
        409,
      );
      expect((await as(ines).post(`/api/ideas/${ideaA.id}/decision`, { status: 'implemented' })).status).toBe(200);
      // Back to selected for the implementation story below is not allowed: implemented is final.
      expect((await as(ines).post(`/api/ideas/${ideaA.id}/decision`, { status: 'selected' })).status).toBe(409);
      expect((await as(alice).post(`/api/ideas/${ideaB.id}/decision`, { status: 'selected' })).status).toBe(403);

      const [status] = await events('idea.status', ideaB.id).then((list) => list.filter((e) => e.payload.decision));
      expect(status).toMatchObject({
        payload: {
          ideaId: ideaB.id,
          campaignId: campaign.id,
          authorId: bob.id,
          status: 'rejected',
          previousStatus: 'in_review',
          rationale: 'Already covered by the travel policy.',
          decision: 'rejected',
        },
        audience: [`idea:${ideaB.id}`, `campaign:${campaign.id}`, `user:${bob.id}`],
        subject_type: 'idea',
        actor_id: ines.id,
      });
    });

    it('closes the campaign; reviews are over, implementation tracking goes on and is visible to all', async () => {
      const closed = await transition(t, ines, campaign.id, 'close');
      expect(closed.history.map((h) => h.status)).toEqual(['draft', 'open', 'review', 'closed']);
      expect(
        (await as(victor).post(`/api/ideas/${ideaB.id}/reviews`, { scores: { Impact: 1, Feasibility: 1 }, comment: 'x' })).status,
      ).toBe(409);

      const res = await as(ines).patch(`/api/ideas/${ideaA.id}/implementation`, {
        ownerId: dan.id,
        progress: 40,
        milestones: [
          { title: 'Pilot on floor 3', date: '2027-02-01', done: true },
          { title: 'All floors', date: '2027-06-30' },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.body.implementation).toEqual({
        owner: person(dan),
        progress: 40,
        milestones: [
          { title: 'Pilot on floor 3', date: '2027-02-01', done: true },
          { title: 'All floors', date: '2027-06-30', done: false },
        ],
        updatedAt: expect.any(String),
      });
      const progress = await as(ines).patch(`/api/ideas/${ideaA.id}/implementation`, { progress: 100 });
      expect(progress.body.implementation).toMatchObject({ owner: person(dan), progress: 100 });
      expect(progress.body.implementation.milestones).toHaveLength(2);
      expect((await ideaOf(t, erin, ideaA.id)).implementation).toMatchObject({ progress: 100, owner: { id: dan.id } });
      const updates = await events('idea.implementation_updated', ideaA.id);
      expect(updates.map((e) => (e.payload.implementation as { progress: number }).progress)).toEqual([40, 100]);
      expect(updates[0].audience).toEqual([`idea:${ideaA.id}`, `campaign:${campaign.id}`, `user:${alice.id}`]);

      expect((await as(ines).patch(`/api/ideas/${ideaB.id}/implementation`, { progress: 10 })).status).toBe(409);
      expect((await as(alice).patch(`/api/ideas/${ideaA.id}/implementation`, { progress: 10 })).status).toBe(403);
    });

    it('the summary: leaderboard with votes, review score and status, and the campaign figures', async () => {
      const res = await as(erin).get(`/api/campaigns/${campaign.id}/summary`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        campaignId: campaign.id,
        title: 'Work smarter in 2027',
        status: 'closed',
        figures: {
          participants: 7, // alice, bob, carol, dan, erin, rita, victor
          ideas: 4,
          votes: 8,
          comments: 2,
          reviews: 2,
          reviewed: 1,
          inReview: 0,
          selected: 1,
          rejected: 1,
          implemented: 1,
          merged: 0,
        },
        leaderboard: [
          {
            rank: 1,
            id: ideaA.id,
            title: 'Bookable quiet rooms',
            author: person(alice),
            status: 'implemented',
            voteCount: 4,
            commentCount: 2,
            reviewCount: 2,
            reviewScore: 3.75,
          },
          {
            rank: 2,
            id: ideaB.id,
            title: 'Video-first meetings',
            author: person(bob),
            status: 'rejected',
            voteCount: 2,
            commentCount: 0,
            reviewCount: 0,
            reviewScore: null,
          },
          {
            rank: 3,
            id: ideaC.id,
            title: 'Train over plane under 4 hours',
            author: person(carol),
            status: 'not_selected',
            voteCount: 2,
            commentCount: 0,
            reviewCount: 0,
            reviewScore: null,
          },
          {
            rank: 4,
            id: ideaD.id,
            title: 'Shared car fleet',
            author: person(dan),
            status: 'not_selected',
            voteCount: 0,
            commentCount: 0,
            reviewCount: 0,
            reviewScore: null,
          },
        ],
      });
      expect((await as(erin).get(`/api/campaigns/${campaign.id}/summary?top=1`)).body.leaderboard).toHaveLength(1);
      expect((await as(erin).get(`/api/campaigns/${campaign.id}/summary?top=0`)).status).toBe(400);
    });

    it('every event names its subject and actor', async () => {
      const all = await t.sql<OutboxRow>(
        `SELECT type, payload, audience, subject_type, subject_id, actor_id FROM outbox
          WHERE type LIKE 'campaign.%' OR type LIKE 'idea.%' OR type = 'review.created'`,
      );
      expect(all.length).toBeGreaterThan(20);
      for (const event of all) {
        expect(['campaign', 'idea']).toContain(event.subject_type);
        expect(event.subject_id).toMatch(/^[0-9a-f-]{36}$/);
        expect(event.actor_id).toMatch(/^[0-9a-f-]{36}$/);
      }
    });
  });

  describe('phase rules: 409 outside the phase', () => {
    it('walks every phase and refuses what does not belong to it', async () => {
      const campaign = await createCampaign(t, ines, [rita]);
      const path = `/api/campaigns/${campaign.id}`;
      // Draft: no ideas (the innovation team sees it, so 409), no advance, no close.
      expect((await as(ines).post(`${path}/ideas`, { title: 'Early', body: 'x' })).status).toBe(409);
      expect((await as(ines).post(`${path}/advance`)).status).toBe(409);
      expect((await as(ines).post(`${path}/close`)).status).toBe(409);

      await transition(t, ines, campaign.id, 'open');
      const history = (await transition(t, ines, campaign.id, 'open')).history;
      expect(history.map((h) => h.status)).toEqual(['draft', 'open']);
      expect((await as(ines).patch(path, { title: 'Renamed' })).status).toBe(409);
      expect((await as(ines).post(`${path}/close`)).status).toBe(409);
      const idea = await submitIdea(t, alice, campaign.id);
      const runnerUp = await submitIdea(t, bob, campaign.id);
      await vote(t, bob, idea.id);
      // Open: no reviews, no decisions, no implementation.
      expect(
        (await as(rita).post(`/api/ideas/${idea.id}/reviews`, { scores: { Impact: 3, Feasibility: 3 }, comment: 'x' })).status,
      ).toBe(409);
      expect((await as(ines).post(`/api/ideas/${idea.id}/decision`, { status: 'selected' })).status).toBe(409);
      expect((await as(ines).patch(`/api/ideas/${idea.id}/implementation`, { progress: 5 })).status).toBe(409);

      await transition(t, ines, campaign.id, 'advance');
      expect((await as(ines).post(`${path}/open`)).status).toBe(409);
      expect((await as(ines).post(`/api/ideas/${runnerUp.id}/merge`, { intoId: idea.id })).status).toBe(409);
      expect((await as(carol).put(`/api/ideas/${idea.id}/vote`)).status).toBe(409);

      await transition(t, ines, campaign.id, 'close');
      expect((await transition(t, ines, campaign.id, 'close')).history.map((h) => h.status)).toEqual([
        'draft',
        'open',
        'review',
        'closed',
      ]);
      for (const action of ['open', 'advance']) expect((await as(ines).post(`${path}/${action}`)).status).toBe(409);
      expect((await as(carol).put(`/api/ideas/${idea.id}/vote`)).status).toBe(409);
      expect((await as(carol).delete(`/api/ideas/${idea.id}/vote`)).status).toBe(409);
      expect((await as(carol).post(`${path}/ideas`, { title: 'Late', body: 'x' })).status).toBe(409);
      // Discussion stays open.
      expect((await as(carol).post(`/api/ideas/${idea.id}/comments`, { body: 'Still relevant' })).status).toBe(201);
    });

    it('advance with fewer ideas than advanceTopN sends them all to review; with none, advances anyway', async () => {
      const few = await openCampaign(t, ines, [rita], { advanceTopN: 5 });
      const ideas = [await submitIdea(t, alice, few.id), await submitIdea(t, bob, few.id)];
      await transition(t, ines, few.id, 'advance');
      for (const idea of ideas) expect((await ideaOf(t, carol, idea.id)).status).toBe('in_review');
      const empty = await openCampaign(t, ines, [rita]);
      expect((await transition(t, ines, empty.id, 'advance')).status).toBe('review');
    });
  });

  it('a reviewer who submitted an idea does not review it (403); the rest of the panel does', async () => {
    const campaign = await openCampaign(t, ines, [rita, victor], { advanceTopN: 1 });
    const own = await submitIdea(t, rita, campaign.id);
    await transition(t, ines, campaign.id, 'advance');
    const res = await as(rita).post(`/api/ideas/${own.id}/reviews`, {
      scores: { Impact: 5, Feasibility: 5 },
      comment: 'Mine is great',
    });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe('Reviewers do not review their own ideas');
    expect((await review(t, victor, own.id, { Impact: 2, Feasibility: 2 })).score).toBe(2);
  });

  it('documents its routes in OpenAPI', async () => {
    const { paths, components } = await documentedRoutes(t, [
      '/api/campaigns',
      '/api/campaigns/{id}',
      '/api/campaigns/{id}/open',
      '/api/campaigns/{id}/advance',
      '/api/campaigns/{id}/close',
      '/api/campaigns/{id}/ideas',
      '/api/campaigns/{id}/ideas/similar',
      '/api/campaigns/{id}/summary',
      '/api/ideas/{id}',
      '/api/ideas/{id}/vote',
      '/api/ideas/{id}/comments',
      '/api/ideas/{id}/reviews',
      '/api/ideas/{id}/decision',
      '/api/ideas/{id}/merge',
      '/api/ideas/{id}/implementation',
    ]);
    expect(Object.keys(paths['/api/ideas/{id}/vote']).sort()).toEqual(['delete', 'put']);
    expect(paths['/api/campaigns'].post.tags).toEqual(['ideas']);
    expect(components.schemas.DecisionDto.properties.status.enum).toEqual(['selected', 'rejected', 'implemented']);
  });

  describe('creating campaigns: validation', () => {
    const valid = () => ({
      title: 'Green IT',
      description: 'Cut the energy our IT uses.',
      criteria: CRITERIA,
      reviewerIds: [rita.id],
      advanceTopN: 3,
    });

    it('accepts the limits: 10 criteria, weights up to 100 (fractions too), advanceTopN 1 and 1000', async () => {
      const criteria = Array.from({ length: 10 }, (_, n) => ({
        name: `Criterion ${n + 1}`.padEnd(60, '.'),
        weight: n === 0 ? 100 : 0.5,
      }));
      expect((await as(ines).post('/api/campaigns', { ...valid(), criteria, advanceTopN: 1000 })).status).toBe(201);
      expect((await as(ines).post('/api/campaigns', { ...valid(), advanceTopN: 1 })).status).toBe(201);
    });

    it('keeps what each end of the scale means per criterion, trimmed; blank or absent ends stay the generic scale', async () => {
      const criteria = [
        { name: 'Cost', weight: 2, low: ' costly ', high: 'cheap' },
        { name: 'Impact', weight: 1, low: '  ' },
      ];
      const created = await as(ines).post('/api/campaigns', { ...valid(), criteria });
      expect(created.status).toBe(201);
      const read = await as(ines).get(`/api/campaigns/${created.body.id}`);
      for (const body of [created.body, read.body])
        expect(body.criteria).toEqual([
          { name: 'Cost', weight: 2, low: 'costly', high: 'cheap' },
          { name: 'Impact', weight: 1 },
        ]);
    });

    it.each([
      ['missing title', { title: undefined }],
      ['blank title', { title: '  ' }],
      ['title of 201 characters', { title: 'x'.repeat(201) }],
      ['NUL in description', { description: 'a\u0000b' }],
      ['missing criteria', { criteria: undefined }],
      ['no criteria', { criteria: [] }],
      ['11 criteria', { criteria: Array.from({ length: 11 }, (_, n) => ({ name: `C${n}`, weight: 1 })) }],
      [
        'a repeated criterion name',
        {
          criteria: [
            { name: 'Impact', weight: 1 },
            { name: 'IMPACT', weight: 2 },
          ],
        },
      ],
      ['a criterion name of 61 characters', { criteria: [{ name: 'x'.repeat(61), weight: 1 }] }],
      ['a zero weight', { criteria: [{ name: 'Impact', weight: 0 }] }],
      ['a negative weight', { criteria: [{ name: 'Impact', weight: -2 }] }],
      ['a weight of 101', { criteria: [{ name: 'Impact', weight: 101 }] }],
      ['a weight as a string', { criteria: [{ name: 'Impact', weight: '3' }] }],
      ['a criterion without weight', { criteria: [{ name: 'Impact' }] }],
      ['a criterion with an unknown field', { criteria: [{ name: 'Impact', weight: 1, color: 'red' }] }],
      ['a criterion that is not an object', { criteria: ['Impact'] }],
      ['what a 1 means in 41 characters', { criteria: [{ name: 'Cost', weight: 1, low: 'x'.repeat(41) }] }],
      ['what a 5 means as a number', { criteria: [{ name: 'Cost', weight: 1, high: 5 }] }],
      ['no reviewers', { reviewerIds: [] }],
      ['a reviewer id that is not a UUID', { reviewerIds: ['rita'] }],
      ['a reviewer who does not exist', { reviewerIds: [MISSING] }],
      ['advanceTopN 0', { advanceTopN: 0 }],
      ['advanceTopN 1001', { advanceTopN: 1001 }],
      ['advanceTopN 2.5', { advanceTopN: 2.5 }],
      ['advanceTopN as a string', { advanceTopN: '3' }],
      ['21 topics', { topics: Array.from({ length: 21 }, (_, n) => `Topic ${n}`) }],
      ['an empty topic', { topics: ['  '] }],
      ['an unknown field', { status: 'open' }],
    ])('rejects %s with 400 and writes nothing', async (_name, change) => {
      const before = [await count('campaigns'), await count('campaign_reviewers'), await ourEvents()];
      const res = await as(ines).post('/api/campaigns', { ...valid(), ...change });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect([await count('campaigns'), await count('campaign_reviewers'), await ourEvents()]).toEqual(before);
    });
  });

  describe('scorecards: validation', () => {
    let idea: IdeaView;

    beforeAll(async () => {
      idea = await ideaInReview(t, ines, [rita], alice);
    });

    it.each([
      ['a missing criterion', { scores: { Impact: 4 }, comment: 'ok' }],
      ['a score of 0', { scores: { Impact: 0, Feasibility: 3 }, comment: 'ok' }],
      ['a score of 6', { scores: { Impact: 3, Feasibility: 6 }, comment: 'ok' }],
      ['a non-integer score', { scores: { Impact: 3.5, Feasibility: 3 }, comment: 'ok' }],
      ['a score as a string', { scores: { Impact: '4', Feasibility: 3 }, comment: 'ok' }],
      ['an unknown criterion', { scores: { Impact: 3, Feasibility: 3, Fun: 5 }, comment: 'ok' }],
      ['scores as an array', { scores: [3, 3], comment: 'ok' }],
      ['no scores', { comment: 'ok' }],
      ['no comment', { scores: { Impact: 3, Feasibility: 3 } }],
      ['a blank comment', { scores: { Impact: 3, Feasibility: 3 }, comment: '   ' }],
      ['a comment of 5001 characters', { scores: { Impact: 3, Feasibility: 3 }, comment: 'x'.repeat(5001) }],
      ['an unknown field', { scores: { Impact: 3, Feasibility: 3 }, comment: 'ok', weight: 2 }],
    ])('rejects %s with 400 and writes nothing', async (_name, body) => {
      const before = [await count('idea_reviews'), await ourEvents()];
      const res = await as(rita).post(`/api/ideas/${idea.id}/reviews`, body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect([await count('idea_reviews'), await ourEvents()]).toEqual(before);
      expect(await ideaOf(t, rita, idea.id)).toMatchObject({ reviewCount: 0, reviewScore: null });
    });

    it('names what is wrong', async () => {
      const res = await as(rita).post(`/api/ideas/${idea.id}/reviews`, { scores: { Impact: 9 }, comment: 'ok' });
      expect(res.body.message).toBe('score for "Impact" must be an integer from 1 to 5; scores must include "Feasibility"');
    });

    it('then accepts a complete scorecard, a comment of 5000 characters', async () => {
      const created = await review(t, rita, idea.id, { Impact: 2, Feasibility: 5 }, 'y'.repeat(5000));
      expect(created.score).toBe(2.75);
    });
  });

  describe('ideas: input and reads', () => {
    let campaign: CampaignBody;

    beforeAll(async () => {
      campaign = await openCampaign(t, ines, [rita]);
    });

    it.each([
      ['missing title', { body: 'x' }],
      ['title of 201 characters', { title: 'x'.repeat(201), body: 'x' }],
      ['blank body', { title: 'x', body: ' ' }],
      ['body of 10001 characters', { title: 'x', body: 'x'.repeat(10_001) }],
      ['NUL in title', { title: 'a\u0000', body: 'x' }],
      ['an unknown field', { title: 'x', body: 'x', status: 'selected' }],
      ['an author smuggled in', { title: 'x', body: 'x', authorId: MISSING }],
    ])('rejects an idea with %s (400, nothing written)', async (_name, body) => {
      const before = await count('ideas');
      expect((await as(alice).post(`/api/campaigns/${campaign.id}/ideas`, body)).status).toBe(400);
      expect(await count('ideas')).toBe(before);
    });

    it('answers 404 for unknown campaigns and ideas, 400 for malformed ids and queries', async () => {
      expect((await as(alice).get(`/api/campaigns/${MISSING}`)).status).toBe(404);
      expect((await as(alice).post(`/api/campaigns/${MISSING}/ideas`, { title: 'x', body: 'x' })).status).toBe(404);
      expect((await as(alice).get(`/api/ideas/${MISSING}`)).status).toBe(404);
      expect((await as(alice).put(`/api/ideas/${MISSING}/vote`)).status).toBe(404);
      expect((await as(alice).post(`/api/ideas/${MISSING}/comments`, { body: 'x' })).status).toBe(404);
      expect((await as(alice).get('/api/ideas/not-a-uuid')).status).toBe(400);
      expect((await as(alice).get('/api/campaigns/123/ideas')).status).toBe(400);
      expect((await as(alice).get(`/api/campaigns/${campaign.id}/ideas?sort=hot`)).status).toBe(400);
      expect((await as(alice).get(`/api/campaigns/${campaign.id}/ideas?limit=0`)).status).toBe(400);
      expect((await as(alice).get(`/api/campaigns/${campaign.id}/ideas?limit=101`)).status).toBe(400);
      expect((await as(alice).get('/api/campaigns?status=archived')).status).toBe(400);
    });

    it('pages by keyset: a bad cursor, or a cursor of the other sort, is a 400', async () => {
      const ideas = [];
      for (let i = 0; i < 5; i++) ideas.push(await submitIdea(t, i % 2 ? bob : carol, campaign.id));
      await vote(t, alice, ideas[3].id);
      await vote(t, dan, ideas[3].id);
      await vote(t, alice, ideas[1].id);
      const first = await as(alice).get(`/api/campaigns/${campaign.id}/ideas?sort=top&limit=2`);
      expect(first.body.items.map((i: IdeaView) => i.id)).toEqual([ideas[3].id, ideas[1].id]);
      const second = await as(alice).get(`/api/campaigns/${campaign.id}/ideas?sort=top&limit=2&cursor=${first.body.nextCursor}`);
      expect(second.body.items.map((i: IdeaView) => i.id)).toEqual([ideas[0].id, ideas[2].id]);
      const newPage = await as(alice).get(`/api/campaigns/${campaign.id}/ideas?sort=new&limit=2`);
      expect((await as(alice).get(`/api/campaigns/${campaign.id}/ideas?sort=top&cursor=${newPage.body.nextCursor}`)).status).toBe(
        400,
      );
      expect((await as(alice).get(`/api/campaigns/${campaign.id}/ideas?sort=new&cursor=${first.body.nextCursor}`)).status).toBe(
        400,
      );
      expect((await as(alice).get(`/api/campaigns/${campaign.id}/ideas?cursor=garbage`)).status).toBe(400);
      const statusFiltered = await as(alice).get(`/api/campaigns/${campaign.id}/ideas?status=in_review`);
      expect(statusFiltered.body.items).toEqual([]);
    });

    it('lists campaigns newest first with a status filter', async () => {
      const open = await listAll<CampaignBody>(t, alice, '/api/campaigns?status=open', 2);
      expect(open.length).toBeGreaterThan(0);
      expect(open.every((c) => c.status === 'open')).toBe(true);
      const times = open.map((c) => c.createdAt);
      expect(times).toEqual([...times].sort().reverse());
    });
  });

  describe('similar ideas and merging duplicates', () => {
    let campaign: CampaignBody;
    let survivor: IdeaView;
    let duplicate: IdeaView;

    beforeAll(async () => {
      campaign = await openCampaign(t, ines, [rita]);
      survivor = await submitIdea(t, alice, campaign.id, { title: 'Four-day work week pilot', body: 'Try it in one team.' });
      await submitIdea(t, bob, campaign.id, { title: 'Paperless expense reports', body: 'Scan receipts.' });
      await submitIdea(t, carol, campaign.id, { title: 'Carpooling app for commuters', body: 'Match colleagues.' });
      duplicate = await submitIdea(t, erin, campaign.id, { title: 'A 4 day week trial', body: 'Same idea, other words.' });
    });

    it('suggests existing ideas with a similar title, best match first', async () => {
      const similar = async (title: string) =>
        (await as(dan).get(`/api/campaigns/${campaign.id}/ideas/similar?title=${encodeURIComponent(title)}`)).body.items as {
          title: string;
          similarity: number;
        }[];
      const fourDay = await similar('four day week');
      expect(fourDay[0]).toMatchObject({ id: survivor.id, title: 'Four-day work week pilot', status: 'submitted', voteCount: 0 });
      expect(fourDay[0].similarity).toBeGreaterThan(0.5);
      expect(fourDay.map((i) => i.title)).not.toContain('Paperless expense reports');
      expect((await similar('car pool'))[0].title).toBe('Carpooling app for commuters');
      expect((await similar('expenses'))[0].title).toBe('Paperless expense reports');
      expect(await similar('quantum blockchain')).toEqual([]);
      expect(await similar('fo')).toEqual([]);
      expect((await as(dan).get(`/api/campaigns/${campaign.id}/ideas/similar`)).status).toBe(400);
      expect((await as(dan).get(`/api/campaigns/${campaign.id}/ideas/similar?title=week&limit=21`)).status).toBe(400);
    });

    it('merges a duplicate: votes move without double counting, the duplicate points to the survivor', async () => {
      await vote(t, bob, survivor.id);
      await vote(t, dan, survivor.id);
      await vote(t, bob, duplicate.id); // voted for both: counts once
      await vote(t, carol, duplicate.id);
      await vote(t, alice, duplicate.id); // the survivor's author: cannot vote for her own idea, does not move

      expect((await as(dan).post(`/api/ideas/${duplicate.id}/merge`, { intoId: survivor.id })).status).toBe(403);
      const res = await as(ines).post(`/api/ideas/${duplicate.id}/merge`, { intoId: survivor.id });
      expect(res.status).toBe(200);
      expect(res.body.merged).toMatchObject({ id: duplicate.id, status: 'merged', mergedInto: survivor.id, voteCount: 0 });
      expect(res.body.into).toMatchObject({ id: survivor.id, status: 'submitted', voteCount: 3 });
      const voters = await t.sql<{ user_id: string }>('SELECT user_id FROM idea_votes WHERE idea_id = $1 ORDER BY user_id', [
        survivor.id,
      ]);
      expect(voters.map((v) => v.user_id)).toEqual([bob.id, carol.id, dan.id].sort());
      expect(await count('idea_votes', 'idea_id = $1', [duplicate.id])).toBe(0);

      // Gone from lists and suggestions, still readable, pointing to the survivor.
      const listed = await listAll<IdeaView>(t, dan, `/api/campaigns/${campaign.id}/ideas`);
      expect(listed.map((i) => i.id)).not.toContain(duplicate.id);
      expect((await ideaOf(t, dan, duplicate.id)).mergedInto).toBe(survivor.id);
      expect((await as(dan).get(`/api/campaigns/${campaign.id}`)).body.ideaCount).toBe(3);
      // Votes and comments go to the survivor.
      expect((await as(erin).put(`/api/ideas/${duplicate.id}/vote`)).status).toBe(409);
      expect((await as(erin).post(`/api/ideas/${duplicate.id}/comments`, { body: 'x' })).status).toBe(409);
      expect((await vote(t, erin, survivor.id)).voteCount).toBe(4);
      const [merged] = await events('idea.merged', duplicate.id);
      expect(merged.payload).toEqual({
        ideaId: duplicate.id,
        mergedInto: survivor.id,
        campaignId: campaign.id,
        authorId: erin.id,
        survivorAuthorId: alice.id,
        voteCount: 3,
      });
      expect(await t.app.get(IdeasService).participantIds(survivor.id)).toEqual(
        [alice.id, bob.id, carol.id, dan.id, erin.id].sort(),
      );
    });

    it('refuses merging into itself (400), across campaigns (400), twice (409), unknown ideas (404)', async () => {
      const fresh = await submitIdea(t, dan, campaign.id, { title: 'Standing desks', body: 'x' });
      expect((await as(ines).post(`/api/ideas/${fresh.id}/merge`, { intoId: fresh.id })).status).toBe(400);
      const elsewhere = await openCampaign(t, ines, [rita]);
      const other = await submitIdea(t, dan, elsewhere.id);
      expect((await as(ines).post(`/api/ideas/${fresh.id}/merge`, { intoId: other.id })).status).toBe(400);
      expect((await as(ines).post(`/api/ideas/${duplicate.id}/merge`, { intoId: fresh.id })).status).toBe(409);
      expect((await as(ines).post(`/api/ideas/${fresh.id}/merge`, { intoId: duplicate.id })).status).toBe(409);
      expect((await as(ines).post(`/api/ideas/${fresh.id}/merge`, { intoId: MISSING })).status).toBe(404);
      expect((await as(ines).post(`/api/ideas/${fresh.id}/merge`, { intoId: 'nope' })).status).toBe(400);
    });
  });

  describe('implementation tracking: validation', () => {
    let idea: IdeaView;

    beforeAll(async () => {
      idea = await ideaInReview(t, ines, [rita], alice);
      await as(ines).post(`/api/ideas/${idea.id}/decision`, { status: 'selected' }).expect(200);
    });

    it.each([
      ['nothing to change', {}],
      ['progress 101', { progress: 101 }],
      ['progress -1', { progress: -1 }],
      ['fractional progress', { progress: 12.5 }],
      ['an unknown owner', { ownerId: MISSING }],
      ['an owner id that is not a UUID', { ownerId: 'dan' }],
      ['a milestone without a date', { milestones: [{ title: 'Pilot' }] }],
      ['a milestone with a bad date', { milestones: [{ title: 'Pilot', date: '2027-02-30' }] }],
      ['a milestone with a date-time', { milestones: [{ title: 'Pilot', date: '2027-02-01T10:00:00Z' }] }],
      ['a milestone with a blank title', { milestones: [{ title: ' ', date: '2027-02-01' }] }],
      ['51 milestones', { milestones: Array.from({ length: 51 }, (_, n) => ({ title: `M${n}`, date: '2027-02-01' })) }],
      ['an unknown field', { progress: 10, budget: 1000 }],
    ])('rejects %s with 400 and writes nothing', async (_name, body) => {
      const before = await ourEvents();
      expect((await as(ines).patch(`/api/ideas/${idea.id}/implementation`, body)).status).toBe(400);
      expect(await ourEvents()).toBe(before);
      expect((await ideaOf(t, alice, idea.id)).implementation).toBeNull();
    });

    it('clears the owner with null', async () => {
      await as(ines).patch(`/api/ideas/${idea.id}/implementation`, { ownerId: dan.id }).expect(200);
      const cleared = await as(ines).patch(`/api/ideas/${idea.id}/implementation`, { ownerId: null });
      expect(cleared.body.implementation).toMatchObject({ owner: null, progress: 0, milestones: [] });
    });
  });
});
