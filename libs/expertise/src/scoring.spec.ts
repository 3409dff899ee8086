import { rankPerson, topicPoints, topicPointsSql, type TopicCounters, type TopicMatch, WEIGHTS } from './scoring.js';

const none: TopicCounters = { declared: false, endorsements: 0, acceptedAnswers: 0, answerUpvotes: 0, posts: 0, reviews: 0 };
const k8s: TopicMatch = { topic: 'kubernetes', label: 'Kubernetes', weight: 1 };

describe('topic points', () => {
  it('is the documented weighted sum', () => {
    expect(topicPoints(none)).toBe(0);
    expect(topicPoints({ ...none, declared: true })).toBe(3);
    // log2(1 + 3) = 2 → 2 × 2 = 4; log2(1 + 1) = 1 → 4 × 1 = 4.
    expect(topicPoints({ ...none, endorsements: 3 })).toBe(4);
    expect(topicPoints({ ...none, acceptedAnswers: 1 })).toBe(4);
    expect(topicPoints({ ...none, answerUpvotes: 7, posts: 1, reviews: 1 })).toBe(3 + 1 + 2);
  });

  it('has diminishing returns: doubling a count never doubles the points', () => {
    expect(topicPoints({ ...none, posts: 200 })).toBeLessThan(2 * topicPoints({ ...none, posts: 100 }));
    expect(topicPoints({ ...none, posts: 1000 })).toBeLessThan(11);
  });

  it('ranks earned expertise above a bare declaration', () => {
    const declaredOnly = topicPoints({ ...none, declared: true });
    expect(topicPoints({ ...none, acceptedAnswers: 1 })).toBeGreaterThan(declaredOnly);
    expect(topicPoints({ ...none, endorsements: 3 })).toBeGreaterThan(declaredOnly);
    expect(topicPoints({ ...none, declared: true, endorsements: 2, acceptedAnswers: 3 })).toBeGreaterThan(declaredOnly);
  });

  it('is written in SQL from the same weights', () => {
    const sql = topicPointsSql('e');
    expect(sql).toContain(`CASE WHEN e.declared THEN ${WEIGHTS.declared} ELSE 0 END`);
    expect(sql).toContain(`${WEIGHTS.acceptedAnswers} * log(2, 1 + e.accepted_answers::numeric)`);
    expect(sql).toContain(`${WEIGHTS.endorsements} * log(2, 1 + e.endorsements::numeric)`);
    expect(sql.match(/log\(2/g)).toHaveLength(5);
  });
});

describe('ranking a person for a query', () => {
  it('sums matched topics weighted by match quality, and says why', () => {
    const ranked = rankPerson({
      topics: [
        { match: k8s, counters: { ...none, declared: true, endorsements: 12, acceptedAnswers: 3 } },
        { match: { topic: 'docker', label: 'Docker', weight: 0.5, via: 'dokcer' }, counters: { ...none, posts: 1 } },
      ],
      names: [],
    });
    const expected = 3 + 2 * Math.log2(13) + 4 * 2 + 0.5 * 1;
    expect(ranked.score).toBeCloseTo(expected, 2);
    expect(ranked.reasons).toEqual([
      '3 accepted answers on Kubernetes',
      '12 endorsements for Kubernetes',
      'Lists Kubernetes as a skill',
      '"dokcer" read as Docker',
      '1 post about Docker',
    ]);
  });

  it('uses singular and plural as a person would', () => {
    const { reasons } = rankPerson({
      topics: [{ match: k8s, counters: { ...none, endorsements: 1, acceptedAnswers: 1, answerUpvotes: 1, reviews: 2 } }],
      names: [],
    });
    expect(reasons).toEqual([
      '1 accepted answer on Kubernetes',
      '1 endorsement for Kubernetes',
      '2 idea reviews on Kubernetes',
      '1 upvote on answers about Kubernetes',
    ]);
  });

  it('counts name matches and puts them first when they weigh most', () => {
    const ranked = rankPerson({
      topics: [],
      names: [
        { term: 'smiht', similarity: 0.5 },
        { term: 'jon', similarity: 0.5 },
      ],
    });
    expect(ranked.score).toBe(WEIGHTS.name);
    expect(ranked.reasons).toEqual(['Name matches "smiht", "jon"']);
    const expert = rankPerson({
      topics: [{ match: k8s, counters: { ...none, declared: true, acceptedAnswers: 3 } }],
      names: [{ term: 'smith', similarity: 1 }],
    });
    expect(expert.reasons[0]).toBe('3 accepted answers on Kubernetes');
    expect(expert.reasons.at(-1)).toBe('Name matches "smith"');
  });

  it('a person with accepted answers and endorsements outranks one who only declared the skill', () => {
    const earned = rankPerson({
      topics: [{ match: k8s, counters: { ...none, declared: true, endorsements: 2, acceptedAnswers: 1 } }],
      names: [],
    });
    const declared = rankPerson({ topics: [{ match: k8s, counters: { ...none, declared: true } }], names: [] });
    expect(earned.score).toBeGreaterThan(declared.score);
  });

  it('keeps at most 8 reasons and rounds the score to 2 decimals', () => {
    const many = ['a', 'b', 'c'].map((t) => ({
      match: { topic: t, label: t.toUpperCase(), weight: 1 / 3 },
      counters: { declared: true, endorsements: 1, acceptedAnswers: 1, answerUpvotes: 1, posts: 1, reviews: 1 },
    }));
    const ranked = rankPerson({ topics: many, names: [] });
    expect(ranked.reasons).toHaveLength(8);
    expect(Number.isInteger(ranked.score * 100)).toBe(true);
  });
});
