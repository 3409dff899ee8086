import { SqlParams } from './rows.js';

describe('SqlParams', () => {
  it('numbers values in the order they are added, each placeholder naming its own value', () => {
    const params = new SqlParams();
    const where = [`a = ${params.add('x')}`];
    const skipped: string | null = null;
    if (skipped) where.push(`b = ${params.add(skipped)}`);
    where.push(`c = ANY (${params.add([1, 2])}::int[])`);
    expect(where.join(' AND ')).toBe('a = $1 AND c = ANY ($2::int[])');
    expect(params.values).toEqual(['x', [1, 2]]);
  });

  it('writes a (timestamp, id) keyset condition after the values already there', () => {
    const params = new SqlParams();
    params.add(21);
    const at = new Date('2024-05-01T10:00:00Z');
    expect(params.keyset('p.created_at, p.id', '<', [at, 'id-1'])).toBe('(p.created_at, p.id) < ($2::timestamptz, $3::uuid)');
    expect(params.keyset('joined_at, user_id', '>', ['2024-05-01', 'id-2'])).toBe(
      '(joined_at, user_id) > ($4::timestamptz, $5::uuid)',
    );
    expect(params.values).toEqual([21, at, 'id-1', '2024-05-01', 'id-2']);
  });
});
