import { EventBus, type PublishedEvent, toPublishedEvent } from '@ruche/platform';
import { openCampaign, registerInnovator, review, submitIdea, transition } from './factories/idea.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

type OutboxRow = Parameters<typeof toPublishedEvent>[0];

/**
 * Idea reviews earn the reviewer expertise on the campaign's topics once per review
 * (`expertise_review_credits`): a `review.created` delivered again, or twice at once as two
 * instances might, moves the `reviews` counter once.
 *
 * The ideas payload carries the campaign's topics (#17): the real event credits the review once,
 * and the test hands the listener that same event again, as a retry or a second instance would.
 */
describe('expertise: idea review credits', () => {
  const t = useTestApp();
  let admin: TestUser;
  let innovator: TestUser;
  let reviewer: TestUser;
  let author: TestUser;

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Site Admin' });
    innovator = await registerInnovator(t, admin);
    reviewer = await registerUser(t, { displayName: 'Rhea Reviewer' });
    author = await registerUser(t, { displayName: 'Idris Ideas' });
  });

  const reviewsOf = async (user: TestUser, topic: string) => {
    const [row] = await t.sql<{ reviews: number }>('SELECT reviews FROM expertise WHERE user_id = $1 AND topic = $2', [
      user.id,
      topic,
    ]);
    return row?.reviews ?? 0;
  };
  /** A real review of a new idea in a campaign on `topics`, and its `review.created` with those topics added. */
  const reviewed = async (topics: string[]): Promise<PublishedEvent> => {
    const campaign = await openCampaign(t, innovator, [reviewer], { topics, advanceTopN: 1 });
    const idea = await submitIdea(t, author, campaign.id);
    await transition(t, innovator, campaign.id, 'advance');
    const done = await review(t, reviewer, idea.id, { Impact: 4, Feasibility: 3 });
    await t.settle();
    const [row] = await t.sql<OutboxRow>(
      `SELECT id, seq, type, payload, audience, subject_type, subject_id, actor_id, created_at
         FROM outbox WHERE type = 'review.created' AND payload->'review'->>'id' = $1`,
      [done.id],
    );
    const event = toPublishedEvent(row);
    return { ...event, payload: { ...(event.payload as object), topics } } as unknown as PublishedEvent;
  };

  it('a review.created delivered again, or twice at once, counts the review once', async () => {
    const event = await reviewed(['Data Mesh']);
    expect(await reviewsOf(reviewer, 'data mesh')).toBe(1);

    const bus = t.app.get(EventBus);
    await bus.deliver(event);
    await bus.deliver(event);
    await Promise.all([bus.deliver(event), bus.deliver(event)]);
    await t.settle();
    expect(await reviewsOf(reviewer, 'data mesh')).toBe(1);
    const credits = await t.sql<{ user_id: string; topics: string[]; event_id: string }>(
      'SELECT user_id, topics, event_id FROM expertise_review_credits WHERE review_id = $1',
      [(event.payload as { review: { id: string } }).review.id],
    );
    expect(credits).toEqual([{ user_id: reviewer.id, topics: ['data mesh'], event_id: String(event.eventId) }]);

    // Another review is another credit.
    const next = await reviewed(['Data Mesh']);
    await bus.deliver(next);
    await bus.deliver(next);
    await t.settle();
    expect(await reviewsOf(reviewer, 'data mesh')).toBe(2);
  });

  it('a review.created without a review id counts nothing (no key to count it once by)', async () => {
    const event = await reviewed(['Event Sourcing']);
    expect(await reviewsOf(reviewer, 'event sourcing')).toBe(1);
    const payload = event.payload as unknown as { review: Record<string, unknown> };
    const { id: _id, ...anonymous } = payload.review;
    await t.app.get(EventBus).deliver({ ...event, payload: { ...payload, review: anonymous } } as unknown as PublishedEvent);
    await t.settle();
    expect(await reviewsOf(reviewer, 'event sourcing')).toBe(1);
  });
});
