import { endorse, updateProfile } from './factories/people.factory.js';
import { createPost } from './factories/post.factory.js';
import { earnAcceptedAnswer, type ExpertBody, findExperts, setStatus } from './factories/question.factory.js';
import { registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

/** "Who knows about X?": GET /api/experts over expertise kept up to date from events. */
describe('expertise: finding the people who know', () => {
  const t = useTestApp();
  let admin: TestUser, alice: TestUser, bob: TestUser, chloe: TestUser, john: TestUser, asker: TestUser;
  let endorsers: TestUser[];

  beforeAll(async () => {
    [admin, alice, bob, chloe] = await registerUsers(t, ['Site Admin', 'Alice Martin', 'Bob Stone', 'Chloé Dubois']);
    [john, asker] = await registerUsers(t, ['John Smith', 'Curious Newcomer']);
    endorsers = await registerUsers(t, 3);

    await updateProfile(t, alice, { title: 'SRE', department: 'Engineering', location: 'Paris', skills: ['Kubernetes', 'Go'] });
    await updateProfile(t, bob, { title: 'Developer', department: 'Engineering', location: 'London', skills: ['kubernetes'] });
    await updateProfile(t, chloe, {
      title: 'Lead dev',
      department: 'Ingénierie',
      location: 'Lyon',
      skills: ['Développement', 'Gestion de projet'],
    });
    await updateProfile(t, john, { title: 'Sales', department: 'Sales', location: 'Montréal' });
    for (const endorser of endorsers) await endorse(t, endorser, alice, 'Kubernetes');
    await earnAcceptedAnswer(t, asker, alice, ['Kubernetes']);
    await t.settle();
  });

  const names = (items: ExpertBody[]) => items.map((i) => i.user.displayName);
  const itemOf = (items: ExpertBody[], user: TestUser) => items.find((i) => i.user.id === user.id);
  const experts = (query: Record<string, string | number>, viewer: TestUser = asker) => findExperts(t, viewer, query);

  describe('ranking', () => {
    it('ranks a person with accepted answers and endorsements above one who only declared the skill, and says why', async () => {
      const items = await experts({ q: 'kubernetes' });
      expect(names(items).slice(0, 2)).toEqual(['Alice Martin', 'Bob Stone']);
      const [first, second] = items;
      expect(first.reasons).toEqual([
        '1 accepted answer on Kubernetes',
        '3 endorsements for Kubernetes',
        'Lists Kubernetes as a skill',
        // Recognition (#17): public badges follow the ranking reasons, on every topic.
        'Badge: First accepted answer',
      ]);
      expect(second.reasons).toEqual(['Lists Kubernetes as a skill']);
      // The documented formula: 3·declared + 2·log2(1 + endorsements) + 4·log2(1 + accepted).
      expect(first.score).toBeCloseTo(3 + 2 * Math.log2(4) + 4 * Math.log2(2), 2);
      expect(second.score).toBe(3);
      expect(first.user).toEqual({
        id: alice.id,
        handle: alice.handle,
        displayName: 'Alice Martin',
        title: 'SRE',
        department: 'Engineering',
        location: 'Paris',
      });
    });

    it('keeps the counters in the expertise table, updated from events (not recomputed per query)', async () => {
      const [row] = await t.sql<Record<string, unknown>>(
        'SELECT declared, endorsements, accepted_answers, answer_upvotes, posts, reviews, score FROM expertise WHERE user_id = $1 AND topic = $2',
        [alice.id, 'kubernetes'],
      );
      expect(row).toMatchObject({
        declared: true,
        endorsements: 3,
        accepted_answers: 1,
        answer_upvotes: 0,
        posts: 0,
        reviews: 0,
      });
      expect(Number(row.score)).toBeCloseTo(11, 3);
    });

    it('follows withdrawn endorsements and skills', async () => {
      const endorser = endorsers[0];
      await t.http.delete(`/api/users/${alice.id}/skills/kubernetes/endorsement`).set('Authorization', endorser.auth).expect(204);
      await t.settle();
      expect(itemOf(await experts({ q: 'kubernetes' }), alice)?.reasons).toContain('2 endorsements for Kubernetes');
      await endorse(t, endorser, alice, 'Kubernetes');
      await updateProfile(t, bob, { skills: [] });
      await t.settle();
      const items = await experts({ q: 'kubernetes' });
      expect(itemOf(items, alice)?.reasons).toContain('3 endorsements for Kubernetes');
      expect(itemOf(items, bob)).toBeUndefined();
      await updateProfile(t, bob, { skills: ['kubernetes'] });
      await t.settle();
      expect(names(await experts({ q: 'kubernetes' }))).toContain('Bob Stone');
    });

    it('limits the list (1..50) and puts the best first', async () => {
      expect(await experts({ q: 'kubernetes', limit: 1 })).toHaveLength(1);
      const all = await experts({ q: 'kubernetes' });
      expect(all.map((i) => i.score)).toEqual([...all.map((i) => i.score)].sort((a, b) => b - a));
    });

    it('answers an empty list when nobody knows', async () => {
      expect(await experts({ q: 'underwater basket weaving' })).toEqual([]);
    });
  });

  describe('free text: accents, case, synonyms, several words, typos', () => {
    it('finds "développement" for "Developpement", "DEVELOPPEMENT" and "développement"', async () => {
      for (const q of ['Developpement', 'DEVELOPPEMENT', 'développement', '  dÉvEloppement  ']) {
        const items = await experts({ q });
        expect(names(items)).toEqual(['Chloé Dubois']);
        expect(items[0].reasons).toEqual(['Lists Développement as a skill']);
      }
    });

    it('reads several words, French or English, and multi-word skills', async () => {
      expect(names(await experts({ q: 'Qui connaît la gestion de projet ?' }))).toEqual(['Chloé Dubois']);
      const both = await experts({ q: 'who knows kubernetes or développement' });
      expect(names(both)).toEqual(expect.arrayContaining(['Alice Martin', 'Bob Stone', 'Chloé Dubois']));
    });

    it('maps synonyms both ways: "k8s" finds Kubernetes people, a declared "K8s" is found for "kubernetes"', async () => {
      expect(names(await experts({ q: 'k8s' })).slice(0, 2)).toEqual(['Alice Martin', 'Bob Stone']);
      const newcomer = await registerUser(t, { displayName: 'Kim Eight' });
      await updateProfile(t, newcomer, { skills: ['K8s'] });
      await t.settle();
      const items = await experts({ q: 'Kubernetes' });
      expect(itemOf(items, newcomer)?.reasons).toEqual(['Lists Kubernetes as a skill']);
    });

    it('tolerates typos in topics, and says how the query was read', async () => {
      const items = await experts({ q: 'kubernets' });
      expect(names(items).slice(0, 2)).toEqual(['Alice Martin', 'Bob Stone']);
      expect(items[0].reasons[0]).toBe('"kubernets" read as Kubernetes');
      expect(items[0].score).toBeLessThan((await experts({ q: 'kubernetes' }))[0].score);
    });

    it('tolerates typos in names', async () => {
      for (const q of ['Jon Smiht', 'john smith', 'SMITH']) {
        const items = await experts({ q });
        expect(items[0]?.user.id).toBe(john.id);
        expect(items[0].reasons[0]).toMatch(/^Name matches /);
      }
      expect(names(await experts({ q: 'chloe dubois' }))[0]).toBe('Chloé Dubois');
    });
  });

  describe('filters', () => {
    it('filters by department and location, ignoring case and accents', async () => {
      expect(names(await experts({ q: 'kubernetes', location: 'london' }))).toEqual(['Bob Stone']);
      expect(names(await experts({ q: 'kubernetes', department: 'ENGINEERING', location: 'Paris' }))).toEqual(['Alice Martin']);
      expect(names(await experts({ q: 'developpement', department: 'ingenierie' }))).toEqual(['Chloé Dubois']);
      expect(await experts({ q: 'developpement', department: 'Sales' })).toEqual([]);
      expect(names(await experts({ q: 'smith', location: 'montreal' }))).toEqual(['John Smith']);
      expect(await experts({ q: 'smith', location: 'Paris' })).toEqual([]);
      // An empty filter filters nothing.
      expect(names(await experts({ q: 'kubernetes', department: '' }))).toEqual(names(await experts({ q: 'kubernetes' })));
    });
  });

  describe('who is left out', () => {
    it('never lists a suspended account', async () => {
      await setStatus(t, alice, 'suspended');
      try {
        expect(names(await experts({ q: 'kubernetes' }))).not.toContain('Alice Martin');
      } finally {
        await setStatus(t, alice, 'active');
      }
      expect(names(await experts({ q: 'kubernetes' }))[0]).toBe('Alice Martin');
    });
  });

  describe('expertise earned from activity', () => {
    it('counts company-wide posts on a topic (hashtags, or declared skills named in the text) and forgets deleted ones', async () => {
      const post = await createPost(t, bob, 'Notes from our #Terraform migration');
      await createPost(t, alice, 'Our go services moved; more #terraform soon');
      await t.settle();
      let items = await experts({ q: 'terraform' });
      expect(names(items)).toEqual(expect.arrayContaining(['Alice Martin', 'Bob Stone']));
      expect(itemOf(items, bob)?.reasons).toEqual(['1 post about Terraform']);
      // "go" is one of Alice's declared skills, named in the text: it counts for it too.
      expect(itemOf(await experts({ q: 'go' }), alice)?.reasons).toEqual([
        '1 post about Go',
        'Lists Go as a skill',
        'Badge: First accepted answer',
      ]);

      await t.http
        .patch(`/api/posts/${post.id}`)
        .set('Authorization', bob.auth)
        .send({ body: 'Notes from our #Terraform and #Ansible work' })
        .expect(200);
      await t.settle();
      expect(itemOf(await experts({ q: 'ansible' }), bob)?.reasons).toEqual(['1 post about Ansible']);
      expect(itemOf(await experts({ q: 'terraform' }), bob)?.reasons).toEqual(['1 post about Terraform']);

      await t.http.delete(`/api/posts/${post.id}`).set('Authorization', bob.auth).expect(204);
      await t.settle();
      items = await experts({ q: 'terraform' });
      expect(itemOf(items, bob)).toBeUndefined();
      expect(await experts({ q: 'ansible' })).toEqual([]);
    });

    it('counts upvotes on answers, exactly, as they come and go', async () => {
      const question = await t.http
        .post('/api/questions')
        .set('Authorization', asker.auth)
        .send({ title: 'Helm charts or kustomize?', topics: ['Helm'] })
        .expect(201);
      const answer = await t.http
        .post(`/api/questions/${question.body.id}/answers`)
        .set('Authorization', chloe.auth)
        .send({ body: 'Helm, with a chart per service.' })
        .expect(201);
      for (const voter of [asker, ...endorsers])
        await t.http.put(`/api/answers/${answer.body.id}/vote`).set('Authorization', voter.auth).expect(200);
      await t.http.delete(`/api/answers/${answer.body.id}/vote`).set('Authorization', asker.auth).expect(200);
      await t.settle();
      expect(itemOf(await experts({ q: 'helm' }), chloe)?.reasons).toEqual(['3 upvotes on answers about helm']);
    });
  });

  describe('bad input gets a 400 or results, never a 500', () => {
    it.each([
      ['empty', ''],
      ['blank', '   '],
      ['201 characters', 'k'.repeat(201)],
      ['10,000 characters', 'kubernetes '.repeat(910)],
      ['a NUL character', 'kube\u0000rnetes'],
    ])('rejects a query that is %s with 400', async (_name, q) => {
      const res = await t.http.get('/api/experts').query({ q }).set('Authorization', asker.auth);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    });

    it.each([
      ['tsquery operators', 'kubernetes & go | !docker'],
      ['parentheses and prefix', '(kube:*) <-> go'],
      ['quotes', `'kubernetes' "go" \`x\``],
      ['SQL', "'; DROP TABLE expertise; --"],
      ['backslashes and LIKE wildcards', '\\ % _ \\\\'],
      ['only operators', '& | ! ( ) : * \' "'],
      ['regex syntax', '.*[a-z]+$ (?<x>)'],
      ['unicode', '🚀 日本語 ﷺ'],
      ['200 characters', 'kubernetes '.repeat(18).slice(0, 200)],
    ])('treats %s as text', async (_name, q) => {
      const res = await t.http.get('/api/experts').query({ q }).set('Authorization', asker.auth);
      expect(res.status).toBe(200);
      expect(Array.isArray(res.body.items)).toBe(true);
    });

    it('still finds Kubernetes people through metacharacters', async () => {
      expect(names(await experts({ q: '!kubernetes & (k8s)' })).slice(0, 2)).toEqual(['Alice Martin', 'Bob Stone']);
      expect(await t.sql('SELECT 1 FROM expertise LIMIT 1')).toHaveLength(1);
    });

    it.each([
      ['limit 0', { q: 'go', limit: 0 }],
      ['limit 51', { q: 'go', limit: 51 }],
      ['limit not a number', { q: 'go', limit: 'ten' }],
      ['an unknown parameter', { q: 'go', sort: 'name' }],
      ['a missing q', { limit: 5 }],
      ['a department of 101 characters', { q: 'go', department: 'd'.repeat(101) }],
    ])('rejects %s with 400', async (_name, query) => {
      expect((await t.http.get('/api/experts').query(query).set('Authorization', asker.auth)).status).toBe(400);
    });

    it('rejects a repeated q and an anonymous caller', async () => {
      expect((await t.http.get('/api/experts?q=go&q=rust').set('Authorization', asker.auth)).status).toBe(400);
      expect((await t.http.get('/api/experts?q=go')).status).toBe(401);
    });
  });

  describe('the synonym table (admin)', () => {
    it('lists the seeded synonyms to admins only', async () => {
      const res = await t.http.get('/api/admin/skill-synonyms').set('Authorization', admin.auth);
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual(
        expect.arrayContaining([
          { alias: 'k8s', canonical: 'kubernetes' },
          { alias: 'js', canonical: 'javascript' },
          { alias: 'ts', canonical: 'typescript' },
          { alias: 'ml', canonical: 'machine learning' },
          { alias: 'rh', canonical: 'ressources humaines' },
          { alias: 'hr', canonical: 'ressources humaines' },
        ]),
      );
      expect((await t.http.get('/api/admin/skill-synonyms').set('Authorization', bob.auth)).status).toBe(403);
      expect((await t.http.put('/api/admin/skill-synonyms').set('Authorization', bob.auth).send({ synonyms: [] })).status).toBe(
        403,
      );
    });

    it.each([
      ['an alias equal to its skill', [{ alias: 'Go', canonical: 'go' }]],
      [
        'a chain',
        [
          { alias: 'a1', canonical: 'b1' },
          { alias: 'b1', canonical: 'c1' },
        ],
      ],
      [
        'an alias given two skills',
        [
          { alias: 'x1', canonical: 'y1' },
          { alias: 'X1', canonical: 'z1' },
        ],
      ],
      ['an empty alias', [{ alias: ' ', canonical: 'go' }]],
      ['an unknown field', [{ alias: 'a', canonical: 'b', extra: 1 }]],
      ['a non-string', [{ alias: 1, canonical: 'b' }]],
    ])('rejects %s with 400 and changes nothing', async (_name, synonyms) => {
      const before = await t.sql('SELECT * FROM skill_synonyms ORDER BY alias_key');
      const res = await t.http.put('/api/admin/skill-synonyms').set('Authorization', admin.auth).send({ synonyms });
      expect(res.status).toBe(400);
      expect(await t.sql('SELECT * FROM skill_synonyms ORDER BY alias_key')).toEqual(before);
    });

    it('an edit re-keys stored expertise: declared skills and activity move to the canonical topic', async () => {
      const dev = await registerUser(t, { displayName: 'Dana Ops' });
      await updateProfile(t, dev, { skills: ['Conteneurs'] });
      await createPost(t, dev, 'Shipping #conteneurs all day');
      await t.settle();
      expect(names(await experts({ q: 'docker' }))).not.toContain('Dana Ops');

      const current = (await t.http.get('/api/admin/skill-synonyms').set('Authorization', admin.auth)).body.items;
      const res = await t.http
        .put('/api/admin/skill-synonyms')
        .set('Authorization', admin.auth)
        .send({ synonyms: [...current, { alias: 'Conteneurs', canonical: 'Docker' }] });
      expect(res.status).toBe(200);
      expect(res.body.items).toContainEqual({ alias: 'conteneurs', canonical: 'docker' });
      await t.settle();

      const items = await experts({ q: 'Docker' });
      expect(itemOf(items, dev)?.reasons).toEqual(['1 post about docker', 'Lists docker as a skill']);
      expect(names(await experts({ q: 'conteneurs' }))).toContain('Dana Ops');
      expect(await t.sql('SELECT topic FROM expertise WHERE user_id = $1', [dev.id])).toEqual([{ topic: 'docker' }]);

      // Removing it puts the declared skill back under its own key.
      await t.http.put('/api/admin/skill-synonyms').set('Authorization', admin.auth).send({ synonyms: current }).expect(200);
      await t.settle();
      const rows = await t.sql<{ topic: string; declared: boolean }>(
        'SELECT topic, declared FROM expertise WHERE user_id = $1 ORDER BY topic',
        [dev.id],
      );
      expect(rows).toEqual([
        { topic: 'conteneurs', declared: true },
        { topic: 'docker', declared: false },
      ]);
    });
  });
});
