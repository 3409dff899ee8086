import type { Role } from '../api/types';

/**
 * Which roles open what (mirrors the api's permissions), as data: a page refused to someone can
 * then name the role it needs instead of sending them away.
 */
export const NEEDS = {
  moderate: ['moderator'],
  readAudit: ['moderator', 'admin'],
  moderationSettings: ['moderator', 'admin'],
  administer: ['admin'],
  analytics: ['admin', 'innovation'],
  manageSkills: ['admin'],
  manageEmail: ['admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Ability = keyof typeof NEEDS;

/** What the signed-in person's roles let them open. */
export const can = Object.fromEntries(
  (Object.keys(NEEDS) as Ability[]).map((ability) => [
    ability,
    (roles: readonly Role[]) => NEEDS[ability].some((role) => roles.includes(role)),
  ]),
) as Record<Ability, (roles: readonly Role[]) => boolean>;

/** Whether the "Manage" area has anything for these roles. */
export function managesAnything(roles: readonly Role[]): boolean {
  return can.readAudit(roles) || can.analytics(roles);
}
