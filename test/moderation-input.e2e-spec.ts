import type { Test } from 'supertest';
import { moderationCounts, publishGuidelines, registerModerator, report } from './factories/moderation.factory.js';
import { createPost } from './factories/post.factory.js';
import { registerUser, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';
import { documentedRoutes } from './support/openapi.js';

/**
 * Bad input on every moderation endpoint: a clear 4xx (never a 500), and nothing written — no
 * report, case, audit row, guidelines version, acceptance, settings change, suspension or event.
 */
describe('moderation: bad input', () => {
  const t = useTestApp();
  let admin: TestUser, moderator: TestUser, member: TestUser;
  let postId: string;
  let reportId: string;

  beforeAll(async () => {
    admin = await registerUser(t, { displayName: 'Admin' });
    moderator = await registerModerator(t, admin);
    member = await registerUser(t, { displayName: 'Member' });
    postId = (await createPost(t, admin, 'Something to report')).id;
    reportId = (await report(t, member, postId)).id;
    await publishGuidelines(t, admin, '# Be kind');
  });

  const UUID = '00000000-0000-4000-8000-000000000000';
  const long = (n: number) => 'x'.repeat(n);
  const nul = 'bad\u0000text';

  type Case = [name: string, call: () => Test, status?: number];
  /** A JSON body sent with `method` by `user` (read when the case runs). */
  const send = (method: 'post' | 'put') => (path: string, user: () => TestUser, body: unknown) => () =>
    t.http[method](path)
      .set('Authorization', user().auth)
      .set('Content-Type', 'application/json')
      .send(body as object);
  const post = send('post');
  const put = send('put');
  const get = (path: string, user: () => TestUser) => () => t.http.get(path).set('Authorization', user().auth);

  const report_ = (body: unknown) => post('/api/reports', () => member, body);
  const validReport = () => ({ targetType: 'post', targetId: postId, reason: 'Spam' });
  const resolve_ =
    (body: unknown, id = () => reportId) =>
    () =>
      t.http
        .post(`/api/moderation/reports/${id()}/resolve`)
        .set('Authorization', moderator.auth)
        .send(body as object);
  const settings_ = (body: unknown) => put('/api/moderation/settings', () => moderator, body);
  const guidelines_ = (body: unknown) => put('/api/guidelines', () => admin, body);
  const accept_ = (body: unknown) => post('/api/guidelines/accept', () => member, body);
  const suspend_ =
    (body: unknown, id = () => member.id) =>
    () =>
      t.http
        .put(`/api/admin/users/${id()}/suspension`)
        .set('Authorization', admin.auth)
        .send(body as object);

  const CASES: Case[] = [
    // POST /api/reports
    ['report: empty body', report_({})],
    ['report: no reason', report_({ targetType: 'post', targetId: UUID })],
    ['report: empty reason', () => report_({ ...validReport(), reason: '' })()],
    ['report: blank reason', () => report_({ ...validReport(), reason: '   ' })()],
    ['report: reason too long', () => report_({ ...validReport(), reason: long(1001) })()],
    ['report: NUL in reason', () => report_({ ...validReport(), reason: nul })()],
    ['report: reason not text', () => report_({ ...validReport(), reason: 42 })()],
    ['report: unknown target type', () => report_({ ...validReport(), targetType: 'user' })()],
    ['report: target type not text', () => report_({ ...validReport(), targetType: ['post'] })()],
    ['report: target id not a UUID', () => report_({ ...validReport(), targetId: "1' OR 1=1" })()],
    ['report: unknown field', () => report_({ ...validReport(), status: 'resolved' })()],
    ['report: array body', report_([validReport()])],
    [
      'report: malformed JSON',
      () =>
        t.http
          .post('/api/reports')
          .set('Authorization', member.auth)
          .set('Content-Type', 'application/json')
          .send('{"targetType":'),
    ],
    // GET /api/reports
    ['my reports: limit 0', get('/api/reports?limit=0', () => member)],
    ['my reports: limit 101', get('/api/reports?limit=101', () => member)],
    ['my reports: bad cursor', get('/api/reports?cursor=garbage', () => member)],
    ['my reports: unknown parameter', get('/api/reports?status=open', () => member)],
    // GET /api/moderation/queue
    ['queue: limit not a number', get('/api/moderation/queue?limit=abc', () => moderator)],
    ['queue: bad group id', get('/api/moderation/queue?groupId=nope', () => moderator)],
    ['queue: unknown target type', get('/api/moderation/queue?targetType=user', () => moderator)],
    ['queue: bad cursor', get('/api/moderation/queue?cursor=garbage', () => moderator)],
    ['queue: unknown parameter', get('/api/moderation/queue?all=true', () => moderator)],
    // POST /api/moderation/reports/:id/resolve
    ['resolve: id not a UUID', resolve_({ action: 'hide' }, () => 'not-a-uuid')],
    ['resolve: no action', resolve_({})],
    ['resolve: unknown action', resolve_({ action: 'ban' })],
    ['resolve: action not text', resolve_({ action: 1 })],
    ['resolve: note too long', resolve_({ action: 'hide', note: long(1001) })],
    ['resolve: NUL in note', resolve_({ action: 'hide', note: nul })],
    ['resolve: unknown field', resolve_({ action: 'hide', state: 'visible' })],
    // GET /api/moderation/audit
    ['audit: bad action', get('/api/moderation/audit?action=DROP%20TABLE', () => moderator)],
    ['audit: unknown action', get('/api/moderation/audit?action=user.promoted', () => moderator)],
    ['audit: bad actor id', get('/api/moderation/audit?actorId=me', () => moderator)],
    ['audit: bad target id', get('/api/moderation/audit?targetId=1', () => moderator)],
    ['audit: bad cursor', get('/api/moderation/audit?cursor=garbage', () => moderator)],
    [
      'audit: date cursor from another list',
      get(
        '/api/moderation/audit?cursor=WyIyMDI2LTAxLTAxVDAwOjAwOjAwLjAwMFoiLCIwMDAwMDAwMC0wMDAwLTQwMDAtODAwMC0wMDAwMDAwMDAwMDAiXQ',
        () => moderator,
      ),
    ],
    ['audit: limit too large', get('/api/moderation/audit?limit=1000', () => moderator)],
    // GET /api/moderation/settings
    ['settings: unknown parameter', get('/api/moderation/settings?x=1', () => moderator), 200],
    // PUT /api/moderation/settings
    ['settings: threshold 0', settings_({ autoHideThreshold: 0 })],
    ['settings: threshold too large', settings_({ autoHideThreshold: 1001 })],
    ['settings: threshold not an integer', settings_({ autoHideThreshold: 2.5 })],
    ['settings: threshold as text', settings_({ autoHideThreshold: '3' })],
    ['settings: terms not a list', settings_({ blockedTerms: 'spam' })],
    ['settings: empty term', settings_({ blockedTerms: ['ok', ''] })],
    ['settings: term not text', settings_({ blockedTerms: [42] })],
    ['settings: term too long', settings_({ blockedTerms: [long(101)] })],
    ['settings: too many terms', settings_({ blockedTerms: Array.from({ length: 501 }, (_, i) => `term${i}`) })],
    ['settings: NUL in a term', settings_({ blockedTerms: [nul] })],
    ['settings: unknown field', settings_({ autoHideThreshold: 4, updatedBy: UUID })],
    ['settings: array body', settings_([{ autoHideThreshold: 4 }])],
    // PUT /api/guidelines
    ['guidelines: empty body', guidelines_({})],
    ['guidelines: empty text', guidelines_({ body: '' })],
    ['guidelines: text too long', guidelines_({ body: long(50_001) })],
    ['guidelines: NUL in text', guidelines_({ body: nul })],
    ['guidelines: text not text', guidelines_({ body: { markdown: '#' } })],
    ['guidelines: unknown field', guidelines_({ body: '# New', version: 7 })],
    // POST /api/guidelines/accept
    ['accept: no version', accept_({})],
    ['accept: version 0', accept_({ version: 0 })],
    ['accept: negative version', accept_({ version: -1 })],
    ['accept: fractional version', accept_({ version: 1.5 })],
    ['accept: version as text', accept_({ version: '1' })],
    ['accept: huge version', accept_({ version: 2 ** 40 })],
    ['accept: unknown field', accept_({ version: 1, all: true })],
    // PUT /api/admin/users/:id/suspension
    ['suspension: id not a UUID', suspend_({ suspended: true, reason: 'x' }, () => 'me')],
    ['suspension: empty body', suspend_({})],
    ['suspension: suspended as text', suspend_({ suspended: 'yes', reason: 'x' })],
    ['suspension: no reason', suspend_({ suspended: true })],
    ['suspension: empty reason', suspend_({ suspended: true, reason: ' ' })],
    ['suspension: reason too long', suspend_({ suspended: true, reason: long(1001) })],
    ['suspension: NUL in reason', suspend_({ suspended: true, reason: nul })],
    ['suspension: unknown field', suspend_({ suspended: true, reason: 'x', until: '2030-01-01' })],
  ];

  it.each(CASES.map(([name, call, status]) => [name, status ?? 400, call] as const))(
    '%s → %i, nothing written',
    async (_name, status, call) => {
      const before = await moderationCounts(t);
      const res = await call();
      expect(res.status).toBe(status);
      if (status >= 400) {
        expect(res.body).toMatchObject({ statusCode: status, error: 'Bad Request' });
        expect(res.body.message).toBeTruthy();
      }
      expect(await moderationCounts(t)).toEqual(before);
    },
  );

  it('documents its routes in OpenAPI', async () => {
    const { paths, components } = await documentedRoutes(t, [
      '/api/reports',
      '/api/moderation/queue',
      '/api/moderation/reports/{id}/resolve',
      '/api/moderation/audit',
      '/api/moderation/settings',
      '/api/guidelines',
      '/api/guidelines/accept',
      '/api/admin/users/{id}/suspension',
    ]);
    // Read-only by construction: the audit log has a GET and nothing else.
    expect(Object.keys(paths['/api/moderation/audit'])).toEqual(['get']);
    expect(components.schemas.ResolveReportDto.properties.action.enum).toEqual(['dismiss', 'hide', 'remove']);
  });

  it('the fixtures are valid: the same calls with good input succeed', async () => {
    expect((await report_({ targetType: 'post', targetId: postId, reason: 'Also spam' })()).status).toBe(200);
    expect((await settings_({ autoHideThreshold: 4 })()).status).toBe(200);
    expect((await accept_({ version: 1 })()).status).toBe(204);
    expect((await resolve_({ action: 'dismiss', note: 'ok' })()).status).toBe(200);
    expect((await suspend_({ suspended: true, reason: 'Spam' })()).status).toBe(200);
  });
});
