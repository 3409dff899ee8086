import { banFromGroup, createGroup, joinGroup } from './factories/group.factory.js';
import { acceptGuidelines, publishGuidelines } from './factories/moderation.factory.js';
import { follow, updateProfile } from './factories/people.factory.js';
import { firstRunSteps, publishOnboardingPath } from './factories/training.factory.js';
import { actingAs, registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

interface SuggestionsBody {
  colleagues: { id: string; displayName: string; department: string; reason: string }[];
  groups: { id: string; name: string; visibility: string; myRole: null; colleagues: number }[];
  skills: { name: string; skill: string; people: number }[];
}
interface PathBody {
  id: string;
  steps: { kind: string; done: boolean }[];
  progress: { completedAt: string | null };
}

/**
 * First run (#16): what a new person is offered (colleagues they will work with, public groups
 * their department is in, the skills it declares) and the first-run state, tied to the company
 * onboarding path whose steps the first run's actions tick.
 */
describe('first run', () => {
  const t = useTestApp();
  let admin: TestUser, nina: TestUser, marc: TestUser, rita: TestUser, pete: TestUser;
  let fred: TestUser, dora: TestUser, gina: TestUser, uma: TestUser;
  const groups: Record<'bookClub' | 'platform' | 'cooking' | 'skunkworks' | 'banned', string> = {} as never;
  const as = (user: TestUser) => actingAs(t, user);
  const count = async (table: string) => Number((await t.sql<{ n: string }>(`SELECT count(*) AS n FROM ${table}`))[0].n);
  const suggestionsOf = async (user: TestUser, query = ''): Promise<SuggestionsBody> => {
    const res = await as(user).get(`/api/me/suggestions${query}`);
    expect(res.status).toBe(200);
    return res.body;
  };

  beforeAll(async () => {
    [admin, nina, marc, rita, pete, fred, dora, gina, uma] = await registerUsers(t, [
      'Admin',
      'Nina Newcomer',
      'Marc Manager',
      'Rita Report',
      'Pete Peer',
      'Fred Followed',
      'Dora Departed',
      'Gina Groupmate',
      'Uma Unrelated',
    ]);
    await updateProfile(t, nina, { department: 'Engineering', skills: ['Kubernetes'] });
    await updateProfile(t, marc, { department: 'Management' });
    await updateProfile(t, rita, { department: 'Support' });
    // Same department whatever the spelling.
    await updateProfile(t, pete, { department: 'engineering ', skills: ['TypeScript', 'Go'] });
    await updateProfile(t, fred, { department: 'Engineering', skills: ['typescript', 'Kubernetes'] });
    await updateProfile(t, dora, { department: 'Engineering' });
    await updateProfile(t, gina, { department: 'Sales' });
    await updateProfile(t, uma, { department: 'Sales', skills: ['Cooking'] });
    for (const [person, manager] of [
      [nina, marc],
      [rita, nina],
    ] as const) {
      await as(admin).put(`/api/admin/users/${person.id}/manager`, { managerId: manager.id }).expect(200);
    }
    await follow(t, nina, fred);

    groups.bookClub = (await createGroup(t, gina, { name: 'Book club' })).id;
    await joinGroup(t, nina, groups.bookClub);
    groups.platform = (await createGroup(t, uma, { name: 'Platform guild' })).id;
    for (const member of [pete, fred]) await joinGroup(t, member, groups.platform);
    groups.cooking = (await createGroup(t, uma, { name: 'Cooking' })).id;
    for (const member of [gina, rita, marc]) await joinGroup(t, member, groups.cooking);
    // More of Nina's department than anywhere else, but private: never hers to discover.
    groups.skunkworks = (await createGroup(t, pete, { name: 'Skunkworks', visibility: 'private' })).id;
    groups.banned = (await createGroup(t, uma, { name: 'Off-topic' })).id;
    await banFromGroup(t, uma, groups.banned, nina.id);

    await as(admin).put(`/api/admin/users/${dora.id}/deactivation`, { deactivated: true, reason: 'Left' }).expect(200);
  });

  it('suggests the manager, reports, the department and group mates: not oneself, not followed, not inactive', async () => {
    const { colleagues } = await suggestionsOf(nina);
    expect(colleagues.map((c) => [c.displayName, c.reason])).toEqual([
      ['Marc Manager', 'manager'],
      ['Rita Report', 'report'],
      ['Pete Peer', 'department'],
      ['Gina Groupmate', 'group'],
    ]);
    expect(colleagues[2]).toMatchObject({ id: pete.id, department: 'engineering' });

    // Following one takes them off the list.
    await follow(t, nina, pete);
    expect((await suggestionsOf(nina)).colleagues.map((c) => c.displayName)).not.toContain('Pete Peer');
    await as(nina).delete(`/api/users/${pete.id}/follow`).expect(204);
  });

  it('suggests the most followed people to someone the directory knows nothing about yet', async () => {
    const ivy = await registerUser(t, { displayName: 'Ivy Invited' });
    expect((await suggestionsOf(ivy)).colleagues.map((c) => [c.displayName, c.reason])).toEqual([['Fred Followed', 'popular']]);
  });

  it("suggests public groups her department is in first, never a private one, nor one she joined or is banned from", async () => {
    const { groups: found } = await suggestionsOf(nina, '?limit=20');
    expect(found.map((g) => [g.name, g.colleagues])).toEqual([
      ['Platform guild', 2],
      ['Cooking', 0],
    ]);
    expect(found.every((g) => g.visibility === 'public' && g.myRole === null)).toBe(true);
    // The private group's members see it as theirs, not as a suggestion; to others it is nowhere.
    for (const viewer of [nina, uma, gina, rita, marc, pete]) {
      const body = JSON.stringify(await suggestionsOf(viewer, '?limit=20'));
      expect(body).not.toContain(groups.skunkworks);
      expect(body).not.toContain('Skunkworks');
    }
  });

  it('suggests the skills her department declares that she has not', async () => {
    const { skills } = await suggestionsOf(nina);
    expect(skills.map((s) => [s.skill, s.people])).toEqual([
      ['typescript', 2],
      ['go', 1],
    ]);
    expect(['TypeScript', 'typescript']).toContain(skills[0].name);
  });

  it('answers only for the caller: another person gets their own, and no parameter names someone else', async () => {
    const mine = await suggestionsOf(uma);
    expect(mine.colleagues.map((c) => c.id)).not.toContain(uma.id);
    expect(mine.colleagues.find((c) => c.id === gina.id)?.reason).toBe('department');
    expect(mine.colleagues.some((c) => c.reason === 'manager' || c.reason === 'report')).toBe(false);
    expect(mine.skills.map((s) => s.skill)).not.toContain('cooking');

    expect((await as(uma).get(`/api/me/suggestions?userId=${nina.id}`)).status).toBe(400);
    expect((await as(uma).get(`/api/users/${nina.id}/suggestions`)).status).toBe(404);
    expect((await t.http.get('/api/me/suggestions')).status).toBe(401);
  });

  it('limits each list, and refuses a bad limit with a clear 400', async () => {
    const one = await suggestionsOf(nina, '?limit=1');
    expect([one.colleagues.length, one.groups.length, one.skills.length]).toEqual([1, 1, 1]);
    for (const limit of ['0', '21', 'abc', '1.5']) {
      const res = await as(nina).get(`/api/me/suggestions?limit=${limit}`);
      expect(res.status).toBe(400);
      expect(JSON.stringify(res.body)).toContain('limit');
    }
  });

  describe('the first-run state and the onboarding path', () => {
    let version: number;
    let path: { id: string };
    const stateOf = async (user: TestUser) => {
      await t.settle();
      const res = await as(user).get('/api/me/first-run');
      expect(res.status).toBe(200);
      return res.body as { due: boolean; outcome: string | null; finishedAt: string | null };
    };
    const onboardingOf = async (user: TestUser): Promise<PathBody> => {
      await t.settle();
      return ((await as(user).get('/api/me/training')).body.items as PathBody[]).find((p) => p.id === path.id)!;
    };

    beforeAll(async () => {
      version = await publishGuidelines(t, admin, 'Be kind.');
      path = await publishOnboardingPath(t, admin, firstRunSteps(groups.platform));
    });

    it('is not due for people who were here before the onboarding path', async () => {
      expect(await stateOf(nina)).toEqual({ due: false, outcome: null, finishedAt: null });
    });

    it("greets a new account; its skills, follows, join and accepted guidelines tick the path's steps", async () => {
      const newbie = await registerUser(t, { displayName: 'Bea Brandnew' });
      // Due from the first request, before or after the enrolment that follows the registration lands.
      expect((await as(newbie).get('/api/me/first-run')).body).toMatchObject({ due: true, outcome: null });
      expect(await stateOf(newbie)).toMatchObject({ due: true, outcome: null });

      await updateProfile(t, newbie, { skills: ['Go'] });
      await follow(t, newbie, pete);
      expect((await onboardingOf(newbie)).steps.map((s) => s.done)).toEqual([true, true, false, false]);
      await joinGroup(t, newbie, groups.platform);
      await acceptGuidelines(t, newbie, version);
      const done = await onboardingOf(newbie);
      expect(done.steps.every((s) => s.done)).toBe(true);
      expect(done.progress.completedAt).not.toBeNull();

      const finished = await as(newbie).put('/api/me/first-run', { outcome: 'finished' });
      expect(finished.status).toBe(200);
      expect(finished.body).toMatchObject({ due: false, outcome: 'finished' });
      // The first answer stays.
      expect((await as(newbie).put('/api/me/first-run', { outcome: 'skipped' })).body.outcome).toBe('finished');
    });

    it('stops being due once skipped, and refuses a bad outcome without writing', async () => {
      const newbie = await registerUser(t, { displayName: 'Sam Skipper' });
      expect((await stateOf(newbie)).due).toBe(true);
      const before = await count('training_first_runs');
      for (const body of [{}, { outcome: 'later' }, { outcome: 'skipped', userId: nina.id }]) {
        const res = await as(newbie).put('/api/me/first-run', body);
        expect(res.status).toBe(400);
      }
      expect(await count('training_first_runs')).toBe(before);
      expect((await stateOf(newbie)).due).toBe(true);
      await as(newbie).put('/api/me/first-run', { outcome: 'skipped' }).expect(200);
      expect(await stateOf(newbie)).toMatchObject({ due: false, outcome: 'skipped' });
    });

    it('answered many times at once (beyond the pool size): one row, one answer, the same for every reply', async () => {
      const newbie = await registerUser(t, { displayName: 'Dee Doubleclick' });
      expect((await stateOf(newbie)).due).toBe(true);
      const outcomes = Array.from({ length: 24 }, (_, i) => (i % 2 ? 'skipped' : 'finished'));
      const replies = await Promise.all(outcomes.map((outcome) => as(newbie).put('/api/me/first-run', { outcome })));
      expect(replies.map((r) => r.status)).toEqual(outcomes.map(() => 200));
      const rows = await t.sql<{ outcome: string }>('SELECT outcome FROM training_first_runs WHERE user_id = $1', [newbie.id]);
      expect(rows).toHaveLength(1);
      // Whichever answer won, every reply reports that one: none claims an outcome that was not kept.
      expect(new Set(replies.map((r) => r.body.outcome))).toEqual(new Set([rows[0].outcome]));
      expect(await stateOf(newbie)).toMatchObject({ due: false, outcome: rows[0].outcome });
    });

    it('counts skills and follows already there when someone chooses the path', async () => {
      await follow(t, pete, fred);
      await as(pete).post(`/api/training/paths/${path.id}/enroll`).expect(200);
      expect((await onboardingOf(pete)).steps.map((s) => [s.kind, s.done])).toEqual([
        ['declare_skills', true],
        ['follow_people', true],
        ['join_group', true],
        ['accept_guidelines', false],
      ]);
    });
  });
});
