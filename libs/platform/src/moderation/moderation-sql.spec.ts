import {
  inlineViewerId,
  moderationViewer,
  moderationVisibleForRolesSql,
  moderationVisibleSql,
  stateAfterEdit,
  stateOnCreate,
  visibleUnderModeration,
} from './moderation-sql.js';

const ID = '0b5e2c8a-9f3d-4e1b-a7c6-5d4f3e2b1a09';
const employee = moderationViewer(ID, { roles: ['employee'] });
const moderator = moderationViewer(ID, { roles: ['moderator'] });

describe('moderationVisibleSql', () => {
  it('lets an employee see visible content, and held content of their own', () => {
    expect(moderationVisibleSql(employee, { alias: 'p' }, '$2')).toBe(
      "(p.moderation_state = 'visible' OR (p.moderation_state = 'held' AND p.author_id = $2::uuid))",
    );
  });

  it('names the author and state columns a content type declares', () => {
    expect(moderationVisibleSql(employee, { alias: 'q', author: 'asker_id', state: 'mod' }, '$1')).toBe(
      "(q.mod = 'visible' OR (q.mod = 'held' AND q.asker_id = $1::uuid))",
    );
  });

  it('binds the viewer id through a parameter collector, and binds nothing for a moderator', () => {
    const values: unknown[] = [];
    const add = (value: unknown) => `$${values.push(value)}`;
    expect(moderationVisibleSql(employee, { alias: 'c' }, add)).toContain('c.author_id = $1::uuid');
    expect(values).toEqual([ID]);
    expect(moderationVisibleSql(moderator, { alias: 'c' }, add)).toBe('TRUE');
    expect(values).toEqual([ID]);
  });

  it('still references a fixed placeholder for a moderator, so callers pass the same values', () => {
    expect(moderationVisibleSql(moderator, { alias: 'a' }, '$3')).toBe('($3::uuid IS NOT NULL)');
  });

  it('inlines only a checked id; anything else matches no author', () => {
    expect(moderationVisibleSql(employee, { alias: 'i' }, inlineViewerId)).toContain(`i.author_id = '${ID}'::uuid`);
    expect(inlineViewerId(ID.toUpperCase())).toBe(`'${ID}'`);
    expect(inlineViewerId("x' OR TRUE --")).toBe('NULL');
  });

  it('gives a gone or suspended account no moderator rights, whatever its roles were', () => {
    expect(moderationViewer(ID, null).moderator).toBe(false);
    expect(moderationVisibleSql(moderationViewer(ID, undefined), { alias: 'p' }, '$1')).not.toBe('($1::uuid IS NOT NULL)');
  });
});

describe('moderationVisibleForRolesSql', () => {
  it('decides the moderator part by the roles the statement reads, the roles that grant moderation taken from the permissions table', () => {
    expect(moderationVisibleForRolesSql(ID, '(SELECT roles FROM caller)', { alias: 'p' }, '$2')).toBe(
      "(((SELECT roles FROM caller) && ARRAY['moderator']::text[]) IS TRUE OR " +
        "(p.moderation_state = 'visible' OR (p.moderation_state = 'held' AND p.author_id = $2::uuid)))",
    );
  });
});

describe('visibleUnderModeration agrees with the SQL rule', () => {
  const other = 'ffffffff-9f3d-4e1b-a7c6-5d4f3e2b1a09';
  it.each([
    ['visible', other, true, true],
    ['held', ID, true, true],
    ['held', other, false, true],
    ['hidden', ID, false, true],
    ['removed', ID, false, true],
  ] as const)('%s content by %s: employee %s, moderator %s', (state, authorId, forEmployee, forModerator) => {
    expect(visibleUnderModeration(employee, { authorId, state })).toBe(forEmployee);
    expect(visibleUnderModeration(moderator, { authorId, state })).toBe(forModerator);
  });
});

describe('states written by authors', () => {
  const held = { held: true, terms: ['x'] };
  const pass = { held: false, terms: [] };
  it('holds new content with a blocked term', () => {
    expect(stateOnCreate(held)).toBe('held');
    expect(stateOnCreate(pass)).toBe('visible');
  });
  it('holds visible content edited into a blocked term and never releases or restores by an edit', () => {
    expect(stateAfterEdit('visible', held)).toBe('held');
    expect(stateAfterEdit('visible', pass)).toBe('visible');
    expect(stateAfterEdit('held', pass)).toBe('held');
    expect(stateAfterEdit('hidden', pass)).toBe('hidden');
    expect(stateAfterEdit('removed', held)).toBe('removed');
  });
});
