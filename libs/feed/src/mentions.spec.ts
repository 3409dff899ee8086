import { MAX_MENTIONS, parseMentions } from './mentions.js';

describe('parseMentions', () => {
  it.each([
    ['hello @alice', ['alice']],
    ['@alice at the start', ['alice']],
    ['two: @alice and @bob_2', ['alice', 'bob_2']],
    ['punctuation (@alice), @bob! @carol? @dave: "@erin" @frank.', ['alice', 'bob', 'carol', 'dave', 'erin', 'frank']],
    ['new lines\n@alice\t@bob', ['alice', 'bob']],
    ["possessive @alice's idea", ['alice']],
    ['case-insensitive @Alice @ALICE @alice', ['alice']],
    ['deduplicated in order @bob @alice @bob', ['bob', 'alice']],
    ['handle of 30: @' + 'a'.repeat(30), ['a'.repeat(30)]],
    ['a hyphen or a dash ends a handle: @alice-bob @carol—thanks', ['alice', 'carol']],
  ])('%s', (text, expected) => {
    expect(parseMentions(text)).toEqual(expected);
  });

  it.each([
    ['emails', 'write to a@b.com or jean.dupont@corp.example'],
    ['too short', 'hey @a'],
    ['too long (31 characters)', '@' + 'a'.repeat(31)],
    ['dotted names and domains', 'see @corp.example and @jean.dupont'],
    ['URL paths', 'https://medium.com/@alice'],
    ['non-handle characters glued on', '@élodie @bob@corp @ab́c'],
    ['a lone @', 'meet @ noon @'],
    ['double @@', 'hi @@alice'],
    ['Unicode case folding tricks', '@ſam @\u212Aate'],
  ])('ignores %s', (_name, text) => {
    expect(parseMentions(text)).toEqual([]);
  });

  it(`keeps at most ${MAX_MENTIONS} distinct handles`, () => {
    const text = Array.from({ length: 60 }, (_, i) => `@user${i}`).join(' ') + ' @user0';
    const found = parseMentions(text);
    expect(found).toHaveLength(MAX_MENTIONS);
    expect(found[0]).toBe('user0');
    expect(found[MAX_MENTIONS - 1]).toBe(`user${MAX_MENTIONS - 1}`);
  });

  it('returns nothing for text without mentions', () => {
    expect(parseMentions('')).toEqual([]);
    expect(parseMentions('just text')).toEqual([]);
  });
});
