import { addMember, createGroup, joinGroup, setRole } from './factories/group.factory.js';
import { acceptGuidelines, publishGuidelines } from './factories/moderation.factory.js';
import { updateProfile } from './factories/people.factory.js';
import { createPost } from './factories/post.factory.js';
import { askQuestion } from './factories/question.factory.js';
import { actingAs, registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { socketsFor } from './support/socket-client.js';
import { useTestApp } from './support/test-app.js';

interface StepBody {
  id: string;
  position: number;
  kind: string;
  title: string;
  groupId: string | null;
  done: boolean;
}
interface PathBody {
  id: string;
  title: string;
  audience: string;
  groupId: string | null;
  status: 'draft' | 'published' | 'archived';
  canManage: boolean;
  steps: StepBody[];
  progress: { enrolled: boolean; done: number; total: number; completedAt: string | null };
}

/** Training paths (#17): published by admins or group owners, given automatically, ticked by real actions. */
describe('training paths', () => {
  const t = useTestApp();
  let admin: TestUser;
  let owner: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let publicGroupId: string;
  let privateGroupId: string;
  const as = (user: TestUser) => actingAs(t, user);
  const connect = socketsFor(() => t);
  const count = async (table: string) => Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);

  const draft = async (by: TestUser, body: object): Promise<PathBody> => {
    const res = await as(by).post('/api/training/paths', body);
    expect(res.status).toBe(201);
    return res.body;
  };
  const publish = async (by: TestUser, id: string): Promise<PathBody> => {
    const res = await as(by).post(`/api/training/paths/${id}/publish`);
    expect(res.status).toBe(200);
    return res.body;
  };
  const myPaths = async (user: TestUser): Promise<PathBody[]> => {
    await t.settle();
    const res = await as(user).get('/api/me/training');
    expect(res.status).toBe(200);
    return res.body.items;
  };

  beforeAll(async () => {
    [admin, owner, member, outsider] = await registerUsers(t, ['Admin', 'Olga Owner', 'Mia Member', 'Oscar Outsider']);
    publicGroupId = (await createGroup(t, owner, { name: 'Welcome', visibility: 'public' })).id;
    privateGroupId = (await createGroup(t, owner, { name: 'Secret lab', visibility: 'private' })).id;
    await addMember(t, owner, privateGroupId, member);
  });

  describe('who may publish', () => {
    const steps = [{ kind: 'read', title: 'Read the handbook' }];

    it("refuses a company path to anyone but an admin, and a group's to anyone but its owners and admins", async () => {
      const before = await count('training_paths');
      expect((await as(member).post('/api/training/paths', { title: 'Mine', audience: 'newcomers', steps })).status).toBe(403);
      // A member who is not its owner or admin: 403. A private group stays a 404 to someone outside it, even a site admin.
      const lab = { title: 'Lab', audience: 'newcomers', groupId: privateGroupId, steps };
      for (const [who, status] of [
        [member, 403],
        [outsider, 404],
        [admin, 404],
      ] as const) {
        expect((await as(who).post('/api/training/paths', lab)).status).toBe(status);
      }
      expect(await count('training_paths')).toBe(before);
    });

    it('lets a group admin publish the group path, and hides the draft from everyone else', async () => {
      const [deputy] = await registerUsers(t, ['Dan Deputy']);
      await addMember(t, owner, publicGroupId, deputy);
      await setRole(t, owner, publicGroupId, deputy.id, 'admin');
      const path = await draft(deputy, { title: 'Welcome aboard', audience: 'newcomers', groupId: publicGroupId, steps });
      expect(path).toMatchObject({ status: 'draft', canManage: true, groupId: publicGroupId });
      expect((await as(outsider).get(`/api/training/paths/${path.id}`)).status).toBe(404);
      expect((await as(outsider).post(`/api/training/paths/${path.id}/publish`)).status).toBe(404);
      expect((await as(owner).get(`/api/training/paths/${path.id}`)).body.canManage).toBe(true);
      await publish(deputy, path.id);
      // Published: readable by anyone who may read the group, still not theirs to change.
      expect((await as(outsider).get(`/api/training/paths/${path.id}`)).body).toMatchObject({
        status: 'published',
        canManage: false,
      });
      expect((await as(outsider).post(`/api/training/paths/${path.id}/archive`)).status).toBe(403);
      expect((await as(outsider).get(`/api/training/paths/${path.id}/progress`)).status).toBe(403);
      expect((await as(admin).post(`/api/training/paths/${path.id}/archive`)).status).toBe(403);
      expect((await as(deputy).post(`/api/training/paths/${path.id}/archive`)).body.status).toBe('archived');
    });

    it("keeps a private group's path a 404 to non-members on every path", async () => {
      const path = await draft(owner, { title: 'Lab onboarding', audience: 'newcomers', groupId: privateGroupId, steps });
      await publish(owner, path.id);
      expect((await as(member).get(`/api/training/paths/${path.id}`)).status).toBe(200);
      for (const [method, url] of [
        ['get', `/api/training/paths/${path.id}`],
        ['post', `/api/training/paths/${path.id}/enroll`],
        ['post', `/api/training/paths/${path.id}/steps/${path.steps[0].id}/complete`],
        ['get', `/api/training/paths/${path.id}/progress`],
        ['patch', `/api/training/paths/${path.id}`],
      ] as const) {
        expect([method, url, (await as(outsider)[method](url)).status]).toEqual([method, url, 404]);
      }
      const listed = (await as(outsider).get('/api/training/paths?limit=100')).body.items.map((p: PathBody) => p.id);
      expect(listed).not.toContain(path.id);
      expect((await as(member).get('/api/training/paths?limit=100')).body.items.map((p: PathBody) => p.id)).toContain(path.id);
      // Only its owners and admins see it among the paths they may edit (the company's need an admin).
      const managed = async (who: TestUser) =>
        (await as(who).get('/api/training/paths?filter=managed&limit=100')).body.items.map((p: PathBody) => p.id);
      expect(await managed(owner)).toContain(path.id);
      expect(await managed(member)).not.toContain(path.id);
      expect(await managed(admin)).not.toContain(path.id);
    });
  });

  describe('bad input', () => {
    it.each([
      ['no steps', { title: 'T', audience: 'newcomers', steps: [] }],
      [
        'too many steps',
        { title: 'T', audience: 'newcomers', steps: Array.from({ length: 21 }, () => ({ kind: 'read', title: 'x' })) },
      ],
      ['an unknown kind', { title: 'T', audience: 'newcomers', steps: [{ kind: 'dance', title: 'x' }] }],
      ['a join step without its group', { title: 'T', audience: 'newcomers', steps: [{ kind: 'join_group', title: 'Join' }] }],
      [
        'a group on a reading step',
        {
          title: 'T',
          audience: 'newcomers',
          steps: [{ kind: 'read', title: 'x', groupId: '00000000-0000-4000-8000-000000000001' }],
        },
      ],
      ['an unknown audience', { title: 'T', audience: 'everyone', steps: [{ kind: 'read', title: 'x' }] }],
      ['a NUL in the title', { title: 'T\u0000', audience: 'newcomers', steps: [{ kind: 'read', title: 'x' }] }],
      ['an unknown field', { title: 'T', audience: 'newcomers', steps: [{ kind: 'read', title: 'x' }], owner: 'me' }],
      ['a blank title', { title: '   ', audience: 'newcomers', steps: [{ kind: 'read', title: 'x' }] }],
      [
        'a malformed group id',
        { title: 'T', audience: 'newcomers', groupId: 'not-an-id', steps: [{ kind: 'read', title: 'x' }] },
      ],
      ['steps that are not a list', { title: 'T', audience: 'newcomers', steps: 'read' }],
    ])('refuses %s with a 400 and writes nothing', async (_what, body) => {
      const before = await count('training_paths');
      const res = await as(admin).post('/api/training/paths', body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBeDefined();
      expect(await count('training_paths')).toBe(before);
    });

    it('refuses steps naming a private group in a company path, and a group path for community owners', async () => {
      const before = await count('training_paths');
      const privateStep = await as(admin).post('/api/training/paths', {
        title: 'T',
        audience: 'newcomers',
        steps: [{ kind: 'join_group', title: 'Join the lab', groupId: privateGroupId }],
      });
      expect(privateStep.status).toBe(400);
      const owners = await as(owner).post('/api/training/paths', {
        title: 'T',
        audience: 'community_owners',
        groupId: publicGroupId,
        steps: [{ kind: 'read', title: 'x' }],
      });
      expect(owners.status).toBe(400);
      expect(await count('training_paths')).toBe(before);
    });

    it('accepts ids in any letter case and refuses other spellings', async () => {
      const path = await draft(admin, { title: 'Case', audience: 'newcomers', steps: [{ kind: 'read', title: 'x' }] });
      expect((await as(admin).get(`/api/training/paths/${path.id.toUpperCase()}`)).body.id).toBe(path.id);
      expect((await as(admin).get(`/api/training/paths/${path.id}x`)).status).toBe(400);
      expect((await as(admin).get(`/api/training/paths/{${path.id}}`)).status).toBe(400);
      expect((await as(admin).delete(`/api/training/paths/${path.id}`)).status).toBe(204);
    });

    it('freezes a published path: no edit, no delete; steps only ticked when they are reading steps', async () => {
      const path = await draft(admin, {
        title: 'Frozen',
        audience: 'newcomers',
        steps: [
          { kind: 'read', title: 'Read me' },
          { kind: 'first_post', title: 'Say hello' },
        ],
      });
      const edited = await as(admin).patch(`/api/training/paths/${path.id}`, {
        title: 'Renamed',
        steps: [{ kind: 'read', title: 'Only' }],
      });
      expect(edited.body).toMatchObject({ title: 'Renamed', steps: [{ position: 1, title: 'Only' }] });
      await as(admin).patch(`/api/training/paths/${path.id}`, { steps: path.steps.map(({ kind, title }) => ({ kind, title })) });
      const live = await publish(admin, path.id);
      expect((await as(admin).patch(`/api/training/paths/${path.id}`, { title: 'Again' })).status).toBe(409);
      expect((await as(admin).delete(`/api/training/paths/${path.id}`)).status).toBe(409);
      expect((await as(admin).post(`/api/training/paths/${path.id}/publish`)).status).toBe(409);
      const [read, post] = live.steps;
      // Not following it yet, then a step done by doing it, then a step of another path.
      expect((await as(outsider).post(`/api/training/paths/${path.id}/steps/${read.id}/complete`)).status).toBe(409);
      await as(outsider).post(`/api/training/paths/${path.id}/enroll`).expect(200);
      expect((await as(outsider).post(`/api/training/paths/${path.id}/steps/${post.id}/complete`)).status).toBe(409);
      const other = await draft(admin, { title: 'Other', audience: 'newcomers', steps: [{ kind: 'read', title: 'x' }] });
      expect((await as(outsider).post(`/api/training/paths/${path.id}/steps/${other.steps[0].id}/complete`)).status).toBe(404);
      await as(admin).post(`/api/training/paths/${path.id}/archive`).expect(200);
      await as(admin).delete(`/api/training/paths/${other.id}`).expect(204);
    });
  });

  describe('progress from what people do', () => {
    let onboarding: PathBody;
    let version: number;

    beforeAll(async () => {
      version = await publishGuidelines(t, admin, 'Be kind. Share what you know.');
      onboarding = await draft(admin, {
        title: 'Welcome to the company',
        audience: 'newcomers',
        steps: [
          { kind: 'read', title: 'How we work', body: 'We post in the open.' },
          { kind: 'accept_guidelines', title: 'Accept the guidelines' },
          { kind: 'join_group', title: 'Join Welcome', groupId: publicGroupId.toUpperCase() },
          { kind: 'first_post', title: 'Introduce yourself' },
          { kind: 'first_question', title: 'Ask your first question' },
          { kind: 'meet_mentor', title: 'Meet a mentor' },
        ],
      });
      await publish(admin, onboarding.id);
    });

    it('gives a new account the onboarding path and ticks each step from the real action, live', async () => {
      const mentor = await registerUser(t, { displayName: 'Maria Mentor' });
      await acceptGuidelines(t, mentor, version);
      await as(mentor)
        .put('/api/me/mentoring')
        .send({ topics: ['Onboarding'] })
        .expect(200);

      const newcomer = await registerUser(t, { displayName: 'Nora Newcomer' });
      let [path] = await myPaths(newcomer);
      expect(path).toMatchObject({ id: onboarding.id, progress: { enrolled: true, done: 0, total: 6, completedAt: null } });
      const socket = await connect(newcomer);

      await as(newcomer).post(`/api/training/paths/${onboarding.id}/steps/${path.steps[0].id}/complete`).expect(200);
      await acceptGuidelines(t, newcomer, version);
      await joinGroup(t, newcomer, publicGroupId);
      await createPost(t, newcomer, 'Hello, I am Nora from finance');
      await askQuestion(t, newcomer, { title: 'Where do I find the expense policy?', topics: ['finance'] });
      await as(newcomer).post('/api/mentoring/requests', { skill: 'onboarding' }).expect(201);

      [path] = await myPaths(newcomer);
      expect(path.steps.map((s) => [s.kind, s.done])).toEqual(onboarding.steps.map((s) => [s.kind, true]));
      expect(path.progress).toMatchObject({ done: 6, total: 6 });
      expect(path.progress.completedAt).not.toBeNull();
      const progressed = await socket.waitForCount('training.progressed', 6);
      expect(progressed.filter((p) => p.pathCompleted)).toHaveLength(1);
      expect(progressed.every((p) => p.userId === newcomer.id && p.pathId === onboarding.id)).toBe(true);
    });

    it('ticks a first post once when many are published at once, and nothing for someone without the path', async () => {
      const eager = await registerUser(t, { displayName: 'Ezra Eager' });
      await acceptGuidelines(t, eager, version);
      const socket = await connect(eager);
      const posts = await Promise.all(
        Array.from({ length: 12 }, (_, i) => as(eager).post('/api/posts', { body: `Hello number ${i + 1}` })),
      );
      expect(posts.map((r) => r.status)).toEqual(Array(12).fill(201));
      await t.settle();
      const firstPost = onboarding.steps.find((s) => s.kind === 'first_post')!;
      const ticked = socket.received.filter((r) => r.event === 'training.progressed' && r.payload.stepId === firstPost.id);
      expect(ticked).toHaveLength(1);
      const [row] = await t.sql<{ n: string }>(
        'SELECT count(*) AS n FROM training_step_completions WHERE user_id = $1 AND step_id = $2',
        [eager.id, firstPost.id],
      );
      expect(row.n).toBe('1');

      // Someone following no path: their posts complete nothing and write nothing.
      const loner = await registerUser(t, { displayName: 'Lou Loner' });
      await acceptGuidelines(t, loner, version);
      await t.settle();
      await t.sql('DELETE FROM training_enrollments WHERE user_id = $1', [loner.id]);
      const before = await t.sql<{ n: string }>('SELECT count(*) AS n FROM training_step_completions');
      await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          as(loner)
            .post('/api/posts', { body: `Unrelated ${i}` })
            .expect(201),
        ),
      );
      await t.settle();
      expect(await t.sql<{ n: string }>('SELECT count(*) AS n FROM training_step_completions')).toEqual(before);
    });

    it('counts what already holds when the path is given: guidelines accepted, group joined', async () => {
      const group = await createGroup(t, owner, { name: 'Makers', visibility: 'public' });
      const groupPath = await draft(owner, {
        title: 'Makers onboarding',
        audience: 'newcomers',
        groupId: group.id,
        steps: [
          { kind: 'join_group', title: 'Join Makers', groupId: group.id },
          { kind: 'accept_guidelines', title: 'Guidelines' },
          { kind: 'first_post', title: 'Post in Makers', groupId: group.id },
        ],
      });
      await publish(owner, groupPath.id);
      const maker = await registerUser(t, { displayName: 'Max Maker' });
      await acceptGuidelines(t, maker, version);
      // A post elsewhere does not count for a step that asks for a post in the group.
      await createPost(t, maker, 'Hello company');
      await joinGroup(t, maker, group.id);
      const mine = (await myPaths(maker)).find((p) => p.id === groupPath.id)!;
      expect(mine.steps.map((s) => s.done)).toEqual([true, true, false]);
      await as(maker).post('/api/posts', { body: 'Hello makers', groupId: group.id }).expect(201);
      expect((await myPaths(maker)).find((p) => p.id === groupPath.id)!.progress.completedAt).not.toBeNull();
    });

    it('gives community owners their path when they create a group or become its admin', async () => {
      const ownersPath = await draft(admin, {
        title: 'Running a community',
        audience: 'community_owners',
        steps: [{ kind: 'read', title: 'The community owner guide' }],
      });
      await publish(admin, ownersPath.id);
      const [founder, helper] = await registerUsers(t, ['Fay Founder', 'Hal Helper']);
      const group = await createGroup(t, founder, { name: 'Runners' });
      await addMember(t, founder, group.id, helper);
      expect((await myPaths(helper)).map((p) => p.id)).not.toContain(ownersPath.id);
      await setRole(t, founder, group.id, helper.id, 'admin');
      expect((await myPaths(founder)).map((p) => p.id)).toContain(ownersPath.id);
      expect((await myPaths(helper)).map((p) => p.id)).toContain(ownersPath.id);
      await as(admin).post(`/api/training/paths/${ownersPath.id}/archive`).expect(200);
    });

    it("gives a private group's newcomers its path once approved, and shows owners progress by department", async () => {
      const labPath = await draft(owner, {
        title: 'Lab safety',
        audience: 'newcomers',
        groupId: privateGroupId,
        steps: [{ kind: 'read', title: 'Safety rules' }],
      });
      await publish(owner, labPath.id);
      const people = await registerUsers(t, 7);
      for (const [i, person] of people.entries()) {
        await updateProfile(t, person, { department: i < 5 ? 'Research' : `Tiny ${i}` });
        await addMember(t, owner, privateGroupId, person);
      }
      await t.settle();
      for (const person of people.slice(0, 3)) {
        await as(person).post(`/api/training/paths/${labPath.id}/steps/${labPath.steps[0].id}/complete`).expect(200);
      }
      const progress = await as(owner).get(`/api/training/paths/${labPath.id}/progress`);
      expect(progress.status).toBe(200);
      expect(progress.body).toEqual({
        enrolled: 7,
        completed: 3,
        steps: [{ stepId: labPath.steps[0].id, title: 'Safety rules', done: 3 }],
        // The two one-person departments are counted together, unnamed.
        byDepartment: [
          { department: 'Research', enrolled: 5, completed: 3 },
          { department: null, enrolled: 2, completed: 0 },
        ],
      });
      expect((await as(member).get(`/api/training/paths/${labPath.id}/progress`)).status).toBe(403);
    });

    it('stays exact when many steps are done and the same path followed at once', async () => {
      const path = await draft(admin, {
        title: 'Many readings',
        audience: 'newcomers',
        steps: Array.from({ length: 20 }, (_, i) => ({ kind: 'read', title: `Reading ${i + 1}` })),
      });
      const live = await publish(admin, path.id);
      const reader = await registerUser(t, { displayName: 'Rita Reader' });
      const enrolls = await Promise.all(
        Array.from({ length: 25 }, () => as(reader).post(`/api/training/paths/${path.id}/enroll`)),
      );
      expect(enrolls.map((r) => r.status)).toEqual(Array(25).fill(200));
      const socket = await connect(reader);
      const ticks = await Promise.all(
        [...live.steps, ...live.steps].map((step) => as(reader).post(`/api/training/paths/${path.id}/steps/${step.id}/complete`)),
      );
      expect(ticks.every((r) => r.status === 200)).toBe(true);
      const [row] = await t.sql<{ steps: string; enrolments: string; completed: string }>(
        `SELECT (SELECT count(*) FROM training_step_completions c JOIN training_steps s ON s.id = c.step_id
                  WHERE s.path_id = $1 AND c.user_id = $2) AS steps,
                (SELECT count(*) FROM training_enrollments WHERE path_id = $1 AND user_id = $2) AS enrolments,
                (SELECT count(*) FROM training_enrollments WHERE path_id = $1 AND user_id = $2 AND completed_at IS NOT NULL) AS completed`,
        [path.id, reader.id],
      );
      expect(row).toEqual({ steps: '20', enrolments: '1', completed: '1' });
      const progressed = await socket.waitForCount('training.progressed', 20);
      expect(progressed.filter((p) => p.pathCompleted)).toHaveLength(1);
      await t.settle();
      expect(socket.received.filter((r) => r.event === 'training.progressed')).toHaveLength(20);
    });

    it('gives no archived path to a new account', async () => {
      await as(admin).post(`/api/training/paths/${onboarding.id}/archive`).expect(200);
      const late = await registerUser(t, { displayName: 'Leo Late' });
      expect((await myPaths(late)).map((p) => p.id)).not.toContain(onboarding.id);
    });
  });
});
