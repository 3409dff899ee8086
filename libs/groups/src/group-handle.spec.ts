import { firstFreeHandle, handleFromName, handleProblem } from './group-handle.js';

describe('group handles', () => {
  it.each([
    ['Équipe Produit', 'equipe-produit'],
    ['  Data & AI — Paris ', 'data-ai-paris'],
    ['R&D', 'r-d'],
    ['设计', 'group'],
    ['X', 'group'],
    ['a'.repeat(60), 'a'.repeat(40)],
  ])('%s → %s', (name, handle) => {
    expect(handleFromName(name)).toBe(handle);
    expect(handleProblem(handleFromName(name))).toBeNull();
  });

  it('skips reserved and taken handles with a numeric suffix, within 40 characters', () => {
    expect(firstFreeHandle('admin', new Set())).toBe('admin-2');
    expect(firstFreeHandle('team', new Set(['team', 'team-2']))).toBe('team-3');
    expect(firstFreeHandle('b'.repeat(40), new Set(['b'.repeat(40)]))).toBe(`${'b'.repeat(38)}-2`);
  });

  it.each(['reply', 'postmaster', 'noreply', 'abuse', 'admin'])('%s is reserved', (handle) => {
    expect(handleProblem(handle)).toMatch(/reserved/);
  });

  it.each(['A-team', '-team', 'team-', 'te--am', 't', 'team.paris', 'reply+x', 'x'.repeat(41)])('%s is malformed', (handle) => {
    expect(handleProblem(handle)).toMatch(/lower-case/);
  });
});
