import { skillKey } from '@ruche/people';
import { hasTopicKey, phrases, planQuery, postTopics, topicKey, tokens } from './topics.js';

const SYNONYMS = new Map([
  ['k8s', 'kubernetes'],
  ['js', 'javascript'],
  ['ml', 'machine learning'],
  ['rh', 'ressources humaines'],
  ['hr', 'ressources humaines'],
]);

describe('skill keys (people) as expertise uses them', () => {
  it.each([
    ['Développement', 'developpement'],
    ['  DEVELOPPEMENT  ', 'developpement'],
    ['développement   WEB', 'developpement web'],
    ['Ｋｕｂｅｒｎｅｔｅｓ', 'kubernetes'],
    ['Gestion\tde\nprojet', 'gestion de projet'],
  ])('%j → %j', (name, key) => expect(skillKey(name)).toBe(key));
});

describe('topic keys', () => {
  it('folds case, accents and whitespace, then applies synonyms', () => {
    expect(topicKey('K8s', SYNONYMS)).toBe('kubernetes');
    expect(topicKey(' #K8S ', SYNONYMS)).toBe('kubernetes');
    expect(topicKey('Ressources Humaines', SYNONYMS)).toBe('ressources humaines');
    expect(topicKey('RH', SYNONYMS)).toBe('ressources humaines');
    expect(topicKey('Apprentissage Profond', SYNONYMS)).toBe('apprentissage profond');
  });

  it('is empty when nothing meaningful is left', () => {
    expect(topicKey('  ', SYNONYMS)).toBe('');
    expect(topicKey('###', SYNONYMS)).toBe('');
    expect(hasTopicKey('\u0301')).toBe(false);
    expect(hasTopicKey('C#')).toBe(true);
  });
});

describe('query words', () => {
  it('splits on punctuation but keeps how skills are written', () => {
    expect(tokens('Who knows C#, C++ or Node.js? (and CI/CD!)')).toEqual([
      'who',
      'knows',
      'c#',
      'c++',
      'or',
      'node.js',
      'and',
      'ci/cd',
    ]);
    expect(tokens('#kubernetes .NET front-end.')).toEqual(['kubernetes', '.net', 'front-end']);
  });

  it('treats tsquery and SQL metacharacters as separators, never as syntax', () => {
    expect(tokens(`a & b | !c ( d ) : * ' " ; -- \\ %_`)).toEqual(['a', 'b', 'c', 'd']);
    expect(tokens("'; DROP TABLE users; --")).toEqual(['drop', 'table', 'users']);
    expect(tokens('&|!():*')).toEqual([]);
  });

  it('caps the number of words looked at', () => {
    expect(tokens('word '.repeat(1000))).toHaveLength(16);
  });

  it('builds phrases that neither start nor end with a stop word', () => {
    expect(phrases(['gestion', 'de', 'projet'])).toEqual(['gestion', 'gestion de projet', 'projet']);
    expect(phrases(['who', 'knows', 'kubernetes'])).toEqual(['kubernetes']);
  });
});

describe('query plans', () => {
  it('maps phrases through synonyms and keeps name-like words', () => {
    const plan = planQuery('Qui connaît K8s et le Machine Learning ?', SYNONYMS);
    expect(plan.exact).toEqual(expect.arrayContaining(['kubernetes', 'machine learning', 'machine', 'learning']));
    expect(plan.exact).not.toContain('k8s');
    expect(plan.nameTerms).toEqual(['k8s', 'machine', 'learning']);
  });

  it('offers fuzzy lookups for longer words and pairs, not for known aliases', () => {
    const plan = planQuery('kubernets ml', SYNONYMS);
    expect(plan.fuzzy).toEqual(['kubernets', 'kubernets ml']);
    expect(plan.exact).toEqual(['kubernets', 'kubernets ml', 'machine learning']);
  });

  it('has nothing to look up for stop words and punctuation only', () => {
    expect(planQuery('who is the ?!', SYNONYMS)).toEqual({ exact: [], fuzzy: [], nameTerms: [] });
  });

  it('accents and case do not matter', () => {
    expect(planQuery('Developpement', SYNONYMS)).toEqual(planQuery('développement', SYNONYMS));
  });
});

describe('post topics', () => {
  const declared = new Set(['kubernetes', 'gestion de projet', 'go']);

  it('counts hashtags (through synonyms) and declared skills named in the text, once each', () => {
    const topics = postTopics(
      'Upgraded our #K8s cluster; #Kubernetes is fun. Gestion de projet: done! Let us go.',
      declared,
      SYNONYMS,
    );
    expect(topics.map((t) => t.topic)).toEqual(['kubernetes', 'gestion de projet', 'go']);
    expect(topics[0].label).toBe('K8s');
  });

  it('ignores URL fragments, HTML entities and words inside other words', () => {
    expect(postTopics('see https://x.example/#anchor and &#39; and page#id', new Set(), SYNONYMS)).toEqual([]);
    expect(postTopics('google going golang', new Set(['go']), SYNONYMS)).toEqual([]);
  });

  it('reads underscores in hashtags as spaces and keeps c# and c++', () => {
    expect(postTopics('#machine_learning #C# #c++.', new Set(), SYNONYMS).map((t) => t.topic)).toEqual([
      'machine learning',
      'c#',
      'c++',
    ]);
  });

  it('counts at most 10 topics per post', () => {
    const body = Array.from({ length: 30 }, (_, i) => `#topic${i}`).join(' ');
    expect(postTopics(body, new Set(), SYNONYMS)).toHaveLength(10);
  });
});
