import { setSuspended } from './factories/moderation.factory.js';
import { type ProfileBody, updateProfile } from './factories/people.factory.js';
import { registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

/** A directory entry: a profile's identity and where the person works. */
type EntryBody = Pick<ProfileBody, 'id' | 'handle' | 'displayName' | 'title' | 'department' | 'location'>;

interface PageBody {
  items: EntryBody[];
  nextCursor: string | null;
}

/** GET /api/users without q: the browsable directory of active people, by name, keyset-paged. */
describe('people: the directory (GET /api/users without q)', () => {
  const t = useTestApp();
  let admin: TestUser, chloe: TestUser, eric: TestUser, zoe: TestUser, bernard: TestUser, suspended: TestUser;

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Admin Root' });
    // Registered out of order, with case and accents, so the order must come from the names.
    [zoe, eric, chloe, bernard] = await registerUsers(t, ['zoé Leclerc', 'Éric Dupont', 'Chloé Durand', 'Bernard Petit']);
    [suspended] = await registerUsers(t, ['Dora Suspended']);
    await updateProfile(t, chloe, { title: 'Staff engineer', department: 'Ingénierie', location: 'Lyon' });
    await updateProfile(t, eric, { department: 'INGENIERIE', location: 'Paris' });
    await updateProfile(t, zoe, { department: 'Finance', location: 'Lyon' });
    await setSuspended(t, admin, suspended.id, true);
  });

  const list = async (viewer: TestUser, query = ''): Promise<PageBody> => {
    const res = await t.http.get(`/api/users${query}`).set('Authorization', viewer.auth);
    if (res.status !== 200) throw new Error(`GET /api/users${query} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const names = (page: PageBody) => page.items.map((u) => u.displayName);

  /** Every page of the directory, following nextCursor. */
  const walk = async (viewer: TestUser, query: string): Promise<{ pages: PageBody[]; names: string[] }> => {
    const pages: PageBody[] = [];
    let cursor: string | null = null;
    do {
      const page: PageBody = await list(viewer, `${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      pages.push(page);
      cursor = page.nextCursor;
    } while (cursor && pages.length < 20);
    return { pages, names: pages.flatMap(names) };
  };

  it('lists active people alphabetically (case and accents ignored), with where they work; no account data', async () => {
    const page = await list(bernard);
    expect(names(page)).toEqual(['Admin Root', 'Bernard Petit', 'Chloé Durand', 'Éric Dupont', 'zoé Leclerc']);
    expect(page.nextCursor).toBeNull();
    expect(page.items[2]).toEqual({
      id: chloe.id,
      handle: chloe.handle,
      displayName: 'Chloé Durand',
      title: 'Staff engineer',
      department: 'Ingénierie',
      location: 'Lyon',
    });
    // Someone who never filled in a profile is listed with empty fields.
    expect(page.items[1]).toMatchObject({ id: bernard.id, title: '', department: '', location: '' });
    for (const item of page.items)
      expect(Object.keys(item).sort()).toEqual(['department', 'displayName', 'handle', 'id', 'location', 'title']);
  });

  it('leaves suspended accounts out, and takes them back once reinstated', async () => {
    expect((await list(bernard)).items.map((u) => u.id)).not.toContain(suspended.id);
    await setSuspended(t, admin, suspended.id, false);
    expect(names(await list(bernard))).toContain('Dora Suspended');
    await setSuspended(t, admin, suspended.id, true);
    expect(names(await list(bernard))).not.toContain('Dora Suspended');
  });

  it('pages with opaque keyset cursors: no one twice, no one missed, stable when someone joins', async () => {
    const first = await list(bernard, '?limit=2');
    expect(names(first)).toEqual(['Admin Root', 'Bernard Petit']);
    expect(first.nextCursor).toEqual(expect.any(String));
    expect(first.nextCursor).not.toContain('bernard');
    // Someone joining before the cursor does not shift the next page.
    await registerUser(t, { displayName: 'Aaron Early' });
    const second = await list(bernard, `?limit=2&cursor=${encodeURIComponent(first.nextCursor!)}`);
    expect(names(second)).toEqual(['Chloé Durand', 'Éric Dupont']);
    const all = await walk(bernard, '?limit=2');
    expect(all.names).toEqual(['Aaron Early', 'Admin Root', 'Bernard Petit', 'Chloé Durand', 'Éric Dupont', 'zoé Leclerc']);
    expect(all.pages.at(-1)!.nextCursor).toBeNull();
    expect(all.pages.slice(0, -1).every((p) => p.items.length === 2)).toBe(true);
  });

  it('pages people with the same name by id, without losing either', async () => {
    const twins = [await registerUser(t, { displayName: 'Sam Twin' }), await registerUser(t, { displayName: 'sam twin' })];
    const all = await walk(bernard, '?limit=1');
    const ids = all.pages.flatMap((p) => p.items.map((u) => u.id));
    expect(new Set(ids).size).toBe(ids.length);
    for (const twin of twins) expect(ids).toContain(twin.id);
  });

  it('filters by department and/or location, case and accents ignored; an empty filter is no filter', async () => {
    expect(names(await list(bernard, '?department=ingenierie'))).toEqual(['Chloé Durand', 'Éric Dupont']);
    expect(names(await list(bernard, '?location=LYON'))).toEqual(['Chloé Durand', 'zoé Leclerc']);
    expect(names(await list(bernard, '?department=Ingénierie&location=lyon'))).toEqual(['Chloé Durand']);
    expect((await list(bernard, '?department=Nowhere')).items).toEqual([]);
    expect((await list(bernard, '?department=%20%20&location=')).items.length).toBeGreaterThan(3);
    // Filtered pages follow cursors too.
    const paged = await walk(bernard, '?department=ingenierie&limit=1');
    expect(paged.names).toEqual(['Chloé Durand', 'Éric Dupont']);
  });

  it('keeps the search by q as it was, narrowed by the same filters', async () => {
    const res = await t.http.get('/api/users?q=du').set('Authorization', bernard.auth);
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items.map((u: EntryBody) => u.id).sort()).toEqual([chloe.id, eric.id].sort());
    for (const u of res.body.items) expect(Object.keys(u).sort()).toEqual(['displayName', 'handle', 'id']);
    expect(names(await list(bernard, '?q=du&location=paris'))).toEqual(['Éric Dupont']);
    expect((await list(bernard, '?q=du&department=finance')).items).toEqual([]);
  });

  it.each([
    ['limit 0', '?limit=0'],
    ['limit 101', '?limit=101'],
    ['a non-numeric limit', '?limit=ten'],
    ['a garbage cursor', '?cursor=not-a-cursor'],
    [
      'a timestamp cursor from another list',
      `?cursor=${Buffer.from(JSON.stringify(['2026-01-01T00:00:00.000Z', '0b6f3f5e-2a44-4f0e-9d55-5f1b2f7d9c11'])).toString('base64url')}`,
    ],
    [
      'a cursor holding NUL',
      `?cursor=${Buffer.from(JSON.stringify(['name', 'a\u0000', '0b6f3f5e-2a44-4f0e-9d55-5f1b2f7d9c11'])).toString('base64url')}`,
    ],
    ['an overlong cursor', `?cursor=${'a'.repeat(501)}`],
    ['NUL in the department', '?department=a%00b'],
    ['NUL in the location', '?location=%00'],
    ['an overlong department', `?department=${'x'.repeat(101)}`],
    ['an overlong location', `?location=${'x'.repeat(101)}`],
    ['a blank q', '?q=%20'],
    ['NUL in q', '?q=a%00'],
    ['a cursor with q', `?q=a&cursor=abc`],
    ['a search limit over 20', '?q=a&limit=21'],
    ['an unknown parameter', '?sort=name'],
  ])('answers %s with 400', async (_name, query) => {
    const res = await t.http.get(`/api/users${query}`).set('Authorization', bernard.auth);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
  });

  it('needs a token', async () => {
    expect((await t.http.get('/api/users')).status).toBe(401);
  });
});
