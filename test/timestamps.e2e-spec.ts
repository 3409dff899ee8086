import pg from 'pg';
import { pgTypes } from '@ruche/platform';

/**
 * Ruche's connections read `timestamptz` with their own parser (libs/platform timestamps.ts): the
 * same instants as PostgreSQL stored, whatever the session's time zone writes them in (whole-hour,
 * half-hour and negative offsets; an offset in seconds, as a historical local mean time gives).
 */
describe('timestamptz read back on a connection with Ruche’s type parsers', () => {
  let client: pg.Client;

  beforeAll(async () => {
    client = new pg.Client({ connectionString: process.env.RUCHE_TEST_SERVER_URL, types: pgTypes });
    await client.connect();
  });
  afterAll(() => client.end());

  it.each(['UTC', 'Europe/Paris', 'Asia/Kolkata', 'America/St_Johns', 'Pacific/Kiritimati', 'Europe/Amsterdam'])(
    'in time zone %s, every instant comes back as stored',
    async (zone) => {
      await client.query(`SET TimeZone = '${zone}'`);
      const { rows } = await client.query<{ at: Date; epoch: string; text: string }>(
        `SELECT t AS at, (extract(epoch FROM t) * 1000)::bigint::text AS epoch, t::text AS text
           FROM unnest($1::timestamptz[]) t`,
        [
          [
            '1900-01-01T00:00:00Z',
            '1970-01-01T00:00:00Z',
            '2024-02-29T23:59:59.999Z',
            '2026-03-29T01:30:00.123Z',
            '2026-12-07T02:03:04.123Z',
          ],
        ],
      );
      for (const row of rows) expect([row.text, row.at.getTime()]).toEqual([row.text, Number(row.epoch)]);
    },
  );

  it('keeps microseconds to the millisecond, cut as node-postgres does', async () => {
    await client.query(`SET TimeZone = 'UTC'`);
    const { rows } = await client.query<{ at: Date }>(`SELECT '2026-12-07 02:03:04.123999+00'::timestamptz AS at`);
    expect(rows[0].at.toISOString()).toBe('2026-12-07T02:03:04.123Z');
  });
});
