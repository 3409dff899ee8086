import { jest } from '@jest/globals';
import pg from 'pg';
import { currentRequestId } from '@ruche/platform';

/**
 * The SQL statements one HTTP request sent, whichever connection or layer sent them (TypeORM,
 * raw queries, the auth strategy): every pg client call made under the request's id. Background
 * work (the outbox, job pollers, listeners) runs under no request id and is not counted.
 * `send` must set the `X-Request-Id` header to the id it is given.
 */
export async function statementsOf<T>(send: (requestId: string) => Promise<T>): Promise<{ result: T; statements: string[] }> {
  const requestId = crypto.randomUUID();
  const client = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = client.query;
  const statements: string[] = [];
  const spy = jest.spyOn(client, 'query').mockImplementation(function (this: unknown, ...args: unknown[]) {
    if (currentRequestId() === requestId) {
      const [query] = args;
      statements.push((typeof query === 'string' ? query : String((query as { text?: string })?.text)).replace(/\s+/g, ' ').trim());
    }
    return original.apply(this, args);
  });
  try {
    return { result: await send(requestId), statements };
  } finally {
    spy.mockRestore();
  }
}
