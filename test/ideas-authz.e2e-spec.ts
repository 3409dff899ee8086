import type { Test } from 'supertest';
import type { IdeaView } from '@ruche/contracts';
import {
  type CampaignBody,
  createCampaign,
  CRITERIA,
  registerInnovator,
  submitIdea,
  transition,
} from './factories/idea.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { type TestApp, useTestApp } from './support/test-app.js';

/**
 * The authorization matrix: every campaign and idea endpoint × every kind of caller, on a campaign
 * in the phase where the action is legal, with the documented status. Only the innovation team
 * runs campaigns and decides; only the campaign's reviewers review; only the author edits; nobody
 * votes for their own idea (400); a draft is 404 to everyone but the innovation team.
 */
type Caller = 'innovation' | 'reviewer' | 'otherReviewer' | 'author' | 'employee';
const CALLERS: Caller[] = ['innovation', 'reviewer', 'otherReviewer', 'author', 'employee'];
type Stage = 'draft' | 'open' | 'review' | 'selected';

interface Fixture {
  campaign: CampaignBody;
  /** By the author (absent in a draft). */
  idea?: IdeaView;
  /** By the plain employee. */
  other?: IdeaView;
}

interface Route {
  name: string;
  stage: Stage;
  call: (t: TestApp, f: Fixture, as: TestUser) => Test;
  /** Expected status per caller, in CALLERS order. */
  expected: number[];
}

//                         innovation reviewer otherReviewer author employee
const RUN = /*          */ [200, 403, 403, 403, 403];
const READ_ALL = /*     */ [200, 200, 200, 200, 200];
const READ_DRAFT = /*   */ [200, 404, 404, 404, 404];
const created = (statuses: number[]) => statuses.map((s) => (s === 200 ? 201 : s));

const auth = (req: Test, user: TestUser) => req.set('Authorization', user.auth);
const scorecard = { scores: { Impact: 4, Feasibility: 2 }, comment: 'Worth a pilot.' };

/** The campaign, its summary and its ideas: read while a draft (innovation only), then once open (everyone). */
const CAMPAIGN_READS: Route[] = (
  [
    ['draft', READ_DRAFT],
    ['open', READ_ALL],
  ] as const
).flatMap(([stage, expected]) =>
  ['', '/summary', '/ideas'].map((path) => ({
    name: `GET /campaigns/:id${path} (${stage})`,
    stage,
    call: (t: TestApp, f: Fixture, u: TestUser) => auth(t.http.get(`/api/campaigns/${f.campaign.id}${path}`), u),
    expected,
  })),
);

const ROUTES: Route[] = [
  ...CAMPAIGN_READS,
  {
    name: 'GET /campaigns/:id/ideas/similar',
    stage: 'open',
    call: (t, f, u) => auth(t.http.get(`/api/campaigns/${f.campaign.id}/ideas/similar?title=idea`), u),
    expected: READ_ALL,
  },
  {
    name: 'GET /ideas/:id',
    stage: 'review',
    call: (t, f, u) => auth(t.http.get(`/api/ideas/${f.idea!.id}`), u),
    expected: READ_ALL,
  },
  {
    name: 'GET /ideas/:id/comments',
    stage: 'open',
    call: (t, f, u) => auth(t.http.get(`/api/ideas/${f.idea!.id}/comments`), u),
    expected: READ_ALL,
  },
  {
    name: 'PATCH /campaigns/:id (draft)',
    stage: 'draft',
    call: (t, f, u) => auth(t.http.patch(`/api/campaigns/${f.campaign.id}`), u).send({ title: 'Renamed' }),
    expected: RUN,
  },
  {
    name: 'POST /campaigns/:id/open',
    stage: 'draft',
    call: (t, f, u) => auth(t.http.post(`/api/campaigns/${f.campaign.id}/open`), u),
    expected: RUN,
  },
  {
    name: 'POST /campaigns/:id/advance',
    stage: 'open',
    call: (t, f, u) => auth(t.http.post(`/api/campaigns/${f.campaign.id}/advance`), u),
    expected: RUN,
  },
  {
    name: 'POST /campaigns/:id/close',
    stage: 'review',
    call: (t, f, u) => auth(t.http.post(`/api/campaigns/${f.campaign.id}/close`), u),
    expected: RUN,
  },
  {
    name: 'POST /campaigns/:id/ideas',
    stage: 'open',
    call: (t, f, u) => auth(t.http.post(`/api/campaigns/${f.campaign.id}/ideas`), u).send({ title: 'Mine', body: 'My idea' }),
    expected: created(READ_ALL),
  },
  {
    name: 'PATCH /ideas/:id',
    stage: 'open',
    call: (t, f, u) => auth(t.http.patch(`/api/ideas/${f.idea!.id}`), u).send({ title: 'Edited' }),
    expected: [403, 403, 403, 200, 403],
  },
  {
    name: 'PUT /ideas/:id/vote',
    stage: 'open',
    call: (t, f, u) => auth(t.http.put(`/api/ideas/${f.idea!.id}/vote`), u),
    expected: [200, 200, 200, 400, 200],
  },
  {
    name: 'DELETE /ideas/:id/vote',
    stage: 'open',
    call: (t, f, u) => auth(t.http.delete(`/api/ideas/${f.idea!.id}/vote`), u),
    expected: READ_ALL,
  },
  {
    name: 'POST /ideas/:id/comments',
    stage: 'review',
    call: (t, f, u) => auth(t.http.post(`/api/ideas/${f.idea!.id}/comments`), u).send({ body: 'Nice' }),
    expected: created(READ_ALL),
  },
  {
    name: 'POST /ideas/:id/reviews',
    stage: 'review',
    call: (t, f, u) => auth(t.http.post(`/api/ideas/${f.idea!.id}/reviews`), u).send(scorecard),
    expected: [403, 201, 403, 403, 403],
  },
  {
    name: 'POST /ideas/:id/decision',
    stage: 'review',
    call: (t, f, u) => auth(t.http.post(`/api/ideas/${f.idea!.id}/decision`), u).send({ status: 'selected', rationale: 'Go' }),
    expected: RUN,
  },
  {
    name: 'POST /ideas/:id/merge',
    stage: 'open',
    call: (t, f, u) => auth(t.http.post(`/api/ideas/${f.other!.id}/merge`), u).send({ intoId: f.idea!.id }),
    expected: RUN,
  },
  {
    name: 'PATCH /ideas/:id/implementation',
    stage: 'selected',
    call: (t, f, u) => auth(t.http.patch(`/api/ideas/${f.idea!.id}/implementation`), u).send({ progress: 25 }),
    expected: RUN,
  },
];

describe('ideas: authorization matrix', () => {
  const t = useTestApp();
  let admin: TestUser;
  let cast: Record<Caller, TestUser>;

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Admin' });
    cast = {
      innovation: await registerInnovator(t, admin),
      reviewer: await registerUser(t, { displayName: 'Panel reviewer' }),
      otherReviewer: await registerUser(t, { displayName: 'Reviewer elsewhere' }),
      author: await registerUser(t, { displayName: 'Author' }),
      employee: await registerUser(t, { displayName: 'Employee' }),
    };
    // The other reviewer sits on another campaign's panel, not on the ones under test.
    const elsewhere = await createCampaign(t, cast.innovation, [cast.otherReviewer]);
    await transition(t, cast.innovation, elsewhere.id, 'open');
  });

  /** A fresh campaign (panel: the reviewer) brought to `stage`, with the author's idea and the employee's. */
  async function fixture(stage: Stage): Promise<Fixture> {
    const campaign = await createCampaign(t, cast.innovation, [cast.reviewer], { criteria: CRITERIA, advanceTopN: 2 });
    if (stage === 'draft') return { campaign };
    await transition(t, cast.innovation, campaign.id, 'open');
    const idea = await submitIdea(t, cast.author, campaign.id);
    const other = await submitIdea(t, cast.employee, campaign.id);
    if (stage === 'open') return { campaign, idea, other };
    await transition(t, cast.innovation, campaign.id, 'advance');
    if (stage === 'review') return { campaign, idea, other };
    await auth(t.http.post(`/api/ideas/${idea.id}/decision`), cast.innovation)
      .send({ status: 'selected' })
      .expect(200);
    return { campaign, idea, other };
  }

  describe.each(ROUTES)('$name', (route) => {
    it.each(CALLERS.map((caller, i) => [caller, route.expected[i]] as const))('%s → %i', async (caller, expected) => {
      const f = await fixture(route.stage);
      const res = await route.call(t, f, cast[caller]);
      expect({ status: res.status, body: res.status === expected ? undefined : res.body }).toEqual({
        status: expected,
        body: undefined,
      });
    });
  });

  it.each(ROUTES)('$name without a token is 401', async (route) => {
    const f = await fixture(route.stage);
    const anonymous = { ...cast.employee, auth: 'Bearer not.a.token' };
    expect((await route.call(t, f, anonymous)).status).toBe(401);
  });

  it('POST /campaigns: only the innovation team (201), everyone else 403', async () => {
    for (const caller of CALLERS) {
      const res = await auth(t.http.post('/api/campaigns'), cast[caller]).send({
        title: 'By anyone?',
        description: 'x',
        criteria: CRITERIA,
        reviewerIds: [cast.reviewer.id],
        advanceTopN: 1,
      });
      expect([caller, res.status]).toEqual([caller, caller === 'innovation' ? 201 : 403]);
    }
  });

  it('losing the innovation role takes effect at once', async () => {
    const former = await registerInnovator(t, admin, 'Former innovation manager');
    const campaign = await createCampaign(t, former, [cast.reviewer]);
    await auth(t.http.put(`/api/admin/users/${former.id}/roles`), admin)
      .send({ roles: [] })
      .expect(200);
    expect((await auth(t.http.post(`/api/campaigns/${campaign.id}/open`), former)).status).toBe(403);
    expect((await auth(t.http.get(`/api/campaigns/${campaign.id}`), former)).status).toBe(404);
  });
});
