import { declaredSkills, skillDisplayName, skillKey } from './skill.js';

describe('skill keys', () => {
  it.each([
    ['  Développement   Web ', 'developpement web'],
    ['developpement web', 'developpement web'],
    ['TypeScript', 'typescript'],
    ['Gestion\tde\n projet', 'gestion de projet'],
    ['Ærø Façade Ñandú', 'ærø facade nandu'],
    ['Ｒｅａｃｔ', 'react'],
    ['ﬁnance', 'finance'],
    ['C#', 'c#'],
    ['CI/CD', 'ci/cd'],
    ['Müller\u00a0GmbH', 'muller gmbh'],
  ])('%j → %j', (name, key) => {
    expect(skillKey(name)).toBe(key);
  });

  it('makes composed and decomposed accents the same key', () => {
    expect(skillKey('caf\u00e9')).toBe(skillKey('cafe\u0301'));
  });

  it('keeps marks that are letters in other scripts', () => {
    // Devanagari vowel signs are combining marks but not diacritics: dropping them would merge words.
    expect(skillKey('हिंदी')).toBe('हिंदी'.normalize('NFC'));
  });

  it('is empty when only whitespace or accents are left', () => {
    expect(skillKey('   ')).toBe('');
    expect(skillKey('\u0301\u0300')).toBe('');
  });

  it('shows names as written, with whitespace tidied', () => {
    expect(skillDisplayName('  Développement   Web ')).toBe('Développement Web');
  });
});

describe('declared skills', () => {
  it('keeps the first spelling of each key, in order, and drops empty ones', () => {
    expect(declaredSkills(['  Développement   Web ', 'SQL', 'developpement web', ' ', 'sql', 'Go'])).toEqual([
      { skill: 'developpement web', name: 'Développement Web' },
      { skill: 'sql', name: 'SQL' },
      { skill: 'go', name: 'Go' },
    ]);
  });
});
