import { findBlockedTerms, foldText, normalizeTerms } from './blocked-terms.js';

describe('blocked terms', () => {
  it('normalizes a configured list: trimmed, folded, no empties or duplicates', () => {
    expect(normalizeTerms(['  Spam ', 'spam', 'ÉNORME  Arnaque', '', '   '])).toEqual(['spam', 'enorme arnaque']);
  });

  it('folds case, accents, compatibility forms and whitespace', () => {
    expect(foldText('Ｓpám\t\nHere')).toBe('spam here');
  });

  it.each([
    ['Buy SPAM now', ['spam'], ['spam']],
    ['spám!', ['spam'], ['spam']],
    ['(spam)', ['spam'], ['spam']],
    ['antispam filters', ['spam'], []],
    ['spammer', ['spam'], []],
    ['an enorme   arnaque here', ['enorme arnaque'], ['enorme arnaque']],
    ['enorme, arnaque', ['enorme arnaque'], []],
    ['a.b is a regex trap', ['a.b'], ['a.b']],
    ['axb is not a.b', ['a.b'], ['a.b']],
    ['axb only', ['a.b'], []],
    ['nothing here', [], []],
    ['two bad words: foo and bar', ['bar', 'foo', 'baz'], ['bar', 'foo']],
  ])('%j with %j → %j', (text, terms, found) => {
    expect(findBlockedTerms(text, terms)).toEqual(found);
  });
});
