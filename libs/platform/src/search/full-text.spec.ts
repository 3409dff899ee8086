import { prefixQuery, toSearchHits, toSnippet } from './full-text.js';

describe('prefixQuery (the search-as-you-type branch)', () => {
  it('ANDs the words and makes the last one a prefix', () => {
    expect(prefixQuery('kube')).toBe('kube:*');
    expect(prefixQuery('déploiement kube')).toBe('déploiement & kube:*');
  });

  it('keeps letters and digits only, so no tsquery operator can come through', () => {
    expect(prefixQuery("k8s & | ! ( ) : * 'ops")).toBe('k8s & ops:*');
    expect(prefixQuery('a:* <-> b')).toBe('');
    expect(prefixQuery('&|!():*')).toBe('');
  });

  it('stays out of short prefixes, long queries, phrases, exclusions and or', () => {
    expect(prefixQuery('ku')).toBe('');
    expect(prefixQuery(Array.from({ length: 9 }, (_, i) => `word${i}`).join(' '))).toBe('');
    expect(prefixQuery('"continuous deploy"')).toBe('');
    expect(prefixQuery('deploy -staging')).toBe('');
    expect(prefixQuery('lyon or paris')).toBe('');
    expect(prefixQuery('orchestration')).toBe('orchestration:*');
    expect(prefixQuery('well-known')).toBe('well & known:*');
  });
});

describe('toSnippet', () => {
  it('turns headline markers into highlight ranges over plain text', () => {
    expect(toSnippet('le \u0002Développement\u0003 de \u0002Kubernetes\u0003')).toEqual({
      snippet: 'le Développement de Kubernetes',
      highlights: [
        [3, 16],
        [20, 30],
      ],
    });
  });

  it('collapses whitespace and restores the `<` that travelled as U+FFFC', () => {
    expect(toSnippet('  a\n\n\ufffcb>\u0002x\u0003\ufffc/b>\t ')).toEqual({ snippet: 'a <b>x</b>', highlights: [[5, 6]] });
  });

  it('ignores unbalanced or empty markers', () => {
    expect(toSnippet('\u0003a\u0002\u0003b\u0002c')).toEqual({ snippet: 'abc', highlights: [] });
  });
});

describe('toSearchHits', () => {
  it('maps rows to hits with a rounded score and ISO dates', () => {
    const [hit] = toSearchHits('post', [
      { id: 'p1', title: 'T', snippet: '\u0002x\u0003', score: 0.123456, created_at: new Date('2026-01-02T03:04:05Z') },
    ]);
    expect(hit).toEqual({
      type: 'post',
      id: 'p1',
      title: 'T',
      snippet: 'x',
      highlights: [[0, 1]],
      score: 0.1235,
      createdAt: '2026-01-02T03:04:05.000Z',
    });
  });
});
