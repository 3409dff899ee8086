import { eligibleRecipients, groupKeyOf, usersOfAudience } from './notification-rules.js';

const [alice, bob, carol, dave, erin] = ['a', 'b', 'c', 'd', 'e'].map((c) => `${c.repeat(8)}-0000-4000-8000-000000000000`);
const everyone = new Set([alice, bob, carol, dave, erin]);
const none = new Set<string>();

describe('eligibleRecipients', () => {
  it('never tells the actor, and names each person once, in order', () => {
    expect(
      eligibleRecipients({ candidates: [bob, alice, carol, bob], actorId: alice, active: everyone, optedOut: none, muted: none }),
    ).toEqual([bob, carol]);
  });

  it('drops people who turned the kind off, muted the subject, or whose account is not active', () => {
    expect(
      eligibleRecipients({
        candidates: [bob, carol, dave, erin],
        actorId: alice,
        active: new Set([bob, carol, dave]),
        optedOut: new Set([carol]),
        muted: new Set([dave]),
      }),
    ).toEqual([bob]);
  });

  it('drops the excluded too (a moderator resolving a report is never told of it)', () => {
    expect(
      eligibleRecipients({
        candidates: [bob, carol],
        actorId: null,
        excluded: [carol],
        active: everyone,
        optedOut: none,
        muted: none,
      }),
    ).toEqual([bob]);
  });
});

describe('helpers', () => {
  it('keys a grouped row by kind and subject', () => {
    expect(groupKeyOf('reaction', alice)).toBe(`reaction:${alice}`);
  });

  it('reads user rooms out of an audience', () => {
    expect(usersOfAudience([`user:${bob}`, `post:${alice}`, `user:${carol}`])).toEqual([bob, carol]);
  });
});
