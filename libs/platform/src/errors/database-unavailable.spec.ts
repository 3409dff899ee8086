import { QueryFailedError } from 'typeorm';
import { toErrorBody } from './http-exception.filter.js';

function pgError(code: string, message = 'error'): QueryFailedError {
  return new QueryFailedError('SELECT 1', [], Object.assign(new Error(message), { code }));
}

describe('database errors that mean "try again": 503, never 500', () => {
  it.each([
    ['pool acquire timeout', new Error('timeout exceeded when trying to connect')],
    ['connect timeout', new Error('Connection terminated due to connection timeout')],
    ['connection broken under a query', pgError('', 'Connection terminated unexpectedly')],
    ['statement_timeout', pgError('57014', 'canceling statement due to statement timeout')],
    ['lock_timeout', pgError('55P03', 'canceling statement due to lock timeout')],
    ['idle_in_transaction_session_timeout', pgError('25P03')],
    ['terminated backend', pgError('57P01')],
    ['server starting', pgError('57P03')],
    ['too many connections', pgError('53300')],
    ['connection failure class', pgError('08006')],
    ['deadlock', pgError('40P01')],
    ['database unreachable', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['wrapped by a cause', new Error('unit of work failed', { cause: new Error('timeout exceeded when trying to connect') })],
    ['pool closed by shutdown', new Error('Cannot use a pool after calling end on the pool')],
  ])('%s → 503', (_, error) => {
    expect(toErrorBody(error)).toEqual({ statusCode: 503, error: 'Service Unavailable', message: expect.any(String) });
  });

  it('leaves client faults and real bugs alone', () => {
    expect(toErrorBody(pgError('23505')).statusCode).toBe(409);
    expect(toErrorBody(pgError('42P01', 'relation does not exist')).statusCode).toBe(500);
    expect(toErrorBody(new Error('Connection to the moon lost')).statusCode).toBe(500);
    expect(toErrorBody(new TypeError("Cannot read properties of undefined (reading 'id')")).statusCode).toBe(500);
  });
});
