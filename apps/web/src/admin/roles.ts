import type { Role } from '../api/types';

/** What the signed-in person's roles let them open (mirrors the api's permissions). */
export const can = {
  moderate: (roles: readonly Role[]) => roles.includes('moderator'),
  readAudit: (roles: readonly Role[]) => roles.includes('moderator') || roles.includes('admin'),
  moderationSettings: (roles: readonly Role[]) => roles.includes('moderator') || roles.includes('admin'),
  administer: (roles: readonly Role[]) => roles.includes('admin'),
  analytics: (roles: readonly Role[]) => roles.includes('admin') || roles.includes('innovation'),
  manageSkills: (roles: readonly Role[]) => roles.includes('admin'),
  manageEmail: (roles: readonly Role[]) => roles.includes('admin'),
};

/** Whether the "Manage" area has anything for these roles. */
export function managesAnything(roles: readonly Role[]): boolean {
  return can.readAudit(roles) || can.analytics(roles);
}
