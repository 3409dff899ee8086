import { JsonLogger } from '@ruche/platform';
import { DEMO_PASSWORD, type DemoLogin, seedDemoIfEmpty } from '../apps/api/src/demo/demo-seed.js';
import { useTestApp } from './support/test-app.js';

interface Post {
  id: string;
  groupId: string | null;
  author: { id: string };
  mentions: string[];
  commentCount: number;
  reactions: Record<string, number>;
}

describe('demo data: the "Ruche demo" company, seeded through the public API', () => {
  const t = useTestApp({}, 400_000);
  let logins: DemoLogin[];
  /** When the seeding really began: everything it wrote is dated before (six weeks of history). */
  let seededAt: Date;
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
    [{ now: seededAt }] = await t.sql<{ now: Date }>('SELECT now()');
    logins = await seedDemoIfEmpty(t.app, logger);
  }, 400_000);

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
    // The eleven others from the first day, and the five people hired since.
    expect(head.body.followers).toBe(16);
  });

  it('publishes some 55 posts with mentions, comments and reactions', async () => {
    const camille = await login(logins[0].email);
    const posts = (await companyFeed(camille.auth)).filter((p) => p.groupId === null);
    expect(posts.length).toBeGreaterThanOrEqual(55);
    expect(posts.filter((p) => p.mentions.length > 0).length).toBeGreaterThanOrEqual(10);
    expect(posts.every((p) => p.commentCount > 0)).toBe(true);
    const reactions = posts.reduce((n, p) => n + Object.values(p.reactions).reduce((a, b) => a + b, 0), 0);
    expect(reactions).toBeGreaterThan(50);
    // The twelve from the first day, and two of the people hired since.
    expect(new Set(posts.map((p) => p.author.id)).size).toBe(14);

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
    expect(feed.body.items).toHaveLength(4);
    expect((await t.http.get(`/api/groups/${atlas.id}/feed`).set('Authorization', thomas.auth)).status).toBe(404);
  });

  it('opens an idea campaign whose ideas already have votes and comments', async () => {
    const chloe = await login('chloe.lambert@demo.ruche.example');
    const campaigns = await t.http.get('/api/campaigns').set('Authorization', chloe.auth);
    expect(campaigns.status).toBe(200);
    const open = campaigns.body.items.filter((c: { status: string }) => c.status === 'open');
    expect(open).toHaveLength(1);
    const [campaign] = open;
    expect(campaign).toMatchObject({ status: 'open', ideaCount: 3 });
    const ideas = await t.http.get(`/api/campaigns/${campaign.id}/ideas?sort=top`).set('Authorization', chloe.auth);
    expect(ideas.body.items.map((i: { voteCount: number }) => i.voteCount)).toEqual([6, 4, 3]);
  });

  describe('six weeks of history', () => {
    const day = (d: Date | string) => new Date(d).toISOString().slice(0, 10);
    const weeksAgo = (n: number) => new Date(seededAt.getTime() - n * 7 * 86_400_000);

    it('dates posts, comments and reactions over six weeks, by many people on many days, all before the seeding', async () => {
      const [span] = await t.sql<{ first: Date; last: Date; days: number; authors: number }>(
        `SELECT min(created_at) AS first, max(created_at) AS last,
                count(DISTINCT (created_at AT TIME ZONE 'UTC')::date)::int AS days, count(DISTINCT author_id)::int AS authors
           FROM posts`,
      );
      expect(span.first.getTime()).toBeLessThan(weeksAgo(5.5).getTime());
      expect(span.last.getTime()).toBeGreaterThan(weeksAgo(0.5).getTime());
      expect(span.days).toBeGreaterThanOrEqual(25);
      expect(span.authors).toBe(14);
      // Order kept: no comment before its post, no answer before its question.
      const [inverted] = await t.sql<{ comments: number; answers: number; reactions: number }>(
        `SELECT (SELECT count(*) FROM post_comments c JOIN posts p ON p.id = c.post_id WHERE c.created_at < p.created_at)::int AS comments,
                (SELECT count(*) FROM answers a JOIN questions q ON q.id = a.question_id WHERE a.created_at < q.created_at)::int AS answers,
                (SELECT count(*) FROM post_reactions r JOIN posts p ON p.id = r.post_id WHERE r.created_at < p.created_at)::int AS reactions`,
      );
      expect(inverted).toEqual({ comments: 0, answers: 0, reactions: 0 });
      for (const table of [
        'posts',
        'post_comments',
        'questions',
        'answers',
        'ideas',
        'idea_votes',
        'notifications',
        'analytics_activity',
      ]) {
        const [{ future }] = await t.sql<{ future: number }>(
          `SELECT count(*)::int AS future FROM ${table} WHERE created_at >= $1`,
          [seededAt],
        );
        expect({ table, future }).toEqual({ table, future: 0 });
      }
    });

    it('keeps every count column equal to the rows it counts', async () => {
      const drift = await t.sql<{ what: string; id: string }>(
        `SELECT 'post comments' AS what, p.id FROM posts p
          WHERE p.comment_count <> (SELECT count(*) FROM post_comments c WHERE c.post_id = p.id AND c.deleted_at IS NULL)
         UNION ALL
         SELECT 'post ' || k.kind, p.id FROM posts p CROSS JOIN (VALUES ('like'), ('celebrate'), ('insightful'), ('support')) AS k(kind)
          WHERE (CASE k.kind WHEN 'like' THEN p.like_count WHEN 'celebrate' THEN p.celebrate_count
                             WHEN 'insightful' THEN p.insightful_count ELSE p.support_count END)
                <> (SELECT count(*) FROM post_reactions r WHERE r.post_id = p.id AND r.kind = k.kind)
         UNION ALL
         SELECT 'question answers', q.id FROM questions q
          WHERE q.answer_count <> (SELECT count(*) FROM answers a WHERE a.question_id = q.id AND a.deleted_at IS NULL)
         UNION ALL
         SELECT 'answer votes', a.id FROM answers a
          WHERE a.vote_count <> (SELECT count(*) FROM answer_votes v WHERE v.answer_id = a.id)
         UNION ALL
         SELECT 'idea votes', i.id FROM ideas i WHERE i.vote_count <> (SELECT count(*) FROM idea_votes v WHERE v.idea_id = i.id)
         UNION ALL
         SELECT 'idea comments', i.id FROM ideas i WHERE i.comment_count <> (SELECT count(*) FROM idea_comments c WHERE c.idea_id = i.id)
         UNION ALL
         SELECT 'idea reviews', i.id FROM ideas i WHERE i.review_count <> (SELECT count(*) FROM idea_reviews r WHERE r.idea_id = i.id)
         UNION ALL
         SELECT 'group members', g.id FROM groups g
          WHERE g.member_count <> (SELECT count(*) FROM group_memberships m WHERE m.group_id = g.id AND m.role <> 'pending')
         UNION ALL
         SELECT 'announcement recipients', a.id FROM announcements a
          WHERE a.recipient_count <> (SELECT count(*) FROM announcement_recipients r WHERE r.announcement_id = a.id)`,
      );
      expect(drift).toEqual([]);
      const [rows] = await t.sql<{ reviews: number; answerVotes: number; acks: number }>(
        `SELECT (SELECT count(*) FROM idea_reviews)::int AS reviews, (SELECT count(*) FROM answer_votes)::int AS "answerVotes",
                (SELECT count(*) FROM announcement_recipients WHERE acked_at IS NOT NULL)::int AS acks`,
      );
      expect(rows.reviews).toBeGreaterThan(5);
      expect(rows.answerVotes).toBeGreaterThan(5);
      expect(rows.acks).toBeGreaterThan(5);
    });

    it('has a campaign in every phase: a draft for the innovation team, open, in review, and closed with decisions carried out', async () => {
      const priya = await login('priya.patel@demo.ruche.example');
      const chloe = await login('chloe.lambert@demo.ruche.example');
      const all = await t.http.get('/api/campaigns').set('Authorization', priya.auth);
      const statuses = all.body.items.map((c: { status: string }) => c.status).sort();
      expect(statuses).toEqual(['closed', 'draft', 'open', 'review']);
      const seenByChloe = await t.http.get('/api/campaigns').set('Authorization', chloe.auth);
      expect(seenByChloe.body.items.map((c: { status: string }) => c.status).sort()).toEqual(['closed', 'open', 'review']);

      const closed = all.body.items.find((c: { status: string }) => c.status === 'closed');
      const ideas = await t.http.get(`/api/campaigns/${closed.id}/ideas?sort=top`).set('Authorization', chloe.auth);
      expect(ideas.body.items.map((i: { status: string }) => i.status).sort()).toEqual([
        'implemented',
        'not_selected',
        'rejected',
        'selected',
      ]);
      const implemented = await t.http
        .get(`/api/ideas/${ideas.body.items.find((i: { status: string }) => i.status === 'implemented').id}`)
        .set('Authorization', chloe.auth);
      expect(implemented.body.reviewCount).toBe(2);

      const review = all.body.items.find((c: { status: string }) => c.status === 'review');
      const inReview = await t.http.get(`/api/campaigns/${review.id}/ideas?sort=top`).set('Authorization', chloe.auth);
      expect(inReview.body.items.filter((i: { status: string }) => i.status === 'in_review')).toHaveLength(2);
    });

    it('answers most questions (some accepted), and leaves a few open, routed to experts', async () => {
      const hugo = await login('hugo.girard@demo.ruche.example');
      const answered = await t.http.get('/api/questions?status=answered&limit=50').set('Authorization', hugo.auth);
      const open = await t.http.get('/api/questions?status=open&limit=50').set('Authorization', hugo.auth);
      expect(answered.body.items.length).toBeGreaterThanOrEqual(8);
      expect(open.body.items.length).toBeGreaterThanOrEqual(3);
      const [{ accepted, routed }] = await t.sql<{ accepted: number; routed: number }>(
        `SELECT (SELECT count(*) FROM answers WHERE accepted_at IS NOT NULL)::int AS accepted,
                (SELECT count(DISTINCT question_id) FROM question_routes)::int AS routed`,
      );
      expect(accepted).toBeGreaterThanOrEqual(6);
      expect(routed).toBeGreaterThanOrEqual(3);
    });

    it('gives the analytics six weeks of curves: activity on many days, an idea funnel, departments of five', async () => {
      const camille = await login(logins[0].email);
      const from = day(weeksAgo(6));
      const to = day(seededAt);
      const res = await t.http.get(`/api/analytics/overview?from=${from}&to=${to}`).set('Authorization', camille.auth);
      expect(res.status).toBe(200);
      const active = res.body.byDay.filter((d: Record<string, number>) =>
        Object.entries(d).some(([k, v]) => k !== 'day' && typeof v === 'number' && v > 0),
      );
      expect(active.length).toBeGreaterThanOrEqual(25);
      expect(res.body).toMatchObject({ posts: expect.any(Number), questions: expect.any(Number) });
      expect(res.body.posts).toBeGreaterThanOrEqual(60);
      expect(res.body.answers).toBeGreaterThanOrEqual(15);
      expect(res.body.votes).toBeGreaterThanOrEqual(30);
      expect(res.body.reviews).toBeGreaterThan(5);
      // The last week's hashtags trend (#support twice).
      const trending = await t.http.get('/api/topics/trending').set('Authorization', camille.auth);
      expect(trending.body.items[0]).toMatchObject({ tag: 'support', posts: 2 });
      const departments = await t.http.get(`/api/analytics/departments?from=${from}&to=${to}`).set('Authorization', camille.auth);
      expect(departments.status).toBe(200);
      expect(JSON.stringify(departments.body)).toContain('Engineering');
      expect(JSON.stringify(departments.body)).toContain('Customer Care');
    });

    it("makes the history searchable, except a private community's posts for people outside it", async () => {
      const thomas = await login('thomas.dubois@demo.ruche.example');
      const priya = await login('priya.patel@demo.ruche.example');
      const search = async (auth: string, q: string) => {
        const res = await t.http.get(`/api/search?q=${encodeURIComponent(q)}`).set('Authorization', auth);
        expect(res.status).toBe(200);
        return res.body.items.map((i: { title: string; snippet: string }) => `${i.title} ${i.snippet}`).join('\n');
      };
      expect(await search(thomas.auth, 'capacity plan')).toContain('Capacity plan');
      expect(await search(thomas.auth, 'Terraform state')).toContain('Terraform state');
      expect(await search(priya.auth, 'break-even')).toContain('break-even');
      expect(await search(thomas.auth, 'break-even')).not.toContain('break-even');
      const atlasPosts = await t.sql<{ id: string }>(
        `SELECT p.id FROM posts p JOIN groups g ON g.id = p.group_id WHERE g.name = 'Projet Atlas (confidentiel)'`,
      );
      expect(atlasPosts).toHaveLength(4);
      const seenByThomas = new Set((await companyFeed(thomas.auth)).map((p) => p.id));
      expect(atlasPosts.filter((p) => seenByThomas.has(p.id))).toEqual([]);
    });
  });

  it('seeds nothing on a database that already has users', async () => {
    const camille = await login(logins[0].email);
    const usersBefore = await count('users');
    const postsBefore = (await companyFeed(camille.auth)).length;
    const rowsBefore = await Promise.all(['posts', 'questions', 'campaigns', 'notifications'].map(count));
    expect(await seedDemoIfEmpty(t.app, logger)).toEqual([]);
    expect(await count('users')).toBe(usersBefore);
    expect(await Promise.all(['posts', 'questions', 'campaigns', 'notifications'].map(count))).toEqual(rowsBefore);
    expect((await companyFeed(camille.auth)).length).toBe(postsBefore);
  });
});
