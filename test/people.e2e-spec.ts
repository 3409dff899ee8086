import { PeopleService } from '@ruche/people';
import { endorse, endorsementPath, endorsementsOf, follow, profileOf, updateProfile } from './factories/people.factory.js';
import { registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

const UNKNOWN_ID = '00000000-0000-4000-8000-000000000000';

describe('people: profiles, skills, endorsements, follows', () => {
  const t = useTestApp();
  let alice: TestUser;
  let bob: TestUser;

  beforeAll(async () => {
    alice = await registerUser(t, { email: 'alice.martin@corp.example', displayName: 'Alice Martin' });
    bob = await registerUser(t, { email: 'bob@corp.example', displayName: 'Bob' });
  });

  /** Everything a profile update could touch, to prove a refused request wrote nothing. */
  const snapshot = async (userId: string) => ({
    user: await t.sql('SELECT display_name FROM users WHERE id = $1', [userId]),
    profile: await t.sql('SELECT title, department, location, bio, updated_at FROM profiles WHERE user_id = $1', [userId]),
    skills: await t.sql('SELECT skill, name, position FROM user_skills WHERE user_id = $1 ORDER BY position', [userId]),
  });
  const count = async (sql: string, params: unknown[] = []) => Number((await t.sql<{ n: string }>(sql, params))[0].n);
  /** Outbox rows once listeners (notifications) have caught up with earlier requests. */
  const outboxCount = async () => {
    await t.settle();
    return count('SELECT count(*) AS n FROM outbox');
  };
  const events = (type: string) => t.sql<{ payload: Record<string, unknown>; audience: string[]; actor_id: string }>(
    'SELECT payload, audience, actor_id FROM outbox WHERE type = $1 ORDER BY id',
    [type],
  );

  describe('GET /api/users/:id', () => {
    it('shows a new person with an empty profile', async () => {
      const res = await t.http.get(`/api/users/${bob.id}`).set('Authorization', alice.auth);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        id: bob.id,
        handle: 'bob',
        displayName: 'Bob',
        title: '',
        department: '',
        location: '',
        bio: '',
        bioHtml: '',
        skills: [],
        followers: 0,
        following: 0,
        followedByMe: false,
        manager: null,
        reportsCount: 0,
      });
      // The profile is not an account: no email, roles or hash.
      expect(res.body).not.toHaveProperty('email');
      expect(res.body).not.toHaveProperty('passwordHash');
    });

    it('is 404 for an unknown id, 400 for a malformed one, 401 without a token', async () => {
      const unknown = await t.http.get(`/api/users/${UNKNOWN_ID}`).set('Authorization', alice.auth);
      expect(unknown.status).toBe(404);
      expect(unknown.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
      expect((await t.http.get('/api/users/not-a-uuid').set('Authorization', alice.auth)).status).toBe(400);
      expect((await t.http.get(`/api/users/${bob.id}`)).status).toBe(401);
    });
  });

  describe('PATCH /api/me', () => {
    it('updates the caller’s profile, skills and name, and everyone sees it', async () => {
      const u = await registerUser(t, { displayName: 'Before' });
      const body = await updateProfile(t, u, {
        displayName: '  Chloé Durand ',
        title: 'Staff engineer',
        department: 'Platform',
        location: 'Lyon',
        bio: 'Databases, queues and **Markdown**.',
        skills: ['PostgreSQL', '  Développement   Web ', 'Kafka'],
      });
      expect(body).toMatchObject({
        id: u.id,
        handle: u.handle,
        displayName: 'Chloé Durand',
        title: 'Staff engineer',
        department: 'Platform',
        location: 'Lyon',
        bio: 'Databases, queues and **Markdown**.',
        followers: 0,
        following: 0,
        followedByMe: false,
      });
      expect(body.skills).toEqual([
        { name: 'PostgreSQL', skill: 'postgresql', endorsements: 0, endorsedByMe: false },
        { name: 'Développement Web', skill: 'developpement web', endorsements: 0, endorsedByMe: false },
        { name: 'Kafka', skill: 'kafka', endorsements: 0, endorsedByMe: false },
      ]);
      // Language and time zone (for emails) are on one's own profile only; not set yet.
      expect(body).toMatchObject({ locale: null, timeZone: null });
      expect(await profileOf(t, alice, u.id)).toEqual({ ...body, locale: undefined, timeZone: undefined });
      // Identity owns the name: its own endpoint sees the change too.
      const me = await t.http.get('/api/me').set('Authorization', u.auth);
      expect(me.body.displayName).toBe('Chloé Durand');
    });

    it('keeps absent fields, clears a field given as an empty string', async () => {
      const u = await registerUser(t);
      await updateProfile(t, u, { title: 'Analyst', location: 'Paris', skills: ['Excel'] });
      const body = await updateProfile(t, u, { location: '', bio: 'Hello' });
      expect(body).toMatchObject({ title: 'Analyst', location: '', bio: 'Hello', displayName: u.displayName });
      expect(body.skills.map((s) => s.name)).toEqual(['Excel']);
      const empty = await updateProfile(t, u, {});
      expect(empty).toEqual(body);
    });

    it('replaces the declared skills, keeping order and the endorsements of skills that stay', async () => {
      const u = await registerUser(t);
      await updateProfile(t, u, { skills: ['Go', 'Rust', 'SQL'] });
      await endorse(t, alice, u, 'Go');
      await endorse(t, alice, u, 'Rust');
      const body = await updateProfile(t, u, { skills: ['SQL', 'go', 'Kotlin'] });
      expect(body.skills.map((s) => [s.name, s.endorsements])).toEqual([
        ['SQL', 0],
        // First declared as "Go": the new spelling does not rename it.
        ['Go', 1],
        ['Kotlin', 0],
      ]);
      // Withdrawing a skill withdraws its endorsements; declaring it again starts from zero.
      expect(await count('SELECT count(*) AS n FROM skill_endorsements WHERE user_id = $1', [u.id])).toBe(1);
      const again = await updateProfile(t, u, { skills: ['Rust', 'Go', 'SQL', 'Kotlin'] });
      expect(again.skills.map((s) => [s.name, s.endorsements])).toEqual([
        ['Rust', 0],
        ['Go', 1],
        ['SQL', 0],
        ['Kotlin', 0],
      ]);
      expect((await updateProfile(t, u, { skills: [] })).skills).toEqual([]);
      expect(await count('SELECT count(*) AS n FROM skill_endorsements WHERE user_id = $1', [u.id])).toBe(0);
    });

    it('treats spellings that differ by case, spaces or accents as one skill', async () => {
      const u = await registerUser(t);
      const body = await updateProfile(t, u, { skills: ['  Développement   Web ', 'developpement web', 'DÉVELOPPEMENT WEB', 'SQL'] });
      expect(body.skills.map((s) => s.name)).toEqual(['Développement Web', 'SQL']);
      // Later spellings find the same skill, and the first spelling stays the one shown.
      const later = await updateProfile(t, u, { skills: ['developpement web', 'SQL'] });
      expect(later.skills.map((s) => s.name)).toEqual(['Développement Web', 'SQL']);
      await endorse(t, alice, u, 'developpement web');
      await endorse(t, bob, u, '  DÉVELOPPEMENT   Web ');
      expect(endorsementsOf(await profileOf(t, alice, u.id), 'Développement Web')).toBe(2);
      expect(await count('SELECT count(*) AS n FROM user_skills WHERE user_id = $1', [u.id])).toBe(2);
    });

    it('accepts exactly 50 skills of 60 characters', async () => {
      const u = await registerUser(t);
      const skills = Array.from({ length: 50 }, (_, i) => `${String(i).padStart(2, '0')}${'s'.repeat(58)}`);
      const body = await updateProfile(t, u, { skills });
      expect(body.skills).toHaveLength(50);
      expect(body.skills.map((s) => s.name)).toEqual(skills);
    });

    it('changes only the caller', async () => {
      const u = await registerUser(t);
      const other = await registerUser(t);
      await updateProfile(t, other, { title: 'Untouched', skills: ['Mine'] });
      const before = await snapshot(other.id);
      await updateProfile(t, u, { displayName: 'Someone else', title: 'Changed', skills: ['Yours'] });
      expect(await snapshot(other.id)).toEqual(before);
      // There is no way to name another user: an id in the body is an unknown field.
      const res = await t.http.patch('/api/me').set('Authorization', u.auth).send({ id: other.id, title: 'Hijack' });
      expect(res.status).toBe(400);
      expect(await snapshot(other.id)).toEqual(before);
    });

    it('is 401 without a token', async () => {
      expect((await t.http.patch('/api/me').send({ title: 'x' })).status).toBe(401);
    });

    it.each([
      ['unknown field', { title: 'Fine', email: 'new@corp.example' }],
      ['roles', { roles: ['admin'] }],
      ['handle', { handle: 'boss' }],
      ['blank display name', { displayName: '   ' }],
      ['long display name', { displayName: 'n'.repeat(81) }],
      ['long title', { title: 't'.repeat(101) }],
      ['long department', { department: 'd'.repeat(101) }],
      ['long location', { location: 'l'.repeat(101) }],
      ['long bio', { bio: 'b'.repeat(2001) }],
      ['NUL in bio', { bio: 'a\u0000b' }],
      ['NUL in display name', { displayName: 'a\u0000b' }],
      ['title not a string', { title: 42 }],
      ['skills not an array', { skills: 'Go' }],
      ['skill not a string', { skills: ['Go', 7] }],
      ['object as skill', { skills: [{ name: 'Go' }] }],
      ['blank skill', { skills: ['Go', '  '] }],
      ['long skill', { skills: ['x'.repeat(61)] }],
      ['NUL in skill', { skills: ['G\u0000o'] }],
      ['skill of accents only', { skills: ['Go', '\u0301\u0300'] }],
      ['51 skills', { skills: Array.from({ length: 51 }, (_, i) => `skill ${i}`) }],
      ['valid fields with one bad one', { displayName: 'New Name', title: 'New', skills: ['New'], bio: 'b'.repeat(2001) }],
      ['valid fields with a bad skill', { displayName: 'New Name', title: 'New', skills: ['New', 'x'.repeat(61)] }],
    ])('rejects %s with 400 and writes nothing', async (_name, body) => {
      const u = await registerUser(t, { displayName: 'Steady' });
      await updateProfile(t, u, { title: 'Old', bio: 'Old bio', skills: ['Old'] });
      const before = await snapshot(u.id);
      const res = await t.http.patch('/api/me').set('Authorization', u.auth).send(body);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
      expect(await snapshot(u.id)).toEqual(before);
    });

    it('serialises concurrent updates by one person: the skills are one request’s set, never a mix', async () => {
      const u = await registerUser(t);
      const sets = Array.from({ length: 6 }, (_, i) => Array.from({ length: 5 }, (_, j) => `set${i} skill${j}`));
      const results = await Promise.all(sets.map((skills) => t.http.patch('/api/me').set('Authorization', u.auth).send({ skills })));
      expect(results.map((r) => r.status)).toEqual(sets.map(() => 200));
      const final = (await profileOf(t, alice, u.id)).skills.map((s) => s.name);
      expect(sets).toContainEqual(final);
    });
  });

  describe('follows', () => {
    it('follows and unfollows idempotently, with exact counts', async () => {
      const [a, b, c] = await registerUsers(t, 3);
      for (let i = 0; i < 2; i++) await follow(t, a, b);
      await follow(t, c, b);
      await follow(t, b, a);
      expect(await profileOf(t, a, b.id)).toMatchObject({ followers: 2, following: 1, followedByMe: true });
      expect(await profileOf(t, b, a.id)).toMatchObject({ followers: 1, following: 1, followedByMe: true });
      expect(await profileOf(t, b, c.id)).toMatchObject({ followers: 0, following: 1, followedByMe: false });

      for (let i = 0; i < 2; i++) await t.http.delete(`/api/users/${b.id}/follow`).set('Authorization', a.auth).expect(204);
      expect(await profileOf(t, a, b.id)).toMatchObject({ followers: 1, following: 1, followedByMe: false });
      // Never followed: still a 204.
      await t.http.delete(`/api/users/${c.id}/follow`).set('Authorization', a.auth).expect(204);
      expect(await count('SELECT count(*) AS n FROM follows WHERE followee_id = $1', [b.id])).toBe(1);
    });

    it('announces a new follow once, to the person followed', async () => {
      const [a, b] = await registerUsers(t, 2);
      const results = await Promise.all(
        Array.from({ length: 5 }, () => t.http.put(`/api/users/${b.id}/follow`).set('Authorization', a.auth)),
      );
      expect(results.map((r) => r.status)).toEqual([204, 204, 204, 204, 204]);
      expect(await count('SELECT count(*) AS n FROM follows WHERE follower_id = $1', [a.id])).toBe(1);
      const mine = (await events('user.followed')).filter((e) => e.payload.followerId === a.id);
      expect(mine).toEqual([
        {
          payload: { followerId: a.id, followeeId: b.id, follower: { id: a.id, handle: a.handle, displayName: a.displayName } },
          audience: [`user:${b.id}`],
          actor_id: a.id,
        },
      ]);
      // Unfollow and follow again: a new follow, a new event.
      await t.http.delete(`/api/users/${b.id}/follow`).set('Authorization', a.auth).expect(204);
      await follow(t, a, b);
      expect((await events('user.followed')).filter((e) => e.payload.followerId === a.id)).toHaveLength(2);
    });

    it('refuses following yourself (400), unknown people (404), bad ids (400), anonymous callers (401); writes nothing', async () => {
      const u = await registerUser(t);
      const followsBefore = await count('SELECT count(*) AS n FROM follows');
      const eventsBefore = await outboxCount();
      for (const method of ['put', 'delete'] as const) {
        expect((await t.http[method](`/api/users/${u.id}/follow`).set('Authorization', u.auth)).status).toBe(400);
        expect((await t.http[method](`/api/users/${UNKNOWN_ID}/follow`).set('Authorization', u.auth)).status).toBe(404);
        expect((await t.http[method]('/api/users/nope/follow').set('Authorization', u.auth)).status).toBe(400);
        expect((await t.http[method](`/api/users/${alice.id}/follow`)).status).toBe(401);
      }
      expect(await count('SELECT count(*) AS n FROM follows')).toBe(followsBefore);
      expect(await outboxCount()).toBe(eventsBefore);
    });

    it('lists followers and following newest first, paged with stable cursors', async () => {
      const star = await registerUser(t);
      const fans = await registerUsers(t, 5);
      for (const fan of fans) await follow(t, fan, star);
      for (const fan of fans.slice(0, 3)) await follow(t, star, fan);

      const seen: string[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await t.http
          .get(`/api/users/${star.id}/followers`)
          .query(cursor ? { limit: 2, cursor } : { limit: 2 })
          .set('Authorization', alice.auth);
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        for (const item of res.body.items) expect(Object.keys(item).sort()).toEqual(['displayName', 'handle', 'id']);
        seen.push(...res.body.items.map((u) => u.id));
        cursor = res.body.nextCursor;
        pages++;
        // A new follower arriving mid-way does not shift the pages being read.
        if (pages === 1) await follow(t, bob, star);
      } while (cursor);
      expect(pages).toBe(3);
      expect(seen).toEqual(fans.map((f) => f.id).reverse());

      const first = await t.http.get(`/api/users/${star.id}/followers`).set('Authorization', alice.auth);
      expect(first.body.items[0]).toEqual({ id: bob.id, handle: bob.handle, displayName: bob.displayName });
      expect(first.body.nextCursor).toBeNull();

      const following = await t.http.get(`/api/users/${star.id}/following`).set('Authorization', star.auth);
      expect(following.status).toBe(200);
      expect(following.body).toEqual({
        items: fans.slice(0, 3).reverse().map((f) => ({ id: f.id, handle: f.handle, displayName: f.displayName })),
        nextCursor: null,
      });
      const nobody = await t.http.get(`/api/users/${fans[4].id}/followers`).set('Authorization', alice.auth);
      expect(nobody.body).toEqual({ items: [], nextCursor: null });
    });

    it.each([
      ['limit 0', '?limit=0', 400],
      ['limit 101', '?limit=101', 400],
      ['limit not a number', '?limit=ten', 400],
      ['garbage cursor', '?cursor=not-a-cursor', 400],
      ['unknown parameter', '?sort=old', 400],
    ])('rejects a list request with %s', async (_name, query, status) => {
      for (const list of ['followers', 'following']) {
        const res = await t.http.get(`/api/users/${alice.id}/${list}${query}`).set('Authorization', alice.auth);
        expect(res.status).toBe(status);
      }
    });

    it('is 404 for the lists of an unknown person, 400 for a bad id, 401 anonymously', async () => {
      for (const list of ['followers', 'following']) {
        expect((await t.http.get(`/api/users/${UNKNOWN_ID}/${list}`).set('Authorization', alice.auth)).status).toBe(404);
        expect((await t.http.get(`/api/users/123/${list}`).set('Authorization', alice.auth)).status).toBe(400);
        expect((await t.http.get(`/api/users/${alice.id}/${list}`)).status).toBe(401);
      }
    });

    it('answers followeeIds and followerIds for other modules', async () => {
      const [a, b, c] = await registerUsers(t, 3);
      await follow(t, a, b);
      await follow(t, a, c);
      await follow(t, c, a);
      const people = t.app.get(PeopleService);
      expect((await people.followeeIds(a.id)).sort()).toEqual([b.id, c.id].sort());
      expect(await people.followerIds(a.id)).toEqual([c.id]);
      expect(await people.followerIds(b.id)).toEqual([a.id]);
      expect(await people.followeeIds(b.id)).toEqual([]);
    });
  });

  describe('endorsements', () => {
    let expert: TestUser;

    beforeAll(async () => {
      expert = await registerUser(t, { displayName: 'The Expert' });
      await updateProfile(t, expert, { skills: ['TypeScript', 'Développement Web', 'CI/CD', 'C#'] });
    });

    it('counts several endorsers, shows endorsedByMe, and is idempotent both ways', async () => {
      const [e1, e2, e3] = await registerUsers(t, 3);
      await endorse(t, e1, expert, 'TypeScript');
      await endorse(t, e1, expert, 'TypeScript');
      await endorse(t, e2, expert, 'typescript');
      await endorse(t, e3, expert, 'Développement Web');
      const seenByE1 = await profileOf(t, e1, expert.id);
      expect(seenByE1.skills).toEqual([
        { name: 'TypeScript', skill: 'typescript', endorsements: 2, endorsedByMe: true },
        { name: 'Développement Web', skill: 'developpement web', endorsements: 1, endorsedByMe: false },
        { name: 'CI/CD', skill: 'ci/cd', endorsements: 0, endorsedByMe: false },
        { name: 'C#', skill: 'c#', endorsements: 0, endorsedByMe: false },
      ]);
      expect((await profileOf(t, e3, expert.id)).skills.map((s) => s.endorsedByMe)).toEqual([false, true, false, false]);

      for (let i = 0; i < 2; i++) await t.http.delete(endorsementPath(expert.id, 'TypeScript')).set('Authorization', e1.auth).expect(204);
      // Never endorsed: still a 204.
      await t.http.delete(endorsementPath(expert.id, 'C#')).set('Authorization', e1.auth).expect(204);
      expect(await profileOf(t, e1, expert.id)).toMatchObject({
        skills: expect.arrayContaining([{ name: 'TypeScript', skill: 'typescript', endorsements: 1, endorsedByMe: false }]),
      });
    });

    it('works with skills holding URL characters', async () => {
      const e = await registerUser(t);
      await endorse(t, e, expert, 'CI/CD');
      await endorse(t, e, expert, 'c#');
      const profile = await profileOf(t, e, expert.id);
      expect(endorsementsOf(profile, 'CI/CD')).toBe(1);
      expect(endorsementsOf(profile, 'C#')).toBe(1);
    });

    it('counts exactly 10 for 10 people endorsing at the same moment (and repeats change nothing)', async () => {
      const u = await registerUser(t);
      await updateProfile(t, u, { skills: ['Kubernetes'] });
      const endorsers = await registerUsers(t, 10);
      const first = await Promise.all(endorsers.map((e) => t.http.put(endorsementPath(u.id, 'Kubernetes')).set('Authorization', e.auth)));
      expect(first.map((r) => r.status)).toEqual(endorsers.map(() => 204));
      const again = await Promise.all(endorsers.map((e) => t.http.put(endorsementPath(u.id, 'kubernetes')).set('Authorization', e.auth)));
      expect(again.map((r) => r.status)).toEqual(endorsers.map(() => 204));
      expect(endorsementsOf(await profileOf(t, alice, u.id), 'Kubernetes')).toBe(10);
      expect(await count('SELECT count(*) AS n FROM skill_endorsements WHERE user_id = $1', [u.id])).toBe(10);
      // One event per new endorsement, to the person endorsed, each with the exact count it made.
      const mine = (await events('skill.endorsed')).filter((e) => e.payload.userId === u.id);
      expect(mine).toHaveLength(10);
      expect(new Set(mine.map((e) => e.payload.endorserId))).toEqual(new Set(endorsers.map((e) => e.id)));
      for (const e of mine) {
        expect(e.audience).toEqual([`user:${u.id}`]);
        expect(e.payload).toMatchObject({ skill: 'kubernetes', name: 'Kubernetes' });
      }
      expect(mine.map((e) => e.payload.endorsements as number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    });

    it('describes the endorsement in its event', async () => {
      const e = await registerUser(t);
      await endorse(t, e, expert, 'développement web');
      const [event] = (await events('skill.endorsed')).filter((x) => x.payload.endorserId === e.id);
      expect(event).toEqual({
        payload: {
          userId: expert.id,
          skill: 'developpement web',
          name: 'Développement Web',
          endorserId: e.id,
          endorser: { id: e.id, handle: e.handle, displayName: e.displayName },
          endorsements: expect.any(Number),
        },
        audience: [`user:${expert.id}`],
        actor_id: e.id,
      });
    });

    it('refuses endorsing yourself (400), an undeclared skill or unknown person (404), bad ids (400), anonymous callers (401); writes nothing', async () => {
      const e = await registerUser(t);
      const rowsBefore = await count('SELECT count(*) AS n FROM skill_endorsements');
      const eventsBefore = await outboxCount();
      for (const method of ['put', 'delete'] as const) {
        const self = await t.http[method](endorsementPath(expert.id, 'TypeScript')).set('Authorization', expert.auth);
        expect(self.status).toBe(400);
        expect(self.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
        expect((await t.http[method](endorsementPath(expert.id, 'Cobol')).set('Authorization', e.auth)).status).toBe(404);
        expect((await t.http[method](endorsementPath(expert.id, ' ')).set('Authorization', e.auth)).status).toBe(404);
        expect((await t.http[method](endorsementPath(expert.id, 'a\u0000b')).set('Authorization', e.auth)).status).toBe(404);
        expect((await t.http[method](endorsementPath(expert.id, 'x'.repeat(90))).set('Authorization', e.auth)).status).toBe(404);
        // Past Fastify's 100-character parameter limit (declared skills are at most 60).
        expect((await t.http[method](endorsementPath(expert.id, 'x'.repeat(300))).set('Authorization', e.auth)).status).toBe(414);
        expect((await t.http[method](endorsementPath(UNKNOWN_ID, 'TypeScript')).set('Authorization', e.auth)).status).toBe(404);
        expect((await t.http[method](endorsementPath('nope', 'TypeScript')).set('Authorization', e.auth)).status).toBe(400);
        expect((await t.http[method](endorsementPath(expert.id, 'TypeScript'))).status).toBe(401);
      }
      expect(await count('SELECT count(*) AS n FROM skill_endorsements')).toBe(rowsBefore);
      expect(await outboxCount()).toBe(eventsBefore);
    });
  });

  describe('PeopleService for other modules', () => {
    it('answers skillsOf and profileSummaries', async () => {
      const u = await registerUser(t);
      const blank = await registerUser(t);
      await updateProfile(t, u, { title: 'Designer', department: 'Product', skills: ['Figma', 'UX Research'] });
      await endorse(t, alice, u, 'figma');
      const people = t.app.get(PeopleService);
      expect(await people.skillsOf(u.id)).toEqual([
        { name: 'Figma', skill: 'figma', endorsements: 1 },
        { name: 'UX Research', skill: 'ux research', endorsements: 0 },
      ]);
      const summaries = await people.profileSummaries([u.id, blank.id, u.id]);
      expect(summaries.size).toBe(2);
      expect(summaries.get(u.id)).toEqual({ title: 'Designer', department: 'Product', location: '', bio: '' });
      expect(summaries.get(blank.id)).toEqual({ title: '', department: '', location: '', bio: '' });
      expect(await people.profileSummaries([])).toEqual(new Map());
    });
  });

  it('documents its routes in OpenAPI', async () => {
    const docs = await t.http.get('/api/docs-json');
    expect(Object.keys(docs.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/users/{id}',
        '/api/users/{id}/follow',
        '/api/users/{id}/followers',
        '/api/users/{id}/following',
        '/api/users/{id}/skills/{skill}/endorsement',
      ]),
    );
    expect(docs.body.paths['/api/me'].patch.tags).toEqual(['people']);
  });
});
