import type { IdeaView, ReviewView } from '@ruche/contracts';
import type { TestApp } from '../support/test-app.js';
import { expectBody } from './expect-status.js';
import { actingAs, registerUser, type TestUser } from './user.factory.js';

export interface Person {
  id: string;
  handle: string;
  displayName: string;
}

export interface CampaignBody {
  id: string;
  title: string;
  description: string;
  topics: string[];
  criteria: { name: string; weight: number }[];
  reviewerIds: string[];
  reviewers: Person[];
  advanceTopN: number;
  status: 'draft' | 'open' | 'review' | 'closed';
  ideaCount: number;
  isReviewer: boolean;
  createdBy: Person | null;
  history: { status: string; by: Person | null; at: string }[];
  createdAt: string;
  updatedAt: string;
}

/** An idea with its reviews, as `GET /api/ideas/:id` answers it. */
export interface IdeaDetailBody extends IdeaView {
  reviews: ReviewView[];
}

/** The default scorecard: impact counts three times as much as feasibility. */
export const CRITERIA = [
  { name: 'Impact', weight: 3 },
  { name: 'Feasibility', weight: 1 },
];

let counter = 0;

/** Gives `user` the innovation role (the site admin does it through the API). */
export async function grantInnovation(t: TestApp, siteAdmin: TestUser, user: TestUser): Promise<TestUser> {
  const { roles } = await expectBody<{ roles: string[] }>(
    actingAs(t, siteAdmin).put(`/api/admin/users/${user.id}/roles`, { roles: ['innovation'] }),
    200,
    'PUT roles',
  );
  return { ...user, roles };
}

/** A fresh account with the innovation role. */
export async function registerInnovator(t: TestApp, siteAdmin: TestUser, displayName = 'Innovation Manager'): Promise<TestUser> {
  return grantInnovation(t, siteAdmin, await registerUser(t, { displayName }));
}

/** A draft campaign through the real API (default scorecard, top 2 advance); fails the test on anything but 201. */
export async function createCampaign(
  t: TestApp,
  innovator: TestUser,
  reviewers: { id: string }[],
  body: Partial<{
    title: string;
    description: string;
    topics: string[];
    criteria: { name: string; weight: number }[];
    advanceTopN: number;
    closesAt: string;
  }> = {},
): Promise<CampaignBody> {
  return expectBody(
    actingAs(t, innovator).post('/api/campaigns', {
      title: `Campaign ${++counter}`,
      description: 'How could we travel less and meet better?',
      criteria: CRITERIA,
      reviewerIds: reviewers.map((r) => r.id),
      advanceTopN: 2,
      ...body,
    }),
    201,
    'POST /api/campaigns',
  );
}

export async function transition(
  t: TestApp,
  innovator: TestUser,
  campaignId: string,
  action: 'open' | 'advance' | 'close',
): Promise<CampaignBody> {
  return expectBody(actingAs(t, innovator).post(`/api/campaigns/${campaignId}/${action}`), 200, `POST ${action}`);
}

/** A campaign already open for ideas. */
export async function openCampaign(
  t: TestApp,
  innovator: TestUser,
  reviewers: { id: string }[],
  body: Parameters<typeof createCampaign>[3] = {},
): Promise<CampaignBody> {
  const campaign = await createCampaign(t, innovator, reviewers, body);
  return transition(t, innovator, campaign.id, 'open');
}

export async function submitIdea(
  t: TestApp,
  author: TestUser,
  campaignId: string,
  body: Partial<{ title: string; body: string }> = {},
): Promise<IdeaView> {
  const n = ++counter;
  return expectBody(
    actingAs(t, author).post(`/api/campaigns/${campaignId}/ideas`, {
      title: `Idea ${n}`,
      body: `What idea ${n} is about`,
      ...body,
    }),
    201,
    'POST ideas',
  );
}

/** An idea by `author`, the only one of its campaign, moved to review (the campaign advanced, top 1). */
export async function ideaInReview(
  t: TestApp,
  innovator: TestUser,
  reviewers: { id: string }[],
  author: TestUser,
): Promise<IdeaView> {
  const campaign = await openCampaign(t, innovator, reviewers, { advanceTopN: 1 });
  const idea = await submitIdea(t, author, campaign.id);
  await transition(t, innovator, campaign.id, 'advance');
  return idea;
}

export async function vote(t: TestApp, voter: TestUser, ideaId: string): Promise<{ voteCount: number; myVote: boolean }> {
  return expectBody(actingAs(t, voter).put(`/api/ideas/${ideaId}/vote`), 200, 'PUT vote');
}

export async function review(
  t: TestApp,
  reviewer: TestUser,
  ideaId: string,
  scores: Record<string, number>,
  comment = 'Solid idea, clear benefits.',
): Promise<ReviewView> {
  return expectBody(actingAs(t, reviewer).post(`/api/ideas/${ideaId}/reviews`, { scores, comment }), 201, 'POST review');
}

export async function ideaOf(t: TestApp, viewer: TestUser, ideaId: string): Promise<IdeaDetailBody> {
  return expectBody(actingAs(t, viewer).get(`/api/ideas/${ideaId}`), 200, `GET /api/ideas/${ideaId}`);
}

/** Registers `n` people at once (a few in parallel: password hashing dominates). */
export async function registerCrowd(t: TestApp, n: number, batch = 20): Promise<TestUser[]> {
  const people: TestUser[] = [];
  for (let i = 0; i < n; i += batch) {
    people.push(...(await Promise.all(Array.from({ length: Math.min(batch, n - i) }, () => registerUser(t)))));
  }
  return people;
}
