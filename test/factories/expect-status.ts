/**
 * Factories build a story's setup through the real API: a setup call that does not answer as
 * expected fails the test there, naming the call and what came back, not later on a missing field.
 */
export function expectStatus(res: { status: number; body: unknown }, expected: number | readonly number[], what: string): void {
  const allowed = typeof expected === 'number' ? [expected] : expected;
  if (!allowed.includes(res.status)) throw new Error(`${what} failed: ${res.status} ${JSON.stringify(res.body)}`);
}

/**
 * A factory's call and its check in one: the body `request` answered, once its status is
 * `expected` ({@link expectStatus}): `return expectBody(actingAs(t, owner).post('/api/groups', body), 201, 'POST /api/groups')`.
 */
export async function expectBody<T>(
  request: PromiseLike<{ status: number; body: unknown }>,
  expected: number | readonly number[],
  what: string,
): Promise<T> {
  const res = await request;
  expectStatus(res, expected, what);
  return res.body as T;
}
