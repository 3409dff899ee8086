import { createGroup } from './factories/group.factory.js';
import { postIn } from './factories/notification.factory.js';
import { registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

/**
 * Large tables are searched in their newest 2,000 rows first (RECENT_WINDOW in
 * libs/platform/src/search/full-text.ts); the whole table, through the GIN index, only when the
 * window holds fewer than 10 matches. Both paths keep a private group's posts from outsiders.
 */
describe('search: the newest rows first, the whole table for rare words', () => {
  const t = useTestApp();
  let alice: TestUser, bob: TestUser, insider: TestUser;
  let privateGroup: { id: string };

  beforeAll(async () => {
    [alice, bob, insider] = await registerUsers(t, ['Alice Archive', 'Bob Browser', 'Ines Insider']);
    privateGroup = await createGroup(t, insider, { visibility: 'private' });
  });

  const postIds = async (viewer: TestUser, q: string): Promise<string[]> => {
    const res = await t.http.get('/api/search').query({ q, type: 'post', limit: 50 }).set('Authorization', viewer.auth);
    expect(res.status).toBe(200);
    return res.body.items.map((hit: { id: string }) => hit.id);
  };

  it('finds a rare word in a post older than the newest 2,000, and never a private group post', async () => {
    const old = await postIn(t, alice, 'Le xylophoniste arrive lundi');
    const secret = await postIn(t, insider, 'Le xylophoniste du groupe privé', privateGroup.id);
    // Newer posts that say something else, written in bulk: only their number and age matter.
    await t.sql(`INSERT INTO posts (author_id, body) SELECT $1, 'Remplissage ' || g FROM generate_series(1, 2050) g`, [alice.id]);

    expect(await postIds(bob, 'xylophoniste')).toEqual([old.id]);
    expect((await postIds(insider, 'xylophoniste')).sort()).toEqual([old.id, secret.id].sort());
  });

  it('answers a word common among the newest rows from them, and never a private group post', async () => {
    const open = [];
    for (let i = 0; i < 12; i++) open.push((await postIn(t, alice, `Photo de banquise ${i}`)).id);
    const secret = await postIn(t, insider, 'La banquise du groupe privé', privateGroup.id);

    expect((await postIds(bob, 'banquise')).sort()).toEqual([...open].sort());
    expect((await postIds(insider, 'banquise')).sort()).toEqual([...open, secret.id].sort());
  });
});
