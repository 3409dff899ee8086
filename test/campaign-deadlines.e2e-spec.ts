import { CampaignPhasesService } from '@ruche/ideas';
import { expectStatus } from './factories/expect-status.js';
import { CRITERIA, registerInnovator, submitIdea, transition, vote } from './factories/idea.factory.js';
import { actingAs, registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

interface CampaignBody {
  id: string;
  status: string;
  closesAt: string | null;
  history: { status: string; by: { id: string } | null }[];
}

const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();

/**
 * Campaign deadlines (#16): `closesAt` on create and edit (in the future, or a 400 and nothing
 * written), and an open campaign advancing by itself at its deadline (the same advance as the
 * manual one: top N in review, the rest not selected) through a one-off job, once, rescheduled
 * when the deadline moves, and one advance when the manual advance and the deadline race.
 * Real HTTP, PostgreSQL and the job engine (pg-boss).
 */
describe('campaign deadlines', () => {
  const t = useTestApp();
  let admin: TestUser, innovator: TestUser, reviewer: TestUser, alice: TestUser, bob: TestUser, carol: TestUser;

  const as = (user: TestUser) => actingAs(t, user);
  const create = (body: object = {}) =>
    as(innovator).post('/api/campaigns', {
      title: 'Travel less',
      description: 'How could we meet better?',
      criteria: CRITERIA,
      reviewerIds: [reviewer.id],
      advanceTopN: 1,
      ...body,
    });
  const campaignOf = async (id: string): Promise<CampaignBody> => {
    const res = await as(alice).get(`/api/campaigns/${id}`);
    expectStatus(res, 200, 'GET campaign');
    return res.body;
  };
  const count = async (table: string) => Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const advances = async (id: string) =>
    Number(
      (
        await t.sql<{ n: string }>(
          `SELECT count(*) AS n FROM campaign_transitions WHERE campaign_id = $1 AND to_status = 'review'`,
          [id],
        )
      )[0].n,
    );
  /** Waits (bounded) until the campaign leaves `open`. */
  const untilAdvanced = async (id: string, withinMs = 20_000): Promise<CampaignBody> => {
    const deadline = Date.now() + withinMs;
    for (;;) {
      const campaign = await campaignOf(id);
      if (campaign.status !== 'open' || Date.now() > deadline) return campaign;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
  /** An open campaign with a deadline `ms` from now and three ideas: 2 votes, 1 vote, none. */
  const openWithIdeas = async (ms: number) => {
    const created = await create({ closesAt: inMs(ms) });
    expectStatus(created, 201, 'create');
    await transition(t, innovator, created.body.id, 'open');
    const ideas = [];
    for (const author of [alice, bob, carol]) ideas.push(await submitIdea(t, author, created.body.id));
    await vote(t, bob, ideas[0].id);
    await vote(t, carol, ideas[0].id);
    await vote(t, alice, ideas[1].id);
    return { campaign: created.body as CampaignBody, ideas };
  };
  const statusOf = async (ideaId: string) => (await as(alice).get(`/api/ideas/${ideaId}`)).body.status as string;

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Admin' });
    innovator = await registerInnovator(t, admin, 'Ivy Innovation');
    [reviewer, alice, bob, carol] = await registerUsers(t, ['Rita Reviewer', 'Alice', 'Bob', 'Carol']);
  });

  it('takes a deadline in the future on create and shows it in the views', async () => {
    const closesAt = inMs(3 * 86_400_000);
    const res = await create({ closesAt });
    expect(res.status).toBe(201);
    expect(res.body.closesAt).toBe(new Date(closesAt).toISOString());
    const none = await create();
    expect(none.body.closesAt).toBeNull();
    const listed = await as(innovator).get('/api/campaigns?status=draft');
    expect(listed.body.items.find((c: CampaignBody) => c.id === res.body.id).closesAt).toBe(res.body.closesAt);
  });

  it('refuses a deadline in the past, not a date, or more than a year ahead with a 400, writing nothing', async () => {
    const before = await count('campaigns');
    for (const closesAt of [inMs(-60_000), 'next friday', '2026-13-01T00:00:00Z', inMs(400 * 86_400_000), 12, true]) {
      const res = await create({ closesAt });
      expect({ closesAt, status: res.status }).toEqual({ closesAt, status: 400 });
    }
    expect(await count('campaigns')).toBe(before);
    const draft = (await create()).body as CampaignBody;
    expect((await as(innovator).patch(`/api/campaigns/${draft.id}`, { closesAt: inMs(-1000) })).status).toBe(400);
    expect((await campaignOf(draft.id).catch(() => null))?.closesAt ?? null).toBeNull();
  });

  it('lets only the deadline change once open, by the innovation team only', async () => {
    const { campaign } = await openWithIdeas(3_600_000);
    const later = inMs(7_200_000);
    expect((await as(alice).patch(`/api/campaigns/${campaign.id}`, { closesAt: later })).status).toBe(403);
    expect((await as(innovator).patch(`/api/campaigns/${campaign.id}`, { title: 'Renamed', closesAt: later })).status).toBe(409);
    const moved = await as(innovator).patch(`/api/campaigns/${campaign.id}`, { closesAt: later });
    expectStatus(moved, 200, 'PATCH closesAt');
    expect(moved.body.closesAt).toBe(new Date(later).toISOString());
    const cleared = await as(innovator).patch(`/api/campaigns/${campaign.id}`, { closesAt: null });
    expect(cleared.body.closesAt).toBeNull();
    expect((await campaignOf(campaign.id)).status).toBe('open');
  });

  it('advances by itself at the deadline: the top ideas in review, the rest not selected, once', async () => {
    // Ideas and votes first (however long that takes on a busy machine), then a deadline 2 s away.
    const { campaign, ideas } = await openWithIdeas(3_600_000);
    expectStatus(await as(innovator).patch(`/api/campaigns/${campaign.id}`, { closesAt: inMs(2_000) }), 200, 'deadline');
    expect((await campaignOf(campaign.id)).status).toBe('open');
    const after = await untilAdvanced(campaign.id);
    expect(after.status).toBe('review');
    // Nobody moved it: the phase history records no actor.
    expect(after.history.at(-1)).toEqual(expect.objectContaining({ status: 'review', by: null }));
    expect([await statusOf(ideas[0].id), await statusOf(ideas[1].id), await statusOf(ideas[2].id)]).toEqual([
      'in_review',
      'not_selected',
      'not_selected',
    ]);
    // Voting is closed, as after a manual advance.
    expect((await as(alice).put(`/api/ideas/${ideas[0].id}/vote`)).status).toBe(409);
    await t.settle();
    expect(await advances(campaign.id)).toBe(1);
  });

  it('follows a moved deadline: the old one does nothing, the new one advances', async () => {
    const { campaign } = await openWithIdeas(3_600_000);
    const first = (await campaignOf(campaign.id)).closesAt!;
    expectStatus(await as(innovator).patch(`/api/campaigns/${campaign.id}`, { closesAt: inMs(7_200_000) }), 200, 'move later');
    // The job of the first deadline, run when due, finds the deadline moved and does nothing.
    const phases = t.app.get(CampaignPhasesService);
    const due = new Date(Date.parse(first) + 1000);
    expect(await phases.advanceAtDeadline({ campaignId: campaign.id, closesAt: first }, due)).toBe('moved');
    expect((await campaignOf(campaign.id)).status).toBe('open');
    // Moved sooner: the new deadline's job advances it.
    expectStatus(await as(innovator).patch(`/api/campaigns/${campaign.id}`, { closesAt: inMs(1_500) }), 200, 'move sooner');
    expect((await untilAdvanced(campaign.id)).status).toBe('review');
    expect(await advances(campaign.id)).toBe(1);
  });

  it('does nothing for a deadline that was cleared', async () => {
    const { campaign } = await openWithIdeas(3_600_000);
    const first = (await campaignOf(campaign.id)).closesAt!;
    expectStatus(await as(innovator).patch(`/api/campaigns/${campaign.id}`, { closesAt: null }), 200, 'clear');
    const phases = t.app.get(CampaignPhasesService);
    expect(await phases.advanceAtDeadline({ campaignId: campaign.id, closesAt: first }, new Date(Date.parse(first) + 1000))).toBe(
      'moved',
    );
    expect((await campaignOf(campaign.id)).status).toBe('open');
  });

  it('leaves one advance when the manual advance and the deadline race', async () => {
    const { campaign, ideas } = await openWithIdeas(3_600_000);
    const { closesAt } = await campaignOf(campaign.id);
    const phases = t.app.get(CampaignPhasesService);
    // The deadline's job as it runs when due (its clock past the deadline), against manual advances.
    const late = new Date(Date.parse(closesAt!) + 1000);
    const results = await Promise.all([
      phases.advanceAtDeadline({ campaignId: campaign.id, closesAt: closesAt! }, late),
      as(innovator).post(`/api/campaigns/${campaign.id}/advance`),
      phases.advanceAtDeadline({ campaignId: campaign.id, closesAt: closesAt! }, late),
      as(innovator).post(`/api/campaigns/${campaign.id}/advance`),
    ]);
    expect(results.filter((r) => typeof r !== 'string').map((r) => (r as { status: number }).status)).toEqual([200, 200]);
    expect(results.filter((r) => typeof r === 'string').every((r) => r === 'advanced' || r === 'not open')).toBe(true);
    expect(await advances(campaign.id)).toBe(1);
    expect(await statusOf(ideas[0].id)).toBe('in_review');
    // Its job at the real deadline later finds the campaign in review and does nothing.
    expect(await phases.advanceAtDeadline({ campaignId: campaign.id, closesAt: closesAt! }, late)).toBe('not open');
  });

  it('refuses to open a campaign whose deadline has passed (409), until it gets a new one', async () => {
    const created = (await create({ closesAt: inMs(3_600_000) })).body as CampaignBody;
    // The draft waited past its deadline.
    await t.sql(`UPDATE campaigns SET closes_at = now() - interval '1 minute' WHERE id = $1`, [created.id]);
    expect((await as(innovator).post(`/api/campaigns/${created.id}/open`)).status).toBe(409);
    expectStatus(await as(innovator).patch(`/api/campaigns/${created.id}`, { closesAt: inMs(3_600_000) }), 200, 'new deadline');
    expect((await transition(t, innovator, created.id, 'open')).status).toBe('open');
  });
});
