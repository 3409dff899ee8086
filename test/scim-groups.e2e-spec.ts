import { registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

const TOKEN = 'scim-test-token-0123456789abcdefghijklmnop';
const GROUP = 'urn:ietf:params:scim:schemas:core:2.0:Group';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const ERROR = 'urn:ietf:params:scim:api:messages:2.0:Error';
const RUCHE = 'urn:ruche:params:scim:schemas:extension:2.0:Group';

type GroupResource = {
  id: string;
  displayName: string;
  members?: { value: string; display?: string }[];
  meta: { version: string };
};

/**
 * SCIM 2.0 Groups (RFC 7643 §4.2): a group the identity provider pushes is a private Ruche group,
 * owned by the first admin unless the provider names an owner, its members kept equal to the
 * provider's list (through the groups module: the member sees it, others get 404), under
 * concurrent PATCHes too. DELETE ends the sync and leaves the group.
 */
describe('SCIM: Groups', () => {
  const t = useTestApp({ SCIM_TOKEN: TOKEN });
  let admin: TestUser;
  let people: TestUser[];

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'First admin' });
    people = await registerUsers(t, ['Ann', 'Ben', 'Cid', 'Dee']);
  });

  const send = (method: 'post' | 'put' | 'patch', path: string, body: object, ifMatch?: string) => {
    const req = t.http[method](`/api/scim/v2${path}`)
      .set('Authorization', `Bearer ${TOKEN}`)
      .set('Content-Type', 'application/scim+json');
    if (ifMatch) req.set('If-Match', ifMatch);
    return req.send(JSON.stringify(body));
  };
  const get = (path: string) => t.http.get(`/api/scim/v2${path}`).set('Authorization', `Bearer ${TOKEN}`);
  const patch = (id: string, operations: object[], ifMatch?: string) =>
    send('patch', `/Groups/${id}`, { schemas: [PATCH_OP], Operations: operations }, ifMatch);
  const createGroup = async (displayName: string, members: TestUser[], extra: object = {}): Promise<GroupResource> => {
    const res = await send('post', '/Groups', {
      schemas: [GROUP],
      displayName,
      members: members.map((m) => ({ value: m.id })),
      ...extra,
    });
    expect(res.status).toBe(201);
    return res.body;
  };
  const roleIn = async (user: TestUser, groupId: string) => {
    const res = await t.http.get(`/api/groups/${groupId}`).set('Authorization', user.auth);
    return res.status === 404 ? 'not visible' : res.body.myRole;
  };
  const memberIds = (g: GroupResource) => (g.members ?? []).map((m) => m.value).sort();
  const ids = (users: TestUser[]) => users.map((u) => u.id).sort();

  it('creates RFC 7643’s group as a private Ruche group owned by the first admin; members see it, others get 404', async () => {
    const [ann, ben, cid] = people;
    const group = await createGroup('Tour Guides', [ann, ben], { externalId: 'tour-guides' });
    expect(group).toMatchObject({ schemas: [GROUP], displayName: 'Tour Guides', externalId: 'tour-guides' });
    expect(memberIds(group)).toEqual(ids([ann, ben]));
    expect(group.members!.find((m) => m.value === ann.id)!.display).toBe('Ann');
    expect(await roleIn(admin, group.id)).toBe('owner');
    expect(await roleIn(ann, group.id)).toBe('member');
    expect(await roleIn(cid, group.id)).toBe('not visible');
    const seen = await t.http.get(`/api/groups/${group.id}`).set('Authorization', ann.auth).expect(200);
    expect(seen.body).toMatchObject({ name: 'Tour Guides', visibility: 'private', memberCount: 3 });
  });

  it('PATCH adds and removes members as Entra ID and Okta send it; a removed member loses access at once', async () => {
    const [ann, ben, cid, dee] = people;
    const group = await createGroup('Patched', [ann]);
    const added = await patch(group.id, [{ op: 'Add', path: 'members', value: [{ value: ben.id }, { value: cid.id }] }]);
    expect(added.status).toBe(200);
    expect(memberIds(added.body)).toEqual(ids([ann, ben, cid]));
    // Entra ID: a filter in the path. Okta: the members to remove as the value.
    const removed = await patch(group.id, [
      { op: 'Remove', path: `members[value eq "${ann.id}"]` },
      { op: 'remove', path: 'members', value: [{ value: ben.id }] },
      { op: 'add', path: 'members', value: [{ value: dee.id }] },
    ]);
    expect(removed.status).toBe(200);
    expect(memberIds(removed.body)).toEqual(ids([cid, dee]));
    expect(await roleIn(ann, group.id)).toBe('not visible');
    expect(await roleIn(dee, group.id)).toBe('member');
    expect((await t.http.get(`/api/groups/${group.id}`).set('Authorization', admin.auth)).body.memberCount).toBe(3);
  });

  it('PUT replaces name and members; the owner stays whatever the list says', async () => {
    const [ann, ben] = people;
    const group = await createGroup('Before', [ann]);
    const res = await send('put', `/Groups/${group.id.toUpperCase()}`, {
      schemas: [GROUP],
      displayName: 'After',
      members: [{ value: ben.id }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: group.id, displayName: 'After' });
    // Owners are Ruche's, not the directory's: not listed, and never removed by the list.
    expect(memberIds(res.body)).toEqual(ids([ben]));
    const seen = await t.http.get(`/api/groups/${group.id}`).set('Authorization', admin.auth).expect(200);
    expect(seen.body).toMatchObject({ name: 'After', myRole: 'owner', memberCount: 2 });
  });

  it('the provider may name the owner; finds groups by displayName and externalId; excludedAttributes=members', async () => {
    const [ann, ben] = people;
    const group = await createGroup('Owned by Ann', [ben], { externalId: 'owned-ann', [RUCHE]: { owner: { value: ann.id } } });
    expect(await roleIn(ann, group.id)).toBe('owner');
    const byName = await get(`/Groups?filter=${encodeURIComponent('displayName eq "owned by ann"')}`).expect(200);
    expect(byName.body).toMatchObject({ totalResults: 1 });
    expect(byName.body.Resources[0].id).toBe(group.id);
    const byExternal = await get(
      `/Groups?filter=${encodeURIComponent('externalId eq "owned-ann"')}&excludedAttributes=members`,
    ).expect(200);
    expect(byExternal.body.Resources[0].id).toBe(group.id);
    expect(byExternal.body.Resources[0].members).toBeUndefined();
    expect((await get(`/Groups?filter=${encodeURIComponent('members eq "x"')}`)).body).toMatchObject({
      status: '400',
      scimType: 'invalidFilter',
    });
  });

  it('unknown members, bad bodies and bad tokens are refused, and nothing is written', async () => {
    const before = await t.sql<{ n: string }>('SELECT count(*) AS n FROM groups');
    const unknown = await send('post', '/Groups', {
      schemas: [GROUP],
      displayName: 'Ghosts',
      members: [{ value: '00000000-0000-4000-8000-000000000000' }],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body).toMatchObject({ schemas: [ERROR], scimType: 'invalidValue' });
    expect((await send('post', '/Groups', { schemas: [GROUP] })).status).toBe(400);
    expect((await send('post', '/Groups', { schemas: [GROUP], displayName: 'x', members: 'all' })).status).toBe(400);
    const intruder = await t.http
      .post('/api/scim/v2/Groups')
      .set('Authorization', people[0].auth)
      .send({ schemas: [GROUP], displayName: 'Mine' });
    expect(intruder.status).toBe(401);
    expect(await t.sql<{ n: string }>('SELECT count(*) AS n FROM groups')).toEqual(before);
    const group = await createGroup('Guarded', [people[0]]);
    const bad = await patch(group.id, [{ op: 'add', path: 'members', value: [{ value: 'not-an-id' }] }]);
    expect(bad.status).toBe(400);
    expect(memberIds((await get(`/Groups/${group.id}`)).body)).toEqual(ids([people[0]]));
  });

  it('concurrent PATCHes each adding a member: every one lands and the member count is exact', async () => {
    const joiners = await registerUsers(t, 16);
    const group = await createGroup('Crowd', []);
    const results = await Promise.all(
      joiners.map((u) => patch(group.id, [{ op: 'add', path: 'members', value: [{ value: u.id }] }])),
    );
    expect(results.map((r) => r.status)).toEqual(results.map(() => 200));
    const final = (await get(`/Groups/${group.id}`)).body;
    expect(memberIds(final)).toEqual(ids(joiners));
    const seen = await t.http.get(`/api/groups/${group.id}`).set('Authorization', admin.auth).expect(200);
    expect(seen.body.memberCount).toBe(17);
    // With the version read before, only one of several concurrent writes wins.
    const raced = await Promise.all(
      joiners
        .slice(0, 6)
        .map((u) => patch(group.id, [{ op: 'remove', path: `members[value eq "${u.id}"]` }], final.meta.version)),
    );
    expect(raced.filter((r) => r.status === 200)).toHaveLength(1);
    expect(raced.filter((r) => r.status === 412)).toHaveLength(5);
  });

  it('DELETE ends the sync: the SCIM group is gone, the Ruche group stays with its members', async () => {
    const [ann] = people;
    const group = await createGroup('Kept', [ann]);
    await t.http.delete(`/api/scim/v2/Groups/${group.id}`).set('Authorization', `Bearer ${TOKEN}`).expect(204);
    expect((await get(`/Groups/${group.id}`)).status).toBe(404);
    expect(await roleIn(ann, group.id)).toBe('member');
    expect((await t.http.delete(`/api/scim/v2/Groups/${group.id}`).set('Authorization', `Bearer ${TOKEN}`)).status).toBe(404);
  });
});
