import { QueryFailedError } from 'typeorm';
import { toErrorBody } from './http-exception.filter.js';

const failed = (code: string) => new QueryFailedError('INSERT ...', [], Object.assign(new Error('pg says no'), { code }));

describe('PostgreSQL errors caused by input are a 4xx with a code, never a 500', () => {
  it.each([
    ['23505', 409, 'unique_violation'],
    ['23P01', 409, 'exclusion_violation'],
    ['23503', 404, 'foreign_key_violation'],
    ['23514', 400, 'check_violation'],
    ['23502', 400, 'not_null_violation'],
    ['22021', 400, 'character_not_in_repertoire'],
    ['22P05', 400, 'untranslatable_character'],
    ['22P02', 400, 'invalid_text_representation'],
    ['22001', 400, 'string_data_right_truncation'],
    ['22003', 400, 'numeric_value_out_of_range'],
    ['2201B', 400, 'data_exception'],
    ['54000', 400, 'program_limit_exceeded'],
  ])('%s → %i %s', (sqlState, status, code) => {
    const body = toErrorBody(failed(sqlState));
    expect(body).toMatchObject({ statusCode: status, code });
    expect(typeof body.message).toBe('string');
    expect(body.message).not.toMatch(/pg says no/);
  });

  it('leaves a server-side failure a 500', () => {
    expect(toErrorBody(failed('XX000')).statusCode).toBe(500);
    expect(toErrorBody(failed('42P01')).statusCode).toBe(500);
  });
});
