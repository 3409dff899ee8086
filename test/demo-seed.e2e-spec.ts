import { JsonLogger } from '@ruche/platform';
import { DEMO_PASSWORD, type DemoLogin, seedDemoIfEmpty } from '../apps/api/src/demo/demo-seed.js';
import { startTestApp, type TestApp } from './support/test-app.js';

interface Post {
  id: string;
  groupId: string | null;
  author: { id: string };
  mentions: string[];
  commentCount: number;
  reactions: Record<string, number>;
}

describe('demo data: the "Ruche demo" company, seeded through the public API', () => {
  let t: TestApp;
  let logins: DemoLogin[];
  const logger = new JsonLogger('error');

  const login = async (email: string) => {
    const res = await t.http.post('/api/auth/login').send({ email, password: DEMO_PASSWORD });
    expect(res.status).toBe(200);
    return { id: res.body.user.id as string, auth: `Bearer ${res.body.accessToken}` };
  };
  const companyFeed = async (auth: string): Promise<Post[]> => {
    const res = await t.http.get('/api/feed?scope=company&limit=100').set('Authorization', auth);
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const count = async (table: string) => Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);

  beforeAll(async () => {
    t = await startTestApp();
    logins = await seedDemoIfEmpty(t.app, logger);
  }, 120_000);
  afterAll(() => t?.close());

  it('returns a login for each of the twelve people, one shared password, the admin first', () => {
    expect(logins).toHaveLength(12);
    expect(new Set(logins.map((l) => l.email)).size).toBe(12);
    expect(logins.every((l) => l.password === DEMO_PASSWORD && l.password.length >= 10)).toBe(true);
    expect(logins[0]).toMatchObject({ email: 'camille.martin@demo.ruche.example', roles: 'admin' });
    expect(logins.filter((l) => l.roles.includes('innovation'))).toHaveLength(1);
    expect(logins.filter((l) => l.roles.includes('moderator'))).toHaveLength(1);
  });

  it('makes Camille the admin and gives out the innovation and moderator roles', async () => {
    const camille = await login(logins[0].email);
    const me = await t.http.get('/api/me').set('Authorization', camille.auth);
    expect(me.body).toMatchObject({ displayName: 'Camille Martin', roles: expect.arrayContaining(['admin']) });
    for (const role of ['innovation', 'moderator']) {
      const person = await login(logins.find((l) => l.roles.includes(role))!.email);
      const res = await t.http.get('/api/me').set('Authorization', person.auth);
      expect(res.body.roles).toContain(role);
    }
  });

  it('fills in profiles, declared skills, endorsements and follows', async () => {
    const camille = await login(logins[0].email);
    const thomas = await login('thomas.dubois@demo.ruche.example');
    const res = await t.http.get(`/api/users/${thomas.id}`).set('Authorization', camille.auth);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      displayName: 'Thomas Dubois',
      title: 'Staff Engineer',
      department: 'Engineering',
      location: 'Lyon',
    });
    const kubernetes = res.body.skills.find((s: { name: string }) => s.name === 'Kubernetes');
    expect(kubernetes.endorsements).toBeGreaterThanOrEqual(3);
    expect(res.body.followers).toBeGreaterThan(0);
    expect(res.body.following).toBeGreaterThan(0);

    const head = await t.http.get(`/api/users/${camille.id}`).set('Authorization', thomas.auth);
    expect(head.body.followers).toBe(11);
  });

  it('publishes about 25 posts with mentions, comments and reactions', async () => {
    const camille = await login(logins[0].email);
    const posts = (await companyFeed(camille.auth)).filter((p) => p.groupId === null);
    expect(posts).toHaveLength(25);
    expect(posts.filter((p) => p.mentions.length > 0).length).toBeGreaterThanOrEqual(10);
    expect(posts.every((p) => p.commentCount > 0)).toBe(true);
    const reactions = posts.reduce((n, p) => n + Object.values(p.reactions).reduce((a, b) => a + b, 0), 0);
    expect(reactions).toBeGreaterThan(50);
    expect(new Set(posts.map((p) => p.author.id)).size).toBe(12);

    const comments = await t.http.get(`/api/posts/${posts[posts.length - 1].id}/comments`).set('Authorization', camille.auth);
    expect(comments.status).toBe(200);
    expect(comments.body.items.length).toBeGreaterThan(0);
  });

  it("fills a follower's home feed", async () => {
    const chloe = await login('chloe.lambert@demo.ruche.example');
    const res = await t.http.get('/api/feed').set('Authorization', chloe.auth);
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThan(5);
  });

  it('creates communities, and a private one stays private', async () => {
    const thomas = await login('thomas.dubois@demo.ruche.example');
    const priya = await login('priya.patel@demo.ruche.example');
    const visibleToThomas = await t.http.get('/api/groups?limit=100').set('Authorization', thomas.auth);
    const names = visibleToThomas.body.items.map((g: { name: string }) => g.name);
    expect(names).toEqual(expect.arrayContaining(['Cloud & Kubernetes', 'Service client Lyon']));
    expect(names).not.toContain('Projet Atlas (confidentiel)');
    const mine = await t.http.get('/api/groups?mine=true&limit=100').set('Authorization', priya.auth);
    const atlas = mine.body.items.find((g: { name: string }) => g.name === 'Projet Atlas (confidentiel)');
    expect(atlas).toMatchObject({ visibility: 'private', memberCount: 4 });
    const feed = await t.http.get(`/api/groups/${atlas.id}/feed`).set('Authorization', priya.auth);
    expect(feed.body.items).toHaveLength(1);
    expect((await t.http.get(`/api/groups/${atlas.id}/feed`).set('Authorization', thomas.auth)).status).toBe(404);
  });

  it('opens an idea campaign whose ideas already have votes and comments', async () => {
    const chloe = await login('chloe.lambert@demo.ruche.example');
    const campaigns = await t.http.get('/api/campaigns').set('Authorization', chloe.auth);
    expect(campaigns.status).toBe(200);
    expect(campaigns.body.items).toHaveLength(1);
    const [campaign] = campaigns.body.items;
    expect(campaign).toMatchObject({ status: 'open', ideaCount: 3 });
    const ideas = await t.http.get(`/api/campaigns/${campaign.id}/ideas?sort=top`).set('Authorization', chloe.auth);
    expect(ideas.body.items.map((i: { voteCount: number }) => i.voteCount)).toEqual([6, 4, 3]);
  });

  it('seeds nothing on a database that already has users', async () => {
    const camille = await login(logins[0].email);
    const usersBefore = await count('users');
    const postsBefore = (await companyFeed(camille.auth)).length;
    expect(await seedDemoIfEmpty(t.app, logger)).toEqual([]);
    expect(await count('users')).toBe(usersBefore);
    expect((await companyFeed(camille.auth)).length).toBe(postsBefore);
  });
});
