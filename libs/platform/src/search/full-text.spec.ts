import { markHitsQuery, prefixQuery, titleAtWord, toSearchHits, toSnippet, unionOf, withoutTitle } from './full-text.js';

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

describe('snippets left for the page', () => {
  it('makes a row without a snippet a hit with its plain title and the texts to cut it from', () => {
    const [hit] = toSearchHits('post', [
      { id: 'p3', title: 'Canteen  news', body: 'An ocelot', snippet: null, score: 0.5, created_at: null },
    ]);
    expect(hit).toEqual({
      type: 'post',
      id: 'p3',
      title: 'Canteen news',
      snippet: '',
      highlights: [],
      score: 0.5,
      createdAt: null,
      unmarked: { title: 'Canteen  news', body: 'An ocelot' },
    });
  });

  it('cuts them in one statement that reads no table, the texts as parameters in page order', () => {
    const query = markHitsQuery('ocelot', [{ unmarked: { title: 'a', body: 'b' } }, { unmarked: { title: 'c', body: 'd' } }]);
    expect(query.values).toEqual(['ocelot', 'ocelot:*', ['a', 'c'], ['b', 'd']]);
    expect(query.text).toContain('unnest($3::text[], $4::text[]) WITH ORDINALITY');
    expect(query.text).not.toMatch(/FROM\s+(?!unnest)\w+/);
  });
});

describe('unionOf', () => {
  it("tags each statement's rows with its position and renumbers its placeholders after the previous ones'", () => {
    const union = unionOf([
      { text: 'SELECT $1::int AS x WHERE $2::int > 0', values: [1, 2] },
      { text: 'SELECT $1::int AS x WHERE $1::int > 0', values: [3] },
      { text: 'SELECT $2::int AS x WHERE $1::int > 0 AND $10::int > 0', values: [4, 5, 6, 7, 8, 9, 10, 11, 12, 13] },
    ]);
    expect(union.values).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]);
    expect(union.text).toBe(
      [
        'SELECT 0 AS branch, b0.* FROM (SELECT $1::int AS x WHERE $2::int > 0) b0',
        'SELECT 1 AS branch, b1.* FROM (SELECT $3::int AS x WHERE $3::int > 0) b1',
        'SELECT 2 AS branch, b2.* FROM (SELECT $5::int AS x WHERE $4::int > 0 AND $13::int > 0) b2',
      ].join('\n UNION ALL\n'),
    );
  });
});

describe('titleAtWord', () => {
  it('keeps a short title whole, on one line', () => {
    expect(titleAtWord('  Lunch\n at noon  ')).toBe('Lunch at noon');
  });

  it('cuts a long one between words, never mid-word, and says so', () => {
    const long = 'The quarterly planning meeting moves to Thursday afternoon';
    expect(titleAtWord(long, 30)).toBe('The quarterly planning…');
    expect(titleAtWord('Supercalifragilisticexpialidocious', 10)).toBe('Supercalif…');
  });
});

describe('withoutTitle', () => {
  it('drops the title the snippet starts with, shifting the marks that follow', () => {
    expect(
      withoutTitle('Kubernetes upgrade', false, {
        snippet: 'Kubernetes upgrade. The cluster moves to Kubernetes 1.31',
        highlights: [
          [0, 10],
          [41, 51],
        ],
      }),
    ).toEqual({ snippet: 'The cluster moves to Kubernetes 1.31', highlights: [[21, 31]] });
  });

  it('leaves no snippet when the post is its title, and keeps the rest of a cut title after "…"', () => {
    expect(withoutTitle('Lunch at noon', false, { snippet: 'Lunch at noon', highlights: [[0, 5]] })).toEqual({
      snippet: '',
      highlights: [],
    });
    expect(withoutTitle('Lunch at noon.', false, { snippet: 'Lunch at noon', highlights: [] })).toEqual({
      snippet: '',
      highlights: [],
    });
    expect(
      withoutTitle('The quarterly planning', true, { snippet: 'The quarterly planning meeting moves', highlights: [[23, 30]] }),
    ).toEqual({ snippet: '…meeting moves', highlights: [[1, 8]] });
  });

  it('keeps a snippet cut from elsewhere as it is', () => {
    const hit = { snippet: 'an answer that mentions Kubernetes', highlights: [[24, 34]] as [number, number][] };
    expect(withoutTitle('How do I restart a pod?', false, hit)).toEqual(hit);
  });
});

describe('toSearchHits: titles', () => {
  it('marks the matches in the title, up to where a long one is cut', () => {
    const [hit] = toSearchHits('post', [
      {
        id: 'p2',
        title: 'x',
        title_marked: 'Le \u0002zeppelin\u0003 part demain matin de Lyon',
        snippet: 'Le \u0002zeppelin\u0003 part demain matin de Lyon',
        score: 0.5,
        created_at: null,
      },
    ]);
    expect(hit).toMatchObject({
      title: 'Le zeppelin part demain matin de Lyon',
      snippet: '',
      highlights: [],
      titleHighlights: [[3, 11]],
    });
  });
});
