import type { TestApp } from '../support/test-app.js';

export interface TestUser {
  id: string;
  email: string;
  handle: string;
  displayName: string;
  roles: string[];
  password: string;
  accessToken: string;
  refreshToken: string;
  /** `Authorization` header value for this user. */
  auth: string;
}

let counter = 0;

/** Registers a user through the real API. The first user of a fresh database is the admin. */
export async function registerUser(
  t: TestApp,
  overrides: Partial<{ email: string; displayName: string; password: string }> = {},
): Promise<TestUser> {
  counter++;
  const email = overrides.email ?? `user${counter}.${Date.now().toString(36)}@corp.example`;
  const password = overrides.password ?? 'correct horse battery';
  const displayName = overrides.displayName ?? `User ${counter}`;
  const res = await t.http.post('/api/auth/register').send({ email, password, displayName });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return {
    ...res.body.user,
    password,
    accessToken: res.body.accessToken,
    refreshToken: res.body.refreshToken,
    auth: `Bearer ${res.body.accessToken}`,
  };
}

/**
 * Registers `n` users, or one per display name given, one after the other (the first of a fresh
 * database is the admin), so a test's cast reads in one line: `[admin, alice] = await registerUsers(t, ['Admin', 'Alice'])`.
 */
export async function registerUsers(t: TestApp, who: number | readonly string[]): Promise<TestUser[]> {
  const names = typeof who === 'number' ? Array.from({ length: who }, () => undefined) : who;
  const users: TestUser[] = [];
  for (const displayName of names) users.push(await registerUser(t, displayName === undefined ? {} : { displayName }));
  return users;
}

/** Requests made as `user` (its bearer token set), for a suite's own calls: `as(alice).post('/api/posts', { body })`. */
export const actingAs = (t: TestApp, user: TestUser) => ({
  get: (path: string) => t.http.get(path).set('Authorization', user.auth),
  post: (path: string, body: object = {}) => t.http.post(path).set('Authorization', user.auth).send(body),
  patch: (path: string, body: object = {}) => t.http.patch(path).set('Authorization', user.auth).send(body),
  put: (path: string, body?: object) => withBody(t.http.put(path).set('Authorization', user.auth), body),
  delete: (path: string, body?: object) => withBody(t.http.delete(path).set('Authorization', user.auth), body),
});

/** A PUT or DELETE sends a body only when given one (most have none). */
function withBody<R extends { send(body: object): R }>(request: R, body: object | undefined): R {
  return body === undefined ? request : request.send(body);
}
