import pg from 'pg';
import { registerModerator } from './factories/moderation.factory.js';
import { actingAs, registerUser, registerUsers, type TestUser } from './factories/user.factory.js';
import { type TestApp, useTestApp } from './support/test-app.js';

const UNKNOWN = '00000000-0000-4000-8000-000000000000';

/**
 * The org directory (#15): managers and reports on profiles, the org chart, and admins setting a
 * manager with cycles refused under a lock, so no pair of concurrent changes can close a loop.
 */
describe('org directory: managers, reports, org chart', () => {
  const t = useTestApp();
  let admin: TestUser;
  let moderator: TestUser;

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Admin' });
    moderator = await registerModerator(t, admin);
  });

  const setManager = (actor: TestUser, userId: string, managerId: unknown) =>
    t.http.put(`/api/admin/users/${userId}/manager`).set('Authorization', actor.auth).send({ managerId });
  const managerOf = async (userId: string) =>
    (await t.sql<{ manager_id: string | null }>('SELECT manager_id FROM profiles WHERE user_id = $1', [userId]))[0]?.manager_id ?? null;

  it('a profile shows the manager and how many report to the person; reports are paged; the chart goes up to the top', async () => {
    const [ceo, cto, lead, dev1, dev2, dev3] = await registerUsers(t, ['Ceo', 'Cto', 'Lead', 'Dev One', 'Dev Two', 'Dev Three']);
    await setManager(admin, cto.id, ceo.id).expect(200);
    await setManager(admin, lead.id, cto.id).expect(200);
    for (const dev of [dev1, dev2, dev3]) await setManager(admin, dev.id, lead.id).expect(200);
    await actingAs(t, lead).patch('/api/me', { title: 'Team lead', department: 'R&D' }).expect(200);

    const profile = (await actingAs(t, dev1).get(`/api/users/${lead.id}`).expect(200)).body;
    expect(profile.manager).toEqual({
      id: cto.id,
      handle: cto.handle,
      displayName: 'Cto',
      title: '',
      department: '',
      location: '',
      reportsCount: 1,
    });
    expect(profile.reportsCount).toBe(3);
    expect((await actingAs(t, dev1).get(`/api/users/${ceo.id}`).expect(200)).body).toMatchObject({ manager: null, reportsCount: 1 });

    const first = (await actingAs(t, dev1).get(`/api/users/${lead.id}/reports?limit=2`).expect(200)).body;
    expect(first.items).toHaveLength(2);
    const second = (await actingAs(t, dev1).get(`/api/users/${lead.id}/reports?limit=2&cursor=${first.nextCursor}`).expect(200)).body;
    expect(second.nextCursor).toBeNull();
    expect([...first.items, ...second.items].map((p: { id: string }) => p.id).sort()).toEqual([dev1.id, dev2.id, dev3.id].sort());

    const chart = (await actingAs(t, dev2).get(`/api/users/${lead.id}/org`).expect(200)).body;
    expect(chart.person).toMatchObject({ id: lead.id, title: 'Team lead', department: 'R&D', reportsCount: 3 });
    expect(chart.managers.map((m: { id: string }) => m.id)).toEqual([cto.id, ceo.id]);
    expect(chart.reports.map((r: { displayName: string }) => r.displayName)).toEqual(['Dev One', 'Dev Three', 'Dev Two']);
    expect(chart.moreReports).toBe(false);

    // A deactivated manager stays in the chart, marked as such.
    await t.http.put(`/api/admin/users/${cto.id}/deactivation`).set('Authorization', admin.auth).send({ deactivated: true }).expect(200);
    const after = (await actingAs(t, dev2).get(`/api/users/${lead.id}/org`).expect(200)).body;
    expect(after.managers[0]).toMatchObject({ id: cto.id, deactivated: true });
    expect((await actingAs(t, dev2).get(`/api/users/${lead.id}`).expect(200)).body.manager).toMatchObject({ id: cto.id, deactivated: true });
  });

  it('a manager cannot end up below their own report: direct and indirect loops are 409 and change nothing', async () => {
    const [a, b, c] = await registerUsers(t, ['Loop A', 'Loop B', 'Loop C']);
    await setManager(admin, b.id, a.id).expect(200);
    await setManager(admin, c.id, b.id).expect(200);
    const loop = await setManager(admin, a.id, c.id);
    expect(loop.status).toBe(409);
    expect(loop.body.code).toBe('manager_cycle');
    expect((await setManager(admin, a.id, b.id)).status).toBe(409);
    expect(await managerOf(a.id)).toBeNull();
    const self = await setManager(admin, a.id, a.id);
    expect(self.status).toBe(400);
    expect(await managerOf(a.id)).toBeNull();
    // Clearing is always allowed; then the old loop is no loop.
    await setManager(admin, c.id, null).expect(200);
    expect(await managerOf(c.id)).toBeNull();
    expect((await setManager(admin, a.id, c.id)).status).toBe(200);
  });

  it('concurrent changes that would together close loops (more pairs than pool connections): exactly one of each pair wins', async () => {
    const pairs = await Promise.all(Array.from({ length: 24 }, (_, i) => registerUsers(t, [`Pair ${i} X`, `Pair ${i} Y`])));
    const answers = await Promise.all(pairs.flatMap(([x, y]) => [setManager(admin, x.id, y.id), setManager(admin, y.id, x.id)]));
    for (let i = 0; i < pairs.length; i++) {
      const statuses = [answers[2 * i].status, answers[2 * i + 1].status].sort();
      expect(statuses).toEqual([200, 409]);
    }
    const loops = await t.sql(
      `SELECT a.user_id FROM profiles a JOIN profiles b ON b.user_id = a.manager_id WHERE b.manager_id = a.user_id`,
    );
    expect(loops).toEqual([]);
  });

  it('only admins set managers: a moderator or an employee is 403, no token is 401, and nothing changes', async () => {
    const [person, boss] = await registerUsers(t, ['Protected person', 'Would-be boss']);
    expect((await setManager(moderator, person.id, boss.id)).status).toBe(403);
    expect((await setManager(person, person.id, boss.id)).status).toBe(403);
    expect((await t.http.put(`/api/admin/users/${person.id}/manager`).send({ managerId: boss.id })).status).toBe(401);
    expect(await managerOf(person.id)).toBeNull();
  });

  it('bad ids and bodies are 400, unknown people 404 (or 400 for an unknown manager), ids in any case are one', async () => {
    const [person, boss] = await registerUsers(t, ['Id person', 'Id boss']);
    expect((await setManager(admin, 'not-an-id', boss.id)).status).toBe(400);
    expect((await setManager(admin, person.id, 'not-an-id')).status).toBe(400);
    expect((await t.http.put(`/api/admin/users/${person.id}/manager`).set('Authorization', admin.auth).send({})).status).toBe(400);
    expect((await setManager(admin, person.id, 42)).status).toBe(400);
    expect((await t.http.put(`/api/admin/users/${person.id}/manager`).set('Authorization', admin.auth).send({ managerId: boss.id, extra: 1 })).status).toBe(400);
    expect((await setManager(admin, UNKNOWN, boss.id)).status).toBe(404);
    expect((await setManager(admin, person.id, UNKNOWN)).status).toBe(400);
    expect(await managerOf(person.id)).toBeNull();
    expect((await actingAs(t, person).get(`/api/users/${UNKNOWN}/org`)).status).toBe(404);
    expect((await actingAs(t, person).get(`/api/users/${UNKNOWN}/reports`)).status).toBe(404);
    expect((await actingAs(t, person).get('/api/users/nope/org')).status).toBe(400);
    expect((await actingAs(t, person).get(`/api/users/${person.id}/reports?cursor=bad`)).status).toBe(400);
    await setManager(admin, person.id.toUpperCase(), boss.id.toUpperCase()).expect(200);
    expect(await managerOf(person.id)).toBe(boss.id);
    expect((await actingAs(t, person).get(`/api/users/${boss.id.toUpperCase()}/reports`).expect(200)).body.items[0].id).toBe(person.id);
  });
});

/** CSV import of people (#15): dry run report, apply as a job with progress, idempotent, one at a time, hostile files. */
describe('org directory: CSV import of people', () => {
  const t = useTestApp();
  let admin: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let employee: TestUser;

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Admin', email: 'admin@corp.example' });
    alice = await registerUser(t, { displayName: 'Alice', email: 'alice@corp.example' });
    bob = await registerUser(t, { displayName: 'Bob', email: 'bob@corp.example' });
    employee = await registerUser(t, { displayName: 'Employee', email: 'employee@corp.example' });
    await actingAs(t, alice).patch('/api/me', { title: 'Engineer', department: 'R&D', location: 'Paris' }).expect(200);
    await t.http.put(`/api/admin/users/${alice.id}/manager`).set('Authorization', admin.auth).send({ managerId: bob.id }).expect(200);
  });

  const upload = (actor: TestUser, csv: string | Buffer, dryRun = true) =>
    t.http
      .post(`/api/admin/people/imports?dryRun=${dryRun}`)
      .set('Authorization', actor.auth)
      .attach('file', Buffer.isBuffer(csv) ? csv : Buffer.from(csv, 'utf8'), { filename: 'people.csv', contentType: 'text/csv' });
  const get = (id: string) => t.http.get(`/api/admin/people/imports/${id}`).set('Authorization', admin.auth);
  const until = async (id: string, done: (body: { status: string }) => boolean = (b) => b.status === 'applied' || b.status === 'failed') => {
    for (let i = 0; i < 200; i++) {
      const body = (await get(id).expect(200)).body;
      if (done(body)) return body;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('import did not finish');
  };
  const snapshot = () =>
    t.sql(
      `SELECT u.email, u.display_name, p.title, p.department, p.location, m.email AS manager, p.updated_at
         FROM users u LEFT JOIN profiles p ON p.user_id = u.id LEFT JOIN users m ON m.id = p.manager_id ORDER BY u.email`,
    );

  const FILE = [
    'email,displayName,department,title,location,managerEmail',
    'carol@corp.example,Carol,R&D,Director,Lyon,',
    'alice@corp.example,,R&D,Senior engineer,,carol@corp.example',
    'bob@corp.example,Bob,,,,',
    'not-an-email,Nobody,,,,',
    'dave@corp.example,Dave,,,,nobody@corp.example',
    'carol@corp.example,Carol again,,,,',
    'bob@corp.example,Bob,,,,alice@corp.example',
    'erin@corp.example,,Sales,,,',
  ].join('\n');

  it('a dry run reports every row exactly (create, update field by field, unchanged, errors) and writes nothing', async () => {
    const before = await snapshot();
    const res = await upload(admin, FILE);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'dry_run', total: 8, processed: 0, result: null, fileName: 'people.csv' });
    expect(res.body.report).toEqual({
      total: 8,
      create: 1,
      update: 1,
      unchanged: 1,
      errors: 5,
      rows: [
        {
          line: 2,
          email: 'carol@corp.example',
          action: 'create',
          errors: [],
          changes: [
            { field: 'displayName', before: '', after: 'Carol' },
            { field: 'title', before: '', after: 'Director' },
            { field: 'department', before: '', after: 'R&D' },
            { field: 'location', before: '', after: 'Lyon' },
          ],
        },
        {
          line: 3,
          email: 'alice@corp.example',
          action: 'update',
          errors: [],
          changes: [
            { field: 'title', before: 'Engineer', after: 'Senior engineer' },
            { field: 'manager', before: 'bob@corp.example', after: 'carol@corp.example' },
          ],
        },
        { line: 4, email: 'bob@corp.example', action: 'unchanged', errors: [], changes: [] },
        { line: 5, email: 'not-an-email', action: 'error', errors: ['email is not a valid address'], changes: [] },
        {
          line: 6,
          email: 'dave@corp.example',
          action: 'error',
          errors: ['unknown manager nobody@corp.example: not a person here nor in this file'],
          changes: [],
        },
        {
          line: 7,
          email: 'carol@corp.example',
          action: 'error',
          errors: ['duplicate row: this email is already on line 2'],
          changes: [],
        },
        {
          line: 8,
          email: 'bob@corp.example',
          action: 'error',
          errors: ['duplicate row: this email is already on line 4'],
          changes: [],
        },
        { line: 9, email: 'erin@corp.example', action: 'error', errors: ['displayName is required for a new person'], changes: [] },
      ],
    });
    expect(await snapshot()).toEqual(before);
  });

  it('a row whose new manager would close a loop with the current chart is an error in the report', async () => {
    // Alice reports to Bob: Bob under Alice would be a loop.
    const res = await upload(admin, 'email,managerEmail\nbob@corp.example,alice@corp.example\n').expect(201);
    expect(res.body.report.rows).toEqual([
      {
        line: 2,
        email: 'bob@corp.example',
        action: 'error',
        errors: ['manager alice@corp.example would make this person their own indirect manager'],
        changes: [],
      },
    ]);
  });

  it('applying runs as a job with progress; the same file again changes nothing; employees are refused', async () => {
    const dry = (await upload(admin, FILE).expect(201)).body;
    expect((await t.http.post(`/api/admin/people/imports/${dry.id}/apply`).set('Authorization', employee.auth)).status).toBe(403);
    const started = await t.http.post(`/api/admin/people/imports/${dry.id}/apply`).set('Authorization', admin.auth);
    expect(started.status).toBe(201);
    expect(['queued', 'applying', 'applied']).toContain(started.body.status);
    await t.settle();
    const done = await until(dry.id);
    expect(done).toMatchObject({ status: 'applied', total: 8, processed: 8, error: null });
    expect(done.result).toMatchObject({ create: 1, update: 1, unchanged: 1, errors: 5 });
    const carol = (await t.sql<{ id: string }>(`SELECT id FROM users WHERE email = 'carol@corp.example'`))[0];
    expect(await t.sql('SELECT display_name, password_hash FROM users WHERE id = $1', [carol.id])).toEqual([
      { display_name: 'Carol', password_hash: null },
    ]);
    expect(await t.sql('SELECT title, department, location, manager_id FROM profiles WHERE user_id = $1', [alice.id])).toEqual([
      { title: 'Senior engineer', department: 'R&D', location: 'Paris', manager_id: carol.id },
    ]);
    expect((await t.sql(`SELECT id FROM users WHERE email IN ('dave@corp.example', 'erin@corp.example')`)).length).toBe(0);
    // Applying a started import again is refused.
    expect((await t.http.post(`/api/admin/people/imports/${dry.id}/apply`).set('Authorization', admin.auth)).status).toBe(409);

    // The same file again, applied at once: every valid row is unchanged and nothing is written.
    const before = await snapshot();
    const again = (await upload(admin, FILE, false).expect(201)).body;
    await t.settle();
    const second = await until(again.id);
    expect(second.result).toMatchObject({ create: 0, update: 0, unchanged: 3, errors: 5 });
    expect(await snapshot()).toEqual(before);
  });

  it('one import applies at a time: a second start while one applies is 409; two at once, one wins', async () => {
    const first = (await upload(admin, 'email,displayName,managerEmail\nfrank@corp.example,Frank,bob@corp.example\n').expect(201)).body;
    const second = (await upload(admin, 'email,displayName\ngrace@corp.example,Grace\n').expect(201)).body;
    const third = (await upload(admin, 'email,displayName\nheidi@corp.example,Heidi\n').expect(201)).body;
    // Hold the org chart's lock: the first import's job waits on it while applying (its manager link).
    const holder = new pg.Client({ connectionString: await databaseUrl(t) });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query(`SELECT pg_advisory_xact_lock(hashtext('ruche.org-chart'))`);
    try {
      const answers = await Promise.all(
        [first, second].map((i) => t.http.post(`/api/admin/people/imports/${i.id}/apply`).set('Authorization', admin.auth)),
      );
      expect(answers.map((a) => a.status).sort()).toEqual([201, 409]);
      expect(answers.find((a) => a.status === 409)!.body.code).toBe('import_running');
      const winner = answers[0].status === 201 ? first : second;
      if (winner === first) {
        // Progress while it waits: applying, not all rows through yet.
        const running = await until(first.id, (b) => b.status === 'applying');
        expect(running.processed).toBeLessThan(running.total);
        expect((await t.http.post(`/api/admin/people/imports/${third.id}/apply`).set('Authorization', admin.auth)).status).toBe(409);
        // A dry run is still fine meanwhile (it writes no one).
        expect((await upload(admin, 'email,displayName\nivy@corp.example,Ivy\n')).status).toBe(201);
      }
    } finally {
      await holder.query('COMMIT');
      await holder.end();
    }
    await t.settle();
    for (const i of [first, second]) {
      const body = (await get(i.id).expect(200)).body;
      if (body.status !== 'dry_run') expect((await until(i.id)).status).toBe('applied');
    }
    expect(await t.sql(`SELECT count(*)::int AS n FROM people_imports WHERE status IN ('queued', 'applying')`)).toEqual([{ n: 0 }]);
  });

  it('a bad file is 400 (413 when too large) and nothing is written', async () => {
    const count = async () => (await t.sql<{ n: number }>('SELECT (SELECT count(*) FROM people_imports) + (SELECT count(*) FROM users) AS n'))[0].n;
    const before = await count();
    const bad: [string | Buffer, number][] = [
      ['', 400],
      ['email,displayName\n', 400],
      ['mail,displayName\nx@corp.example,X\n', 400],
      ['displayName\nX\n', 400],
      ['email,email\nx@corp.example,y@corp.example\n', 400],
      ['email,displayName\n"x@corp.example,X\n', 400],
      ['email,displayName\nx@corp.example,X,extra\n', 400],
      [`email,displayName\n${'a'.repeat(20_000)}@corp.example,X\n`, 400],
      [`email\n${Array.from({ length: 5001 }, (_, i) => `p${i}@corp.example`).join('\n')}\n`, 400],
      [Buffer.from([0x65, 0x6d, 0x61, 0x69, 0x6c, 0x0a, 0xff, 0xfe, 0x0a]), 400],
      [`email,displayName\n${'x'.repeat(9000)},${'y'.repeat(9000)}\n`.repeat(150), 413],
    ];
    for (const [csv, status] of bad) {
      const res = await upload(admin, csv);
      expect({ csv: String(csv).slice(0, 40), status: res.status }).toEqual({ csv: String(csv).slice(0, 40), status });
    }
    expect((await t.http.post('/api/admin/people/imports').set('Authorization', admin.auth).send({ csv: 'email\n' })).status).toBe(400);
    expect((await t.http.post('/api/admin/people/imports?dryRun=maybe').set('Authorization', admin.auth).set('Content-Type', 'text/csv').send('email\nq@corp.example\n')).status).toBe(400);
    expect(await count()).toBe(before);
  });

  it('hostile but valid CSV: BOM, CRLF, quoted commas and quotes, formulas kept as text and neutralised in the CSV report', async () => {
    const csv = '\uFEFFEmail,DisplayName,Title\r\n"ivan@corp.example","Ivan ""the"" Great, Jr","=HYPERLINK(""http://evil"")"\r\n';
    const res = await t.http
      .post('/api/admin/people/imports')
      .set('Authorization', admin.auth)
      .set('Content-Type', 'text/csv')
      .send(csv);
    expect(res.status).toBe(201);
    expect(res.body.report.rows[0]).toMatchObject({
      email: 'ivan@corp.example',
      action: 'create',
      changes: [
        { field: 'displayName', before: '', after: 'Ivan "the" Great, Jr' },
        { field: 'title', before: '', after: '=HYPERLINK("http://evil")' },
      ],
    });
    const report = await t.http.get(`/api/admin/people/imports/${res.body.id}/report.csv`).set('Authorization', admin.auth);
    expect(report.status).toBe(200);
    expect(report.headers['content-type']).toMatch(/^text\/csv/);
    expect(report.text).toContain(`"displayName:  -> Ivan ""the"" Great, Jr; title:  -> =HYPERLINK(""http://evil"")"`);
    // A cell that starts with a formula character gets a leading quote.
    const evil = (await upload(admin, 'email,displayName\n"=cmd|x@corp.example",X\n').expect(201)).body;
    const text = (await t.http.get(`/api/admin/people/imports/${evil.id}/report.csv`).set('Authorization', admin.auth).expect(200)).text;
    expect(text).toContain(`"'=cmd|x@corp.example"`);
  });

  it('only admins import or read imports; an unknown import is 404, a bad id 400', async () => {
    const dry = (await upload(admin, 'email,displayName\njudy@corp.example,Judy\n').expect(201)).body;
    expect((await upload(employee, 'email,displayName\njudy@corp.example,Judy\n')).status).toBe(403);
    expect((await t.http.get(`/api/admin/people/imports/${dry.id}`).set('Authorization', employee.auth)).status).toBe(403);
    expect((await t.http.get(`/api/admin/people/imports/${dry.id}/report.csv`).set('Authorization', employee.auth)).status).toBe(403);
    expect((await t.http.get(`/api/admin/people/imports/${dry.id}`)).status).toBe(401);
    expect((await get(UNKNOWN)).status).toBe(404);
    expect((await get('nope')).status).toBe(400);
    // The CSV report's refusals are JSON errors like any other.
    const missing = await t.http.get(`/api/admin/people/imports/${UNKNOWN}/report.csv`).set('Authorization', admin.auth);
    expect([missing.status, missing.headers['content-type'], missing.body.statusCode]).toEqual([404, expect.stringMatching(/json/), 404]);
    expect((await t.http.get('/api/admin/people/imports/nope/report.csv').set('Authorization', admin.auth)).status).toBe(400);
    expect((await get(dry.id.toUpperCase())).body.id).toBe(dry.id);
    expect((await t.http.post(`/api/admin/people/imports/${UNKNOWN}/apply`).set('Authorization', admin.auth)).status).toBe(404);
  });
});

/** The test database's URL, as the app was started with (from its own connection settings). */
async function databaseUrl(t: TestApp): Promise<string> {
  const [{ db }] = await t.sql<{ db: string }>('SELECT current_database() AS db');
  const server = new URL(process.env.RUCHE_TEST_SERVER_URL ?? process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  server.pathname = `/${db}`;
  return server.toString();
}
