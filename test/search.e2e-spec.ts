import type { SearchHit } from '@ruche/contracts';
import { addMember, createGroup } from './factories/group.factory.js';
import { openCampaign, registerInnovator, submitIdea } from './factories/idea.factory.js';
import { registerModerator, report, resolve, setSettings, setSuspended } from './factories/moderation.factory.js';
import { comment, postIn } from './factories/notification.factory.js';
import { updateProfile } from './factories/people.factory.js';
import { answerQuestion, askQuestion } from './factories/question.factory.js';
import { registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

/**
 * The one search box, end to end: each type is found (French and English, accents and case
 * ignored, typos in names, prefixes while typing), ranked and snippeted, and nothing comes back
 * that the caller may not see: private groups and their posts, hidden, removed, held and deleted
 * content, suspended people. Every leak test has a positive control (someone
 * who may see the item finds it with the same query), and every hit is cross-checked against the
 * item's own read endpoint.
 */
describe('search: GET /api/search', () => {
  const t = useTestApp();
  let admin: TestUser, moderator: TestUser, alice: TestUser, bob: TestUser, insider: TestUser, innovator: TestUser;

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Site Admin' });
    moderator = await registerModerator(t, admin, 'Morgane Moderator');
    alice = await registerUser(t, { email: 'alice.martin@corp.example', displayName: 'Alice Martin' });
    [bob, insider] = await registerUsers(t, ['Bob Stranger', 'Ines Insider']);
    innovator = await registerInnovator(t, admin);
  });

  const search = (viewer: TestUser, query: Record<string, string | number>) =>
    t.http.get('/api/search').query(query).set('Authorization', viewer.auth);
  const hits = async (viewer: TestUser, q: string, extra: Record<string, string | number> = {}): Promise<SearchHit[]> => {
    const res = await search(viewer, { q, limit: 50, ...extra });
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const ids = async (viewer: TestUser, q: string, type?: SearchHit['type']) =>
    (await hits(viewer, q, type ? { type } : {})).map((h) => h.id);
  const highlighted = (hit: SearchHit) => hit.highlights.map(([from, to]) => hit.snippet.slice(from, to));

  describe('posts', () => {
    it('finds a post whatever the accents and case, with the matched words highlighted in a plain-text snippet', async () => {
      const post = await postIn(t, alice, 'Point d’étape : le Développement de notre plateforme <b>Kubernetes</b> avance bien.');
      const [hit] = (await hits(bob, 'developpement', { type: 'post' })).filter((h) => h.id === post.id);
      expect(hit).toMatchObject({ type: 'post', id: post.id, createdAt: expect.any(String) });
      // A one-line post is its title: stored as written (plain text, the client escapes it), the
      // matches marked there, and no snippet repeating it.
      expect(hit.title).toBe('Point d’étape : le Développement de notre plateforme <b>Kubernetes</b> avance bien.');
      expect(hit.snippet).toBe('');
      expect((hit.titleHighlights ?? []).map(([from, to]) => hit.title.slice(from, to))).toEqual(['Développement']);
      expect(hit.score).toBeGreaterThan(0);
      expect(hit.score).toBeLessThanOrEqual(1);
      expect(await ids(bob, 'DÉVELOPPEMENT')).toContain(post.id);
    });

    it('cuts a long first line between words for the title, and cuts the snippet from what follows it', async () => {
      const firstLine = `Le planning des astreintes du quokka ${'pour le trimestre prochain '.repeat(5)}est publié`;
      const post = await postIn(t, alice, `${firstLine}\nMerci de vérifier vos créneaux avant vendredi.`);
      const [hit] = (await hits(bob, 'quokka', { type: 'post' })).filter((h) => h.id === post.id);
      expect(hit.title.length).toBeLessThanOrEqual(120);
      expect(hit.title.endsWith('…')).toBe(true);
      const shown = hit.title.slice(0, -1);
      expect(firstLine.startsWith(shown) && firstLine[shown.length] === ' ').toBe(true);
      expect((hit.titleHighlights ?? []).map(([from, to]) => hit.title.slice(from, to))).toEqual(['quokka']);
      expect(hit.snippet).toBe('Merci de vérifier vos créneaux avant vendredi.');
    });

    it('matches French and English word forms (stemming) and prefixes while typing', async () => {
      const post = await postIn(t, alice, 'We are deploying the new observability dashboards next week.');
      expect(await ids(bob, 'deployment dashboard')).toContain(post.id);
      expect(await ids(bob, 'observab')).toContain(post.id);
      const fr = await postIn(t, alice, 'Les déploiements continus simplifient nos mises en production.');
      expect(await ids(bob, 'déploiement continu')).toContain(fr.id);
    });

    it('supports "phrases", or, and -exclusions as on a web search engine', async () => {
      const a = await postIn(t, alice, 'The quarterly hackathon starts on Monday in Lyon.');
      const b = await postIn(t, alice, 'Monday starts the hackathon for the quarterly review in Paris.');
      expect(await ids(bob, '"quarterly hackathon"')).toEqual(expect.arrayContaining([a.id]));
      expect(await ids(bob, '"quarterly hackathon"')).not.toContain(b.id);
      expect(await ids(bob, 'hackathon -paris')).toContain(a.id);
      expect(await ids(bob, 'hackathon -paris')).not.toContain(b.id);
      expect(await ids(bob, 'lyon or paris')).toEqual(expect.arrayContaining([a.id, b.id]));
    });

    it('never returns a private group’s posts to a non-member; members find them', async () => {
      const owner = await registerUser(t, { displayName: 'Olga Owner' });
      const group = await createGroup(t, owner, { name: 'Zeppelin taskforce', visibility: 'private' });
      await addMember(t, owner, group.id, insider);
      const post = await postIn(t, insider, 'The zeppelin budget is confidential until Friday.', group.id);
      expect(await ids(bob, 'zeppelin budget')).not.toContain(post.id);
      expect(await ids(bob, 'zeppelin')).not.toContain(post.id);
      expect(await ids(insider, 'zeppelin budget')).toContain(post.id);
      // A removed member loses it at once.
      await t.http.delete(`/api/groups/${group.id}/members/${insider.id}`).set('Authorization', owner.auth).expect(204);
      expect(await ids(insider, 'zeppelin budget')).not.toContain(post.id);
    });

    it('finds posts in public groups for everyone', async () => {
      const group = await createGroup(t, alice, { name: 'Jardinage', visibility: 'public' });
      const post = await postIn(t, alice, 'Les tomates anciennes arrivent au jardin partagé.', group.id);
      expect(await ids(bob, 'tomates')).toContain(post.id);
    });

    it('hidden and removed posts disappear for everyone but moderators; deleted posts for everyone', async () => {
      const hidden = await postIn(t, alice, 'Flamingo parade tonight after work.');
      const removed = await postIn(t, alice, 'Flamingo merchandise for sale, cheap.');
      const deleted = await postIn(t, alice, 'Flamingo costumes wanted.');
      expect(await ids(bob, 'flamingo')).toEqual(expect.arrayContaining([hidden.id, removed.id, deleted.id]));
      await resolve(t, moderator, (await report(t, bob, hidden.id)).id, 'hide');
      await resolve(t, moderator, (await report(t, bob, removed.id)).id, 'remove');
      await t.http.delete(`/api/posts/${deleted.id}`).set('Authorization', alice.auth).expect(204);
      await t.settle();
      for (const viewer of [bob, alice]) {
        const found = await ids(viewer, 'flamingo');
        expect(found).not.toContain(hidden.id);
        expect(found).not.toContain(removed.id);
        expect(found).not.toContain(deleted.id);
      }
      const asModerator = await ids(moderator, 'flamingo');
      expect(asModerator).toEqual(expect.arrayContaining([hidden.id, removed.id]));
      expect(asModerator).not.toContain(deleted.id);
    });

    it('a post held for a blocked term is found by its author and moderators only', async () => {
      await setSettings(t, moderator, { blockedTerms: ['grobnitz'] });
      try {
        const res = await t.http
          .post('/api/posts')
          .set('Authorization', alice.auth)
          .send({ body: 'Walrus grobnitz announcement' });
        expect(res.status).toBe(201);
        expect(await ids(bob, 'walrus')).not.toContain(res.body.id);
        expect(await ids(alice, 'walrus')).toContain(res.body.id);
        expect(await ids(moderator, 'walrus')).toContain(res.body.id);
      } finally {
        await setSettings(t, moderator, { blockedTerms: [] });
      }
    });
    it('finds a post by one of its comments (the snippet is the comment), never by a hidden comment or one in a private group', async () => {
      const post = await postIn(t, alice, 'Who has the spare projector?');
      await comment(t, bob, post.id, 'The Epson projector is in the Capybara meeting room.');
      const [hit] = (await hits(insider, 'capybara', { type: 'post' })).filter((h) => h.id === post.id);
      expect(hit.title).toBe('Who has the spare projector?');
      expect(hit.snippet).toContain('Capybara meeting room');
      expect(highlighted(hit)).toEqual(['Capybara']);

      const other = await postIn(t, alice, 'Lunch plans?');
      const rude = await comment(t, bob, other.id, 'Axolotl burgers or nothing.');
      expect(await ids(insider, 'axolotl')).toContain(other.id);
      await resolve(t, moderator, (await report(t, insider, rude.id, 'comment')).id, 'hide');
      await t.settle();
      expect(await ids(insider, 'axolotl')).not.toContain(other.id);
      expect(await ids(moderator, 'axolotl')).toContain(other.id);

      const owner = await registerUser(t, { displayName: 'Priscille Private' });
      const group = await createGroup(t, owner, { name: 'Comité budget', visibility: 'private' });
      const inside = await postIn(t, owner, 'Draft figures attached.', group.id);
      await comment(t, owner, inside.id, 'The pangolin line item looks high.');
      expect(await ids(bob, 'pangolin')).not.toContain(inside.id);
      expect(await ids(owner, 'pangolin')).toContain(inside.id);
    });
  });

  describe('groups', () => {
    it('finds public groups by name (typos tolerated) and description', async () => {
      const group = await createGroup(t, alice, {
        name: 'Photographie',
        description: 'Sorties argentiques et retouche numérique',
        visibility: 'public',
      });
      expect(await ids(bob, 'photographie', 'group')).toContain(group.id);
      expect(await ids(bob, 'Photografie', 'group')).toContain(group.id);
      expect(await ids(bob, 'argentique', 'group')).toContain(group.id);
      const [hit] = (await hits(bob, 'retouche', { type: 'group' })).filter((h) => h.id === group.id);
      expect(hit.title).toBe('Photographie');
      expect(highlighted(hit)).toEqual(['retouche']);
    });

    it('never returns a private group to a non-member, even by its exact name; members find it', async () => {
      const group = await createGroup(t, alice, {
        name: 'Opération Narval',
        description: 'Acquisition confidentielle',
        visibility: 'private',
      });
      await addMember(t, alice, group.id, insider);
      for (const q of ['Opération Narval', 'narval', 'Narvall', 'acquisition confidentielle']) {
        expect(await ids(bob, q)).not.toContain(group.id);
        expect(await ids(insider, q)).toContain(group.id);
      }
    });
  });

  describe('ideas', () => {
    it('finds ideas of open campaigns; never a hidden idea, except for moderators', async () => {
      const campaign = await openCampaign(t, innovator, [admin], { title: 'Greener offices' });
      const idea = await submitIdea(t, alice, campaign.id, { title: 'Solar panels on the car park', body: 'Shade and energy.' });
      const hidden = await submitIdea(t, alice, campaign.id, { title: 'Solar kettles', body: 'Boil water with sunlight.' });
      expect(await ids(bob, 'solar', 'idea')).toEqual(expect.arrayContaining([idea.id, hidden.id]));
      await resolve(t, moderator, (await report(t, bob, hidden.id, 'idea')).id, 'hide');
      await t.settle();
      expect(await ids(bob, 'solar')).toContain(idea.id);
      expect(await ids(bob, 'solar')).not.toContain(hidden.id);
      expect(await ids(moderator, 'solar')).toContain(hidden.id);

      const [hit] = (await hits(bob, 'panel', { type: 'idea' })).filter((h) => h.id === idea.id);
      expect(hit.title).toBe('Solar panels on the car park');
    });
  });

  describe('questions', () => {
    it('finds questions by title and body; a hidden question only for moderators', async () => {
      const visible = await askQuestion(t, alice, {
        title: 'How do we rotate Vault certificates?',
        body: 'Our certificats expire soon.',
      });
      const hidden = await askQuestion(t, alice, { title: 'Vault password dump?', body: 'Where is it?' });
      expect(await ids(bob, 'vault', 'question')).toEqual(expect.arrayContaining([visible.id, hidden.id]));
      expect(await ids(bob, 'certificat', 'question')).toContain(visible.id);
      await resolve(t, moderator, (await report(t, bob, hidden.id, 'question')).id, 'hide');
      await t.settle();
      expect(await ids(bob, 'vault')).not.toContain(hidden.id);
      expect(await ids(alice, 'vault')).not.toContain(hidden.id);
      expect(await ids(moderator, 'vault')).toContain(hidden.id);
      expect(await ids(bob, 'vault')).toContain(visible.id);
    });
    it('finds a question by one of its answers (where the knowledge is); a hidden answer stops matching', async () => {
      const question = await askQuestion(t, alice, { title: 'How do I get a parking badge?', body: 'New here.' });
      const answer = await answerQuestion(t, bob, question.id, 'Ask the wombat desk on floor 2, they print badges.');
      const [hit] = (await hits(insider, 'wombat', { type: 'question' })).filter((h) => h.id === question.id);
      expect(hit.title).toBe('How do I get a parking badge?');
      expect(hit.snippet).toContain('wombat desk');
      await resolve(t, moderator, (await report(t, insider, answer.id, 'answer')).id, 'hide');
      await t.settle();
      expect(await ids(insider, 'wombat')).not.toContain(question.id);
      expect(await ids(moderator, 'wombat')).toContain(question.id);
    });
  });

  describe('people', () => {
    it('finds a colleague by name with typos, by profile text without accents, and by a declared skill', async () => {
      await updateProfile(t, alice, {
        title: 'Ingénieure plateforme',
        department: 'Ingénierie',
        location: 'Nantes',
        bio: 'Je m’occupe des clusters et de l’observabilité.',
        skills: ['Terraform'],
      });
      expect(await ids(bob, 'Alice Martn', 'person')).toContain(alice.id);
      expect(await ids(bob, 'ingenierie nantes', 'person')).toContain(alice.id);
      expect(await ids(bob, 'terraform', 'person')).toContain(alice.id);
      const [hit] = (await hits(bob, 'ingenierie', { type: 'person' })).filter((h) => h.id === alice.id);
      expect(hit.title).toBe('Alice Martin');
      expect(highlighted(hit)).toContain('Ingénierie');
      const [byName] = (await hits(bob, 'Alice Martin', { type: 'person' })).filter((h) => h.id === alice.id);
      expect(byName.snippet).toContain('Ingénieure plateforme');
    });

    it('never returns a suspended account', async () => {
      const gone = await registerUser(t, { displayName: 'Quentin Quarantine' });
      expect(await ids(bob, 'Quentin Quarantine')).toContain(gone.id);
      await setSuspended(t, admin, gone.id, true);
      expect(await ids(bob, 'Quentin Quarantine')).not.toContain(gone.id);
    });
  });

  describe('one box', () => {
    it('mixes every type in one ranked list and filters by type', async () => {
      await updateProfile(t, insider, { title: 'Cartographe', skills: ['Cartographie'] });
      const group = await createGroup(t, alice, { name: 'Cartographie libre', visibility: 'public' });
      const post = await postIn(t, alice, 'Nouvelle cartographie des bureaux disponible.');
      const question = await askQuestion(t, alice, { title: 'Qui maintient la cartographie réseau ?' });
      const all = await hits(bob, 'cartographie');
      const types = new Set(all.map((h) => h.type));
      expect(types).toEqual(new Set(['group', 'post', 'question', 'person']));
      expect(all.map((h) => h.id)).toEqual(expect.arrayContaining([group.id, post.id, question.id, insider.id]));
      const scores = all.map((h) => h.score);
      expect([...scores].sort((a, b) => b - a)).toEqual(scores);
      for (const type of ['post', 'person', 'group', 'idea', 'question'] as const) {
        for (const hit of await hits(bob, 'cartographie', { type })) expect(hit.type).toBe(type);
      }
    });

    it('pages with an opaque cursor: pages do not overlap and together hold every hit', async () => {
      const posts = [];
      for (let i = 0; i < 5; i++) posts.push(await postIn(t, alice, `Okapi sighting number ${i} near the canteen.`));
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const res = await search(bob, { q: 'okapi', limit: 2, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        expect(res.body.items.length).toBeLessThanOrEqual(2);
        seen.push(...res.body.items.map((h: SearchHit) => h.id));
        cursor = res.body.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 10);
      expect(pages).toBe(3);
      expect(new Set(seen).size).toBe(seen.length);
      expect(new Set(seen)).toEqual(new Set(posts.map((p) => p.id)));
    });

    it('cuts the snippets of every page it returns (cut for the page only), and nothing else travels', async () => {
      for (let i = 0; i < 3; i++) await postIn(t, alice, `Canteen news ${i}\nAn ocelot was seen near desk ${i}, says facilities.`);
      const wire = ['type', 'id', 'title', 'snippet', 'highlights', 'titleHighlights', 'score', 'createdAt'];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const res = await search(bob, { q: 'ocelot', limit: 1, ...(cursor ? { cursor } : {}) });
        expect(res.status).toBe(200);
        const [hit] = res.body.items as SearchHit[];
        expect(hit.title).toMatch(/^Canteen news \d$/);
        expect(hit.snippet).toMatch(/ocelot was seen near desk \d, says facilities/);
        expect(highlighted(hit)).toEqual(['ocelot']);
        for (const key of Object.keys(hit)) expect(wire).toContain(key);
        cursor = res.body.nextCursor ?? undefined;
        pages++;
      } while (cursor && pages < 5);
      expect(pages).toBe(3);
    });

    it('agrees with single reads: every hit returned to a person opens for them', async () => {
      const paths: Record<SearchHit['type'], (id: string) => string> = {
        post: (id) => `/api/posts/${id}`,
        person: (id) => `/api/users/${id}`,
        group: (id) => `/api/groups/${id}`,
        idea: (id) => `/api/ideas/${id}`,
        question: (id) => `/api/questions/${id}`,
      };
      for (const viewer of [bob, insider]) {
        for (const q of [
          'zeppelin',
          'narval',
          'flamingo',
          'solar',
          'vault',
          'cartographie',
          'walrus',
          'capybara',
          'wombat',
          'pangolin',
        ]) {
          for (const hit of await hits(viewer, q)) {
            const res = await t.http.get(paths[hit.type](hit.id)).set('Authorization', viewer.auth);
            expect({ q, hit: hit.id, status: res.status }).toEqual({ q, hit: hit.id, status: 200 });
          }
        }
      }
    });
  });

  describe('bad input: results or a clear 400, never a 500', () => {
    it.each([
      ['&'],
      ['|'],
      ['!'],
      ['( )'],
      [':'],
      ['*'],
      ['kubernetes & | ! ( ) : *'],
      ["'"],
      ['"'],
      ['"unclosed phrase'],
      ["o'brien"],
      ["'; DROP TABLE posts; --"],
      ['\\'],
      ['%_'],
      ['-'],
      ['or'],
      ['the'],
      ['<->'],
      ['a:*'],
      ['!!!!'],
      ['😀 emoji'],
      ['x'.repeat(500)],
      [Array.from({ length: 120 }, (_, i) => `w${i}`).join(' ')],
    ])('q=%j → 200 with a list', async (q) => {
      const res = await search(bob, { q });
      expect(res.status).toBe(200);
      expect(Array.isArray(res.body.items)).toBe(true);
    });

    it.each([
      ['no q', {}],
      ['an empty q', { q: '' }],
      ['a blank q', { q: '   ' }],
      ['a 10,000-character q', { q: 'k'.repeat(10_000) }],
      ['a NUL character', { q: 'ab\u0000cd' }],
      ['an unknown type', { q: 'x', type: 'comment' }],
      ['limit 0', { q: 'x', limit: 0 }],
      ['limit 51', { q: 'x', limit: 51 }],
      ['a non-numeric limit', { q: 'x', limit: 'ten' }],
      ['a garbage cursor', { q: 'x', cursor: 'not-a-cursor' }],
      ['a cursor past the depth limit', { q: 'x', cursor: Buffer.from('{"o":5000}').toString('base64url') }],
      ['an unknown parameter', { q: 'x', sort: 'new' }],
    ])('%s → 400 with a message', async (_what, query) => {
      const res = await search(bob, query as Record<string, string | number>);
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request', message: expect.anything() });
    });

    it('without a token → 401', async () => {
      const res = await t.http.get('/api/search').query({ q: 'x' });
      expect(res.status).toBe(401);
    });

    it('searching writes nothing', async () => {
      await t.settle();
      const before = await t.sql<{ n: string }>('SELECT count(*) AS n FROM outbox');
      await search(bob, { q: 'flamingo' });
      await search(bob, { q: '' });
      await t.settle();
      expect(await t.sql<{ n: string }>('SELECT count(*) AS n FROM outbox')).toEqual(before);
    });
  });
});
