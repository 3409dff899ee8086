import { addMember, createGroup } from './factories/group.factory.js';
import { registerModerator, report, resolve } from './factories/moderation.factory.js';
import { postIn } from './factories/notification.factory.js';
import { actingAs, registerUser, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

interface Trending {
  items: { tag: string; posts: number }[];
  since: string;
}

/**
 * GET /api/topics/trending (#16): the hashtags with the most posts in the last 7 days among the
 * posts the caller may see, counted exactly, under the feed's one visibility rule.
 */
describe('trending topics', () => {
  const t = useTestApp();
  let admin: TestUser, alice: TestUser, bob: TestUser, carol: TestUser, moderator: TestUser;

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Root' });
    alice = await registerUser(t, { displayName: 'Alice Martin' });
    bob = await registerUser(t, { displayName: 'Bob Stone' });
    carol = await registerUser(t, { displayName: 'Carol Outsider' });
    moderator = await registerModerator(t, admin, 'Mo');
  });

  const trending = async (viewer: TestUser, query = '') => {
    const res = await actingAs(t, viewer).get(`/api/topics/trending${query}`);
    expect(res.status).toBe(200);
    return res.body as Trending;
  };
  const counts = async (viewer: TestUser, query = '?limit=20') =>
    Object.fromEntries((await trending(viewer, query)).items.map((item) => [item.tag, item.posts]));

  it('counts each post once per tag, any letter case, most posts first, over the last 7 days', async () => {
    await postIn(t, alice, 'Kick-off for #Onboarding and #rust');
    await postIn(t, bob, '#onboarding #ONBOARDING twice in one post counts once');
    await postIn(t, bob, 'More #onboarding, and #rust');
    await postIn(t, alice, 'A lone #garden');
    const before = Date.now();
    const body = await trending(bob);
    expect(body.items.slice(0, 3)).toEqual([
      { tag: 'onboarding', posts: 3 },
      { tag: 'rust', posts: 2 },
      { tag: 'garden', posts: 1 },
    ]);
    expect(Math.abs(Date.parse(body.since) - (before - 7 * 24 * 3600_000))).toBeLessThan(60_000);
  });

  it("shows a private group's hashtag to its members only", async () => {
    const group = await createGroup(t, alice, { visibility: 'private' });
    await addMember(t, alice, group.id, bob);
    await postIn(t, alice, 'Secret plans for #projectx', group.id);
    await postIn(t, bob, 'Still on #projectx', group.id);
    const open = await createGroup(t, alice, { visibility: 'public' });
    await postIn(t, alice, 'Open #cafeteria news', open.id);
    expect((await counts(bob)).projectx).toBe(2);
    expect((await counts(alice)).projectx).toBe(2);
    const outsider = await counts(carol);
    expect(outsider.projectx).toBeUndefined();
    expect(outsider.cafeteria).toBe(1);
  });

  it('leaves out hidden and deleted posts, for moderators too, and follows edits', async () => {
    const hidden = await postIn(t, bob, 'Rude words about #canteen');
    await postIn(t, alice, 'Nice #canteen');
    const filed = await report(t, alice, hidden.id);
    await resolve(t, moderator, filed.id, 'hide');
    await t.settle(); // moderation hides through an event the feed applies
    expect((await counts(carol)).canteen).toBe(1);
    expect((await counts(moderator)).canteen).toBe(1);

    const gone = await postIn(t, alice, 'Soon gone #canteen');
    expect((await counts(carol)).canteen).toBe(2);
    expect((await actingAs(t, alice).delete(`/api/posts/${gone.id}`)).status).toBe(204);
    expect((await counts(carol)).canteen).toBe(1);

    const edited = await postIn(t, alice, 'About #parking');
    expect((await actingAs(t, alice).patch(`/api/posts/${edited.id}`, { body: 'About #carpool now' })).status).toBe(200);
    const after = await counts(carol);
    expect(after.parking).toBeUndefined();
    expect(after.carpool).toBe(1);
  });

  it('does not count posts older than 7 days', async () => {
    const old = await postIn(t, alice, 'Last month #retro');
    await postIn(t, alice, 'This week #retro');
    expect((await counts(carol)).retro).toBe(2);
    const eightDaysAgo = "now() - interval '8 days'";
    await t.sql(`UPDATE posts SET created_at = ${eightDaysAgo} WHERE id = $1`, [old.id]);
    await t.sql(`UPDATE post_hashtags SET created_at = ${eightDaysAgo} WHERE post_id = $1`, [old.id]);
    expect((await counts(carol)).retro).toBe(1);
  });

  it('answers `limit` topics (5 by default), and refuses a bad limit with a 400', async () => {
    expect((await trending(carol)).items).toHaveLength(5);
    expect((await trending(carol, '?limit=2')).items.map((i) => i.tag)).toEqual(['onboarding', 'rust']);
    for (const bad of ['0', '21', '-1', 'abc', '2.5']) {
      const res = await actingAs(t, carol).get(`/api/topics/trending?limit=${bad}`);
      expect(res.status).toBe(400);
    }
    expect((await actingAs(t, carol).get('/api/topics/trending?other=1')).status).toBe(400);
    expect((await t.http.get('/api/topics/trending')).status).toBe(401);
  });
});
