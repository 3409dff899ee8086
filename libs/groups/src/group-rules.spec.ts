import {
  canAssignRoles,
  canBan,
  canJoin,
  canManage,
  canModerateBans,
  canPost,
  canRemove,
  canSeeCard,
  type GroupFacts,
  type GroupRole,
  type GroupVisibility,
  isReadable,
  keepsAnOwner,
  type MemberRole,
  type Verdict,
} from './group-rules.js';

type Caller = 'owner' | 'admin' | 'member' | 'pending' | 'stranger' | 'banned' | 'moderator';

function facts(visibility: GroupVisibility, caller: Caller): GroupFacts {
  const role: GroupRole | null =
    caller === 'owner' || caller === 'admin' || caller === 'member' || caller === 'pending' ? caller : null;
  return { visibility, role, banned: caller === 'banned', moderator: caller === 'moderator' };
}

const CALLERS: Caller[] = ['owner', 'admin', 'member', 'pending', 'stranger', 'banned', 'moderator'];

/** Expected verdicts in CALLERS order. */
const MATRIX: [string, (f: GroupFacts) => Verdict | boolean, GroupVisibility, (Verdict | boolean)[]][] = [
  ['read', isReadable, 'public', [true, true, true, true, true, true, true]],
  ['read', isReadable, 'private', [true, true, true, false, false, false, false]],
  ['see the card', canSeeCard, 'public', [true, true, true, true, true, true, true]],
  ['see the card', canSeeCard, 'private', [true, true, true, true, false, false, false]],
  ['manage', canManage, 'public', ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden']],
  ['manage', canManage, 'private', ['ok', 'ok', 'forbidden', 'not_found', 'not_found', 'not_found', 'not_found']],
  [
    'assign roles',
    canAssignRoles,
    'public',
    ['ok', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'forbidden'],
  ],
  [
    'assign roles',
    canAssignRoles,
    'private',
    ['ok', 'forbidden', 'forbidden', 'not_found', 'not_found', 'not_found', 'not_found'],
  ],
  ['moderate bans', canModerateBans, 'public', ['ok', 'ok', 'forbidden', 'forbidden', 'forbidden', 'forbidden', 'ok']],
  ['moderate bans', canModerateBans, 'private', ['ok', 'ok', 'forbidden', 'not_found', 'not_found', 'not_found', 'not_found']],
  ['join', canJoin, 'public', ['ok', 'ok', 'ok', 'ok', 'ok', 'forbidden', 'ok']],
  ['join', canJoin, 'private', ['ok', 'ok', 'ok', 'ok', 'ok', 'forbidden', 'ok']],
  ['post', canPost, 'public', ['ok', 'ok', 'ok', 'forbidden', 'forbidden', 'forbidden', 'forbidden']],
  ['post', canPost, 'private', ['ok', 'ok', 'ok', 'not_found', 'not_found', 'not_found', 'not_found']],
];

describe('group rules', () => {
  it.each(MATRIX)('%s in a %s group', (_name, rule, visibility, expected) => {
    expect(CALLERS.map((caller) => rule(facts(visibility, caller)))).toEqual(expected);
  });

  it('never lets a private group be told apart from a missing one by someone outside it', () => {
    for (const rule of [canManage, canAssignRoles, canModerateBans, canPost]) {
      for (const caller of ['pending', 'stranger', 'banned', 'moderator'] as const) {
        expect(rule(facts('private', caller))).toBe('not_found');
      }
    }
  });

  it("keeps a site moderator's ban rights in a private group they belong to", () => {
    const inside: GroupFacts = { visibility: 'private', role: 'member', banned: false, moderator: true };
    expect(canModerateBans(inside)).toBe('ok');
  });

  it.each<[MemberRole, MemberRole, boolean]>([
    ['owner', 'owner', true],
    ['owner', 'admin', true],
    ['owner', 'member', true],
    ['admin', 'owner', false],
    ['admin', 'admin', false],
    ['admin', 'member', true],
    ['member', 'member', false],
  ])('%s may remove %s: %s', (actor, target, allowed) => {
    expect(canRemove(actor, target)).toBe(allowed);
  });

  it.each<[GroupRole | null, boolean, GroupRole | null, boolean]>([
    ['owner', false, 'owner', false],
    ['owner', false, 'admin', true],
    ['owner', false, 'member', true],
    ['owner', false, 'pending', true],
    ['owner', false, null, true],
    ['admin', false, 'owner', false],
    ['admin', false, 'admin', false],
    ['admin', false, 'member', true],
    ['admin', false, null, true],
    ['member', false, 'member', false],
    ['member', false, null, false],
    [null, true, 'owner', true],
    [null, true, 'admin', true],
    [null, true, null, true],
  ])('%s (moderator: %s) may ban %s: %s', (role, moderator, target, allowed) => {
    expect(canBan({ role, moderator }, target)).toBe(allowed);
  });

  it('keeps an owner: the last one cannot leave or step down, a co-owner can', () => {
    expect(keepsAnOwner(1, 'owner', null)).toBe(false);
    expect(keepsAnOwner(1, 'owner', 'admin')).toBe(false);
    expect(keepsAnOwner(1, 'owner', 'owner')).toBe(true);
    expect(keepsAnOwner(2, 'owner', 'member')).toBe(true);
    expect(keepsAnOwner(1, 'admin', null)).toBe(true);
    expect(keepsAnOwner(0, 'member', null)).toBe(true);
  });
});
