import { registerUser, type TestUser } from './factories/user.factory.js';
import { useTestApp } from './support/test-app.js';

/**
 * The error answers the web app words in its reader's language: a stable `code` for the refusal,
 * and for a validation failure each field with its constraint and bounds (contracts' ApiErrorBody).
 */
describe('api error codes', () => {
  const t = useTestApp();
  let ada: TestUser;

  beforeAll(async () => {
    ada = await registerUser(t, { email: 'ada@corp.example', password: 'long enough pw', displayName: 'Ada' });
  });

  it('a refused body names each field, its constraint and its bounds', async () => {
    const res = await t.http.post('/api/auth/register').send({ email: 'nope', password: 'short', displayName: 'n'.repeat(81) });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, code: 'validation_failed' });
    expect(res.body.message).toContain('password must be at least 12 characters');
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        { field: 'email', constraint: 'isEmail' },
        { field: 'password', constraint: 'minLength', args: { min: 12 } },
        { field: 'displayName', constraint: 'maxLength', args: { max: 80 } },
      ]),
    );
    const unknown = await t.http.post('/api/auth/register').send({ email: 'x@corp.example', password: 'long enough pw', displayName: 'X', roles: [] });
    expect(unknown.body.errors).toEqual([{ field: 'roles', constraint: 'whitelistValidation' }]);
  });

  it('a refusal the person meets carries its reason as code, the English message unchanged', async () => {
    const taken = await t.http.post('/api/auth/register').send({ email: 'ADA@corp.example', password: 'long enough pw', displayName: 'Again' });
    expect(taken.body).toMatchObject({ statusCode: 409, code: 'email_taken', message: 'An account with this email already exists' });
    const wrong = await t.http.post('/api/auth/login').send({ email: 'ada@corp.example', password: 'not the password' });
    expect(wrong.body).toMatchObject({ statusCode: 401, code: 'wrong_credentials', message: 'Wrong email or password' });
    const self = await t.http.put(`/api/users/${ada.id}/follow`).set('Authorization', ada.auth);
    expect(self.body).toMatchObject({ statusCode: 400, code: 'cannot_follow_self' });
  });

  it('a refusal without a named reason carries its kind', async () => {
    const missing = await t.http.get('/api/posts/00000000-0000-4000-8000-000000000000').set('Authorization', ada.auth);
    expect(missing.body).toMatchObject({ statusCode: 404, code: 'not_found' });
  });
});
