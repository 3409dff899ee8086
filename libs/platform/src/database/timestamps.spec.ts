import pg from 'pg';
import { parseTimestamptz } from './timestamps.js';

/** node-postgres's own parser (postgres-date): what the fast path must agree with. */
const general = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ, 'text') as (text: string) => Date | number;

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** The instant `ms` as PostgreSQL's ISO style writes it at a fixed offset (minutes east of UTC), with `fraction` digits. */
function pgText(ms: number, offsetMinutes: number, fraction: number): string {
  const local = new Date(ms + offsetMinutes * 60_000);
  const micros = pad(local.getUTCMilliseconds() * 1000 + (ms % 7) * 111, 6)
    .slice(0, fraction)
    .replace(/0+$/, '');
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  const offset = `${sign}${pad(Math.floor(abs / 60), 2)}${abs % 60 ? `:${pad(abs % 60, 2)}` : ''}`;
  return (
    `${pad(local.getUTCFullYear(), 4)}-${pad(local.getUTCMonth() + 1, 2)}-${pad(local.getUTCDate(), 2)} ` +
    `${pad(local.getUTCHours(), 2)}:${pad(local.getUTCMinutes(), 2)}:${pad(local.getUTCSeconds(), 2)}${micros ? `.${micros}` : ''}${offset}`
  );
}

describe('parseTimestamptz', () => {
  it('gives the instant postgres-date gives for every ISO-style text, whatever the offset and fraction', () => {
    // A fixed pseudo-random walk over four centuries, offsets from -12:00 to +14:00 (half and quarter hours too).
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const offsets = [0, 60, 120, -300, 330, 345, -210, 840, -720, 570];
    for (let i = 0; i < 5000; i++) {
      const ms = Math.floor(Date.UTC(1800, 0, 1) + next() * (Date.UTC(2200, 0, 1) - Date.UTC(1800, 0, 1)));
      const text = pgText(ms, offsets[i % offsets.length], i % 7);
      expect([text, parseTimestamptz(text).getTime()]).toEqual([text, (general(text) as Date).getTime()]);
    }
  });

  it.each([
    ['2026-12-07 02:03:04+00', '2026-12-07T02:03:04.000Z'],
    ['2026-12-07 02:03:04.5+00', '2026-12-07T02:03:04.500Z'],
    ['2026-12-07 02:03:04.123456+00', '2026-12-07T02:03:04.123Z'],
    ['2026-12-07 02:03:04.999999+00', '2026-12-07T02:03:04.999Z'],
    ['2026-01-01 00:30:00+01', '2025-12-31T23:30:00.000Z'],
    ['2026-03-01 05:30:00+05:30', '2026-03-01T00:00:00.000Z'],
    ['2024-02-29 12:00:00-03:30', '2024-02-29T15:30:00.000Z'],
  ])('reads %s as %s', (text, iso) => {
    expect(parseTimestamptz(text).toISOString()).toBe(iso);
  });

  it.each([
    'infinity',
    '-infinity',
    '0099-06-01 00:00:00+00',
    '0001-01-01 00:00:00+00 BC',
    '1900-01-01 00:00:00+00:19:32',
    '12026-01-01 00:00:00+00',
    '2026-12-07T02:03:04Z',
    '2026-12-07 02:03:04.+00',
    '2026-12-07 02:03:04',
    '2026-1x-07 02:03:04+00',
  ])('hands any other shape to postgres-date: %s', (text) => {
    const ours = parseTimestamptz(text) as Date | number;
    const theirs = general(text);
    const value = (v: Date | number | null) => (v instanceof Date ? v.getTime() : v);
    expect(value(ours)).toEqual(value(theirs));
  });
});
