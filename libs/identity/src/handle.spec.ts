import { handleFromEmail, withSuffix } from './handle.js';

describe('handles from emails', () => {
  it.each([
    ['alice@corp.example', 'alice'],
    ['Jean.Dupont@corp.example', 'jean_dupont'],
    ['élodie.müller@corp.example', 'elodie_muller'],
    ['a@corp.example', 'usera'],
    ['--x--@corp.example', 'userx'],
    ['this.is.a.very.long.local.part.indeed@corp.example', 'this_is_a_very_long_local_part'],
  ])('%s → %s', (email, handle) => {
    expect(handleFromEmail(email)).toBe(handle);
  });

  it('adds a numeric suffix within 30 characters', () => {
    expect(withSuffix('alice', 1)).toBe('alice');
    expect(withSuffix('alice', 2)).toBe('alice2');
    expect(withSuffix('x'.repeat(30), 12)).toBe('x'.repeat(28) + '12');
  });
});
