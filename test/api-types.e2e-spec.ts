import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Secret, TOTP } from 'otpauth';
import { registerUser } from './factories/user.factory.js';
import { expectDocumentedAnswer, type OpenApiDocument, undocumentedOperations, webApiTypes } from './support/api-types.js';
import { useTestApp } from './support/test-app.js';

/**
 * Issue #16: the web app's API types (apps/web/src/api/openapi.d.ts) are generated from the
 * document the api serves, so a changed response DTO changes them in the same commit, and this
 * test fails until it does. `npm run api:types` rewrites the file from a test app's document.
 */
const TYPES = resolve('apps/web/src/api/openapi.d.ts');
const REFRESH = 'npm run api:types';

/**
 * Operations still without a described 2xx response schema. It only shrinks: an operation that is
 * documented now must leave this list (the test says so), and a new one may not join it.
 */
const NOT_YET_DOCUMENTED: string[] = [];

describe('API types for the web app (#16)', () => {
  const t = useTestApp();
  let document: OpenApiDocument;

  beforeAll(async () => {
    const served = await t.http.get('/api/docs-json');
    expect(served.status).toBe(200);
    document = served.body as OpenApiDocument;
  });

  it('apps/web/src/api/openapi.d.ts is what the served document generates', async () => {
    const generated = await webApiTypes(document);
    if (process.env.RUCHE_UPDATE_API_TYPES === '1') writeFileSync(TYPES, generated);
    if (!existsSync(TYPES)) throw new Error(`${TYPES} is missing: run \`${REFRESH}\` and commit it`);
    if (readFileSync(TYPES, 'utf8') !== generated) {
      throw new Error(
        `apps/web/src/api/openapi.d.ts differs from what the served OpenAPI document generates: ` +
          `a response or request DTO changed. Run \`${REFRESH}\` and commit the file with the change.`,
      );
    }
  });

  it('documents every operation: a summary, and a 2xx response with a schema (or a declared 202, 204 or redirect)', () => {
    const missing = undocumentedOperations(document);
    const allowed = new Set(NOT_YET_DOCUMENTED);
    const newlyMissing = missing.filter((problem) => !allowed.has(problem.slice(0, problem.indexOf(': '))));
    const nowDocumented = NOT_YET_DOCUMENTED.filter(
      (operation) => !missing.some((problem) => problem.startsWith(`${operation}: `)),
    );
    const report = [
      ...(newlyMissing.length
        ? ['Operations the typed web client cannot rely on (add @ApiOperation and a response type):', ...newlyMissing]
        : []),
      ...(nowDocumented.length ? ['Documented now: take them off NOT_YET_DOCUMENTED in this file:', ...nowDocumented] : []),
    ];
    if (report.length) throw new Error(report.join('\n  '));
  });

  it('what identity, email and health routes answer has exactly the documented fields (the generated types tell the truth)', async () => {
    const answer = (route: string, response: { status: number; body: unknown }) =>
      expectDocumentedAnswer(document, route, response);
    const register = await t.http
      .post('/api/auth/register')
      .send({ email: 'ada@corp.example', password: 'correct horse battery', displayName: 'Ada' });
    answer('POST /api/auth/register', register);
    const admin = { id: register.body.user.id as string, auth: `Bearer ${register.body.accessToken as string}` };
    const bob = await registerUser(t, { email: 'bob@corp.example' });
    const as = (request: ReturnType<typeof t.http.get>, who = admin) => request.set('Authorization', who.auth);

    answer('GET /api/health', await t.http.get('/api/health'));
    answer('GET /api/health/ready', await t.http.get('/api/health/ready'));
    answer('GET /api/auth/providers', await t.http.get('/api/auth/providers'));
    answer('POST /api/auth/login', await t.http.post('/api/auth/login').send({ email: bob.email, password: bob.password }));
    answer('POST /api/auth/refresh', await t.http.post('/api/auth/refresh').send({ refreshToken: bob.refreshToken }));
    answer('GET /api/me', await as(t.http.get('/api/me')));
    answer('GET /api/me/sessions', await as(t.http.get('/api/me/sessions')));
    answer('POST /api/me/sessions/revoke-others', await as(t.http.post('/api/me/sessions/revoke-others')));
    answer(
      'PUT /api/admin/users/{id}/roles',
      await as(t.http.put(`/api/admin/users/${bob.id}/roles`).send({ roles: ['moderator'] })),
    );
    answer(
      'PUT /api/admin/users/{id}/deactivation',
      await as(t.http.put(`/api/admin/users/${bob.id}/deactivation`).send({ deactivated: false })),
    );
    answer('POST /api/admin/invitations', await as(t.http.post('/api/admin/invitations').send({ email: 'cleo@corp.example' })));
    answer('GET /api/admin/invitations', await as(t.http.get('/api/admin/invitations')));
    answer('GET /api/admin/signup', await as(t.http.get('/api/admin/signup')));
    answer('POST /api/admin/users/{id}/password-reset', await as(t.http.post(`/api/admin/users/${bob.id}/password-reset`)));
    answer('GET /api/admin/email/suppressions', await as(t.http.get('/api/admin/email/suppressions')));

    // Two-factor: enrolment, its status, and the login that then answers a challenge instead of tokens.
    answer('GET /api/me/2fa', await as(t.http.get('/api/me/2fa'), bob));
    const enrol = await as(t.http.post('/api/me/2fa/totp'), bob);
    answer('POST /api/me/2fa/totp', enrol);
    const code = new TOTP({
      secret: Secret.fromBase32(enrol.body.secret as string),
      digits: 6,
      period: 30,
      algorithm: 'SHA1',
    }).generate();
    answer('POST /api/me/2fa/totp/confirm', await as(t.http.post('/api/me/2fa/totp/confirm').send({ code }), bob));
    answer('POST /api/auth/login', await t.http.post('/api/auth/login').send({ email: bob.email, password: bob.password }));
  });
});
