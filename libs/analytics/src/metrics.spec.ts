import { emailsAvoided, emailsAvoidedTerms, healthScore, periodOf, share, toCsv, trendOf } from './metrics.js';

const now = new Date('2026-03-15T17:45:00Z');

describe('periodOf', () => {
  it('defaults to the last 30 days, today included (UTC)', () => {
    expect(periodOf(undefined, undefined, now)).toEqual({
      from: '2026-02-14',
      to: '2026-03-15',
      start: new Date('2026-02-14T00:00:00Z'),
      end: new Date('2026-03-16T00:00:00Z'),
      days: 30,
    });
  });

  it('takes both ends inclusive; a date-time counts as its UTC day', () => {
    expect(periodOf('2026-01-01', '2026-01-01T23:59:00Z', now)).toMatchObject({ from: '2026-01-01', to: '2026-01-01', days: 1 });
    expect(periodOf('2025-03-16', '2026-03-15', now).days).toBe(365);
    expect(periodOf('2024-01-01', '2024-12-31', now).days).toBe(366);
  });

  it.each([
    ['from after to', '2026-02-02', '2026-02-01'],
    ['more than 366 days', '2024-01-01', '2025-01-01'],
    ['not a date', 'yesterday', undefined],
    ['an impossible date', '2026-02-30', undefined],
  ])('rejects %s', (_name, from, to) => {
    expect(() => periodOf(from, to, now)).toThrow(expect.objectContaining({ code: 'invalid' }));
  });
});

describe('rates and formulas', () => {
  it('shares are null without a whole, rounded to 4 decimals otherwise', () => {
    expect(share(1, 0)).toBeNull();
    expect(share(2, 3)).toBe(0.6667);
  });

  it('estimatedEmailsAvoided (v2) adds posts that reached readers, announcements read, answered questions and replies', () => {
    const inputs = { postsWithReaders: 3, postsByEmail: 0, announcementsAcknowledged: 6, questionsAnswered: 2, comments: 4, answers: 5, repliesByEmail: 0 };
    expect(emailsAvoidedTerms(inputs)).toEqual({ postsReachingReaders: 3, announcementsAcknowledged: 6, questionsAnsweredInOpen: 2, replies: 9 });
    expect(emailsAvoided(inputs)).toBe(20);
  });

  it('what arrived by email through the bridge is not an email avoided', () => {
    const inputs = { postsWithReaders: 3, postsByEmail: 1, announcementsAcknowledged: 0, questionsAnswered: 2, comments: 4, answers: 5, repliesByEmail: 3 };
    expect(emailsAvoidedTerms(inputs)).toMatchObject({ postsReachingReaders: 2, replies: 6 });
    expect(emailsAvoided(inputs)).toBe(10);
    // Never below zero, whatever the bridge's count says (a reply by email to an item of another period).
    expect(emailsAvoidedTerms({ ...inputs, comments: 0, answers: 0, postsWithReaders: 0 })).toMatchObject({ postsReachingReaders: 0, replies: 0 });
  });

  it('health score: a lively group scores high, an idle one low', () => {
    expect(
      healthScore({
        memberCount: 10,
        activeMembers: 5,
        posts: 4,
        answeredPosts: 4,
        medianReplyMinutes: 30,
        newMembers: 2,
        lostMembers: 0,
      }),
    ).toEqual({ score: 100, parts: { participation: 1, answered: 1, responsiveness: 1, growth: 1 } });
    expect(
      healthScore({
        memberCount: 10,
        activeMembers: 0,
        posts: 0,
        answeredPosts: 0,
        medianReplyMinutes: null,
        newMembers: 0,
        lostMembers: 0,
      }),
    ).toEqual({ score: 8, parts: { participation: 0, answered: 0, responsiveness: 0, growth: 0.5 } });
  });

  it('health score: each part as documented', () => {
    // participation 2/10 / 0.5 = 0.4; answered 1/2; responsiveness at 750 min = 0.5; growth 1/(1+3).
    const { score, parts } = healthScore({
      memberCount: 10,
      activeMembers: 2,
      posts: 2,
      answeredPosts: 1,
      medianReplyMinutes: 750,
      newMembers: 1,
      lostMembers: 3,
    });
    expect(parts).toEqual({ participation: 0.4, answered: 0.5, responsiveness: 0.5, growth: 0.25 });
    expect(score).toBe(Math.round(100 * (0.4 * 0.4 + 0.3 * 0.5 + 0.15 * 0.5 + 0.15 * 0.25)));
  });

  it('trend', () => {
    expect(trendOf(60, 45)).toEqual({ delta: 15, direction: 'up' });
    expect(trendOf(45, 60)).toEqual({ delta: -15, direction: 'down' });
    expect(trendOf(50, 50)).toEqual({ delta: 0, direction: 'flat' });
  });

  it('CSV quotes what needs quoting and ends lines with CRLF', () => {
    expect(
      toCsv(
        ['a', 'b'],
        [
          ['x,y', 'say "hi"'],
          [1, null],
        ],
      ),
    ).toBe('a,b\r\n"x,y","say ""hi"""\r\n1,\r\n');
  });
});
