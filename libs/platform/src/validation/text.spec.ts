import { findLoneSurrogate, hasLoneSurrogate, isInvisibleText } from './text.js';

describe('isInvisibleText', () => {
  it.each([
    ['empty', ''],
    ['spaces, tabs and new lines', ' \t\r\n '],
    ['no-break and ideographic spaces', '\u00A0\u3000\u2003'],
    ['zero-width space, non-joiner, joiner, word joiner', '\u200B\u200C\u200D\u2060'],
    ['byte order mark', '\uFEFF'],
    ['bidi override and isolates', '\u202E\u2066\u2069'],
    ['Hangul fillers', '\u115F\u1160\u3164\uFFA0'],
    ['control characters', '\u0001\u0007\u007F\u009F'],
    ['a lone variation selector', '\uFE0F'],
    ['soft hyphen', '\u00AD'],
    ['braille blank', '\u2800'],
    ['a mix of all of them', ' \u200B\u3164\u202E\u00A0\u2060\n'],
  ])('%s is invisible', (_name, text) => {
    expect(isInvisibleText(text)).toBe(true);
  });

  it.each([
    ['plain text', 'hello'],
    ['a letter between zero-width spaces', '\u200Ba\u200B'],
    ['an emoji family joined by U+200D', '👨\u200D👩\u200D👧'],
    ['an emoji with a variation selector', '❤\uFE0F'],
    ['Arabic', 'مرحبا بالعالم'],
    ['Hebrew', 'שלום'],
    ['Chinese', '你好'],
    ['Korean (real Hangul, not fillers)', '안녕하세요'],
    ['accents, precomposed and combining', 'Éloïse e\u0301'],
    ['Devanagari', 'नमस्ते'],
    ['a single dot', '.'],
  ])('%s is visible', (_name, text) => {
    expect(isInvisibleText(text)).toBe(false);
  });
});

describe('hasLoneSurrogate', () => {
  it.each([
    ['a high surrogate alone', 'a\uD800b'],
    ['a low surrogate alone', '\uDC00'],
    ['a high surrogate at the end', 'abc\uD83D'],
    ['two high surrogates', '\uD83D\uD83D'],
    ['a reversed pair', '\uDE00\uD83D'],
  ])('%s is detected', (_name, text) => {
    expect(hasLoneSurrogate(text)).toBe(true);
  });

  it.each([
    ['ASCII', 'hello'],
    ['an astral emoji (a well-formed pair)', '😀'],
    ['a joined emoji sequence', '👨\u200D👩\u200D👧'],
    ['BMP characters next to the surrogate range', '\uD7FF\uE000'],
    ['empty', ''],
  ])('%s is well formed', (_name, text) => {
    expect(hasLoneSurrogate(text)).toBe(false);
  });
});

describe('findLoneSurrogate', () => {
  it('finds the path of a value or a key with a lone surrogate', () => {
    expect(findLoneSurrogate({ a: 'ok', b: ['ok', 'x\uD800'] })).toBe('b[1]');
    expect(findLoneSurrogate({ criteria: [{ name: 'ok' }, { name: '\uDC00' }] })).toBe('criteria[1].name');
    expect(findLoneSurrogate({ scores: { ['k\uD800']: 1 } })).toBe('scores.k\uD800');
    expect(findLoneSurrogate('\uD800')).toBe('value');
  });

  it('walks plain data only: a class instance (a socket, cyclic) is not input', () => {
    class Socket {
      self = this;
      name = '\uD800';
    }
    expect(findLoneSurrogate({ socket: new Socket() })).toBeUndefined();
  });

  it('finds nothing in well-formed input', () => {
    expect(findLoneSurrogate({ a: '😀', b: [1, null, true, { c: 'שלום' }] })).toBeUndefined();
    expect(findLoneSurrogate(null)).toBeUndefined();
    expect(findLoneSurrogate(42)).toBeUndefined();
  });
});
